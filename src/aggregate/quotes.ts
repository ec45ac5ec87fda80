// The quotes worth reading: per theme and group the best (or a seeded random sample), kept as passages
// stream past, each cut to an extract around its first match, with neighbouring turns as context.
import { createHash } from 'node:crypto';
import type { CompiledTheme } from '../match/compile.js';
import type { Hit, ThemeCoding } from '../match/engine.js';
import { normalize, originalOffset } from '../match/normalize.js';
import { scanFolded, scanUnicode } from '../match/tokenize.js';
import type { CodedPassage } from '../pipeline.js';
import type { Passage } from '../segment/types.js';
import { compareKeys, groupKey } from './groups.js';

export interface ExtractPiece {
  text: string;
  hit: boolean;
}

/** A passage shown around a quote so the reader sees what was asked and what followed. */
export interface ContextPassage {
  file: string;
  line: number;
  speaker: string | null;
  /** The passage's time stamp, where the transcript has them. */
  start: string | null;
  interviewer: boolean;
  extract: ExtractPiece[];
}

export interface Quote {
  /** null for a passage that no theme caught (`obs quotes --uncoded`). */
  theme: string | null;
  /** The values of the --by fields. */
  group: string[];
  file: string;
  line: number;
  speaker: string | null;
  start: string | null;
  meta: Passage['meta'];
  terms: string[];
  hits: number;
  words: number;
  /** The extract in pieces, matched terms marked, with `…` where the passage was cut. */
  extract: ExtractPiece[];
  before: ContextPassage[];
  after: ContextPassage[];
}

export const EXTRACT_WORDS = 60;

export interface PickOptions {
  /** Quotes per theme and group; Infinity for all. */
  limit: number;
  by: readonly string[];
  /** A seeded random sample instead of the top-ranked quotes. */
  seed?: string;
  /** Passages before and after each quote, interviewer turns included. */
  context: number;
  /** Words per extract; 0 keeps whole passages. */
  words: number;
  /** Theme indexes to quote; the passages no theme caught when `uncoded`. */
  themes: readonly number[];
  uncoded: boolean;
}

interface Candidate {
  theme: number;
  group: string[];
  passage: Passage;
  coding: ThemeCoding;
  words: number;
  /** The passage's place in its document: sentences of one line are told apart by it. */
  position: number;
  /** For a random sample: a hash of seed and passage, so the sample does not depend on reading order. */
  draw: number;
  before: Passage[];
  after: Passage[];
}

const NO_CODING: ThemeCoding = { hits: [], terms: [] };
const UNCODED = -1;

/** Keeps only the best `limit` candidates per theme and group, so memory follows the output, not the corpus. */
export class QuotePicker {
  private readonly lists = new Map<string, Candidate[]>();
  private readonly wanted: Set<number>;

  constructor(
    readonly themes: readonly CompiledTheme[],
    readonly options: PickOptions,
  ) {
    this.wanted = new Set(options.themes);
  }

  /** All passages of one document, in order, so context can be taken from its neighbours. */
  addDocument(passages: readonly CodedPassage[]): void {
    if (this.options.limit <= 0) return;
    passages.forEach(({ passage, coding }, i) => {
      if (!coding) return;
      if (this.options.uncoded) {
        if (coding.themes.size === 0 && coding.words > 0) this.offer(UNCODED, passage, NO_CODING, coding.words, passages, i);
        return;
      }
      for (const [t, theme] of coding.themes) if (this.wanted.has(t)) this.offer(t, passage, theme, coding.words, passages, i);
    });
  }

  private offer(theme: number, passage: Passage, coding: ThemeCoding, words: number, passages: readonly CodedPassage[], i: number): void {
    const group = groupKey(passage, this.options.by);
    const key = `${theme}\u0000${JSON.stringify(group)}`;
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = []));
    const n = this.options.context;
    list.push({
      theme,
      group,
      passage,
      coding,
      words,
      position: i,
      draw: this.options.seed === undefined ? 0 : draw(this.options.seed, passage, i, theme < 0 ? '' : this.themes[theme]!.id),
      before: passages.slice(Math.max(0, i - n), i).map((p) => p.passage),
      after: passages.slice(i + 1, i + 1 + n).map((p) => p.passage),
    });
    // Sorting in batches keeps adding cheap whatever the limit.
    if (list.length >= 2 * this.options.limit + 16) this.prune(list);
  }

  private prune(list: Candidate[]): void {
    list.sort(this.compare);
    if (list.length > this.options.limit) list.length = this.options.limit;
  }

  private readonly compare = (a: Candidate, b: Candidate): number =>
    this.options.seed !== undefined ? a.draw - b.draw || byPlace(a, b) : this.options.uncoded ? b.words - a.words || byPlace(a, b) : compareCandidates(a, b);

  /** Themes in codebook order, groups by key, then best first (a random sample: in file order). */
  quotes(): Quote[] {
    const lists = [...this.lists.values()].map((list) => {
      this.prune(list);
      if (this.options.seed !== undefined) list.sort(byPlace);
      return list;
    });
    lists.sort((a, b) => a[0]!.theme - b[0]!.theme || compareKeys(a[0]!.group, b[0]!.group));
    return lists.flat().map((c) => this.toQuote(c));
  }

  private toQuote(c: Candidate): Quote {
    const p = c.passage;
    const words = this.options.words;
    return {
      theme: c.theme < 0 ? null : this.themes[c.theme]!.id,
      group: c.group,
      file: p.file,
      line: p.line,
      speaker: p.speaker,
      start: p.start,
      meta: p.meta,
      terms: c.coding.terms,
      hits: c.coding.hits.length,
      words: c.words,
      extract: makeExtract(p.text, c.coding.hits, words, 'hit'),
      before: c.before.map((b) => contextPassage(b, words, 'end')),
      after: c.after.map((a) => contextPassage(a, words, 'start')),
    };
  }
}

