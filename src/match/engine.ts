// The engine: one passage's text -> the themes it is coded with, their hits and where they are.
import type { CompiledCodebook, Pattern, RuleRef } from './compile.js';
import { normalize, originalOffset } from './normalize.js';
import { hashBytes, keyEnd, scanText, scanUnicode } from './tokenize.js';
import type { WordInfo } from './words.js';

/** A passage's words; those whose first letters can start a rule are looked up in the codebook's word table. */
interface PassageWords {
  count: number;
  /** Word numbers in the table, and what the table knows of each number; -1 for a word not yet looked up. */
  ids: Int32Array;
  infos: readonly WordInfo[];
  /** The positions of the words some pattern can start at, `starterCount` of them, in order. */
  starters: Int32Array;
  starterCount: number;
  /** Offsets in the text the words were read from; `offset` maps one back to the passage's own text. */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  blocks: ArrayLike<number>;
  offset: (at: number) => number;
  /** Looks word `j` up in the table. */
  lookUp: (j: number) => number;
}

const same = (at: number) => at;
const NONE: Candidate[] = [];

let idScratch = new Int32Array(4096);
let starterScratch = new Int32Array(4096);

/**
 * Text is read as bytes (scanText: ASCII as it is, typographic marks and Latin-1 letters folded),
 * upper case as lower; anything else is normalized first. The arrays
 * are scratch space, reused by the next passage: codeText is done with them before then.
 */
function wordsOf(compiled: CompiledCodebook, text: string): PassageWords {
  const table = compiled.words;
  table.trim();
  const ascii = scanText(text, compiled.firstLetters);
  const normalized = ascii ? undefined : normalize(text);
  const t = normalized && scanUnicode(normalized.text);
  const n = ascii ? ascii.count : t!.count;
  if (idScratch.length < n) {
    idScratch = new Int32Array(Math.max(n, idScratch.length * 2));
    starterScratch = new Int32Array(idScratch.length);
  }
  const ids = idScratch;
  const starters = starterScratch;
  let starterCount = 0;
  if (ascii) {
    const { bytes, starts, ends, marked, markedCount } = ascii;
    const lookUp = (j: number) => {
      const end = keyEnd(bytes, starts[j]!, ends[j]!);
      return table.lookup(bytes, starts[j]!, end, hashBytes(bytes, starts[j]!, end));
    };
    // A word whose first letters start no rule waits, unnumbered, for a phrase to reach it.
    ids.fill(-1, 0, n);
    for (let k = 0; k < markedCount; k++) {
      const i = marked[k]!;
      // The number first: a new word may grow `table.starts`, and the old array knows nothing of it.
      const id = (ids[i] = lookUp(i));
      if (table.starts[id] === 1) starters[starterCount++] = i;
    }
    return { count: n, ids, infos: table.infos, starters, starterCount, starts, ends, blocks: ascii.blocks, offset: same, lookUp };
  }
  const lookUp = (j: number) => table.get(t!.texts[j]!);
  for (let i = 0; i < n; i++) {
    const id = (ids[i] = lookUp(i));
    if (table.starts[id] === 1) starters[starterCount++] = i;
  }
  return { count: n, ids, infos: table.infos, starters, starterCount, starts: t!.starts, ends: t!.ends, blocks: t!.blocks, offset: (at) => originalOffset(normalized!, at), lookUp };
}

/** The number of word `j`, looked up now if the scan passed it over: a phrase reached it. */
function idAt(tokens: PassageWords, j: number): number {
  const id = tokens.ids[j]!;
  return id >= 0 ? id : (tokens.ids[j] = tokens.lookUp(j));
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
  hits: Hit[];
  /** Distinct rules among the hits, in order of first appearance. */
  terms: string[];
}

export interface PassageCoding {
  words: number;
  /** Only the themes the passage is coded with, by theme index. */
  themes: Map<number, ThemeCoding>;
}

interface Candidate {
  first: number;
  last: number;
  term: string;
  /** Theme index then rule index: a fixed tie-break so results never depend on iteration order. */
  order: number;
}

