// JSON: the whole report, row fields named as in the CSV; a group value written as a plain number is a number.
import { FIGURE_COLUMNS, type CodeReport } from '../aggregate/report.js';
import { jsonValue } from './json-value.js';
import { quoteJson } from './quotes.js';

export function renderJson(report: CodeReport): string {
  // Entries, not assignments: a --by field called `__proto__` is a column like any other.
  const rows = report.rows.map((r) =>
    Object.fromEntries<string | number>([...report.by.map((field, i): [string, string | number] => [field, jsonValue(r.group[i]!)]), ['theme', r.theme], ...FIGURE_COLUMNS.map((c): [string, number] => [c, r[c]])]),
  );
  const body = {
    version: 1,
    codebook: report.codebook,
    corpus: report.corpus,
    by: report.by,
    rows,
    quotes: report.quotes.map(quoteJson),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
