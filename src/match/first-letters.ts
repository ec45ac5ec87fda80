// Which words can start a pattern, told by their first three letters alone. Most words of a
// transcript share their first three letters with no rule's first word, and such a word is counted
// and passed over without being looked up or stemmed.
//
// A stemmed test needs care, since the Porter stemmer rewrites the end of a word. It only ever
// changes a word from some position on: a suffix dropped or replaced by one that starts with the
// same letter (-ational to -ate), a final y turned into i, an e added after -at, -bl, -iz or a
// short syllable. Each of those leaves the word's first three letters in a stem of four letters or
// more, its first two in a stem of three (hoping, hop, hope; ating, at, ate) and its first one in
// any stem (ayed, ay, ai). tests/match/first-letters.test.ts checks this on Porter's vocabulary.
import type { WordTest } from './compile.js';

/** Letters and digits 1 to 36; 0 ends the word, as does an apostrophe (a word's key may drop 's). */
const LETTER = new Uint8Array(256);
for (let c = 97; c <= 122; c++) LETTER[c] = c - 96;
for (let c = 65; c <= 90; c++) LETTER[c] = c - 64;
for (let c = 48; c <= 57; c++) LETTER[c] = c - 48 + 27;

const SIDE = 37;
const CELLS = SIDE * SIDE * SIDE;

/** The cell of a word by its first three codes (0 past the end, or past an apostrophe). */
function cellOf(a: number, b: number, c: number): number {
  return (a * SIDE + (a === 0 ? 0 : b)) * SIDE + (a === 0 || b === 0 ? 0 : c);
}

/** The cell of the word at bytes[i, end) of an ASCII text; bytes[i] is a letter or digit. */
export function wordCell(bytes: Uint8Array, i: number, end: number): number {
  const a = LETTER[bytes[i]!]!;
  const b = i + 1 < end ? LETTER[bytes[i + 1]!]! : 0;
  const c = b !== 0 && i + 2 < end ? LETTER[bytes[i + 2]!]! : 0;
  return cellOf(a, b, c);
}

/** The codes of a word's first `count` characters, up to an apostrophe or the word's end. */
function codesOf(word: string, count: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i < count && i < word.length; i++) {
    const c = word.charCodeAt(i);
    // Beyond ASCII the engine reads every word in full, so a code here need only stop the prefix.
    const code = c < 128 ? LETTER[c]! : 0;
    if (code === 0) break;
    codes.push(code);
  }
  return codes;
}

/** Marks the cell of every word whose first `known` characters are those of `value` (at most 3 count). */
function mark(cells: Uint8Array, value: string, known: number): void {
  const k = Math.min(known, 3);
  const codes = codesOf(value, k);
  const [a = 0, b = 0, c = 0] = codes;
  // Three letters known, or the known part ends: a single cell.
  if (k === 3 || codes.length < k) {
    cells[cellOf(a, b, c)] = 1;
    return;
  }
  if (k === 0) {
    cells.fill(1);
    return;
  }
  for (let x = 0; x < SIDE; x++) {
    if (k === 2) cells[cellOf(a, b, x)] = 1;
    else for (let y = 0; y < SIDE; y++) cells[cellOf(a, x, y)] = 1;
  }
}

/** How many first characters of a word its stem is sure to share (see above). */
function stemKeeps(stem: string): number {
  return stem.length >= 4 ? 3 : stem.length === 3 ? 2 : Math.min(stem.length, 1);
}

/** The cells where a pattern's first word may fall, for every first-word test of a codebook. */
export function firstLetterCells(tests: Iterable<WordTest>): Uint8Array {
  const cells = new Uint8Array(CELLS);
  for (const test of tests) {
    // An exact word is known in full: a word of two letters has the cell of no longer word.
    if (test.kind === 'exact') mark(cells, test.value, 3);
    else if (test.kind === 'prefix') mark(cells, test.value, test.value.length);
    else mark(cells, test.value, stemKeeps(test.value));
  }
  return cells;
}
