// Terminal output: the frequency table, then quotes with the matched terms highlighted.
import { Chalk } from 'chalk';
import type { FigureRow } from '../aggregate/figures.js';
import type { CodeReport } from '../aggregate/report.js';
import { inertName } from './inert.js';
import { renderQuotesTable } from './quotes.js';
import { summaryLine } from './summary.js';
import { textTable, type Column } from './text-table.js';

export interface TableOptions {
  /** chalk's colour level: 0 none, 1 basic, 2 256 colours, 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  width?: number;
}

export function renderTable(report: CodeReport, options: TableOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const out: string[] = [];
  const { corpus, codebook } = report;
  out.push(
    c.bold(inertName(`${codebook.name}${codebook.version ? ` ${codebook.version}` : ''}`)) +
      c.dim(` · ${summaryLine(report)}`),
    '',
  );
  const labels = new Map(report.themes.map((t) => [t.id, t]));
  const columns: Column[] = [
    ...report.by.map((f) => ({ header: f, align: 'left' as const })),
    { header: 'theme', align: 'left' },
    { header: 'docs', align: 'right' },
    { header: 'passages', align: 'right' },
    { header: 'of', align: 'right' },
    { header: 'share', align: 'right' },
    { header: 'hits', align: 'right' },
    { header: 'per 1k words', align: 'right' },
  ];
  let previous = '';
  const starts: number[] = [];
  const rows = report.rows.map((r, i) => {
    const key = JSON.stringify(r.group);
    const first = key !== previous;
    if (first) starts.push(i);
    previous = key;
    const depth = labels.get(r.theme)?.depth ?? 1;
    const group = r.group.map((v) => (first ? (r.total ? 'total' : v) : ''));
    return [
      ...group,
      '  '.repeat(depth - 1) + r.theme,
      ...figureCells(r),
    ];
  });
  out.push(textTable(columns, rows, (i) => i > 0 && starts.includes(i)));
  if (report.quotes.length > 0) out.push(renderQuotesTable(report, options));
  return out.join('\n');
}

/** The figures as people read them: share as a percentage, density with two decimals. */
export function figureCells(r: FigureRow): string[] {
  return [String(r.documents), String(r.passages), String(r.passages_total), `${(r.share * 100).toFixed(1)}%`, String(r.hits), r.per_1k_words.toFixed(2)];
}