function contextPassage(p: Passage, words: number, anchor: 'start' | 'end'): ContextPassage {
  return { file: p.file, line: p.line, speaker: p.speaker, start: p.start, interviewer: p.interviewer, extract: makeExtract(p.text, [], words, anchor) };
}

/** Most distinct matched terms first; ties go to the shorter passage, then file and line. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return b.coding.terms.length - a.coding.terms.length || a.words - b.words || byPlace(a, b);
}

function byPlace(a: Candidate, b: Candidate): number {
  return (a.passage.file < b.passage.file ? -1 : a.passage.file > b.passage.file ? 1 : 0) || a.passage.line - b.passage.line || a.passage.doc - b.passage.doc || a.position - b.position;
}

function draw(seed: string, passage: Passage, position: number, theme: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${passage.file}\u0000${passage.line}\u0000${position}\u0000${theme}`).digest();
  return digest.readUIntBE(0, 6);
}

/**
 * Where each word of a text starts and ends, in the text's own offsets, as the engine reads them:
 * from the byte scan where it applies, with no object a word, so a passage of tens of thousands of
 * words costs an extract little; else through the full normalization.
 */
function wordOffsets(text: string): { length: number; starts: ArrayLike<number>; ends: ArrayLike<number> } {
  const folded = scanFolded(text);
  if (folded) return { length: folded.count, starts: folded.starts, ends: folded.ends };
  const normalized = normalize(text);
  const t = scanUnicode(normalized.text);
  return { length: t.count, starts: t.starts.map((at) => originalOffset(normalized, at)), ends: t.ends.map((at) => originalOffset(normalized, at)) };
}

/**
 * About `size` words (0: all of them). `hit` starts a little before the first match so the reader sees
 * what led up to it; `start` and `end` keep the beginning or the end of the passage.
 */
export function makeExtract(text: string, hits: readonly Hit[], size: number, anchor: 'hit' | 'start' | 'end'): ExtractPiece[] {
  const words = wordOffsets(text);
  let from = 0;
  let to = text.length;
  let cutStart = false;
  let cutEnd = false;
  if (size > 0 && words.length > size) {
    const focus = anchor === 'end' ? words.length : anchor === 'start' ? 0 : Math.max(0, (hits[0]?.first ?? 0) - Math.floor(size / 4));
    let a = Math.min(focus, words.length - size);
    const b = Math.min(words.length, a + size);
    a = Math.max(0, b - size);
    cutStart = a > 0;
    cutEnd = b < words.length;
    from = cutStart ? words.starts[a]! : 0;
    to = cutEnd ? extendOverPunctuation(text, words.ends[b - 1]!) : text.length;
  }
  const pieces: ExtractPiece[] = [];
  const push = (s: string, hit: boolean) => {
    const folded = s.replace(/\s+/g, ' ');
    if (folded !== '') pieces.push({ text: folded, hit });
  };
  let at = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    const s = Math.max(h.start, from);
    const e = Math.min(h.end, to);
    push(text.slice(at, s), false);
    push(text.slice(s, e), true);
    at = e;
  }
  push(text.slice(at, to), false);
  const first = pieces[0];
  if (first && !first.hit) first.text = first.text.trimStart();
  const last = pieces[pieces.length - 1];
  if (last && !last.hit) last.text = last.text.trimEnd();
  if (cutStart) pieces.unshift({ text: '… ', hit: false });
  if (cutEnd) pieces.push({ text: ' …', hit: false });
  return pieces.filter((p) => p.text !== '');
}

function extendOverPunctuation(text: string, end: number): number {
  let e = end;
  while (e < text.length && /[^\s\p{L}\p{N}]/u.test(text[e]!)) e++;
  return e;
}
