// Terminal output: the frequency table, then quotes with the matched terms highlighted.
import { Chalk } from 'chalk';
import type { FigureRow } from '../aggregate/figures.js';
import { ALL } from '../aggregate/groups.js';
import type { Quote } from '../aggregate/quotes.js';
import type { CodeReport } from '../aggregate/report.js';
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
    c.bold(`${codebook.name}${codebook.version ? ` ${codebook.version}` : ''}`) +
      c.dim(
        ` · ${corpus.documents} documents · ${corpus.passages} passages · ${corpus.words} respondent words` +
          (corpus.skipped > 0 ? ` · ${corpus.skipped} files skipped` : ''),
      ),
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
    const group = r.group.map((v) => (first ? (v === ALL ? 'total' : v) : ''));
    return [
      ...group,
      '  '.repeat(depth - 1) + r.theme,
      ...figureCells(r),
    ];
  });
  out.push(textTable(columns, rows, (i) => i > 0 && starts.includes(i)));
  if (report.quotes.length > 0) out.push(renderQuotes(report, options));
  return out.join('\n');
}

export function renderQuotes(report: CodeReport, options: TableOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const width = options.width ?? 100;
  const out: string[] = [c.bold('Quotes'), ''];
  const byTheme = new Map<string, Quote[]>();
  for (const q of report.quotes) byTheme.set(q.theme, [...(byTheme.get(q.theme) ?? []), q]);
  for (const theme of report.themes) {
    const quotes = byTheme.get(theme.id);
    if (!quotes) continue;
    out.push(c.bold(`${theme.id}`) + c.dim(` · ${theme.label}`));
    for (const q of quotes) {
      const text = q.extract.map((p) => (p.hit ? (options.colorLevel > 0 ? c.bold.yellow(p.text) : `[${p.text}]`) : p.text)).join('');
      out.push(...wrap(`“${text}”`, width - 4).map((l) => `    ${l}`));
      out.push(c.dim(`    — ${quoteSource(q)}`), '');
    }
  }
  return out.join('\n');
}

/** The figures as people read them: share as a percentage, density with two decimals. */
export function figureCells(r: FigureRow): string[] {
  return [String(r.documents), String(r.passages), String(r.passages_total), `${(r.share * 100).toFixed(1)}%`, String(r.hits), r.per_1k_words.toFixed(2)];
}

export function quoteSource(q: Quote): string {
  const parts = [`${q.file}:${q.line}`];
  if (q.speaker) parts.push(q.speaker);
  if (q.meta.area) parts.push(q.meta.area);
  if (q.meta.year) parts.push(q.meta.year);
  return parts.join(', ');
}

/** Wraps on spaces by visible width, so highlighted words wrap like plain ones. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of text.split(' ')) {
    const w = word.replace(/\x1b\[[0-9;]*m/g, '').length;
    if (visible > 0 && visible + 1 + w > width) {
      lines.push(line);
      line = word;
      visible = w;
    } else {
      line = visible > 0 || line !== '' ? `${line} ${word}` : word;
      visible += (visible > 0 ? 1 : 0) + w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