export function codeText(compiled: CompiledCodebook, text: string): PassageCoding {
  const themes = new Map<number, ThemeCoding>();
  const tokens = wordsOf(compiled, text);
  const n = tokens.count;
  if (n === 0) return { words: 0, themes };
  // Most passages of a long corpus hold no rule's first word at all: nothing more to do.
  if (tokens.starterCount === 0) return { words: n, themes };
  const { ids, infos } = tokens;

  let ignored: Uint8Array | undefined;
  const excludeSpans = new Map<number, Array<[number, number]>>();
  const own = new Map<number, Candidate[]>();
  let nearSpans: Array<Array<[number, number]> | undefined> | undefined;
  const addOwn = (theme: number, c: Candidate) => {
    const list = own.get(theme);
    if (list) list.push(c);
    else own.set(theme, [c]);
  };

  // A word a phrase looks up on the way can start nothing: its first letters said so.
  const { starters, starterCount } = tokens;
  for (let k = 0; k < starterCount; k++) {
    const i = starters[k]!;
    for (const { ref, pattern } of infos[ids[i]!]!.starts) {
      const last = matchAt(pattern, tokens, i);
      if (last >= 0) onMatch(ref, i, last);
    }
  }

  function onMatch(ref: RuleRef, first: number, last: number): void {
    switch (ref.kind) {
      case 'ignore':
        ignored ??= new Uint8Array(n);
        for (let k = first; k <= last; k++) ignored[k] = 1;
        break;
      case 'exclude': {
        const list = excludeSpans.get(ref.theme);
        if (list) list.push([first, last]);
        else excludeSpans.set(ref.theme, [[first, last]]);
        break;
      }
      case 'keyword':
        addOwn(ref.theme, { first, last, term: compiled.themes[ref.theme]!.keywords[ref.rule]!.term, order: ref.theme * 1e6 + ref.rule });
        break;
      case 'near': {
        nearSpans ??= new Array(compiled.nearSlots);
        const list = nearSpans[ref.slot];
        if (list) list.push([first, last]);
        else nearSpans[ref.slot] = [[first, last]];
      }
    }
  }

  if (nearSpans) {
    for (const { theme, index, rule } of compiled.nearRules) {
      if (!rule.slots.every((slot) => nearSpans![slot])) continue;
      const occurrences = rule.slots.map((slot) => nearSpans![slot]!);
      // A window never spans a blank line (a paragraph, or a turn within a document passage).
      const blocks = new Set(occurrences.flat().map(([first]) => tokens.blocks[first]!));
      for (const block of blocks) {
        const inBlock = occurrences.map((list) => list.filter(([first]) => tokens.blocks[first]! === block));
        for (const [first, last] of nearWindows(inBlock, rule.within)) {
          addOwn(theme, { first, last, term: rule.term, order: theme * 1e6 + compiled.themes[theme]!.keywords.length + index });
        }
      }
    }
  }
  if (own.size === 0) return { words: n, themes };

  // A theme's exclusions are its own and its ancestors', so walk up the tree for each theme.
  const allowedOf = (t: number): Candidate[] => {
    const list = own.get(t);
    if (!list) return NONE;
    if (!ignored && excludeSpans.size === 0) return list;
    const spans: Array<[number, number]> = [];
    for (let a = t; a >= 0; a = compiled.themes[a]!.parent) spans.push(...(excludeSpans.get(a) ?? []));
    return list.filter((c) => !(ignored && overlapsIgnored(c, ignored)) && !spans.some(([a, b]) => c.first <= b && a <= c.last));
  };

  // Children come after their parent in codebook order, so walking backwards settles them first.
  const pools: Array<Candidate[] | undefined> = new Array(compiled.themes.length);
  const coded = new Uint8Array(compiled.themes.length);
  for (let t = compiled.themes.length - 1; t >= 0; t--) {
    const theme = compiled.themes[t]!;
    let pool = allowedOf(t);
    for (const c of theme.children) {
      const child = pools[c];
      if (child && child.length > 0) pool = pool.length === 0 ? child : [...pool, ...child];
    }
    pools[t] = pool;
    if (pool.length === 0) continue;
    const hits = selectLongestFirst(pool, n);
    const childCoded = theme.children.some((c) => coded[c] === 1);
    if (hits.length >= theme.minHits || childCoded) {
      coded[t] = 1;
      themes.set(t, toCoding(hits, tokens));
    }
  }
  return { words: n, themes };
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
function selectLongestFirst(pool: readonly Candidate[], n: number): Candidate[] {
  if (pool.length === 1) return [pool[0]!];
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

function toCoding(chosen: readonly Candidate[], tokens: PassageWords): ThemeCoding {
  const hits: Hit[] = chosen.map((c) => ({
    term: c.term,
    first: c.first,
    last: c.last,
    start: tokens.offset(tokens.starts[c.first]!),
    end: tokens.offset(tokens.ends[c.last]!),
  }));
  return { hits, terms: [...new Set(hits.map((h) => h.term))] };
}

/** The number of words in a passage, as codeText counts them, for text that is not coded. */
export function countWords(text: string): number {
  return scanText(text)?.count ?? scanUnicode(normalize(text).text).count;
}
