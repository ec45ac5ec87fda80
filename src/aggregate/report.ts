// Everything `obs code` reports, as plain data for the formatters.
import type { FigureRow } from './figures.js';
import type { Quote } from './quotes.js';

export interface ThemeInfo {
  id: string;
  label: string;
  depth: number;
}

export interface CodeReport {
  codebook: { name: string; version: string; sha256: string };
  corpus: { documents: number; passages: number; words: number; skipped: number };
  by: string[];
  themes: ThemeInfo[];
  rows: FigureRow[];
  quotes: Quote[];
}

export const FIGURE_COLUMNS = ['documents', 'passages', 'passages_total', 'share', 'hits', 'words', 'per_1k_words'] as const;
