// obs matrix: every matrix recomputed from `obs code --passages` on a generated corpus, and its options.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generatedCorpus } from '../helpers/generate.js';
import { runObs, tempCorpus } from '../helpers/run.js';

interface PassageLine {
  file: string;
  words: number;
  meta: Record<string, string>;
  themes: Record<string, number>;
}

const corpus = tempCorpus(generatedCorpus(20261123, 60));
const THEMES = ['agency', 'organisation', 'governance', 'succession', 'relationships', 'resources', 'money', 'leverage', 'time'];
const TOP = ['agency', 'organisation', 'relationships', 'resources'];

async function passages(): Promise<PassageLine[]> {
  const r = await runObs(['code', corpus, '--passages']);
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as PassageLine);
}

async function matrix(args: string[]): Promise<Array<Record<string, string>>> {
  const r = await runObs(['matrix', corpus, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The figures of one set of passages, as the README defines them. */
function figures(list: PassageLine[], theme: string) {
  const coded = list.filter((p) => theme in p.themes);
  const hits = coded.reduce((a, p) => a + p.themes[theme]!, 0);
  const words = list.reduce((a, p) => a + p.words, 0);
  return {
    passages: coded.length,
    share: round(coded.length / list.length, 4),
    hits,
    per_1k_words: words === 0 ? 0 : round((hits * 1000) / words, 2),
    documents: new Set(coded.map((p) => p.file)).size,
  };
}

function groupBy(list: PassageLine[], key: (p: PassageLine) => string): Map<string, PassageLine[]> {
  const out = new Map<string, PassageLine[]>();
  for (const p of list) out.set(key(p), [...(out.get(key(p)) ?? []), p]);
  return out;
}

describe('obs matrix agrees with obs code --passages', () => {
  it('groups x themes, for every --value', async () => {
    const all = await passages();
    const groups = groupBy(all, (p) => `${p.meta.area}|${p.meta.year}`);
    expect(groups.size).toBeGreaterThan(6);
    for (const value of ['passages', 'share', 'hits', 'per_1k_words', 'documents'] as const) {
      const rows = await matrix(['--value', value]);
      expect(rows.length).toBe(groups.size);
      for (const row of rows) {
        const list = groups.get(`${row.area}|${row.year}`)!;
        expect(Number(row.passages_total)).toBe(list.length);
        expect(Number(row.words)).toBe(list.reduce((a, p) => a + p.words, 0));
        expect(Number(row.documents_total)).toBe(new Set(list.map((p) => p.file)).size);
        for (const theme of THEMES) expect(Number(row[theme]), `${row.area} ${row.year} ${theme} ${value}`).toBe(figures(list, theme)[value]);
      }
    }
  });

  it('documents x themes: one row per transcript with its metadata', async () => {
    const byFile = groupBy(await passages(), (p) => p.file);
    const rows = await matrix(['--rows', 'document', '--value', 'hits']);
    expect(rows.map((r) => r.file)).toEqual([...byFile.keys()]);
    for (const row of rows) {
      const list = byFile.get(row.file!)!;
      // CSV holds text; JSON lines give a year as the number it is.
      expect([row.area, row.year]).toEqual([list[0]!.meta.area, String(list[0]!.meta.year)]);
      for (const theme of THEMES) expect(Number(row[theme])).toBe(figures(list, theme).hits);
    }
  });

  it('co-occurrence: passages coded with both, Jaccard and the c-coefficient', async () => {
    const all = await passages();
    const n = (a: string, b: string) => all.filter((p) => a in p.themes && b in p.themes).length;
    const counts = await matrix(['--cooccur']);
    const jaccard = await matrix(['--cooccur', '--value', 'jaccard']);
    const c = await matrix(['--cooccur', '--value', 'c']);
    expect(counts.map((r) => r.theme)).toEqual(THEMES);
    for (const [i, a] of THEMES.entries()) {
      for (const b of THEMES) {
        expect(Number(counts[i]![b])).toBe(n(a, b));
        const union = n(a, a) + n(b, b) - n(a, b);
        expect(Number(jaccard[i]![b])).toBe(union === 0 ? 0 : round(n(a, b) / union, 4));
        expect(c[i]![b]).toBe(jaccard[i]![b]);
      }
    }
    // Sub-themes sit inside their parents: every money passage is a resources passage.
    expect(Number(counts[THEMES.indexOf('resources')]!.money)).toBe(n('money', 'money'));
  });

  it('--depth 1 keeps top-level themes, whose figures already hold their sub-themes', async () => {
    const full = await matrix([]);
    const rolled = await matrix(['--depth', '1']);
    expect(Object.keys(rolled[0]!)).toEqual(['area', 'year', 'documents_total', 'passages_total', 'words', ...TOP]);
    rolled.forEach((row, i) => TOP.forEach((t) => expect(row[t]).toBe(full[i]![t])));
    const co = await matrix(['--cooccur', '--depth', '1']);
    expect(co.map((r) => r.theme)).toEqual(TOP);
  });

  it('--binary marks coded or not', async () => {
    const full = await matrix(['--rows', 'document']);
    const binary = await matrix(['--rows', 'document', '--binary']);
    let ones = 0;
    binary.forEach((row, i) =>
      THEMES.forEach((t) => {
        expect(row[t]).toBe(Number(full[i]![t]) > 0 ? '1' : '0');
        if (row[t] === '1') ones++;
      }),
    );
    expect(ones).toBeGreaterThan(0);
  });

  it('--where narrows every matrix to the matching passages', async () => {
    const ramsey = (await passages()).filter((p) => p.meta.area === 'Ramsey');
    const rows = await matrix(['--where', 'area=ramsey', '--by', 'area']);
    expect(rows.map((r) => r.area)).toEqual(['Ramsey']);
    expect(Number(rows[0]!.passages_total)).toBe(ramsey.length);
    expect(Number(rows[0]!.money)).toBe(figures(ramsey, 'money').passages);
  });
});

describe('obs matrix formats and options', () => {
  it('md and json carry the same numbers as csv, with a totals row for readers', async () => {
    const csv = await matrix(['--by', 'area']);
    const md = await runObs(['matrix', corpus, '--by', 'area', '--format', 'md']);
    const tableLines = md.stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(tableLines[0]).toBe(`| area | documents\\_total | passages\\_total | words | ${THEMES.join(' | ')} |`);
    expect(tableLines.slice(2, -1).map((l) => l.split(' | ').slice(-THEMES.length).join(',').replace(/ \|$/, ''))).toEqual(csv.map((r) => THEMES.map((t) => r[t]).join(',')));
    expect(tableLines.at(-1)).toMatch(/^\| \*\*total\*\* \|/);
    const json = JSON.parse((await runObs(['matrix', corpus, '--by', 'area', '--format', 'json'])).stdout);
    expect(json.matrix).toBe('groups');
    expect(json.rows).toEqual(csv.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'area' ? v : Number(v)]))));
    expect(json.total.passages_total).toBe(csv.reduce((a, r) => a + Number(r.passages_total), 0));
  });

  it('the table shows each count with its share, and hits with their rate per 1,000 words', async () => {
    const passagesTable = (await runObs(['matrix', corpus, '--by', 'area', '--format', 'table'])).stdout;
    expect(passagesTable).toMatch(/\d+ \(\d+\.\d%\)/);
    const hitsTable = (await runObs(['matrix', corpus, '--by', 'area', '--format', 'table', '--value', 'hits'])).stdout;
    expect(hitsTable).toMatch(/\d+ \(\d+\.\d\d\/1k\)/);
    expect(hitsTable.split('\n').some((l) => l.startsWith('total '))).toBe(true);
  });

  it('keeps every column name unique, so JSON loses nothing, and counts only the documents --where keeps', async () => {
    const dir = tempCorpus({ 'a.txt': '---\nfile: other.txt\nwords: lots\n---\nAnn: a grant\n\nAnn: money\n', 'b.txt': 'Interviewer: hello?\n' });
    const json = JSON.parse((await runObs(['matrix', dir, '--rows', 'document', '--format', 'json', '--quiet'])).stdout);
    expect(json.columns.slice(0, 6)).toEqual(['file', 'meta_file', 'meta_words', 'documents_total', 'passages_total', 'words']);
    expect(json.rows[0]).toMatchObject({ file: 'a.txt', meta_file: 'other.txt', meta_words: 'lots', words: 3 });
    // The document with no respondent text is a row, and counts in the total.
    expect(json.total.documents_total).toBe(2);
    const md = (await runObs(['matrix', corpus, '--where', 'area=Ramsey', '--rows', 'document', '--format', 'md'])).stdout;
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.includes('---') && !l.startsWith('| file') && !l.includes('**total**'));
    expect(md).toContain(`· ${rows.length} documents ·`);
  });

  it.each([
    [['--by', 'none'], /--by none is for obs quotes/],
    [['--cooccur', '--rows', 'document'], /do not go together/],
    [['--value', 'jaccard'], /--value must be one of passages, share, hits, per_1k_words, documents, not "jaccard"/],
    [['--cooccur', '--value', 'share'], /with --cooccur/],
    [['--depth', '0'], /--depth must be 1 or more/],
    [['--depth', 'two'], /--depth must be a whole number/],
    [['--format', 'jsonl'], /--format must be one of csv, json, md, table/],
    [['--where', 'area'], /is not FIELD=VALUE/],
  ])('%j is a usage error', async (args, message) => {
    const r = await runObs(['matrix', corpus, ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
  });
});
