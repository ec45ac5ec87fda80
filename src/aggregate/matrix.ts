// Theme matrices: groups x themes, documents x themes, and themes x themes co-occurrence.
import { getField } from '../corpus/fields.js';
import type { Meta } from '../corpus/types.js';
import type { CompiledTheme } from '../match/compile.js';
import type { PassageCoding } from '../match/engine.js';
import { round, type FigureRow } from './figures.js';
import type { RunSummary } from './report.js';

export const MATRIX_VALUES = ['passages', 'share', 'hits', 'per_1k_words', 'documents'] as const;
export const COOCCUR_VALUES = ['passages', 'jaccard', 'c'] as const;
export type MatrixValue = (typeof MATRIX_VALUES)[number];
export type CooccurValue = (typeof COOCCUR_VALUES)[number];
export type MatrixKind = 'groups' | 'documents' | 'cooccur';

/** A theme cell: the value asked for and, for counts, the figure that puts it in proportion. */
export interface MatrixCell {
  value: number;
  /** passages: the share of passages; hits: per 1,000 words; documents: of how many. */
  context?: { kind: 'share' | 'per_1k_words' | 'of'; value: number };
}

export interface MatrixRow {
  labels: string[];
  counts: number[];
  cells: MatrixCell[];
}

export interface Matrix extends RunSummary {
  kind: MatrixKind;
  value: MatrixValue | CooccurValue;
  binary: boolean;
  depth: number | null;
  /** Columns that name the row (group fields, file and metadata, or theme). */
  labelColumns: string[];
  /** The denominators, so a reader can recompute any share. */
  countColumns: string[];
  /** One per theme; a theme id that clashes with another column is prefixed `theme_`. */
  themeColumns: string[];
  rows: MatrixRow[];
  /** For people, not for statistics packages: the table and md show it, csv leaves it out. */
  total?: MatrixRow;
}

export const COUNT_COLUMNS = ['documents_total', 'passages_total', 'words'];

export interface MatrixSettings {
  value: MatrixValue;
  binary: boolean;
  /** Theme indexes kept, in codebook order. */
  themes: readonly number[];
}

/** Pivots the long figure rows (groups in order, each with every theme, then the totals) to one row per group. */
export function wideRows(figures: readonly FigureRow[], themeCount: number, settings: MatrixSettings, labelsOf: (group: string[]) => string[]): { rows: MatrixRow[]; total: MatrixRow } {
  const rows: MatrixRow[] = [];
  for (let i = 0; i < figures.length; i += themeCount) {
    const chunk = figures.slice(i, i + themeCount);
    const first = chunk[0]!;
    rows.push({
      labels: labelsOf(first.group),
      counts: [first.documents_total, first.passages_total, first.words],
      cells: settings.themes.map((t) => cell(chunk[t]!, settings)),
    });
  }
  const total = rows.pop()!;
  return { rows, total };
}

function cell(r: FigureRow, settings: MatrixSettings): MatrixCell {
  const raw = r[settings.value];
  if (settings.binary) return { value: raw > 0 ? 1 : 0 };
  switch (settings.value) {
    case 'passages':
      return { value: raw, context: { kind: 'share', value: r.share } };
    case 'hits':
      return { value: raw, context: { kind: 'per_1k_words', value: r.per_1k_words } };
    case 'documents':
      return { value: raw, context: { kind: 'of', value: r.documents_total } };
    default:
      return { value: raw };
  }
}

/** Passages coded with both themes of each pair; the diagonal holds each theme's own passages. */
export class CooccurrenceCounter {
  private readonly counts: Uint32Array;

  constructor(readonly size: number) {
    this.counts = new Uint32Array(size * size);
  }

  add(coding: PassageCoding): void {
    const coded = [...coding.themes.keys()];
    for (const a of coded) for (const b of coded) this.counts[a * this.size + b]!++;
  }

  get(a: number, b: number): number {
    return this.counts[a * this.size + b]!;
  }

  rows(themes: readonly CompiledTheme[], kept: readonly number[], value: CooccurValue, binary: boolean): MatrixRow[] {
    return kept.map((a) => ({
      labels: [themes[a]!.id],
      counts: [],
      cells: kept.map((b) => {
        const n12 = this.get(a, b);
        if (binary) return { value: n12 > 0 ? 1 : 0 };
        if (value === 'passages') return { value: n12 };
        // Jaccard's coefficient and ATLAS.ti's c-coefficient are the same ratio when the unit is a passage.
        const union = this.get(a, a) + this.get(b, b) - n12;
        return { value: union === 0 ? 0 : round(n12 / union, 4) };
      }),
    }));
  }
}

/** Theme columns named by id, unless an id clashes with a label or count column. */
export function themeColumnNames(ids: readonly string[], taken: readonly string[]): string[] {
  return prefixClashes(ids, taken, 'theme_');
}

/**
 * Names kept as they are unless one is already taken (a metadata field called `words` beside the
 * `words` count), which gets the prefix: every column name stays unique, so JSON loses nothing.
 */
export function prefixClashes(names: readonly string[], taken: readonly string[], prefix: string): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return names.map((name) => {
    let out = name;
    while (used.has(out.toLowerCase())) out = `${prefix}${out}`;
    used.add(out.toLowerCase());
    return out;
  });
}

export interface DocumentEntry {
  /** The document's index in corpus order, as passages carry it. */
  doc: number;
  file: string;
  meta: Meta;
}

/**
 * Documents x themes: every document given is a row, in corpus order, labelled with its file and
 * its metadata (fields in the order documents first name them), with zeros where nothing was coded.
 * `counted` are the rows of the documents that had passages, labelled by document index.
 */
export function documentRows(counted: readonly MatrixRow[], documents: readonly DocumentEntry[], themes: number): { metaFields: string[]; rows: MatrixRow[] } {
  const seen = new Set<string>();
  for (const d of documents) for (const key of Object.keys(d.meta)) seen.add(key);
  const metaFields = [...seen];
  const byDoc = new Map(counted.map((r) => [Number(r.labels[0]), r]));
  const rows = documents.map((d) => {
    const r = byDoc.get(d.doc) ?? { labels: [], counts: [1, 0, 0], cells: Array.from({ length: themes }, () => ({ value: 0 })) };
    return { ...r, labels: [d.file, ...metaFields.map((f) => getField(d.meta, f) ?? '')] };
  });
  return { metaFields, rows };
}
