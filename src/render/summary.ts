// The one line every report opens with: how much text the figures stand on.
import type { RunSummary } from '../aggregate/report.js';

export function summaryLine(run: Pick<RunSummary, 'corpus'>, separator = ' · '): string {
  const { corpus } = run;
  const parts = [`${corpus.documents} documents`, `${corpus.passages} passages`, `${corpus.words} respondent words`];
  if (corpus.skipped > 0) parts.push(`${corpus.skipped} files skipped`);
  return parts.join(separator);
}
