// Whatever the data holds, the terminal and Markdown renderers let none of it act: generated strings
// mixing escape sequences, C0 and C1 controls, bidi controls, lone surrogates and line breaks go in as
// names, metadata and passage text, and no control but obs's own layout newline comes out.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/aggregate/quotes.js';
import type { CodeReport } from '../../src/aggregate/report.js';
import type { Matrix } from '../../src/aggregate/matrix.js';
import type { SpeakerRow } from '../../src/aggregate/speakers.js';
import { formatProblem, formatWarning } from '../../src/errors.js';
import { github } from '../../src/lint/format/github.js';
import { stylish } from '../../src/lint/format/stylish.js';
import type { LintResult } from '../../src/lint/rule.js';
import { renderAgree, type AgreeReport } from '../../src/render/agree.js';
import { toCsv } from '../../src/render/csv.js';
import { renderMatrix } from '../../src/render/matrix.js';
import { escapeMd, renderMd } from '../../src/render/md.js';
import { renderQuotesMd, renderQuotesTable } from '../../src/render/quotes.js';
import { renderSpeakers } from '../../src/render/speakers.js';
import { renderTable } from '../../src/render/table.js';
import { textTable } from '../../src/render/text-table.js';

const HOSTILE = [
  '\x1b]0;pwned\x07', '\x1b]52;c;cHduZWQ\x07', '\x1b]8;;https://evil.example/\x1b\\', '\x1b[2J', '\x1b[1;1H', '\x1b[31m', '\x1bc',
  '\u009b2J', '\u009d0;t\u009c', '\u0085', '\x00', '\x07', '\x08', '\x7f', '\r', '\n', '\r\n', '\t', '\v', '\f', '\u2028', '\u2029',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c',
  '\ud800', '\udfff', '\\', '\\x1b', '|', '`', '*', '#', '- ', '1. ', '%', ':', ',', '=', 'obs: error: forged', '\n  hint: forged',
];
const piece = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom('grant', 'Ann', 'North', 'Café', '日本', '👍🏽', 'e\u0301', ' '),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
);
const data = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const name = data.filter((s) => s !== '');

/** Controls and bidi controls in `out`, less the ones `allowed`. */
function live(out: string, allowed = '\n'): string[] {
  return [...out].filter((ch) => /[\p{Cc}\p{Bidi_Control}]/u.test(ch) && !allowed.includes(ch)).map((ch) => `U+${ch.codePointAt(0)!.toString(16)}`);
}

