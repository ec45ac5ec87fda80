// The corpus reads only what it should, each file once, under a name no other file of the run has:
// no pipe or device is opened as a transcript, no file is counted twice, no obs output is read back.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus, type RunResult } from '../helpers/run.js';
import { snapshot } from '../helpers/snapshot.js';

const CODEBOOK = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant, funding, money]\n  - id: time\n    label: Time\n    keywords: [time]\n';
const STACK = /\n\s+at .+[(:]\d+/;

/** Runs obs in `dir` and checks what every run must keep: no stack trace, inputs as they were, no temporary file left. */
async function run(dir: string, args: string[], outputs: string[] = [], env: Record<string, string> = {}): Promise<RunResult> {
  const before = snapshot(dir);
  const r = await runObs(args, { cwd: dir, env });
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toContain('unexpected error');
  const after = snapshot(dir);
  for (const out of outputs) {
    before.delete(out);
    after.delete(out);
  }
  expect(after).toEqual(before);
  expect(readdirSync(dir, { recursive: true }).map(String).filter((f) => path.basename(f).startsWith('.obs-tmp'))).toEqual([]);
  return r;
}

type PassageLine = { file: string; line: number; themes: Record<string, number>; meta: Record<string, string> };
const passages = (stdout: string): PassageLine[] => (stdout.trim() === '' ? [] : stdout.trim().split('\n')).map((l) => JSON.parse(l) as PassageLine);
const moneyPassages = (stdout: string) => passages(stdout).filter((p) => 'money' in p.themes).length;

describe('only regular files are read as transcripts', () => {
  it('refuses a FIFO in a folder or named, and a link to a device, at once, naming each', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n\nAnn: more money\n' });
    execFileSync('mkfifo', [path.join(dir, 'corpus', 'pipe.txt')]);
    execFileSync('mknod', [path.join(dir, 'zero'), 'c', '1', '5']);
    symlinkSync(path.join(dir, 'zero'), path.join(dir, 'corpus', 'endless.txt'));

    const started = Date.now();
    const folder = await run(dir, ['code', 'corpus', '--passages']);
    expect(folder.code).toBe(0);
    expect(moneyPassages(folder.stdout)).toBe(2);
    expect(folder.stderr).toContain('obs: warning: pipe.txt: is a named pipe (FIFO), not a regular file; skipped');
    expect(folder.stderr).toContain('obs: warning: endless.txt: is a character device, not a regular file; skipped');

    const named = await run(dir, ['code', 'corpus/pipe.txt', 'corpus/endless.txt']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('obs: warning: corpus/pipe.txt: is a named pipe (FIFO), not a regular file; skipped');
    expect(named.stderr).toContain('obs: warning: corpus/endless.txt: is a character device, not a regular file; skipped');
    expect(named.stderr).toMatch(/obs: no transcripts found in corpus\/pipe\.txt, corpus\/endless\.txt/);

    const speakers = await run(dir, ['speakers', 'corpus/pipe.txt', 'corpus/a.txt']);
    expect(speakers.code).toBe(0);
    expect(speakers.stderr).toContain('corpus/pipe.txt: is a named pipe (FIFO), not a regular file; skipped');
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 10_000);

  it('tells many special files in a folder in one warning, naming the first', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n' });
    for (let i = 0; i < 6; i++) execFileSync('mkfifo', [path.join(dir, 'corpus', `p${i}.txt`)]);
    const r = await run(dir, ['code', 'corpus', '--passages']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/not a regular file/g)).toHaveLength(1);
    expect(r.stderr).toContain('obs: warning: p0.txt: is a named pipe (FIFO), not a regular file; skipped, as are 5 more pipes, sockets or devices in the folders given');
  }, 10_000);

  it('refuses a --meta table that is a FIFO at once, with exit 2', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n' });
    execFileSync('mkfifo', [path.join(dir, 'meta.csv')]);
    const r = await run(dir, ['code', 'corpus', '--meta', 'meta.csv', '--out', 'out.csv', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('obs: meta.csv: --meta file is a named pipe (FIFO), not a regular file');
    expect(existsSync(path.join(dir, 'out.csv'))).toBe(false);
  }, 10_000);
});

describe('each file of a run has a name of its own', () => {
  it('says so in the singular where one file is renamed: standard input named as a file in a folder given', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: a grant\nAnn: ok\n' });
    const r = await runObs(['code', 'c', '-', '--stdin-filename', 'a.txt', '--passages'], { cwd: dir, stdin: 'Bo: funding\nBo: ok\n' });
    expect(r.stderr).toContain('obs: note: 1 file has a name that a file from another path given has too (c/a.txt): it is named by its path as given');
    expect(passages(r.stdout).map((p) => p.file)).toEqual(['c/a.txt', 'c/a.txt', 'a.txt', 'a.txt']);
  });

  it('names files that two folders given share by their paths as given; --meta rows and --gold rows name them so', async () => {
    const dir = tempCorpus({
      'codebook.yaml': CODEBOOK,
      'A/x.txt': 'Ann: a grant\n\nAnn: nothing\n',
      'B/x.txt': 'Bo: no money, no time\n\nBo: nothing\n',
      'B/y.txt': 'Cy: funding\n\nCy: nothing\n',
      'meta.csv': 'file,area\nA/x.txt,North\nB/x.txt,South\ny.txt,East\n',
      'gold.csv': 'file,line,theme\nA/x.txt,1,money\nB/x.txt,1,money\nB/x.txt,1,time\n',
    });
    const r = await run(dir, ['code', 'A', 'B', '--passages', '--meta', 'meta.csv']);
    expect(r.code).toBe(0);
    const coded = passages(r.stdout).filter((p) => Object.keys(p.themes).length > 0);
    expect(coded.map((p) => [p.file, p.meta.area])).toEqual([
      ['A/x.txt', 'North'],
      ['B/x.txt', 'South'],
      ['y.txt', 'East'],
    ]);
    expect(r.stderr).toContain('obs: note: 2 files have a name that a file from another path given has too (A/x.txt, B/x.txt): each is named by its path as given');

    const byFile = await run(dir, ['code', 'A', 'B', '--by', 'file', '--format', 'csv', '--totals', '--quiet']);
    expect(byFile.stdout.split('\n').filter((l) => l.includes(',money,'))).toEqual([
      'A/x.txt,money,1,1,2,0.5,1,3,333.33',
      'B/x.txt,money,1,1,2,0.5,1,5,200',
      'y.txt,money,1,1,2,0.5,1,2,500',
      '(all),money,3,3,6,0.5,3,10,300',
    ]);

    const agree = await run(dir, ['agree', 'A', 'B', '--gold', 'gold.csv', '--format', 'json', '--quiet']);
    expect(agree.code).toBe(0);
    const overall = (JSON.parse(agree.stdout) as { rows: Array<{ theme: string; documents: number; both: number }> }).rows;
    expect(overall.find((row) => row.theme === 'money')).toMatchObject({ documents: 2, both: 2 });
  });

  it('says which name a --meta row must use where a name is shared', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'A/x.txt': 'Ann: a grant\n', 'B/x.txt': 'Bo: money\n', 'meta.csv': 'file,area\nx.txt,North\n' });
    const r = await run(dir, ['code', 'A', 'B', '--meta', 'meta.csv', '--passages']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('obs: warning: meta.csv: 1 row name no transcript read (first: x.txt)\n  hint: x.txt is in more than one path given, so each is named by its path as given: write A/x.txt');
  });
});

