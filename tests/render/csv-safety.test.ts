// No CSV that obs writes can run as a formula in a spreadsheet, whatever the transcripts say.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '../../src/render/csv.js';
import { runObs, tempCorpus } from '../helpers/run.js';

/** A signed number is data, not a formula: the guard leaves it as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const HYPERLINK = '=HYPERLINK("http://example.com")';
const corpus = tempCorpus({
  'evil.txt': [
    '---',
    `area: '${HYPERLINK}'`,
    'year: "-2019"',
    '---',
    'Interviewer: @everyone what about the grant?',
    '',
    'Ann: +44 7700 900123 is the grant office, call them about funding.',
    '',
    'Interviewer: -and the council?',
    '',
    'Ann: - the council matched the money.',
    '',
    'Ann: @Bob said the volunteers were exhausted.',
    '',
    'Ann: \tSomething with no theme at all in it here today.',
    '',
  ].join('\n'),
  'rows.csv': 'speaker,text,area\n"=cmd|\' /C calc\'!A0",=SUM(1+1) we got a grant,@area\n',
});

// Each run, and a dangerous value that must come out whole, as text.
const RUNS: Array<[string[], string]> = [
  [['code', '--format', 'csv'], `'${HYPERLINK}`],
  [['code', '--format', 'csv', '--by', 'speaker'], "'=cmd|' /C calc'!A0"],
  [['matrix'], `'${HYPERLINK}`],
  [['matrix', '--rows', 'document'], `'${HYPERLINK}`],
  [['matrix', '--cooccur'], 'theme'],
  [['quotes', '--format', 'csv', '--context', '1'], `'${HYPERLINK}`],
  [['quotes', '--format', 'csv', '--uncoded', '--context', '1'], `'${HYPERLINK}`],
];

describe('formula-safe CSV', () => {
  it.each(RUNS)('obs %j: no cell starts a formula', async ([command, ...args], expected) => {
    const r = await runObs([command!, corpus, ...args]);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { bom: true }) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    const cells = rows.flat();
    for (const cell of cells.filter((c) => !PLAIN_NUMBER.test(c))) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(expected);
  });

  it('keeps the dangerous text itself: quotes and speakers arrive whole, behind a single quote', async () => {
    const r = await runObs(['quotes', corpus, '--format', 'csv', '--context', '1', '--by', 'none', '--limit', '0']);
    const cells = (parse(r.stdout) as string[][]).flat();
    expect(cells).toContain("'+44 7700 900123 is the grant office, call them about funding.");
    expect(cells).toContain("'- the council matched the money.");
    expect(cells).toContain("'@Bob said the volunteers were exhausted.");
    expect(cells).toContain("'@everyone what about the grant?");
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells).toContain("'=SUM(1+1) we got a grant");
    const code = (parse((await runObs(['code', corpus, '--format', 'csv'])).stdout) as string[][]).flat();
    expect(code).toContain('-2019');
  });
});

describe('safeCell', () => {
  it.each(['=1+1', '+A1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'])('defuses %j', (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
    const cell = (parse(toCsv(['h'], [[value]]), { from_line: 2 }) as string[][])[0]?.[0];
    expect(cell).toBe(`'${value}`);
  });

  it.each(['Ramsey', '2019', ' =1', "'quoted", '1-2', '-1', '+44', '-0.25'])('leaves %j alone', (value) => {
    expect(safeCell(value)).toBe(value);
  });

  it('writes numbers as numbers, even negative ones, which no spreadsheet runs', () => {
    expect(toCsv(['n'], [[-1]])).toBe('n\n-1\n');
  });
});
