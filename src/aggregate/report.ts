// What the corpus commands report, as plain data for the formatters.
import type { FigureRow } from './figures.js';
import type { Quote } from './quotes.js';

export interface ThemeInfo {
  id: string;
  label: string;
  depth: number;
}

/** What every report says about its run: which codebook, how much text, grouped how. */
export interface RunSummary {
  codebook: { name: string; version: string; sha256: string };
  corpus: { documents: number; passages: number; words: number; skipped: number };
  by: string[];
  themes: ThemeInfo[];
}

export interface QuoteSet extends RunSummary {
  quotes: Quote[];
}

export interface CodeReport extends QuoteSet {
  rows: FigureRow[];
}

export const FIGURE_COLUMNS = ['documents', 'passages', 'passages_total', 'share', 'hits', 'words', 'per_1k_words'] as const;
