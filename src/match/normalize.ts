// NFKC, lower case, curly quotes folded to straight ones, with a map back to the original offsets.

export interface NormalizedText {
  text: string;
  /** Original offset of each normalized code unit, plus one entry for the end; absent when offsets are unchanged. */
  map?: Int32Array;
}

// Curly quotes fold to straight ones; Greek final sigma folds to σ as Unicode case folding does,
// since lower-casing a capital Σ on its own cannot know it ends a word.
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
  '\u03C2': '\u03C3',
};
const FOLD_CHARS = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C\u201D\u201E\u201F\u2033\u03C2]/g;
// Made on first use: building a segmenter costs several milliseconds at start-up.
let graphemes: Intl.Segmenter | undefined;

export function normalize(original: string): NormalizedText {
  if (isAscii(original)) return { text: original.toLowerCase() };
  // Each grapheme (a letter with its accents, or decomposed Hangul jamo) is normalized whole,
  // so NFKC can compose it, and its offset in the original is kept.
  const parts: string[] = [];
  const map: number[] = [];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment: cluster, index } of graphemes.segment(original)) {
    const folded = foldQuotes(cluster.normalize('NFKC').toLowerCase());
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) map.push(index);
  }
  map.push(original.length);
  const text = parts.join('');
  if (text.length === original.length && map.every((v, i) => v === i)) return { text };
  return { text, map: Int32Array.from(map) };
}

export function originalOffset(n: NormalizedText, offset: number): number {
  return n.map ? n.map[offset]! : offset;
}

/** Curly quotes to straight ones, final sigma to sigma. */
export function foldQuotes(s: string): string {
  return s.replace(FOLD_CHARS, (c) => FOLDS[c] ?? c);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