/** obs's own colours, which are all it may add. */
const SGR = /\x1b\[[0-9;]*m/g;

const pieces = fc.array(fc.record({ text: data, hit: fc.boolean() }), { maxLength: 4 });
const context = fc.record({ file: name, line: fc.nat(999), speaker: fc.option(data), start: fc.option(data), interviewer: fc.boolean(), extract: pieces });

const report = fc
  .record({
    name: data,
    version: data,
    by: fc.array(name, { minLength: 0, maxLength: 2 }),
    values: fc.array(data, { minLength: 2, maxLength: 2 }),
    theme: name,
    label: data,
    file: name,
    speaker: fc.option(data),
    area: fc.option(data),
    year: fc.option(data),
    extract: pieces,
    before: fc.array(context, { maxLength: 1 }),
    after: fc.array(context, { maxLength: 1 }),
    uncoded: fc.boolean(),
  })
  .map((r): CodeReport => {
    const group = r.values.slice(0, r.by.length);
    const figures = { documents_total: 1, documents: 1, passages: 1, passages_total: 2, share: 0.5, hits: 1, words: 10, per_1k_words: 100 };
    const quote: Quote = {
      theme: r.uncoded ? null : r.theme,
      group,
      file: r.file,
      line: 3,
      speaker: r.speaker,
      start: null,
      meta: { ...(r.area === null ? {} : { area: r.area }), ...(r.year === null ? {} : { year: r.year }) },
      terms: [r.label],
      hits: 1,
      words: 10,
      extract: r.extract,
      before: r.before,
      after: r.after,
    };
    return {
      codebook: { name: r.name, version: r.version, sha256: 'x' },
      corpus: { documents: 1, passages: 2, words: 10, skipped: 0 },
      by: r.by,
      themes: [{ id: r.theme, label: r.label, depth: 1 }],
      quotes: [quote],
      rows: [{ group, theme: r.theme, total: false, ...figures }],
    };
  });

const matrix = fc
  .record({ report, kind: fc.constantFrom('groups', 'documents', 'cooccur'), labels: fc.array(data, { minLength: 2, maxLength: 2 }), column: name })
  .map(({ report: r, kind, labels, column }): Matrix => ({
    ...r,
    kind: kind as Matrix['kind'],
    value: 'passages',
    binary: false,
    depth: null,
    labelColumns: [column, 'b'],
    countColumns: ['documents_total'],
    themeColumns: [r.themes[0]!.id],
    rows: [{ labels, counts: [1], cells: [{ value: 2, context: { kind: 'share', value: 0.5 } }] }],
    total: { labels: ['(all)', ''], counts: [1], cells: [{ value: 2 }] },
  }));

const lint = fc.array(fc.record({ filePath: name, messages: fc.array(fc.record({ ruleId: name, error: fc.boolean(), message: data, hint: data }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 }).map((files): LintResult[] =>
  files.map((f) => {
    const messages = f.messages.map((m, i) => ({ ruleId: m.ruleId, severity: m.error ? ('error' as const) : ('warning' as const), message: m.message, line: i + 1, column: 1, hint: m.hint }));
    return { filePath: f.filePath, messages, errorCount: messages.filter((m) => m.severity === 'error').length, warningCount: messages.filter((m) => m.severity === 'warning').length };
  }),
);

const RUNS = { numRuns: 300 };

describe('terminal renderers, any data', () => {
  it('an error or warning is one line, and one hint line, whatever its file, message and hint hold', () => {
    fc.assert(
      fc.property(data, fc.option(fc.nat(9999)), data, fc.option(data), fc.boolean(), (file, line, message, hint, note) => {
        const p = { file, ...(line === null ? {} : { line }), message, ...(hint === null ? {} : { hint }), note };
        for (const out of [formatProblem(p), formatWarning(p)]) {
          expect(live(out)).toEqual([]);
          const lines = out.split('\n');
          expect(lines).toHaveLength(hint ? 2 : 1);
          expect(lines[0]).toMatch(/^obs: /);
          if (hint) expect(lines[1]).toMatch(/^ {2}hint: /);
        }
      }),
      RUNS,
    );
  });

  it('a text table has one line per row, whatever its cells hold', () => {
    fc.assert(
      fc.property(fc.array(data, { minLength: 1, maxLength: 3 }), fc.array(fc.array(data, { minLength: 3, maxLength: 3 }), { maxLength: 4 }), (headers, rows) => {
        const columns = headers.map((header) => ({ header, align: 'left' as const }));
        const out = textTable(columns, rows.map((r) => r.slice(0, columns.length)));
        expect(live(out)).toEqual([]);
        expect(out.split('\n')).toHaveLength(rows.length + 3);
      }),
      RUNS,
    );
  });

  it('obs code, matrix and quotes tables: nothing live, with or without colour', () => {
    fc.assert(
      fc.property(report, matrix, (r, m) => {
        for (const out of [renderTable(r, { colorLevel: 0 }), renderQuotesTable(r, { colorLevel: 0 }), renderMatrix(m, 'table', { colorLevel: 0 })]) expect(live(out)).toEqual([]);
        // With colour, only obs's own colour sequences are added.
        expect(live(renderTable(r, { colorLevel: 3 }).replace(SGR, ''))).toEqual([]);
        expect(live(renderQuotesTable(r, { colorLevel: 1 }).replace(SGR, ''))).toEqual([]);
        expect(renderMatrix(m, 'table', { colorLevel: 1 }).replace(SGR, '')).toBe(renderMatrix(m, 'table', { colorLevel: 0 }));
        // Each line a quote shows is indented: no name or text starts a line of its own.
        for (const line of renderQuotesTable(r, { colorLevel: 0 }).split('\n').slice(2)) expect(line === '' || /^(\S.* · |\s)/.test(line), JSON.stringify(line)).toBe(true);
      }),
      RUNS,
    );
  });

  it('obs speakers and obs agree tables: nothing live', () => {
    const row = fc.record({ file: name, speaker: fc.option(data), why: data, layout: data, first_start: fc.option(data) }).map(
      (r): SpeakerRow => ({ ...r, format: 'txt', role: 'respondent', turns: 1, words: 2, share: 1, stamps: 0 }),
    );
    const agreement = { both: 1, aOnly: 0, bOnly: 0, neither: 1, passages: 2, precision: 1, recall: 1, f1: 1, kappa: 1 };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3 }), name, name, name, (rows, a, b, theme) => {
        expect(live(renderSpeakers(rows, 'table', 0))).toEqual([]);
        const t = { theme, all: agreement, coded: agreement };
        const agree: AgreeReport = { codebook: { name: a, version: b, sha256: 'x' }, gold: a, themes: [theme], comparisons: [{ a, b, documents: 1, passages: 2, passagesCoded: 2, themes: [t], overall: t }] };
        expect(live(renderAgree(agree, 'table', 0))).toEqual([]);
        expect(renderAgree(agree, 'table', 2).replace(SGR, '')).toBe(renderAgree(agree, 'table', 0));
      }),
      RUNS,
    );
  });

  it('lint stylish: nothing live, one line per finding, colour only from obs', () => {
    fc.assert(
      fc.property(lint, (results) => {
        const out = stylish(results, 0);
        expect(live(out)).toEqual([]);
        const findings = results.reduce((n, r) => n + r.messages.length, 0);
        expect(out.split('\n')).toHaveLength(results.length * 2 + findings + 2);
        const trimmed = (text: string) => text.split('\n').map((l) => l.trimEnd());
        expect(trimmed(stylish(results, 1).replace(SGR, ''))).toEqual(trimmed(out));
      }),
      RUNS,
    );
  });

  it('lint github: one workflow command per finding, its properties and data escaped', () => {
    fc.assert(
      fc.property(lint, (results) => {
        const out = github(results);
        expect(live(out)).toEqual([]);
        const lines = out.trimEnd().split('\n');
        expect(lines).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
        for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::/);
      }),
      RUNS,
    );
  });
});

