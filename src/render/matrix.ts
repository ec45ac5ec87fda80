// Matrices in csv (for statistics packages), json, md and terminal tables.
import { Chalk } from 'chalk';
import { ALL } from '../aggregate/groups.js';
import type { Matrix, MatrixCell, MatrixRow } from '../aggregate/matrix.js';
import { toCsv } from './csv.js';
import { jsonValue } from './json-value.js';
import { inertName } from './inert.js';
import { escapeMd } from './md-escape.js';
import { summaryLine } from './summary.js';
import { textTable, type Column } from './text-table.js';

export const MATRIX_FORMATS = ['csv', 'json', 'md', 'table'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function renderMatrix(matrix: Matrix, format: MatrixFormat, options: { colorLevel: 0 | 1 | 2 | 3; totals?: boolean }): string {
  switch (format) {
    case 'csv':
      return toCsv(header(matrix), [...matrix.rows, ...(options.totals && matrix.total ? [matrix.total] : [])].map(values));
    case 'json':
      return renderJson(matrix);
    case 'md':
      return renderMd(matrix);
    case 'table':
      return renderTable(matrix, options.colorLevel);
  }
}

const header = (m: Matrix) => [...m.labelColumns, ...m.countColumns, ...m.themeColumns];
const values = (r: MatrixRow) => [...r.labels, ...r.counts, ...r.cells.map((c) => c.value)];

function renderJson(m: Matrix): string {
  const columns = header(m);
  // Group and metadata labels written as plain numbers are numbers (`(all)` is none); a file name or theme id stays text.
  const typed = (i: number) => m.kind !== 'cooccur' && i < m.labelColumns.length && !(m.kind === 'documents' && i === 0);
  const asObject = (r: MatrixRow) => Object.fromEntries(values(r).map((v, i) => [columns[i]!, typeof v === 'string' && typed(i) ? jsonValue(v) : v]));
  const body = {
    version: 1,
    codebook: m.codebook,
    corpus: m.corpus,
    matrix: m.kind,
    value: m.value,
    binary: m.binary,
    depth: m.depth,
    by: m.by,
    themes: m.themes,
    columns,
    rows: m.rows.map(asObject),
    ...(m.total ? { total: asObject(m.total) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function title(m: Matrix): string {
  const what = m.kind === 'cooccur' ? 'themes x themes' : m.kind === 'documents' ? 'documents x themes' : `${m.by.join(', ')} x themes`;
  const value = m.kind === 'cooccur' && m.value === 'passages' ? 'passages coded with both' : m.value;
  return `${what}: ${m.binary ? `${value} (1 if above 0)` : value}${m.depth !== null ? `, themes to level ${m.depth}` : ''}`;
}

function renderMd(m: Matrix): string {
  const columns = header(m);
  const numeric = (i: number) => i >= m.labelColumns.length;
  const out = [`**${escapeMd(title(m))}** · ${escapeMd(summaryLine(m))}`, ''];
  out.push(`| ${columns.map(escapeMd).join(' | ')} |`);
  out.push(`|${columns.map((_, i) => (numeric(i) ? ' ---: ' : ' --- ')).join('|')}|`);
  const line = (r: MatrixRow, total: boolean) =>
    out.push(`| ${[...r.labels.map((l) => (total && l === ALL ? '**total**' : escapeMd(l))), ...r.counts, ...r.cells.map((c) => c.value)].join(' | ')} |`);
  for (const r of m.rows) line(r, false);
  if (m.total) line(m.total, true);
  return `${out.join('\n')}\n`;
}

function renderTable(m: Matrix, colorLevel: 0 | 1 | 2 | 3): string {
  const c = new Chalk({ level: colorLevel });
  const columns: Column[] = header(m).map((h, i) => ({ header: h, align: i < m.labelColumns.length ? 'left' : 'right' }));
  // A document row's first label is its file name, shown with any line break escaped like every name.
  const label = (l: string, i: number) => (l === ALL ? 'total' : m.kind === 'documents' && i === 0 ? inertName(l) : l);
  const cells = (r: MatrixRow) => [...r.labels.map(label), ...r.counts.map(String), ...r.cells.map((x) => tableCell(x, m))];
  const rows = m.rows.map(cells);
  if (m.total) rows.push(cells(m.total));
  return `${c.bold(inertName(title(m)))}${c.dim(` · ${summaryLine(m)}`)}\n\n${textTable(columns, rows, (i) => m.total !== undefined && i === rows.length - 1)}`;
}

/** Counts with the figure that puts them in proportion beside them, as people read them. */
function tableCell(cell: MatrixCell, m: Matrix): string {
  const shown = m.value === 'share' && !m.binary ? percent(cell.value) : String(cell.value);
  const ctx = cell.context;
  if (!ctx) return shown;
  if (ctx.kind === 'share') return `${shown} (${percent(ctx.value)})`;
  if (ctx.kind === 'per_1k_words') return `${shown} (${ctx.value.toFixed(2)}/1k)`;
  return m.kind === 'groups' ? `${shown}/${ctx.value}` : shown;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
