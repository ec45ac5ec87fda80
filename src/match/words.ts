// A table of the words seen so far, looked up straight from the passage's bytes: no string is made
// for a word already known, which is nearly every word of a long corpus. Words are numbered; a
// passage's words are a list of numbers, and what the engine asks of a word is an array read.
import type { IndexedPattern } from './compile.js';
import { HASH_START, hashStep, KEY_CODE } from './tokenize.js';

export interface WordInfo {
  /** The word as tokens are compared: lower case, `'s` dropped. */
  text: string;
  stem: string;
  /** The patterns that can start at this word. */
  starts: readonly IndexedPattern[];
}

/** A cap, so a corpus of endless distinct tokens (ids, numbers) cannot grow memory without bound. */
const MAX_WORDS = 500_000;
const FIRST_SLOTS = 1024;

export class WordTable {
  /** Per word number. */
  infos: WordInfo[] = [];
  /** 1 where some pattern can start at the word: most words of a corpus start none. */
  starts = new Uint8Array(FIRST_SLOTS);
  private keys: string[] = [];
  /** Open addressing, two numbers a slot: the hash, then the word number plus one (0: empty). */
  private slots = new Int32Array(FIRST_SLOTS * 2);

  constructor(private readonly make: (word: string) => WordInfo) {}

  /** The number of a word, as tokens are compared. */
  get(word: string): number {
    let hash = HASH_START;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    const id = this.find(hash, word);
    return id >= 0 ? id : this.add(word, hash);
  }

  /**
   * The number of the word at bytes[start, end) of a text read as bytes, upper case read as lower;
   * `hash` is hashStep over its lower-cased codes from HASH_START. Only a word not seen before
   * is made a string, from its bytes.
   */
  lookup(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const id = this.find(hash, undefined, bytes, start, end);
    if (id >= 0) return id;
    let word = '';
    for (let k = start; k < end; k++) word += String.fromCharCode(KEY_CODE[bytes[k]!]!);
    return this.add(word, hash);
  }

  /**
   * The number of the word with this hash whose key is `word`, or, without a word, the key at
   * bytes[start, end) read as lookup reads it; else -1. No callback: a lookup makes no closure.
   */
  private find(hash: number, word: string | undefined, bytes?: Uint8Array, start = 0, end = 0): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * slot] === hash && (word !== undefined ? this.keys[id] === word : sameKey(this.keys[id]!, bytes!, start, end))) return id;
    }
  }

  private add(word: string, hash: number): number {
    const info = this.make(word);
    if ((this.keys.length + 1) * 2 > this.slots.length >> 1) this.grow();
    return this.insert(word, hash, info);
  }

  private insert(word: string, hash: number, info: WordInfo): number {
    const id = this.keys.length;
    this.keys.push(word);
    this.infos.push(info);
    if (id >= this.starts.length) {
      const bigger = new Uint8Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    this.starts[id] = info.starts.length > 0 ? 1 : 0;
    this.place(hash, id);
    return id;
  }

  private place(hash: number, id: number): void {
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]! - 1);
  }

  /**
   * Starts afresh once the table is full. Called between passages only, so the numbers a passage's
   * words were given stay good while it is coded; one passage may take the table past the cap.
   */
  trim(): void {
    if (this.keys.length < MAX_WORDS) return;
    this.keys = [];
    this.infos = [];
    this.starts = new Uint8Array(FIRST_SLOTS);
    this.slots = new Int32Array(FIRST_SLOTS * 2);
  }
}

/** Whether the key reads as bytes[start, end) do, upper case as lower. */
function sameKey(key: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) if (KEY_CODE[bytes[start + k]!] !== key.charCodeAt(k)) return false;
  return true;
}
