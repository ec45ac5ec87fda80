// The engine: one passage's text -> the themes it is coded with, their hits and where they are.
import type { CompiledCodebook, Pattern, RuleRef } from './compile.js';
import { normalize, originalOffset, type NormalizedText } from './normalize.js';
import { hashBytes, keyEnd, scanFolded, scanUnicode } from './tokenize.js';
import type { WordInfo, WordTable } from './words.js';

/**
 * The words of the passage being coded; those whose first letters can start a rule are looked up
 * in the codebook's word table. One record serves every passage: codeText is done with it before
 * the next, so a passage costs no new objects here.
 */
interface PassageWords {
  count: number;
  /** Word numbers in the table, and what the table knows of each number; -1 for a word not yet looked up. */
  ids: Int32Array;
  infos: readonly WordInfo[];
  /** The positions of the words some pattern can start at, `starterCount` of them, in order. */
  starters: Int32Array;
  starterCount: number;
  /** Offsets in the text the words were read from (the passage's own, or its normalization's). */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  blocks: ArrayLike<number>;
  table: WordTable | undefined;
  /** The bytes the words were read from, where they were read as bytes. */
  bytes: Uint8Array | undefined;
  /** Where the text went through the full normalization: the words, and the map back to the passage's offsets. */
  texts: readonly string[] | undefined;
  normalized: NormalizedText | undefined;
}

const NONE: Candidate[] = [];
/** The themes of a passage coded with none: one map for them all, which no reader may change (a ReadonlyMap). */
const NO_THEMES: ReadonlyMap<number, ThemeCoding> = new Map();

const words: PassageWords = {
  count: 0,
  ids: new Int32Array(4096),
  infos: [],
  starters: new Int32Array(4096),
  starterCount: 0,
  starts: [],
  ends: [],
  blocks: [],
  table: undefined,
  bytes: undefined,
  texts: undefined,
  normalized: undefined,
};

/**
 * Text is read as bytes (scanFolded: ASCII as it is, typographic marks and Latin-1 letters folded),
 * upper case as lower; anything else is normalized first. The arrays are scratch space, reused
 * by the next passage: codeText is done with them before then.
 */
function wordsOf(compiled: CompiledCodebook, text: string): PassageWords {
  const table = compiled.words;
  table.trim();
  const w = words;
  const ascii = scanFolded(text, compiled.firstLetters);
  const normalized = ascii ? undefined : normalize(text);
  const t = normalized && scanUnicode(normalized.text);
  const n = ascii ? ascii.count : t!.count;
  if (w.ids.length < n) {
    w.ids = new Int32Array(Math.max(n, w.ids.length * 2));
    w.starters = new Int32Array(w.ids.length);
  }
  w.count = n;
  w.table = table;
  w.normalized = normalized;
  const { ids, starters } = w;
  let starterCount = 0;
  if (ascii) {
    w.bytes = ascii.bytes;
    w.texts = undefined;
    w.starts = ascii.starts;
    w.ends = ascii.ends;
    w.blocks = ascii.blocks;
    const { marked, markedCount } = ascii;
    // A word whose first letters start no rule waits, unnumbered, for a phrase to reach it.
    ids.fill(-1, 0, n);
    for (let k = 0; k < markedCount; k++) {
      const i = marked[k]!;
      // The number first: a new word may grow `table.starts`, and the old array knows nothing of it.
      const id = (ids[i] = lookUp(w, i));
      if (table.starts[id] === 1) starters[starterCount++] = i;
    }
  } else {
    w.bytes = undefined;
    w.texts = t!.texts;
    w.starts = t!.starts;
    w.ends = t!.ends;
    w.blocks = t!.blocks;
    for (let i = 0; i < n; i++) {
      const id = (ids[i] = lookUp(w, i));
      if (table.starts[id] === 1) starters[starterCount++] = i;
    }
  }
  w.infos = table.infos;
  w.starterCount = starterCount;
  return w;
}

