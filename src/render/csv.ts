// CSV per RFC 4180 through csv-stringify, with cells that a spreadsheet could run as a formula defused.
import { stringify } from 'csv-stringify/sync';
import { FIGURE_COLUMNS, type CodeReport } from '../aggregate/report.js';

/** Excel, LibreOffice and Sheets run a cell that starts with one of these; a leading ' makes it text. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return stringify([header.map(safeCell), ...rows.map((r) => r.map((v) => (typeof v === 'number' ? v : safeCell(v))))], {
    record_delimiter: 'unix',
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
