// R (read.csv, jsonlite) and pandas read obs code's CSV and JSON lines outputs with no type fix-ups:
// year numeric, the data rows summing to the --totals rows, passage rows counting to the totals,
// hit offsets cutting the hit's text out of the passage. Each check skips, with a note, where its
// interpreter or package is absent (.ci/run installs them: r-base-core, r-cran-jsonlite, python3-pandas).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const R_SCRIPT = path.join(HERE, 'read-outputs.R');
const PY_SCRIPT = path.join(HERE, 'read_outputs.py');

function findR(): boolean {
  const r = spawnSync('Rscript', ['-e', 'library(jsonlite)'], { encoding: 'utf8' });
  if (r.error) {
    console.warn('skipping the R check: Rscript is not installed (Debian: apt-get install r-base-core r-cran-jsonlite; .ci/run installs them)');
    return false;
  }
  if (r.status !== 0) {
    console.warn('skipping the R check: R has no jsonlite package (Debian: apt-get install r-cran-jsonlite; .ci/run installs it)');
    return false;
  }
  return true;
}

/** A python3 that can import pandas: Debian's python3-pandas installs into /usr/bin/python3, which PATH may shadow (pyenv). */
function findPython(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(candidate, ['-c', 'import pandas'], { encoding: 'utf8' });
    if (!r.error && r.status === 0) return candidate;
  }
  console.warn('skipping the Python check: no python3 that can import pandas, tried /usr/bin/python3 and python3 (Debian: apt-get install python3-pandas; .ci/run installs it)');
  return undefined;
}

const hasR = findR();
const python = findPython();

interface Files {
  figures: string;
  totals: string;
  jsonl: string;
  csv: string;
  /** --passages of a passage with emoji, a combining accent and CJK before its hits */
  wide: string;
}
let files: Files;

async function obs(args: string[], out: string): Promise<string> {
  const r = await runObs([...args, '--out', out], { cwd: ROOT });
  expect(r.code, r.stderr).toBe(0);
  return out;
}

beforeAll(async () => {
  if (!hasR && !python) return;
  const dir = tempCorpus({});
  const corpus = ['code', 'fixtures/big-local', '--meta', 'fixtures/big-local-meta.csv'];
  const wide = tempCorpus({
    'codebook.yaml': 'name: Wide\nthemes:\n  - id: money\n    label: Money\n    keywords: [money]\n',
    'a.txt': 'Interviewer: What about 😀 funding?\nAnn: 😀👍🏽 café — the money was 𝔊ood, ﬁne money. Nai\u0308ve 中文 money\n',
  });
  files = {
    figures: await obs([...corpus, '--format', 'csv'], path.join(dir, 'figures.csv')),
    totals: await obs([...corpus, '--format', 'csv', '--totals'], path.join(dir, 'totals.csv')),
    jsonl: await obs([...corpus, '--passages'], path.join(dir, 'passages.jsonl')),
    csv: await obs([...corpus, '--passages', '--format', 'csv'], path.join(dir, 'passages.csv')),
    wide: await obs(['code', wide, '--codebook', path.join(wide, 'codebook.yaml'), '--passages', '--quiet'], path.join(dir, 'wide.jsonl')),
  };
});

function run(command: string, script: string, args: string[]) {
  const r = spawnSync(command, [script, ...args], { encoding: 'utf8', cwd: ROOT });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const good = () => [files.figures, files.totals, files.jsonl, files.csv, files.wide];

/** Outputs a careless writer could produce, and what the readers must say of them. */
function broken() {
  const dir = tempCorpus({});
  // One data row's passages one more than obs counted.
  const [header = '', first = '', ...rest] = readFileSync(files.figures, 'utf8').split('\n');
  const cells = first.split(',');
  expect(first).not.toContain('"');
  const passages = header.split(',').indexOf('passages');
  cells[passages] = String(Number(cells[passages]) + 1);
  const offByOne = path.join(dir, 'off-by-one.csv');
  writeFileSync(offByOne, [header, cells.join(','), ...rest].join('\n'));
  // Offsets counted in UTF-16 code units, as JavaScript's string indexes are.
  const utf16 = readFileSync(files.wide, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const p = JSON.parse(line) as { text: string; hits: Array<{ start: number; end: number }> };
      const units = (n: number) => [...p.text].slice(0, n).join('').length;
      for (const h of p.hits) [h.start, h.end] = [units(h.start), units(h.end)];
      return JSON.stringify(p);
    })
    .join('\n');
  expect(utf16).not.toBe(readFileSync(files.wide, 'utf8').trim());
  const wideUtf16 = path.join(dir, 'utf16.jsonl');
  writeFileSync(wideUtf16, utf16 + '\n');
  return [
    { what: 'the --totals output read as the data rows', args: [files.totals, files.totals, files.jsonl, files.csv], says: /year is read as (character|object), not numeric/ },
    { what: 'a data row off by one', args: [offByOne, files.totals, files.jsonl, files.csv], says: /passages sum to \d+ over the data rows/ },
    { what: 'hit offsets in UTF-16 units', args: [files.figures, files.totals, files.jsonl, files.csv, wideUtf16], says: /hit 'money' at/ },
  ];
}

describe('R reads the outputs: read.csv without colClasses, jsonlite stream_in', () => {
  it.skipIf(!hasR)('year is numeric, the data rows sum to the (all) rows, passage rows count to them, offsets cut out each hit', () => {
    const r = run('Rscript', R_SCRIPT, good());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: ok\n/);
    expect(r.stdout).toMatch(/ [1-9]\d* hits equal substr\(text, start \+ 1, end\), and 3 more in 1 further file/);
  });

  it.skipIf(!hasR)('stops on totals rows among the data rows, a figure off by one and UTF-16 offsets', () => {
    for (const { what, args, says } of broken()) {
      const r = run('Rscript', R_SCRIPT, args);
      expect(r.status, what).toBe(1);
      expect(r.stderr, what).toMatch(says);
    }
  });
});

describe('pandas reads the outputs: read_csv and read_json(lines=True) without dtype; json checks the offsets', () => {
  it.skipIf(!python)('year is numeric, the data rows sum to the (all) rows, passage rows count to them, offsets cut out each hit', () => {
    const r = run(python!, PY_SCRIPT, good());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: ok\n/);
    expect(r.stdout).toMatch(/ [1-9]\d* hits equal text\[start:end\] \(pandas and json\), and 3 more in 1 further file/);
  });

  it.skipIf(!python)('exits 1 on totals rows among the data rows, a figure off by one and UTF-16 offsets', () => {
    for (const { what, args, says } of broken()) {
      const r = run(python!, PY_SCRIPT, args);
      expect(r.status, what).toBe(1);
      expect(r.stderr, what).toMatch(says);
    }
  });
});