/** Looks word `j` up in the table. */
function lookUp(w: PassageWords, j: number): number {
  if (w.texts) return w.table!.get(w.texts[j]!);
  const b = w.bytes!;
  const start = w.starts[j]!;
  const end = keyEnd(b, start, w.ends[j]!);
  return w.table!.lookup(b, start, end, hashBytes(b, start, end));
}

/** An offset in the text the words were read from, as an offset in the passage's own text. */
function offsetOf(w: PassageWords, at: number): number {
  return w.normalized ? originalOffset(w.normalized, at) : at;
}

/** The number of word `j`, looked up now if the scan passed it over: a phrase reached it. */
function idAt(tokens: PassageWords, j: number): number {
  const id = tokens.ids[j]!;
  return id >= 0 ? id : (tokens.ids[j] = lookUp(tokens, j));
}

/** A hit: a span of tokens, the rule that made it, and where it stands in the passage's own text. */
export interface Hit {
  term: string;
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** Offsets in the original passage text, end exclusive. */
  start: number;
  end: number;
}

export interface ThemeCoding {
  hits: readonly Hit[];
  /** Distinct rules among the hits, in order of first appearance. */
  terms: string[];
}

export interface PassageCoding {
  words: number;
  /** Only the themes the passage is coded with, by theme index. */
  themes: ReadonlyMap<number, ThemeCoding>;
}

/**
 * A hit as found, before the passage's themes are settled: the chosen ones become the theme's hits
 * as they are, their offsets filled in then, so a passage's hits are made once.
 */
interface Candidate extends Hit {
  /** Theme index then rule index: a fixed tie-break so results never depend on iteration order. */
  order: number;
}

/**
 * What the passage being coded has found, by theme: reset at the start of each passage, so a
 * passage with no rule's words makes no maps or closures.
 */
const found = {
  /** Each theme's own keyword and near hits, before exclusions; `themes` lists the themes that have any. */
  own: [] as Array<Candidate[] | undefined>,
  themes: [] as number[],
  /** Spans an exclude phrase of the theme covers, by theme. */
  excluded: undefined as Map<number, Array<[number, number]>> | undefined,
  /** Words the codebook's ignore phrases cover, 1 each. */
  ignored: undefined as Uint8Array | undefined,
  /** Each near term's occurrences, by its slot. */
  near: undefined as Array<Array<[number, number]> | undefined> | undefined,
};

/** Per theme, while a passage's themes are settled: its pool of candidates, and whether it is coded. */
let pools: Array<Candidate[] | undefined> = [];
let codedScratch = new Uint8Array(64);

