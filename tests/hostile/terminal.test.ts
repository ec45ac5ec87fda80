// Nothing from the data reaches a terminal, a CSV or a Markdown file live: escape sequences and bidi
// controls in transcript text, speaker names, front matter, file names and codebooks come out as
// visible escapes, and a file name holding a line break cannot forge a line of obs's own.
import { execFileSync } from 'node:child_process';
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '../../src/render/csv.js';
import { runObs, tempCorpus } from '../helpers/run.js';
import { snapshot } from '../helpers/snapshot.js';

const TITLE = '\x1b]0;pwned\x07';
const CLIPBOARD = '\x1b]52;c;cHduZWQ\x07';
const LINK = '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\';
const CLEAR = '\x1b[2J';
const CURSOR = '\x1b[1;1H\x1b[2K';
const CSI8 = '\u009b2J';
const BIDI = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
const ALL = `${TITLE}${CLIPBOARD}${LINK}${CLEAR}${CURSOR}${CSI8}${BIDI}`;
const FORGED = 'obs: error: forged';

// YAML double-quoted strings spell the same characters with escapes, so the codebook is plain text.
const yamlEscaped = (s: string) => [...s].map((ch) => (/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(ch) ? `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}` : ch === '\\' ? '\\\\' : ch)).join('');

const CODEBOOK = `name: "cb ${yamlEscaped(TITLE)}"
version: "1 ${yamlEscaped(CLEAR)}"
themes:
  - id: money
    label: "Money ${yamlEscaped(ALL)}"
    keywords: [grant, "fund ${yamlEscaped(CLIPBOARD)}", "pay${yamlEscaped(BIDI)}"]
`;

const TURNS = (text: string) => `Interviewer: What happened?\n\nAnn: ${text}\n\nInterviewer: And then?\n\nAnn: More grant money came.\n`;

const files: Record<string, string> = {
  'codebook.yaml': CODEBOOK,
  [`cb ${CLEAR}\u202e.yaml`]: CODEBOOK,
  'corpus/text.txt': `---\narea: "North ${yamlEscaped(CLIPBOARD + BIDI)}"\nyear: "2020 ${yamlEscaped(TITLE)}"\n---\n${TURNS(`The grant ${ALL} paid for the garden.`)}`,
  'corpus/cr.txt': `---\narea: "South\\rEast\\nWest"\n---\n${TURNS('A grant came.')}`,
  'corpus/rows.csv': `speaker,text,area\n"Bob ${TITLE}${BIDI}","we got a grant ${LINK}","West ${CURSOR}"\n"Bob ${TITLE}${BIDI}","another grant here","West ${CURSOR}"\n`,
  [`corpus/esc ${CLEAR}.txt`]: TURNS('a grant'),
  [`corpus/nl\n${FORGED} in a name.txt`]: TURNS('a grant'),
  [`corpus/bidi \u202etxt.exe.txt`]: TURNS('a grant'),
  [`corpus/binary\n${FORGED} in a binary.txt`]: '\x00\x01\x02 binary',
};