describe('each file is read once', () => {
  it('reads a file reached by two paths, a folder given twice, and a link to a file, once, with one warning each', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n\nAnn: more money\n', 'corpus/sub/b.txt': 'Bo: funding\n\nBo: more\n' });
    symlinkSync('a.txt', path.join(dir, 'corpus', 'same.txt'));
    symlinkSync('corpus', path.join(dir, 'again'));
    const r = await run(dir, ['code', 'corpus', 'corpus/a.txt', 'corpus', 'again', 'corpus/sub', '--passages']);
    expect(r.code).toBe(0);
    expect(passages(r.stdout).map((p) => p.file)).toEqual(['a.txt', 'a.txt', 'sub/b.txt', 'sub/b.txt']);
    expect(moneyPassages(r.stdout)).toBe(3);
    expect(r.stderr).toContain('obs: warning: corpus: holds 1 file already read (first: same.txt, read as a.txt); it is read once');
    expect(r.stderr).toContain('obs: warning: corpus/a.txt: names a file already read as a.txt; it is read once');
    expect(r.stderr).toContain('obs: warning: corpus: is given twice; read once');
    expect(r.stderr).toContain('obs: warning: again: is the same folder as corpus; read once');
    expect(r.stderr).toContain('obs: warning: corpus/sub: holds 1 file already read (first: b.txt, read as sub/b.txt); it is read once');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('obs: warning:'))).toHaveLength(5);
  });
});

