// NFKC, lower case, curly quotes folded to straight ones, with a map back to the original offsets.

export interface NormalizedText {
  text: string;
  /** Original offset of each normalized code unit, plus one entry for the end; absent when offsets are unchanged. */
  map?: Int32Array;
}

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
};
const QUOTE_CHARS = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C\u201D\u201E\u201F\u2033]/g;

export function normalize(original: string): NormalizedText {
  if (isAscii(original)) return { text: original.toLowerCase() };
  // A base character and its combining marks are normalized together, so NFKC can compose them.
  const parts: string[] = [];
  const map: number[] = [];
  for (const { 0: cluster, index } of original.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
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

function foldQuotes(s: string): string {
  return s.replace(QUOTE_CHARS, (c) => QUOTES[c] ?? c);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
