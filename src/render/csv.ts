// CSV per RFC 4180 through csv-stringify, with cells that a spreadsheet could run as a formula defused.
import { stringify } from 'csv-stringify/sync';
import { FIGURE_COLUMNS, type CodeReport } from '../aggregate/report.js';
import { inertCsv } from './inert.js';

/** A number as a spreadsheet reads one: `-5`, `+44`, `-0.25`, `-1e3`. Nothing else it could run. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Excel, LibreOffice and Sheets run a cell that starts with one of these; a leading ' makes it text.
 * A plain signed number is left alone, so a `score: -5` column stays numeric; `-2+3` is a formula.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A string cell: controls other than line breaks and tabs escaped (an ESC in a CSV cat-ed to a terminal runs), then formula-safe. */
const cell = (value: string) => safeCell(inertCsv(value));

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return csvLines([header, ...rows]);
}

/** Rows without a header: output that streams writes its header once, then rows as they come. */
export function csvLines(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return stringify(rows.map((r) => r.map((v) => (typeof v === 'number' ? v : cell(v)))), {
    record_delimiter: 'unix',
    // A carriage return alone ends a row for Excel, LibreOffice and Python's csv: quoted, it stays in its cell.
    quoted_match: /\r/,
    cast: { number: (n) => String(n) },
  });
}

export function renderCsv(report: CodeReport): string {
  const header = [...report.by, 'theme', ...FIGURE_COLUMNS];
  return toCsv(
    header,
    report.rows.map((r) => [...r.group, r.theme, ...FIGURE_COLUMNS.map((c) => r[c])]),
  );
}
