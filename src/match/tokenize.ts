// Tokens are runs of letters and digits; an inner apostrophe keeps a word whole; a trailing 's is dropped.
import { ANY, LETTER, SIDE } from './first-letters.js';
import { foldQuotes } from './normalize.js';

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
 * ASCII tokens by position, offsets in the text's bytes (which are its characters). The arrays
 * are scratch space, valid until the next scan: read them at once or copy them.
 */
export interface AsciiTokens {
  count: number;
  /** The text's bytes: ASCII, one byte a character. */
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  blocks: Int32Array;
  /** The positions of the words whose first letters fall in a marked cell, `markedCount` of them. */
  marked: Int32Array;
  markedCount: number;
}

// Words are hashed (FNV-1a) by their lower-case codes, so the word table can find a known word
// in the passage's bytes without making a string of it.
const FNV_PRIME = 16777619;
export const HASH_START = 0x811c9dc5;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/**
 * Per byte: 0 not part of a word, else the code the word is hashed and compared by (upper case as
 * lower). One table read per character instead of three range tests and a fold. Above 0x7F, the
 * lower-case letters of Latin-1 (ß, à to ÿ): text folded to bytes (scanFolded) writes its
 * Latin-1 letters so, and nothing else above 0x7F.
 */
const WORD_CODE = new Uint8Array(256);
for (let c = 48; c <= 57; c++) WORD_CODE[c] = c;
for (let c = 97; c <= 122; c++) WORD_CODE[c] = c;
for (let c = 65; c <= 90; c++) WORD_CODE[c] = c + 32;
for (let c = 0xdf; c <= 0xff; c++) if (c !== 0xf7) WORD_CODE[c] = c;

/** Per byte of a word: the code its key is hashed and compared by, an inner apostrophe as itself. */
export const KEY_CODE = WORD_CODE.slice();
KEY_CODE[39] = 39;

/** Per byte outside words: 1 a line break, 2 other white space, 3 anything else. */
const GAP = new Uint8Array(256);
for (let c = 0; c < 256; c++) GAP[c] = WORD_CODE[c] !== 0 ? 0 : c === 10 ? 1 : c === 32 || (c >= 9 && c <= 13) ? 2 : 3;

const encoder = new TextEncoder();
let bytes = Buffer.alloc(1 << 16);
let scratch: AsciiTokens = makeScratch(4096);

/** Doubles the scratch arrays, keeping what they hold: they grow with the words of the longest passage. */
function grow(t: AsciiTokens, count: number): AsciiTokens {
  const bigger = makeScratch(t.starts.length * 2);
  for (const key of ['starts', 'ends', 'blocks', 'marked'] as const) bigger[key].set(t[key].subarray(0, count));
  return bigger;
}

function makeScratch(size: number): AsciiTokens {
  return { count: 0, bytes, starts: new Int32Array(size), ends: new Int32Array(size), blocks: new Int32Array(size), marked: new Int32Array(size), markedCount: 0 };
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
  const { count, bytes, starts, ends } = ascii;
  const texts: string[] = new Array(count);
  for (let i = 0; i < count; i++) texts[i] = text.slice(starts[i]!, keyEnd(bytes, starts[i]!, ends[i]!));
  const copy = (a: Int32Array) => Array.from(a.subarray(0, count));
  return { count, texts, starts: copy(starts), ends: copy(ends), blocks: copy(ascii.blocks) };
}

/**
 * Copies the text into `bytes`, one byte a character: each character's low byte (Buffer's latin1
 * write, at memory speed), which is the character itself for ASCII. A byte array reads faster
 * than a string, sliced or not.
 */
function copyLowBytes(text: string): number {
  const n = text.length;
  makeRoom(n);
  bytes.write(text, 0, n, 'latin1');
  return n;
}

/** Grows `bytes` to hold a text of `n` characters and the 0 written past its end. */
function makeRoom(n: number): void {
  if (bytes.length <= n) bytes = Buffer.alloc(Math.max(n + 1, bytes.length * 2));
}

