// Tokens are runs of letters and digits; an inner apostrophe keeps a word whole; a trailing 's is dropped.

export interface Token {
  /** The token as matched: normalized text, `'s` removed. */
  text: string;
  /** Offsets in the normalized text; `end` is exclusive and covers the dropped `'s`. */
  start: number;
  end: number;
  /** Counts the blank lines before the token: phrases and near windows never cross one. */
  block: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;
const BLANK_LINE = /\n[^\S\n]*\n/;

/** Expects text already normalized (lower case, straight apostrophes). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let block = 0;
  let previousEnd = 0;
  // Only a gap holding a line break can hold a blank line; each break is looked for once.
  let nextBreak = text.indexOf('\n');
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    if (word.length > 2 && word.endsWith("'s")) word = word.slice(0, -2);
    if (nextBreak >= 0 && nextBreak < m.index) {
      if (BLANK_LINE.test(text.slice(previousEnd, m.index))) block++;
      nextBreak = text.indexOf('\n', m.index);
    }
    previousEnd = m.index + m[0].length;
    tokens.push({ text: word, start: m.index, end: previousEnd, block });
  }
  return tokens;
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
