// Which words can start a pattern, told by their first four letters alone. Most words of a
// transcript share their first four letters with no rule's first word, and such a word is counted
// and passed over without being hashed, looked up or stemmed.
//
// A stemmed test needs care, since the Porter stemmer rewrites the end of a word. Every letter it
// writes is at the end: a suffix dropped, or replaced by one whose letters are the old suffix's own
// but for a last e (-ational to -ate, -enci to -ence), a final y turned into i, an e added after
// -at, -bl, -iz or a short syllable. The one rewrite of two letters, -biliti to -ble, needs some
// measure before it, and then step 5a always drops that e, since -bl cannot end a short
// consonant-vowel-consonant syllable: the l is left last. So every letter of a stem is the word's
// own, in place, except perhaps the last, and only when that is an e, an i or an l (hoping, hope;
// happy, happi; mobility, mobl). Each rewrite needs a letter before it (a vowel before y, a measure
// before a suffix), so the first letter is always the word's own (ayed, ai).
// tests/match/first-letters.test.ts checks this on Porter's vocabularies.
import type { WordTest } from './compile.js';

/**
 * Letters and digits 1 to 36; 0 ends the word, as does an apostrophe (a word's key may drop 's);
 * 64 a letter of Latin-1 (é), which the cells do not tell apart. Not 0 exactly where a byte is
 * part of a word, so the scanner reads a word's extent and its cell from this one table.
 */
export const LETTER = new Uint8Array(256);
for (let c = 97; c <= 122; c++) LETTER[c] = c - 96;
for (let c = 65; c <= 90; c++) LETTER[c] = c - 64;
for (let c = 48; c <= 57; c++) LETTER[c] = c - 48 + 27;
for (let c = 0xdf; c <= 0xff; c++) if (c !== 0xf7) LETTER[c] = 64;

export const SIDE = 37;
const DEPTH = 4;
const CELLS = SIDE ** DEPTH;
/** The cell of every word with a Latin-1 letter among its first four: always looked up. */
export const ANY = CELLS;

/**
 * The cell of the word at bytes[i, end) of an ASCII text, by its first four codes (0 past the
 * end of the word or at an apostrophe, and after); bytes[i] is a letter or digit.
 */
export function wordCell(bytes: Uint8Array, i: number, end: number): number {
  const a = LETTER[bytes[i]!]!;
  const b = i + 1 < end ? LETTER[bytes[i + 1]!]! : 0;
  const c = b !== 0 && i + 2 < end ? LETTER[bytes[i + 2]!]! : 0;
  const d = c !== 0 && i + 3 < end ? LETTER[bytes[i + 3]!]! : 0;
  if ((a | b | c | d) & 64) return ANY;
  return ((a * SIDE + b) * SIDE + c) * SIDE + d;
}

/**
 * Marks the cells of every word whose first `known` characters are those of `value` (at most four
 * count). The cells sharing their first codes make one run of the table.
 */
function mark(cells: Uint8Array, value: string, known: number): void {
  let cell = 0;
  let k = 0;
  for (; k < Math.min(known, DEPTH); k++) {
    const c = value.charCodeAt(k);
    // Beyond ASCII the engine reads every word in full, so a code here need only stop the prefix.
    const code = c < 128 ? LETTER[c]! : 0;
    // The known part ends: the word ends there too, a single cell.
    if (code === 0) return void (cells[cell * SIDE ** (DEPTH - k)] = 1);
    cell = cell * SIDE + code;
  }
  const run = SIDE ** (DEPTH - k);
  cells.fill(1, cell * run, (cell + 1) * run);
}

/** How many first characters of a word its stem is sure to share (see above). */
export function stemKeeps(stem: string): number {
  if (stem.length <= 1) return stem.length;
  return /[eil]$/.test(stem) ? stem.length - 1 : stem.length;
}

/** The cells where a pattern's first word may fall, for every first-word test of a codebook. */
export function firstLetterCells(tests: Iterable<WordTest>): Uint8Array {
  const cells = new Uint8Array(CELLS + 1);
  cells[ANY] = 1;
  for (const test of tests) {
    // An exact word is known in full: a word of two letters has the cell of no longer word.
    if (test.kind === 'exact') mark(cells, test.value, Infinity);
    else if (test.kind === 'prefix') mark(cells, test.value, test.value.length);
    else mark(cells, test.value, stemKeeps(test.value));
  }
  return cells;
}