/** A character beyond ASCII: a regular expression finds the few a transcript holds sooner than a loop looks at every character. */
const NOT_ASCII = /[^\x00-\x7f]/g;

/**
 * Letters and digits, undefined when the text is not all ASCII (keyEnd, hashBytes and the word
 * table read upper case as lower). The encoder copies a one-byte string at memory speed and tells
 * ASCII by the count it writes. With `cells` (by wordCell), the words whose cell is marked are listed.
 */
export function scanAscii(text: string, cells?: Uint8Array): AsciiTokens | undefined {
  const n = text.length;
  makeRoom(n);
  const { read, written } = encoder.encodeInto(text, bytes);
  if (read !== n || written !== n) return undefined;
  return scanBytes(text, n, cells);
}

/**
 * The same tokens as the full normalization gives (NFKC, lower case, folded quotes), read from
 * bytes, for text whose every character normalizes on its own to one character of Latin-1 or to
 * characters that are no part of a word: curly quotes and apostrophes, dashes, ellipses, currency
 * signs, no-break spaces, accented Latin-1 letters. Undefined for any other text (another script,
 * a combining accent, a ligature), which the full normalization reads. Offsets are the text's own.
 * Text that is all ASCII is read as it is; other text is copied as bytes whole, then each
 * character beyond ASCII is put right.
 */
export function scanFolded(text: string, cells?: Uint8Array): AsciiTokens | undefined {
  if (!lastFolded) {
    const ascii = scanAscii(text, cells);
    if (ascii) return ascii;
  }
  const n = copyLowBytes(text);
  const b = bytes;
  lastFolded = false;
  NOT_ASCII.lastIndex = 0;
  while (NOT_ASCII.test(text)) {
    const i = NOT_ASCII.lastIndex - 1;
    const c = text.charCodeAt(i);
    const block = (FOLD[c >> 8] ??= new Uint8Array(256).fill(UNREAD));
    let folded = block[c & 0xff]!;
    if (folded === UNREAD) folded = block[c & 0xff] = foldChar(c);
    if (folded === 0) return undefined;
    b[i] = folded;
    lastFolded = true;
  }
  return scanBytes(text, n, cells);
}

/**
 * Whether the last text read had a character beyond ASCII. The passages of one transcript are
 * mostly alike: in a typed one most hold a curly apostrophe, and the encoder's copy of each would
 * be made only to be thrown away; the other way costs a search of the text, which plain ASCII
 * does without.
 */
let lastFolded = false;

/**
 * Per character of the Basic Multilingual Plane, by blocks of 256, each character worked out when
 * first met (a transcript uses a handful, and each costs a grapheme segmentation): the byte it
 * reads as, or 0 where only the full normalization will do. A character that normalizes to one
 * ASCII or Latin-1 character reads as that; one that normalizes to no letter, digit, mark or
 * apostrophe reads as a space where it is white space, else as `#`, which no rule reads either.
 * A character that joins a neighbour into one grapheme (a combining mark, a joiner, the Arabic
 * number sign) is left to the full normalization, which reads a grapheme at a time.
 */
