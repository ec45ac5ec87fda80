// A passage's leading theme: what it is most about, among the top-level themes it is coded with.
import type { CompiledTheme } from '../match/compile.js';
import type { PassageCoding, ThemeCoding } from '../match/engine.js';

/** Words the hits matched: a phrase of three words says more than one generic word. */
function matchedWords(coding: ThemeCoding): number {
  let words = 0;
  for (const hit of coding.hits) if (hit) words += hit.last - hit.first + 1;
  return words;
}

/**
 * The top-level theme with the most hits (a parent's hits include its sub-themes'); a tie goes to
 * the theme whose hits matched more words, then to the one first in the codebook. Undefined where
 * the passage is coded with no theme.
 */
export function leadingTheme(coding: PassageCoding | undefined, themes: readonly CompiledTheme[]): number | undefined {
  let best: number | undefined;
  let bestHits = 0;
  let bestWords = 0;
  for (const [index, theme] of coding?.themes ?? []) {
    if (themes[index]!.parent >= 0) continue;
    const hits = theme.hits.length;
    const words = matchedWords(theme);
    const better = best === undefined || hits > bestHits || (hits === bestHits && (words > bestWords || (words === bestWords && index < best)));
    if (better) {
      best = index;
      bestHits = hits;
      bestWords = words;
    }
  }
  return best;
}