export function codeText(compiled: CompiledCodebook, text: string): PassageCoding {
  const tokens = wordsOf(compiled, text);
  const n = tokens.count;
  if (n === 0) return { words: 0, themes: NO_THEMES };
  // Most passages of a long corpus hold no rule's first word at all: nothing more to do.
  if (tokens.starterCount === 0) return { words: n, themes: NO_THEMES };
  const { ids, infos } = tokens;
  forgetFound();

  // A word a phrase looks up on the way can start nothing: its first letters said so.
  const { starters, starterCount } = tokens;
  for (let k = 0; k < starterCount; k++) {
    const i = starters[k]!;
    for (const { ref, pattern } of infos[ids[i]!]!.starts) {
      const last = matchAt(pattern, tokens, i);
      if (last >= 0) onMatch(compiled, ref, i, last, n);
    }
  }

  const near = found.near;
  if (near) {
    for (const { theme, index, rule } of compiled.nearRules) {
      if (!rule.slots.every((slot) => near[slot])) continue;
      const occurrences = rule.slots.map((slot) => near[slot]!);
      // A window never spans a blank line (a paragraph, or a turn within a document passage).
      const blocks = new Set(occurrences.flat().map(([first]) => tokens.blocks[first]!));
      for (const block of blocks) {
        const inBlock = occurrences.map((list) => list.filter(([first]) => tokens.blocks[first]! === block));
        for (const [first, last] of nearWindows(inBlock, rule.within)) {
          addOwn(theme, candidate(rule.term, first, last, theme * 1e6 + compiled.themes[theme]!.keywords.length + index));
        }
      }
    }
  }
  if (found.themes.length === 0) return { words: n, themes: NO_THEMES };
  const themes = new Map<number, ThemeCoding>();

  // Children come after their parent in codebook order, so walking backwards settles them first.
  const count = compiled.themes.length;
  if (pools.length < count) pools = new Array(count);
  if (codedScratch.length < count) codedScratch = new Uint8Array(count);
  const coded = codedScratch;
  for (let t = count - 1; t >= 0; t--) {
    const theme = compiled.themes[t]!;
    let pool = allowedOf(compiled, t);
    let childCoded = false;
    for (const c of theme.children) {
      const child = pools[c];
      if (child && child.length > 0) pool = pool.length === 0 ? child : [...pool, ...child];
      if (coded[c] === 1) childCoded = true;
    }
    pools[t] = pool;
    coded[t] = 0;
    if (pool.length === 0) continue;
    const hits = selectLongestFirst(pool, n);
    if (hits.length >= theme.minHits || childCoded) {
      coded[t] = 1;
      themes.set(t, toCoding(hits, tokens));
    }
  }
  // The pools hold the passage's candidates: let them go with it.
  pools.fill(undefined, 0, count);
  return { words: n, themes };
}

function forgetFound(): void {
  for (const t of found.themes) found.own[t] = undefined;
  found.themes.length = 0;
  found.excluded = undefined;
  found.ignored = undefined;
  found.near = undefined;
}

/** One shape for every candidate; the offsets are filled in if it is chosen. */
function candidate(term: string, first: number, last: number, order: number): Candidate {
  return { term, first, last, start: 0, end: 0, order };
}

function addOwn(theme: number, c: Candidate): void {
  const list = found.own[theme];
  if (list) list.push(c);
  else {
    found.own[theme] = [c];
    found.themes.push(theme);
  }
}

function onMatch(compiled: CompiledCodebook, ref: RuleRef, first: number, last: number, n: number): void {
  switch (ref.kind) {
    case 'ignore': {
      const ignored = (found.ignored ??= new Uint8Array(n));
      for (let k = first; k <= last; k++) ignored[k] = 1;
      break;
    }
    case 'exclude': {
      const excluded = (found.excluded ??= new Map());
      const list = excluded.get(ref.theme);
      if (list) list.push([first, last]);
      else excluded.set(ref.theme, [[first, last]]);
      break;
    }
    case 'keyword':
      addOwn(ref.theme, candidate(compiled.themes[ref.theme]!.keywords[ref.rule]!.term, first, last, ref.theme * 1e6 + ref.rule));
      break;
    case 'near': {
      const near = (found.near ??= new Array(compiled.nearSlots));
      const list = near[ref.slot];
      if (list) list.push([first, last]);
      else near[ref.slot] = [[first, last]];
    }
  }
}

/** A theme's own candidates that no exclusion of its own or its ancestors', and no ignored word, takes away. */
function allowedOf(compiled: CompiledCodebook, t: number): Candidate[] {
  const list = found.own[t];
  if (!list) return NONE;
  const { ignored, excluded } = found;
  if (!ignored && !excluded) return list;
  const spans: Array<[number, number]> = [];
  for (let a = t; a >= 0; a = compiled.themes[a]!.parent) spans.push(...(excluded?.get(a) ?? []));
  return list.filter((c) => !(ignored && overlapsIgnored(c, ignored)) && !spans.some(([a, b]) => c.first <= b && a <= c.last));
}