const FOLD: Array<Uint8Array | undefined> = new Array(256);
/** Not yet worked out: no character reads as 0x80, which is neither ASCII nor a Latin-1 letter. */
const UNREAD = 0x80;
const WORDLY = /[\p{L}\p{N}\p{M}']/u;
const WHITE = /^[^\S\n]+$/;
let graphemes: Intl.Segmenter | undefined;
/**
 * Letters, digits, punctuation, symbols and spaces, which never join a neighbour into one grapheme
 * (the characters that do are marks, format characters and a few other letters), so the segmenter,
 * which takes some 17 ms to load, is needed only for the rest: most transcripts never load it.
 */
const STANDS_ALONE = /^[\p{Lu}\p{Ll}\p{Lt}\p{Nd}\p{Nl}\p{No}\p{Pc}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{Sm}\p{Sc}\p{Sk}\p{So}\p{Zs}]$/u;

function foldChar(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  const ch = String.fromCharCode(c);
  if (!STANDS_ALONE.test(ch)) {
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let clusters = 0;
    for (const _ of graphemes.segment(`a${ch}b`)) clusters++;
    if (clusters !== 3) return 0;
  }
  const n = foldQuotes(ch.normalize('NFKC').toLowerCase());
  const d = n.length === 1 ? n.charCodeAt(0) : -1;
  if (d >= 0 && d < 0x80) return d === 10 ? 0 : d;
  if (d >= 0x80 && d <= 0xff && WORD_CODE[d] === d) return d;
  if (!WORDLY.test(n)) return WHITE.test(n) ? 32 : 35;
  return 0;
}

/**
 * Reads the bytes written for a text of `n` characters: the scan both paths share. A 0 byte is
 * written past the end, which no word holds, so the loops within a word need no bounds test.
 * Each word's cell (wordCell's, which tests/match/first-letters.test.ts holds it to) is worked out
 * from its first letters as they are read, rather than by reading them again. Blocks are counted
 * only in a text with a blank line, which a regular expression finds sooner than the loop would.
 */
function scanBytes(text: string, n: number, cells: Uint8Array | undefined): AsciiTokens {
  const b = bytes;
  b[n] = 0;
  let t = scratch;
  let starts = t.starts;
  let ends = t.ends;
  let blocks = t.blocks;
  let marked = t.marked;
  let count = 0;
  let markedCount = 0;
  let block = 0;
  // A line break, then only white space, then another: the gaps that hold one are watched closely.
  const blanks = BLANK_LINE.test(text);
  // Within a gap between words: whether a line break has been seen with only white space after it.
  let afterBreak = false;
  let blank = false;
  let i = 0;
  while (i < n) {
    const first = LETTER[b[i]!]!;
    if (first === 0) {
      if (blanks) {
        const gap = GAP[b[i]!]!;
        if (gap === 1) {
          if (afterBreak) blank = true;
          afterBreak = true;
        } else if (gap === 3) afterBreak = false;
      }
      i++;
      continue;
    }
    if (blank) block++;
    blank = false;
    afterBreak = false;
    const start = i;
    // The first four letters make the cell, each 0 once the word (or the part before an apostrophe) ends.
    let cell = first;
    let latin = first;
    const second = LETTER[b[++i]!]!;
    if (second === 0) cell *= SIDE * SIDE * SIDE;
    else {
      const third = LETTER[b[++i]!]!;
      if (third === 0) cell = (cell * SIDE + second) * SIDE * SIDE;
      else {
        const fourth = LETTER[b[++i]!]!;
        if (fourth === 0) cell = ((cell * SIDE + second) * SIDE + third) * SIDE;
        else {
          cell = ((cell * SIDE + second) * SIDE + third) * SIDE + fourth;
          latin |= fourth;
          while (LETTER[b[++i]!] !== 0);
        }
        latin |= third;
      }
      latin |= second;
    }
    // An apostrophe between two word characters keeps the word whole: don't, o'clock.
    while (b[i] === 39 && LETTER[b[i + 1]!] !== 0 && i + 1 < n) {
      i += 2;
      while (LETTER[b[i]!] !== 0) i++;
    }
    if (count === starts.length) {
      t = scratch = grow(t, count);
      ({ starts, ends, blocks, marked } = t);
    }
    starts[count] = start;
    ends[count] = i;
    blocks[count] = block;
    if (cells && cells[latin & 64 ? ANY : cell] !== 0) marked[markedCount++] = count;
    count++;
  }
  t.count = count;
  t.markedCount = markedCount;
  t.bytes = b;
  return t;
}

/** Where the key of the word at bytes[start, end) ends: a trailing 's is dropped, the council's grant is the council's. */
export function keyEnd(b: Uint8Array, start: number, end: number): number {
  return end - start > 2 && b[end - 2] === 39 && (b[end - 1]! | 32) === 115 ? end - 2 : end;
}

/** The hash of the key at bytes[start, end), upper case read as lower. */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  let hash = HASH_START;
  for (let i = start; i < end; i++) hash = hashStep(hash, KEY_CODE[b[i]!]!);
  return hash;
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