describe('Markdown and CSV renderers, any data', () => {
  /** Cells of a table row, after GitHub's rule: a backslash-escaped pipe is text, not a cell border. */
  const cells = (line: string) => line.replace(/\\[\s\S]/g, 'x').split('|').length;

  it('a Markdown cell is one line with nothing live, and splits no row', () => {
    fc.assert(
      fc.property(data, (s) => {
        const cell = escapeMd(s);
        expect(live(cell, '')).toEqual([]);
        expect(cells(`| ${cell} |`)).toBe(3);
      }),
      RUNS,
    );
  });

  it('obs code, matrix and quotes Markdown: nothing live, every table row whole', () => {
    fc.assert(
      fc.property(report, matrix, (r, m) => {
        for (const out of [renderMd(r), renderMatrix(m, 'md', { colorLevel: 0 }), renderQuotesMd(r)]) {
          expect(live(out)).toEqual([]);
          const table = out.split('\n').filter((l) => l.startsWith('|'));
          for (const line of table) {
            expect(line.endsWith('|'), line).toBe(true);
            expect(cells(line), line).toBe(cells(table[0]!));
          }
          // Headings and quote lines are one line each: each line of the quotes starts as Markdown does.
          for (const line of out.split('\n')) expect(line === '' || /^(#|>|\||\*\*|\d+ documents)/.test(line), JSON.stringify(line)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a CSV cell keeps line breaks and tabs as data and nothing else live', () => {
    fc.assert(
      fc.property(fc.array(data, { minLength: 1, maxLength: 3 }), (row) => {
        const out = toCsv(['a', 'b', 'c'].slice(0, row.length), [row]);
        expect(live(out, '\n\r\t')).toEqual([]);
        const [, back] = parse(out, { relax_column_count: false }) as string[][];
        expect(back).toHaveLength(row.length);
      }),
      RUNS,
    );
  });
});
