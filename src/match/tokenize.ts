// Tokens are runs of letters and digits; an inner apostrophe keeps a word whole; a trailing 's is dropped.
import { HASH_START, hashStep } from './words.js';

export interface Token {
  /** The token as matched: normalized text, `'s` removed. */
  text: string;
  /** Offsets in the normalized text; `end` is exclusive and covers the dropped `'s`. */
  start: number;
  end: number;
  /** Counts the blank lines before the token: phrases and near windows never cross one. */
  block: number;
}

/** The same tokens as parallel arrays: the engine's form, with no object per token. */
export interface Tokens {
  count: number;
  texts: string[];
  starts: number[];
  ends: number[];
  blocks: number[];
}

/**
 * ASCII tokens by position: `keyEnds` excludes a dropped `'s`; `hashes` are over the lower-cased key.
 * The arrays are scratch space, valid until the next scan: read them at once or copy them.
 */
export interface AsciiTokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  keyEnds: Int32Array;
  hashes: Int32Array;
  blocks: Int32Array;
}

/**
 * Per ASCII code: 0 not part of a word, else the code the word is hashed and compared by (upper
 * case as lower). One table read per character instead of three range tests and a fold.
 */
const WORD_CODE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CODE[c] = c;
for (let c = 97; c <= 122; c++) WORD_CODE[c] = c;
for (let c = 65; c <= 90; c++) WORD_CODE[c] = c + 32;

/** Per ASCII code outside words: 1 a line break, 2 other white space, 3 anything else. */
const GAP = new Uint8Array(128);
for (let c = 0; c < 128; c++) GAP[c] = WORD_CODE[c] !== 0 ? 0 : c === 10 ? 1 : c === 32 || (c >= 9 && c <= 13) ? 2 : 3;

let scratch: AsciiTokens = makeScratch(4096);

/** Doubles the scratch arrays, keeping what they hold: a 50 MB line needs room only for its words. */
function grow(t: AsciiTokens, count: number): AsciiTokens {
  const bigger = makeScratch(t.starts.length * 2);
  for (const key of ['starts', 'ends', 'keyEnds', 'hashes', 'blocks'] as const) bigger[key].set(t[key].subarray(0, count));
  return bigger;
}

function makeScratch(size: number): AsciiTokens {
  return { count: 0, starts: new Int32Array(size), ends: new Int32Array(size), keyEnds: new Int32Array(size), hashes: new Int32Array(size), blocks: new Int32Array(size) };
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;
const BLANK_LINE = /\n[^\S\n]*\n/;

/** Expects text already normalized (lower case, straight apostrophes). */
export function tokenize(text: string): Token[] {
  const t = scanTokens(text);
  const out: Token[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) out[i] = { text: t.texts[i]!, start: t.starts[i]!, end: t.ends[i]!, block: t.blocks[i]! };
  return out;
}

export function scanTokens(text: string): Tokens {
  const ascii = scanAscii(text);
  if (!ascii) return scanUnicode(text);
  const texts: string[] = new Array(ascii.count);
  for (let i = 0; i < ascii.count; i++) texts[i] = text.slice(ascii.starts[i]!, ascii.keyEnds[i]!);
  const copy = (a: Int32Array) => Array.from(a.subarray(0, ascii.count));
  return { count: ascii.count, texts, starts: copy(ascii.starts), ends: copy(ascii.ends), blocks: copy(ascii.blocks) };
}

/**
 * Letters and digits by character code, upper case read as lower: the common case, several times
 * faster than the regular expression. Undefined at the first character beyond ASCII.
 */
export function scanAscii(text: string): AsciiTokens | undefined {
  const n = text.length;
  let t = scratch;
  let count = 0;
  let block = 0;
  // Within a gap between words: whether a line break has been seen with only white space after it.
  let afterBreak = false;
  let blank = false;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c > 0x7f) return undefined;
    const gap = GAP[c]!;
    if (gap !== 0) {
      if (gap === 1) {
        if (afterBreak) blank = true;
        afterBreak = true;
      } else if (gap === 3) afterBreak = false;
      i++;
      continue;
    }
    if (blank) block++;
    blank = false;
    afterBreak = false;
    const start = i;
    let hash = HASH_START;
    let beforeApostrophe = hash;
    let apostrophe = -1;
    for (;;) {
      let folded = 0;
      while (i < n && (c = text.charCodeAt(i)) < 128 && (folded = WORD_CODE[c]!) !== 0) {
        hash = hashStep(hash, folded);
        i++;
      }
      // An apostrophe between two word characters keeps the word whole: don't, o'clock.
      if (i + 1 < n && c === 39 && isWordCode(text.charCodeAt(i + 1))) {
        beforeApostrophe = hash;
        apostrophe = i;
        hash = hashStep(hash, 39);
        i++;
      } else break;
    }
    // A trailing 's is dropped: the council's grant is the council's.
    const possessive = apostrophe === i - 2 && i - start > 2 && (text.charCodeAt(i - 1) | 32) === 115;
    if (count === t.starts.length) t = scratch = grow(t, count);
    t.starts[count] = start;
    t.ends[count] = i;
    t.keyEnds[count] = possessive ? i - 2 : i;
    t.hashes[count] = possessive ? beforeApostrophe : hash;
    t.blocks[count] = block;
    count++;
  }
  t.count = count;
  return t;
}

export function scanUnicode(text: string): Tokens {
  const t: Tokens = { count: 0, texts: [], starts: [], ends: [], blocks: [] };
  let block = 0;
  let previousEnd = 0;
  // Only a gap holding a line break can hold a blank line; each break is looked for once.
  let nextBreak = text.indexOf('\n');
  for (const m of text.matchAll(WORD)) {
    if (nextBreak >= 0 && nextBreak < m.index) {
      if (BLANK_LINE.test(text.slice(previousEnd, m.index))) block++;
      nextBreak = text.indexOf('\n', m.index);
    }
    previousEnd = m.index + m[0].length;
    const word = m[0];
    t.texts.push(word.length > 2 && word.endsWith("'s") ? word.slice(0, -2) : word);
    t.starts.push(m.index);
    t.ends.push(previousEnd);
    t.blocks.push(block);
    t.count++;
  }
  return t;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