describe("obs's own outputs are never read as transcripts", () => {
  it('leaves out the --out file and earlier outputs found by their content, each with a warning; the --meta table silently', async () => {
    const dir = tempCorpus({
      'codebook.yaml': CODEBOOK,
      'corpus/a.txt': 'Interviewer: money?\n\nAnn: a grant\n\nAnn: more money\n',
      'corpus/meta.csv': 'file,area\na.txt,North\n',
    });
    const clean = await run(dir, ['code', 'corpus', '--passages', '--meta', 'corpus/meta.csv']);
    expect(clean.stderr).toBe('');
    expect(moneyPassages(clean.stdout)).toBe(2);

    const outputs: Array<[string, string[]]> = [
      ['q.csv', ['quotes', 'corpus', '--format', 'csv']],
      ['code.csv', ['code', 'corpus', '--format', 'csv', '--by', 'file']],
      ['code.md', ['code', 'corpus', '--format', 'md']],
      ['code.txt', ['code', 'corpus']],
      ['quotes.md', ['quotes', 'corpus', '--format', 'md']],
      ['matrix.csv', ['matrix', 'corpus', '--format', 'csv']],
      ['cooccur.csv', ['matrix', 'corpus', '--cooccur', '--format', 'csv']],
      ['speakers.csv', ['speakers', 'corpus', '--format', 'csv']],
      ['speakers.txt', ['speakers', 'corpus']],
      ['report.html', ['report', 'corpus']],
    ];
    for (const [name, args] of outputs) {
      const out = `corpus/${name}`;
      const first = await run(dir, [...args, '--out', out], [out]);
      expect(first.code, first.stderr).toBe(0);
      // The same command again: its own --out file is left out, so it is no input to refuse.
      const again = await run(dir, [...args, '--out', out], [out]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain(`obs: warning: ${name}: is this run's --out file, an output of `);
    }

    // A transcript named as --out is still an input, never to be written over.
    const over = await run(dir, ['code', 'corpus', '--out', 'corpus/a.txt']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('obs: corpus/a.txt: is one of the input files');

    const r = await run(dir, ['code', 'corpus', '--passages', '--meta', 'corpus/meta.csv']);
    expect(r.code).toBe(0);
    expect(moneyPassages(r.stdout)).toBe(2);
    expect(new Set(passages(r.stdout).map((p) => p.file))).toEqual(new Set(['a.txt']));
    for (const [name] of outputs) expect(r.stderr).toMatch(new RegExp(`obs: warning: ${name.replace('.', '\\.')}: is an output of .*obs.*, not a transcript; skipped`));
    expect(r.stderr).not.toContain('meta.csv');

    // Worker threads read each file as the main thread does.
    const workers = await run(dir, ['code', 'corpus', '--passages', '--meta', 'corpus/meta.csv', '--jobs', '2'], [], { OBS_WORKER_BYTES: '1' });
    expect(workers.stdout).toBe(r.stdout);
    expect(workers.stderr).toBe(r.stderr);
  });
});

describe('repeated warnings', () => {
  it('shows ten of a kind and counts the rest in one line at the end', async () => {
    const files: Record<string, string> = { 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n' };
    for (let i = 0; i < 25; i++) files[`corpus/empty-${String(i).padStart(2, '0')}.txt`] = '';
    const dir = tempCorpus(files);
    for (const args of [['code', 'corpus', '--format', 'csv'], ['speakers', 'corpus']]) {
      const r = await run(dir, args);
      expect(r.code).toBe(0);
      const lines = r.stderr.trimEnd().split('\n');
      if (args[0] === 'code') {
        expect(lines.filter((l) => l.endsWith(': has no respondent text to code'))).toHaveLength(10);
        expect(lines).toContain('obs: warning: ... and 15 more like "has no respondent text to code", in 15 files');
      }
      expect(lines.length).toBeLessThan(40);
    }
  });
});

describe('a file and a link to it, and outputs saved again', () => {
  it("reads a file and a link to it in one folder under the file's own name, so --meta rows for it match", async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'S/x.txt': 'Ann: a grant\n\nBob: more money\n', 'meta.csv': 'file,area\nx.txt,North\n' });
    symlinkSync('x.txt', path.join(dir, 'S', 'latest.txt'));
    const r = await run(dir, ['code', 'S', '--meta', 'meta.csv', '--passages']);
    expect(r.code).toBe(0);
    expect(passages(r.stdout).map((p) => [p.file, p.meta.area])).toEqual([['x.txt', 'North'], ['x.txt', 'North']]);
    expect(r.stderr).toContain('obs: warning: S: holds 1 file already read (first: latest.txt, read as x.txt); it is read once');
    expect(r.stderr).not.toContain('name no transcript');
  });

  it('knows an obs CSV saved again by a spreadsheet: fields split by semicolons, headers in another case', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n\nAnn: more money\n' });
    await run(dir, ['quotes', 'corpus', '--format', 'csv', '--out', 'q.csv'], ['q.csv']);
    const csv = (await runObs(['quotes', 'corpus', '--format', 'csv'], { cwd: dir })).stdout;
    const rows = csv.trim().split('\n');
    const again = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': 'Ann: a grant\n\nAnn: more money\n', 'corpus/q-semicolons.csv': rows.map((l) => l.replaceAll(',', ';')).join('\n'), 'corpus/q-case.csv': [rows[0]!.toUpperCase(), ...rows.slice(1)].join('\n') });
    const r = await run(again, ['code', 'corpus', '--passages']);
    expect(passages(r.stdout).map((p) => p.file)).toEqual(['a.txt', 'a.txt']);
    expect(r.stderr).toContain('q-semicolons.csv: is an output of `obs quotes --format csv`, not a transcript; skipped');
    expect(r.stderr).toContain('q-case.csv: is an output of `obs quotes --format csv`, not a transcript; skipped');
  });

  it('takes a broken ./codebook.yaml link for the codebook meant, and says so, rather than the built-in one', async () => {
    const dir = tempCorpus({ 'corpus/a.txt': 'Ann: a grant\n' });
    symlinkSync('gone.yaml', path.join(dir, 'codebook.yaml'));
    const r = await run(dir, ['code', 'corpus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('codebook.yaml: codebook not found');
  });
});