/**
 * Index of the last token of the pattern when it matches from token `i`, else -1. The first word
 * matches already: the pattern is among those the word was found to start.
 */
function matchAt(pattern: Pattern, tokens: PassageWords, i: number): number {
  if (i + pattern.length > tokens.count) return -1;
  const block = tokens.blocks[i]!;
  for (let k = 1; k < pattern.length; k++) {
    const test = pattern[k]!;
    if (tokens.blocks[i + k]! !== block) return -1;
    const word = tokens.infos[idAt(tokens, i + k)]!;
    const ok = test.kind === 'stem' ? word.stem === test.value : test.kind === 'exact' ? word.text === test.value : word.text.startsWith(test.value);
    if (!ok) return -1;
  }
  return i + pattern.length - 1;
}

/**
 * One hit per window: scanning by end position, the first place where every term has an
 * occurrence inside `within` tokens closes a window; the next window starts after it.
 */
export function nearWindows(occurrences: ReadonlyArray<ReadonlyArray<[number, number]>>, within: number): Array<[number, number]> {
  if (occurrences.some((o) => o.length === 0)) return [];
  const events = occurrences
    .flatMap((list, term) => list.map(([first, last]) => ({ term, first, last })))
    .sort((a, b) => a.last - b.last || a.first - b.first || a.term - b.term);
  const windows: Array<[number, number]> = [];
  let boundary = -1;
  let latest: number[] = occurrences.map(() => -1);
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (e.first > boundary && e.first > latest[e.term]!) latest[e.term] = e.first;
    // Settle every occurrence ending at this position before testing the window.
    if (k + 1 < events.length && events[k + 1]!.last === e.last) continue;
    if (latest.every((s) => s >= 0)) {
      const first = Math.min(...latest);
      if (e.last - first + 1 <= within) {
        windows.push([first, e.last]);
        boundary = e.last;
        latest = occurrences.map(() => -1);
      }
    }
  }
  return windows;
}

function overlapsIgnored(c: Candidate, ignored: Uint8Array): boolean {
  for (let k = c.first; k <= c.last; k++) if (ignored[k]) return true;
  return false;
}

/** Longest first, then leftmost, then codebook order; a chosen span blocks every span it overlaps. */
function selectLongestFirst(pool: readonly Candidate[], n: number): readonly Candidate[] {
  // Spans found left to right that never overlap (most passages' hits) are all chosen, in that order.
  let apart = true;
  for (let k = 1; k < pool.length && apart; k++) apart = pool[k]!.first > pool[k - 1]!.last;
  if (apart) return pool;
  const sorted = [...pool].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || a.order - b.order);
  if (taken.length < n) taken = new Uint8Array(Math.max(n, taken.length * 2));
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.first; k <= c.last && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.first; k <= c.last; k++) taken[k] = 1;
    chosen.push(c);
  }
  // Cleared where it was marked, for the next call: cheaper than a new array a passage and theme.
  for (const c of chosen) taken.fill(0, c.first, c.last + 1);
  return chosen.sort((a, b) => a.first - b.first);
}

/** The words a chosen span holds, by position: scratch space, all 0 between calls. */
let taken = new Uint8Array(1024);

/** A parent theme may be given its child's candidates as they are: each gets the same offsets either way. */
function toCoding(chosen: readonly Candidate[], tokens: PassageWords): ThemeCoding {
  const terms: string[] = [chosen[0]!.term];
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    c.start = offsetOf(tokens, tokens.starts[c.first]!);
    c.end = offsetOf(tokens, tokens.ends[c.last]!);
    // A theme has a few rules at most in one passage: a list says faster than a set which are new.
    if (!terms.includes(c.term)) terms.push(c.term);
  }
  return { hits: chosen, terms };
}

/** The number of words in a passage, as codeText counts them, for text that is not coded. */
export function countWords(text: string): number {
  return scanFolded(text)?.count ?? scanUnicode(normalize(text).text).count;
}
