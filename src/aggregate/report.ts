// What the corpus commands report, as plain data for the formatters.
import type { Codebook } from '../codebook/types.js';
import type { CompiledTheme } from '../match/compile.js';
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

/** The codebook as every output names it: enough to say exactly what coded the figures. */
export function codebookInfo(codebook: Codebook): RunSummary['codebook'] {
  return { name: codebook.name, version: codebook.version, sha256: codebook.source.sha256 };
}

export function runSummary(
  codebook: Codebook,
  corpus: RunSummary['corpus'],
  by: string[],
  themes: readonly CompiledTheme[],
): RunSummary {
  return { codebook: codebookInfo(codebook), corpus, by, themes: themes.map((t) => ({ id: t.id, label: t.label, depth: t.depth })) };
}
