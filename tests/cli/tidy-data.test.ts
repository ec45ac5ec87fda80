// Outputs for R, pandas and Excel: data rows only, typed metadata, passage ids and hits, a passage table.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockSeconds } from '../../src/clock.js';
import { runObs, tempCorpus } from '../helpers/run.js';

const CODEBOOK = `name: Tidy
themes:
  - id: money
    label: Money
    keywords: [grant, funding]
  - id: people
    label: People
    keywords: [volunteer, "have a go"]
`;

interface PassageLine {
  id: string;
  file: string;
  line: number;
  start: string | null;
  start_seconds: number | null;
  meta: Record<string, string | number>;
  themes: Record<string, number>;
  leading: string | null;
  hits: Array<{ theme: string; rule: string; text: string; start: number; end: number }>;
  text: string;
}

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as PassageLine);

describe('typed metadata in JSON', () => {
  it('a YAML number, a --meta number and a path number are numbers; an id with a leading zero and words stay text', async () => {
    const dir = tempCorpus({
      'codebook.yaml': CODEBOOK,
      'c/north/2019/a.md': '---\nsite: North\nwave: 2\nscore: 3.5\nref: "0042"\nquoted: "2019"\n---\nAnn: a grant\n',
      'c/south/2021/b.txt': 'Bo: funding\n',
      'meta.csv': 'file,cohort,ref\nsouth/2021/b.txt,007,12\n',
    });
    const r = await runObs(['code', 'c', '--meta', 'meta.csv', '--path-pattern', '{area}/{year}/*', '--passages'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const [a, b] = lines(r.stdout);
    expect(a!.meta).toEqual({ site: 'North', wave: 2, score: 3.5, ref: '0042', quoted: 2019, area: 'north', year: 2019 });
    expect(b!.meta).toEqual({ cohort: '007', ref: 12, area: 'south', year: 2021 });
  });

  it('never makes one number of two values: 2019.0, 1.50, -0 and long ids stay text', async () => {
    const dir = tempCorpus({
      'codebook.yaml': CODEBOOK,
      'c/a.md': '---\nw: 2019\nbig: 12345678901234567890\n---\nAnn: a grant\nAnn: ok\n',
      'c/b.txt': 'Bo: funding\nBo: ok\n',
      'c/c.txt': 'Cy: funding\nCy: ok\n',
      'meta.csv': 'file,w\nb.txt,2019.0\nc.txt,-0\n',
    });
    const json = JSON.parse((await runObs(['code', 'c', '--meta', 'meta.csv', '--by', 'w', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.rows.filter((r: { theme: string }) => r.theme === 'money').map((r: { w: unknown }) => r.w)).toEqual(['-0', 2019, '2019.0']);
    const [a] = lines((await runObs(['code', 'c', '--meta', 'meta.csv', '--passages'], { cwd: dir })).stdout);
    expect(a!.meta.big).toBe('12345678901234567890');
  });

  it('JSON figures give a numeric --by field as numbers, and the totals only with --totals', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.md': '---\nyear: 2019\n---\nAnn: a grant\n', 'c/b.md': '---\nyear: 2020\n---\nBo: funding\n' });
    const plain = JSON.parse((await runObs(['code', 'c', '--by', 'year', '--format', 'json'], { cwd: dir })).stdout);
    expect(plain.rows.map((r: { year: unknown }) => r.year)).toEqual([2019, 2019, 2020, 2020]);
    const totals = JSON.parse((await runObs(['code', 'c', '--by', 'year', '--format', 'json', '--totals'], { cwd: dir })).stdout);
    expect(totals.rows.filter((r: { year: unknown }) => r.year === '(all)').map((r: { theme: string; passages: number }) => [r.theme, r.passages])).toEqual([
      ['money', 2],
      ['people', 0],
    ]);
  });

  it('obs matrix CSV has the totals row only with --totals; its JSON rows give years as numbers', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.md': '---\nyear: 2019\n---\nAnn: a grant\n', 'c/b.md': '---\nyear: 2020\n---\nBo: funding\n' });
    // Each file is one passage of text (a label alone is no speaker): 3 words and 2.
    const csv = await runObs(['matrix', 'c', '--by', 'year'], { cwd: dir });
    expect(csv.stdout.trim().split('\n').map((l) => l.split(',')[0])).toEqual(['year', '2019', '2020']);
    const withTotals = await runObs(['matrix', 'c', '--by', 'year', '--totals'], { cwd: dir });
    expect(withTotals.stdout.trim().split('\n').at(-1)).toBe('(all),2,2,5,2,0');
    const json = JSON.parse((await runObs(['matrix', 'c', '--by', 'year', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.rows.map((r: { year: unknown }) => r.year)).toEqual([2019, 2020]);
  });
});

describe('passage lines', () => {
  it('give each passage an id of file and line, with #2 for the second sentence of a line', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: We got a grant. Then we had a go.\n\nBo: Funding.\n' });
    const r = await runObs(['code', 'c', '--passages', '--unit', 'sentence'], { cwd: dir });
    expect(lines(r.stdout).map((p) => p.id)).toEqual(['a.txt:1', 'a.txt:1#2', 'a.txt:3']);
    // The same ids on worker threads.
    const workers = await runObs(['code', 'c', '--passages', '--unit', 'sentence', '--jobs', '2'], { cwd: dir, env: { OBS_WORKER_BYTES: '1' } });
    expect(workers.stdout).toBe(r.stdout);
  });

  it('give each hit its theme, rule, matched text and offsets in characters, as Python and R count them', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: 🎉🎉 The “grant” let volunteers have a go — funding’s back.\nAnn: Yes.\n' });
    const [p] = lines((await runObs(['code', 'c', '--passages'], { cwd: dir })).stdout);
    expect(p!.hits.map((h) => [h.theme, h.rule, h.text])).toEqual([
      ['money', 'grant', 'grant'],
      ['money', 'funding', 'funding’s'],
      ['people', 'volunteer', 'volunteers'],
      ['people', 'have a go', 'have a go'],
    ]);
    const chars = Array.from(p!.text);
    for (const h of p!.hits) expect(chars.slice(h.start, h.end).join('')).toBe(h.text);
    expect(p!.hits[0]!.start).toBe(8);
  });

  it('give the start time in seconds beside the time as written', async () => {
    const vtt = 'WEBVTT\n\n00:01:22.600 --> 00:01:25.000\n<v Ann>We got a grant.\n\n01:02:03.000 --> 01:02:05.000\n<v Bo>Funding again.\n';
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.vtt': vtt });
    const ps = lines((await runObs(['code', 'c', '--passages', '--unit', 'paragraph'], { cwd: dir })).stdout);
    expect(ps.map((p) => [p.start, p.start_seconds])).toEqual([
      ['00:01:22.600', 82.6],
      ['01:02:03.000', 3723],
    ]);
  });

  it('reads clock times of every shape transcripts write', () => {
    expect(clockSeconds('1:22')).toBe(82);
    expect(clockSeconds('00:01:22.6')).toBe(82.6);
    expect(clockSeconds('00:03:40,120')).toBe(220.12);
    expect(clockSeconds('1:00:05')).toBe(3605);
    expect(clockSeconds('82.5')).toBe(82.5);
    expect(clockSeconds('soon')).toBeNull();
    expect(clockSeconds(null)).toBeNull();
  });
});

describe('obs code --passages --format csv', () => {
  const corpus = () =>
    tempCorpus({
      'codebook.yaml': CODEBOOK,
      'c/a.md': '---\narea: North\nyear: 2019\n---\nInterviewer: Any grants?\nAnn: A grant, then =SUM(A1) funding.\nAnn: Volunteers, yes.\n',
      'c/b.txt': 'Bo: Nothing, “really”.\n',
    });

  it('writes a row per respondent passage: id, place, the --by fields, hits per theme, the leading theme and the text', async () => {
    const dir = corpus();
    const r = await runObs(['code', 'c', '--passages', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(['id', 'file', 'line', 'speaker', 'start', 'start_seconds', 'words', 'area', 'year', 'money', 'people', 'leading', 'text']);
    expect(rows.map((row) => [row.id, row.area, row.year, row.money, row.people, row.leading])).toEqual([
      ['a.md:6', 'North', '2019', '2', '0', 'money'],
      ['a.md:7', 'North', '2019', '0', '1', 'people'],
      ['b.txt:1', '', '', '0', '0', ''],
    ]);
    // A cell a spreadsheet would run is defused, as in every CSV obs writes.
    expect(rows[0]!.text).toBe('A grant, then =SUM(A1) funding.');
    expect(r.stdout).not.toContain(',=SUM');
  });

  it('agrees with the JSON lines, passage for passage', async () => {
    const dir = corpus();
    const csv = parse((await runObs(['code', 'c', '--passages', '--format', 'csv'], { cwd: dir })).stdout, { columns: true }) as Array<Record<string, string>>;
    const json = lines((await runObs(['code', 'c', '--passages'], { cwd: dir })).stdout);
    expect(csv.map((row) => [row.id, Number(row.money), Number(row.people), row.text])).toEqual(json.map((p) => [p.id, p.themes.money ?? 0, p.themes.people ?? 0, p.text]));
  });

  it('takes the format from --out passages.csv, and --bom puts the byte order mark first', async () => {
    const dir = corpus();
    const r = await runObs(['code', 'c', '--passages', '--out', 'passages.csv', '--bom'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(path.join(dir, 'passages.csv'));
    expect([...bytes.subarray(0, 6)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('id,')]);
    // obs knows its own output again, mark and all, and does not read it as a transcript.
    const again = await runObs(['code', '.', '--format', 'csv'], { cwd: dir });
    expect(again.stderr).toContain('passages.csv');
  });
});

describe('--passages and the options of the figures', () => {
  it('takes --by none for a passage table without metadata, and refuses --totals and --quotes', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.md': '---\narea: North\n---\nAnn: a grant\nAnn: ok\n' });
    const none = await runObs(['code', 'c', '--passages', '--format', 'csv', '--by', 'none'], { cwd: dir });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout.split('\n')[0]).toBe('id,file,line,speaker,start,start_seconds,words,money,people,leading,text');
    for (const extra of [['--totals'], ['--quotes', '5']]) {
      const r = await runObs(['code', 'c', '--passages', ...extra], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${extra[0]} is for the figures, not --passages`);
    }
  });

  it('names a --by field that is also a column of the passage table meta_NAME', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.md': '---\ntext: front\nid: 7\n---\nAnn: a grant\nAnn: ok\n' });
    const r = await runObs(['code', 'c', '--passages', '--format', 'csv', '--by', 'text,id'], { cwd: dir });
    const [row] = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(row).toMatchObject({ id: 'a.md:5', meta_text: 'front', meta_id: '7', text: 'a grant' });
  });

  it('escapes the Unicode line separators, which line readers split on', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: a grant\u2028and\u0085more\nAnn: ok\n' });
    const r = await runObs(['code', 'c', '--passages'], { cwd: dir });
    expect(r.stdout).toContain('a grant\\u2028and\\u0085more');
    expect(lines(r.stdout)[0]!.text).toBe('a grant\u2028and\u0085more');
  });
});

describe('--bom', () => {
  it('starts CSV figures with the mark, and is refused for JSON and the table', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: a grant\n' });
    const csv = await runObs(['code', 'c', '--format', 'csv', '--bom'], { cwd: dir });
    expect(csv.stdout.startsWith('\uFEFFarea,year,theme,')).toBe(true);
    const matrix = await runObs(['matrix', 'c', '--bom'], { cwd: dir });
    expect(matrix.stdout.startsWith('\uFEFFarea,year,')).toBe(true);
    for (const args of [['--format', 'json'], [], ['--passages']]) {
      const r = await runObs(['code', 'c', ...args, '--bom'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^obs: --bom is for CSV, and this writes /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('--date-order', () => {
  it('reads 03/14/2019 as 14 March with mdy, and warns of it as no date with the default dmy', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.md': '---\ndate: 03/14/2019\n---\nAnn: a grant\nAnn: yes\n', 'c/b.md': '---\ndate: 04/02/2019\n---\nAnn: funding\nAnn: yes\n' });
    const where = ['--where', 'date=2019-03-01..2019-03-31', '--by', 'date', '--format', 'csv'];
    const mdy = await runObs(['code', 'c', ...where, '--date-order', 'mdy'], { cwd: dir });
    expect(mdy.stdout.split('\n').filter((l) => l.includes(',money,'))).toEqual(['03/14/2019,money,1,1,2,0.5,1,3,333.33']);
    const dmy = await runObs(['code', 'c', ...where], { cwd: dir });
    expect(dmy.stderr).toContain('date `03/14/2019` is not a date obs can read');
    expect(dmy.stderr).toContain('hint: it reads as month first: add --date-order mdy if the corpus writes dates so');
    const bad = await runObs(['code', 'c', '--date-order', 'ymd'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});
