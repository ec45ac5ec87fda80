// JSON: the whole report, row fields named as in the CSV.
import { FIGURE_COLUMNS, type CodeReport } from '../aggregate/report.js';
import { quoteJson } from './quotes.js';

export function renderJson(report: CodeReport): string {
  const rows = report.rows.map((r) => {
    const out: Record<string, string | number> = {};
    report.by.forEach((field, i) => (out[field] = r.group[i]!));
    out.theme = r.theme;
    for (const c of FIGURE_COLUMNS) out[c] = r[c];
    return out;
  });
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
