// A table of the words seen so far, looked up straight from the passage text: no string is made
// for a word already known, which is nearly every word of a long corpus.
import type { IndexedPattern } from './compile.js';

export interface WordInfo {
  /** The word as tokens are compared: lower case, `'s` dropped. */
  text: string;
  stem: string;
  /** The patterns that can start at this word. */
  starts: readonly IndexedPattern[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
/** A cap, so a corpus of endless distinct tokens (ids, numbers) cannot grow memory without bound. */
const MAX_WORDS = 500_000;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

export const HASH_START = FNV_OFFSET;

export class WordTable {
  private keys: Array<string | undefined> = new Array(1024);
  private values: Array<WordInfo | undefined> = new Array(1024);
  private hashes = new Int32Array(1024);
  private size = 0;

  constructor(private readonly make: (word: string) => WordInfo) {}

  get(word: string): WordInfo {
    let h = HASH_START;
    for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
    return this.lookup(word, 0, word.length, h, false);
  }

  /**
   * The word at text[start, end), upper-case ASCII letters read as lower case; `hash` is
   * hashStep over its lower-cased codes from HASH_START.
   */
  lookup(text: string, start: number, end: number, hash: number, fold: boolean): WordInfo {
    const mask = this.keys.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] !== hash || key.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        let c = text.charCodeAt(start + k);
        if (fold && c >= 65 && c <= 90) c += 32;
        if (c !== key.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (same) return this.values[slot]!;
    }
    const word = fold ? text.slice(start, end).toLowerCase() : text.slice(start, end);
    const info = this.make(word);
    if (this.size >= MAX_WORDS) this.clear();
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.insert(word, hash, info);
    return info;
  }

  private insert(word: string, hash: number, info: WordInfo): void {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = word;
    this.values[slot] = info;
    this.hashes[slot] = hash;
    this.size++;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    this.keys = new Array(keys.length * 2);
    this.values = new Array(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.insert(keys[i]!, hashes[i]!, values[i]!);
  }

  private clear(): void {
    this.keys = new Array(1024);
    this.values = new Array(1024);
    this.hashes = new Int32Array(1024);
    this.size = 0;
  }
}