const STACK = /\n\s+at .+[(:]\d+/;
/** A test's name, without the controls it is about (vitest prints names to a terminal too). */
const named = (args: string[]): [string, string[]] => [JSON.stringify(args.join(' ')).replace(/\p{Bidi_Control}/gu, (ch) => `\\u${ch.codePointAt(0)!.toString(16)}`), args];

/** No ESC, no C1 control, no bidi control; no C0 control but those `allowed`. */
function expectInert(out: string, what: string, allowed = '\n'): void {
  const bad = [...out].filter((ch) => /[\p{Cc}\p{Bidi_Control}]/u.test(ch) && !allowed.includes(ch));
  expect(bad.map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`), what).toEqual([]);
}

/** Every line obs writes to stderr is one of its own: a message or a hint, never text from a name. */
function expectOwnLines(stderr: string): void {
  for (const line of stderr.split('\n').filter((l) => l !== '')) {
    expect(line, JSON.stringify(stderr)).toMatch(/^(obs: |  hint: )/);
    expect(line.startsWith(FORGED)).toBe(false);
  }
}

const dir = tempCorpus(files);
const before = snapshot(dir);

const TERMINAL: string[][] = [
  ['code', 'corpus'],
  ['code', 'corpus', '--by', 'speaker'],
  ['code', 'corpus', '--by', 'area,year'],
  ['matrix', 'corpus', '--format', 'table'],
  ['matrix', 'corpus', '--rows', 'document', '--format', 'table'],
  ['matrix', 'corpus', '--cooccur', '--format', 'table'],
  ['quotes', 'corpus', '--format', 'table'],
  ['quotes', 'corpus', '--format', 'table', '--context', '1', '--by', 'area'],
  ['quotes', 'corpus', '--format', 'table', '--uncoded', '--context', '1'],
  ['speakers', 'corpus'],
  ['lint', 'codebook.yaml', `cb ${CLEAR}\u202e.yaml`],
  ['lint', 'codebook.yaml', `cb ${CLEAR}\u202e.yaml`, '--corpus', 'corpus'],
  ['lint', 'codebook.yaml', `cb ${CLEAR}\u202e.yaml`, '--corpus', 'corpus', '--format', 'github'],
];
const CSV: string[][] = [
  ['code', 'corpus', '--format', 'csv', '--by', 'speaker,area'],
  ['matrix', 'corpus', '--rows', 'document'],
  ['quotes', 'corpus', '--format', 'csv', '--context', '1', '--by', 'area'],
  ['speakers', 'corpus', '--format', 'csv'],
];
const MD: string[][] = [
  ['code', 'corpus', '--format', 'md', '--by', 'speaker,area'],
  ['code', 'corpus', '--format', 'md', '--by', 'area'],
  ['matrix', 'corpus', '--format', 'md', '--by', 'area,year'],
  ['matrix', 'corpus', '--rows', 'document', '--format', 'md'],
  ['quotes', 'corpus', '--format', 'md', '--context', '1', '--by', 'area'],
];

describe('terminal output holds no live control from the data', () => {
  it.each(TERMINAL.map(named))('obs %s', async (_name, args) => {
    const r = await runObs(args as string[], { cwd: dir });
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    expect(r.stdout.length).toBeGreaterThan(0);
    expectInert(r.stdout, 'stdout');
    expectInert(r.stderr, 'stderr');
    expectOwnLines(r.stderr);
    expect(r.stdout.split('\n').some((l) => l.startsWith(FORGED))).toBe(false);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('shows each hostile character as a visible escape, so the reader sees it is there', async () => {
    const code = await runObs(['code', 'corpus'], { cwd: dir });
    expect(code.stdout).toContain('cb \\x1b]0;pwned\\x07');
    expect(code.stdout).toContain('Money \\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ\\x07');
    expect(code.stdout).toContain('\\x9b2J\\u202a\\u202b');
    expect(code.stdout).toContain(`nl\\n${FORGED} in a name.txt:3`);
    expect(code.stdout).toContain('bidi \\u202etxt.exe.txt');
    expect(code.stderr).toContain(`obs: warning: binary\\n${FORGED} in a binary.txt: looks like a binary file`);
    const quotes = await runObs(['quotes', 'corpus', '--by', 'speaker'], { cwd: dir });
    expect(quotes.stdout).toContain('Bob \\x1b]0;pwned\\x07\\u202a');
    expect(quotes.stdout).toContain('we got a [grant] \\x1b]8;;https://evil.example/\\x1b\\click');
    // A metadata value's line break reads as a space in a table row, as it always has.
    const matrix = await runObs(['matrix', 'corpus', '--format', 'table', '--by', 'area'], { cwd: dir });
    expect(matrix.stdout).toContain('South East West');
    const lint = await runObs(['lint', `cb ${CLEAR}\u202e.yaml`, '--corpus', 'corpus'], { cwd: dir });
    expect(lint.stdout).toContain('cb \\x1b[2J\\u202e.yaml\n');
    expect(lint.stdout).toContain('`fund \\x1b]52;c;cHduZWQ\\x07` (theme `money`) never matches the corpus');
  });

  it('lint --format github: names inert, then escaped as GitHub expects', async () => {
    const r = await runObs(['lint', `cb ${CLEAR}\u202e.yaml`, '--corpus', 'corpus', '--format', 'github'], { cwd: dir });
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^::(warning|error) file=cb \\x1b\[2J\\u202e\.yaml,line=\d+,col=\d+,title=obs lint [a-z-]+::/);
  });

  it('an error naming a file with a line break stays one message', async () => {
    const r = await runObs(['code', 'corpus', '--codebook', `missing\n${FORGED}.yaml`], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`missing\\n${FORGED}.yaml`);
    expectOwnLines(r.stderr);
    expectInert(r.stderr, 'stderr');
  });

  it('an error quoting a codebook value with escape sequences shows them escaped', async () => {
    const bad = tempCorpus({ 'codebook.yaml': `name: x\nthemes:\n  - id: "bad${yamlEscaped(TITLE)}"\n    label: B\n    keywords: [grant]\n`, 'a.txt': TURNS('a grant') });
    const r = await runObs(['code', 'a.txt'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad\\x1b]0;pwned\\x07');
    expectInert(r.stderr, 'stderr');
    expectOwnLines(r.stderr);
  });
});

describe('CSV and Markdown hold no live control from the data', () => {
  it.each(CSV.map(named))('obs %s', async (_name, args) => {
    const r = await runObs(args as string[], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // A quoted field may hold a line break or a tab as data; nothing else.
    expectInert(r.stdout, 'csv', '\n\r\t');
    const rows = parse(r.stdout) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expect(rows.flat().some((cell) => cell.includes('\\x1b') || cell.includes('\\u202e'))).toBe(true);
  });

  it.each(MD.map(named))('obs %s', async (_name, args) => {
    const r = await runObs(args as string[], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expectInert(r.stdout, 'md');
    // Every table row is whole: a line that starts a row ends one, with as many cells as the header.
    const table = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    if (args[0] !== 'quotes') expect(table.length).toBeGreaterThan(2);
    else expect(r.stdout).toContain('\\\\x1b');
    const cells = (l: string) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    for (const l of table) {
      expect(l.endsWith('|'), l).toBe(true);
      expect(cells(l), l).toBe(cells(table[0]!));
    }
  });

  it('a raw CR in a value does not end a Markdown table row', async () => {
    const r = await runObs(['matrix', 'corpus', '--format', 'md', '--by', 'area'], { cwd: dir });
    expect(r.stdout).toContain('| South East West |');
  });
});

describe('the CSV formula guard', () => {
  it.each(['-5', '-0.25', '+44', '-1e3', '+1.5E-3', '-.5', '-12.'])('leaves the number %j alone, so a numeric column stays numeric', (value) => {
    expect(safeCell(value)).toBe(value);
    expect(toCsv(['score'], [[value]])).toBe(`score\n${value}\n`);
  });

  it.each(['=SUM(A1)', '+A1', '-A1+B2', '@x', '-2+3', '+44 7700 900123', '-5 ', '-', '+', '-1e', '\t-5', '-Infinity'])('still defuses %j', (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
  });

  it('escapes an ESC in a cell, and still guards a cell that starts with `=`', () => {
    const [, row] = parse(toCsv(['a', 'b'], [['\x1b]0;x\x07=1', '=1\x1b[2J']])) as string[][];
    expect(row).toEqual(['\\x1b]0;x\\x07=1', "'=1\\x1b[2J"]);
  });
});

describe('obs lint reads only a regular codebook file', () => {
  const lintDir = tempCorpus({ 'ok.yaml': 'name: w\nthemes:\n  - id: t\n    label: T\n    description: d\n    keywords: [grant]\n' });
  execFileSync('mkfifo', [path.join(lintDir, 'fifo.yaml')]);
  execFileSync('mknod', [path.join(lintDir, 'zero.yaml'), 'c', '1', '5']);
  writeFileSync(path.join(lintDir, 'big.yaml'), '');
  truncateSync(path.join(lintDir, 'big.yaml'), 16 * 2 ** 20 + 1);

  it.each([
    ['fifo.yaml', 'fifo.yaml: is a named pipe (FIFO), not a regular file'],
    ['zero.yaml', 'zero.yaml: is a character device, not a regular file'],
    ['big.yaml', 'big.yaml: is 16.0 MB, over the 16 MB obs reads from such a file'],
    ['.', '.: is a folder'],
    ['nope.yaml', 'nope.yaml: not found'],
  ])('%s: exit 2 at once, naming it', async (file, message) => {
    const r = await runObs(['lint', 'ok.yaml', file], { cwd: lintDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`obs: ${message}`);
    expect(r.stderr).toContain('hint: give obs lint the path of a YAML codebook');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });
});

describe('inputs', () => {
  it('are untouched, and no temporary file is left', () => {
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
  });
});

describe('what the review found', () => {
  it('quotes a lone carriage return in a CSV cell, so no row splits and no formula starts a line', async () => {
    const d = tempCorpus({ 'c/t.txt': '---\narea: "Ramsey\\r=1+2"\nyear: 2019\n---\nInterviewer: q?\n\nRespondent: we got a grant\n' });
    for (const args of [['matrix', 'c', '--by', 'area'], ['code', 'c', '--format', 'csv', '--by', 'area'], ['quotes', 'c', '--format', 'csv', '--by', 'area']]) {
      const r = await runObs(args, { cwd: d });
      expect(r.code, args.join(' ')).toBe(0);
      const rows = parse(r.stdout) as string[][];
      expect(rows.every((row) => row.length === rows[0]!.length), args.join(' ')).toBe(true);
      expect(rows.flat()).toContain('Ramsey\r=1+2');
      // Inside quotes: a reader that ends a row at a bare CR (Excel, Python's csv) keeps the cell whole.
      expect(r.stdout, args.join(' ')).toContain('"Ramsey\r=1+2"');
    }
  });

  it('escapes what the argument parser quotes back: an unknown option, an invalid choice', async () => {
    for (const args of [['code', 'c', `--bo${TITLE}\n${FORGED}`], [`co${TITLE}\n${FORGED}`], ['code', 'c', '--unit', `x${CLEAR}\n${FORGED}`]]) {
      const r = await runObs(args, { cwd: dir });
      expect(r.code).toBe(2);
      expectInert(r.stderr, args.join(' '));
      // The parser's own lines: its message, a suggestion, where to find usage; never one from the data.
      for (const line of r.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^(obs: |\((Did you mean|run obs) )/);
      expect(r.stderr).toContain('\\x1b');
    }
    expect((await runObs(['code', 'c', '--bx'], { cwd: dir })).stderr).toContain("unknown option '--bx'\n(Did you mean --by?)");
  });

  it('shows controls from the data escaped in the HTML report too', async () => {
    const r = await runObs(['report', 'corpus'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expectInert(r.stdout, 'obs report', '\n\r\t');
    expect(r.stdout).toContain('\\x1b');
  });
});
