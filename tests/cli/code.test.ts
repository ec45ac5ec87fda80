// `obs code` run whole, on small corpora written here, checking what a user sees.
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

/** A signed number is data, not a formula: the guard leaves it as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const CODEBOOK = `name: Small
version: 2.1.0
ignore: ["Big Local"]
themes:
  - id: money
    label: Money
    keywords: [grant, funding, "match funding"]
  - id: people
    label: People
    keywords: [volunteer, neighbour]
    themes:
      - id: groups
        label: Groups
        keywords: [group, committee]
`;

function smallCorpus(extra: Record<string, string> = {}) {
  return tempCorpus({
    'codebook.yaml': CODEBOOK,
    'corpus/ramsey-2019.md': '---\narea: Ramsey\nyear: 2019\n---\nInterviewer: Tell me about the grant and the group.\nAnn: We got a grant, then match funding.\nAnn: The volunteers set up a group.\nAnn: Big Local paid for it.\n',
    'corpus/revoe-2021.txt': '---\narea: Revoe\ndate: 2021-05-02\n---\nQ: And funding?\nBo: No funding at all.\nQ: Groups?\nBo: One committee and one group.\n',
    'corpus/notes.pdf': 'not a transcript',
    ...extra,
  });
}

describe('obs code', () => {
  it('writes the long-form CSV with the figures of SPEC.md, groups sorted, data rows only', async () => {
    const dir = smallCorpus();
    const { code, stdout } = await runObs(['code', 'corpus', '--format', 'csv'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).not.toContain('(all)');
    // Summing a theme's passages over the groups gives the corpus's figure: no totals row counts them twice.
    const money = stdout.split('\n').filter((l) => l.includes(',money,')).map((l) => Number(l.split(',')[4]));
    expect(money).toEqual([1, 1]);
  });

  it('--totals adds the totals rows last, as (all)', async () => {
    const dir = smallCorpus();
    const { code, stdout, stderr } = await runObs(['code', 'corpus', '--format', 'csv', '--totals'], { cwd: dir });
    expect(stderr).toContain('1 file skipped, not a transcript format (.pdf 1)');
    expect(code).toBe(0);
    // Ramsey: 3 respondent passages of 7, 6 and 5 words; Revoe: 2 passages, 9 words. Interviewer turns not counted.
    expect(stdout).toBe(
      [
        'area,year,theme,documents,passages,passages_total,share,hits,words,per_1k_words',
        'Ramsey,2019,money,1,1,3,0.3333,2,18,111.11',
        'Ramsey,2019,people,1,1,3,0.3333,2,18,111.11',
        'Ramsey,2019,groups,1,1,3,0.3333,1,18,55.56',
        'Revoe,2021,money,1,1,2,0.5,1,9,111.11',
        'Revoe,2021,people,1,1,2,0.5,2,9,222.22',
        'Revoe,2021,groups,1,1,2,0.5,2,9,222.22',
        '(all),(all),money,2,2,5,0.4,3,27,111.11',
        '(all),(all),people,2,2,5,0.4,4,27,148.15',
        '(all),(all),groups,2,2,5,0.4,3,27,111.11',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with codebook checksum, corpus summary, rows and quotes', async () => {
    const dir = smallCorpus();
    const { code, stdout } = await runObs(['code', 'corpus', '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['version', 'codebook', 'corpus', 'by', 'rows', 'quotes']);
    expect(json.codebook).toMatchObject({ name: 'Small', version: '2.1.0' });
    expect(json.codebook.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.corpus).toEqual({ documents: 2, passages: 5, words: 27, skipped: 1 });
    expect(json.rows[0]).toEqual({ area: 'Ramsey', year: 2019, theme: 'money', documents: 1, passages: 1, passages_total: 3, share: 0.3333, hits: 2, words: 18, per_1k_words: 111.11 });
    const moneyQuote = json.quotes.find((q: { theme: string }) => q.theme === 'money');
    expect(moneyQuote).toMatchObject({ file: 'ramsey-2019.md', line: 6, speaker: 'Ann', terms: ['grant', 'match funding'], text: 'We got a grant, then match funding.' });
  });

  it('prints a table per group and quotes with the matched terms marked', async () => {
    const dir = smallCorpus();
    const { stdout } = await runObs(['code', 'corpus'], { cwd: dir });
    expect(stdout).toMatch(/^Small 2\.1\.0 · 2 documents · 5 passages · 27 respondent words · 1 files skipped/);
    expect(stdout).toMatch(/Ramsey\s+2019\s+money\s+1\s+1\s+3\s+33\.3%\s+2\s+111\.11/);
    expect(stdout).toContain('“We got a [grant], then [match funding].”');
    expect(stdout).toContain('— ramsey-2019.md:6, Ann, Ramsey, 2019');
    // Quotes in obs code are per theme, not per group: no group headings, blank or not.
    expect(stdout).toMatch(/^money · .*\n    “We got/m);
  });

  it('writes Markdown tables and quotes with matched terms in bold', async () => {
    const dir = smallCorpus();
    const { stdout } = await runObs(['code', 'corpus', '--format', 'md'], { cwd: dir });
    expect(stdout).toContain('| area | year | theme | documents | passages | passages_total | share | hits | per_1k_words |');
    expect(stdout).toContain('| Ramsey | 2019 | money | 1 | 1 | 3 | 33.3% | 2 | 111.11 |');
    expect(stdout).toContain('> We got a **grant**, then **match funding**.');
    expect(stdout).toMatch(/^### money: .*\n\n> We got/m);
  });

  it('writes one JSON line per respondent passage with --passages', async () => {
    const dir = smallCorpus();
    const { stdout } = await runObs(['code', 'corpus', '--passages', '--format', 'jsonl'], { cwd: dir });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toEqual({
      id: 'ramsey-2019.md:7',
      file: 'ramsey-2019.md',
      line: 7,
      speaker: 'Ann',
      start: null,
      start_seconds: null,
      words: 6,
      meta: { area: 'Ramsey', year: 2019 },
      themes: { people: 2, groups: 1 },
      leading: 'people',
      // A parent's hits include its sub-theme's; each names the rule and where it stands in `text`.
      hits: [
        { theme: 'people', rule: 'volunteer', text: 'volunteers', start: 4, end: 14 },
        { theme: 'people', rule: 'group', text: 'group', start: 24, end: 29 },
        { theme: 'groups', rule: 'group', text: 'group', start: 24, end: 29 },
      ],
      text: 'The volunteers set up a group.',
    });
    for (const line of lines) for (const h of line.hits) expect(line.text.slice(h.start, h.end)).toBe(h.text);
    expect(lines[2].themes).toEqual({});
    expect(lines[2].hits).toEqual([]);
    expect(lines[2].leading).toBeNull();
    // A date is text; the year taken from it is a number, as a YAML year is.
    expect(lines[4].meta).toEqual({ area: 'Revoe', date: '2021-05-02', year: 2021 });
  });

  it('reads a transcript from standard input with -', async () => {
    const dir = smallCorpus();
    const { code, stdout } = await runObs(['code', '-', '--format', 'csv', '--by', 'speaker'], { cwd: dir, stdin: 'Ann: a grant\nAnn: a group\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('Ann,money,1,1,2,0.5,1,4,250');
  });

  it('counts documents with no value for a --by field in one warning, grouped as (unknown)', async () => {
    const dir = smallCorpus({ 'corpus/loose.txt': 'Someone: a grant\nSomeone: more\n' });
    const { stdout, stderr } = await runObs(['code', 'corpus', '--format', 'csv'], { cwd: dir });
    expect(stderr).toContain('obs: warning: 1 of 3 documents have no `area`; they are grouped as (unknown)');
    expect(stdout).toContain('(unknown),(unknown),money,1,1,2,0.5,1,3,333.33');
  });

  it('gives the same bytes for the same input, whatever --jobs is', async () => {
    const dir = smallCorpus();
    const a = await runObs(['code', 'corpus', '--format', 'json'], { cwd: dir });
    const b = await runObs(['code', 'corpus', '--format', 'json', '--jobs', '2'], { cwd: dir });
    expect(b.stdout).toBe(a.stdout);
  });

  it('writes --out atomically and leaves no temporary file', async () => {
    const dir = smallCorpus();
    const ok = await runObs(['code', 'corpus', '--format', 'csv', '--out', 'figures.csv'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'figures.csv'), 'utf8')).toMatch(/^area,year,theme/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);

    // Passage lines are written as they are made; the file still appears only when complete.
    const lines = await runObs(['code', 'corpus', '--passages', '--out', 'passages.jsonl'], { cwd: dir });
    expect(lines.code).toBe(0);
    expect(readFileSync(path.join(dir, 'passages.jsonl'), 'utf8')).toBe((await runObs(['code', 'corpus', '--passages'], { cwd: dir })).stdout);
    expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
  });

  it('leaves an earlier --out file as it was when a run fails part way', async () => {
    const dir = smallCorpus();
    writeFileSync(path.join(dir, 'corpus', 'zz-bad.txt'), Buffer.from([0x41, 0x6e, 0x6e, 0x3a, 0x20, 0xff, 0x0a]));
    writeFileSync(path.join(dir, 'passages.jsonl'), 'earlier\n');
    const r = await runObs(['code', 'corpus', '--passages', '--strict', '--out', 'passages.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, 'passages.jsonl'), 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
  });

  it('refuses to write over an input file or into a missing folder, touching nothing', async () => {
    const dir = smallCorpus();
    const input = path.join(dir, 'corpus/revoe-2021.txt');
    const before = readFileSync(input);
    const over = await runObs(['code', 'corpus', '--out', 'corpus/revoe-2021.txt'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('obs: corpus/revoe-2021.txt: is one of the input files');
    expect(readFileSync(input)).toEqual(before);
    // The same file by another name: a hard link and a symbolic link.
    linkSync(input, path.join(dir, 'hard.txt'));
    symlinkSync(input, path.join(dir, 'soft.txt'));
    for (const name of ['hard.txt', 'soft.txt']) {
      const other = await runObs(['code', 'corpus', '--out', name], { cwd: dir });
      expect(other.code).toBe(2);
      expect(other.stderr).toContain(`obs: ${name}: is one of the input files`);
    }
    expect(readFileSync(input)).toEqual(before);
    const missing = await runObs(['code', 'corpus', '--out', 'nowhere/x.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/obs: nowhere\/x\.csv: folder .* does not exist/);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('reports every codebook mistake with file:line:col, exits 2, no stack trace, no output', async () => {
    const dir = smallCorpus();
    writeFileSync(path.join(dir, 'bad.yaml'), 'name: x\nthemes:\n  - id: a\n    keywords: [grant, 2021]\n    colour: red\n');
    const { code, stdout, stderr } = await runObs(['code', 'corpus', '--codebook', 'bad.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter((l) => l.startsWith('obs: '))).toEqual([
      'obs: bad.yaml:3:5: missing `label`',
      'obs: bad.yaml:4:23: keywords entry 2021 is not text',
      'obs: bad.yaml:5:5: unknown theme key `colour`',
    ]);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a clear message when there are no transcripts or the codebook is missing', async () => {
    const dir = tempCorpus({ 'empty/readme.pdf': 'x' });
    const none = await runObs(['code', 'empty'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('obs: no transcripts found in empty');
    const nothing = await runObs(['code', 'absent'], { cwd: dir });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('obs: absent: no such file or folder');
    const codebook = await runObs(['code', 'empty', '--codebook', 'none.yaml'], { cwd: dir });
    expect(codebook.stderr).toContain('obs: none.yaml: codebook not found');
  });

  it('exits 2 on a bad option, naming it', async () => {
    const bad = await runObs(['code', 'x', '--unit', 'chapter']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("obs: option '--unit <unit>' argument 'chapter' is invalid. Allowed choices are turn, paragraph, sentence, document.");
    const format = await runObs(['code', 'x', '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('obs: --format must be one of table, csv, json, md, not "xlsx"');
  });

  it('makes every CSV cell that a spreadsheet would run as a formula inert', async () => {
    const dir = tempCorpus({
      'codebook.yaml': CODEBOOK,
      'c/a.md': '---\narea: "=HYPERLINK(\\"http://example.com\\")"\nyear: "+2019"\n---\nAnn: a grant\nAnn: -more @grant\n',
    });
    const { stdout } = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    const rows = parse(stdout) as string[][];
    expect(rows[1]!.slice(0, 2)).toEqual(['\'=HYPERLINK("http://example.com")', '+2019']);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell))).toEqual([]);
  });
});
