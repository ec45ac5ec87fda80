// The engine: one passage's text -> the themes it is coded with, their hits and where they are.
import type { CompiledCodebook, Pattern, RuleRef } from './compile.js';
import { normalize, originalOffset } from './normalize.js';
import { stem } from './stem.js';
import { tokenize, type Token } from './tokenize.js';

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
  const normalized = normalize(text);
  const tokens = tokenize(normalized.text);
  const n = tokens.length;
  const themes = new Map<number, ThemeCoding>();
  if (n === 0) return { words: 0, themes };
  const stems = tokens.map((t) => stem(t.text));

  const ignored = new Uint8Array(n);
  const excludeSpans: Array<Array<[number, number]>> = compiled.themes.map(() => []);
  const own: Candidate[][] = compiled.themes.map(() => []);
  const nearSpans = new Map<string, Array<[number, number]>>();

  for (let i = 0; i < n; i++) {
    const starting = candidatesAt(compiled, tokens[i]!.text, stems[i]!);
    for (const { ref, pattern } of starting) {
      const last = matchAt(pattern, tokens, stems, i);
      if (last < 0) continue;
      onMatch(ref, i, last);
    }
  }

  function onMatch(ref: RuleRef, first: number, last: number): void {
    switch (ref.kind) {
      case 'ignore':
        for (let k = first; k <= last; k++) ignored[k] = 1;
        break;
      case 'exclude':
        excludeSpans[ref.theme]!.push([first, last]);
        break;
      case 'keyword':
        own[ref.theme]!.push({ first, last, term: compiled.themes[ref.theme]!.keywords[ref.rule]!.term, order: ref.theme * 1e6 + ref.rule });
        break;
      case 'near': {
        const key = `${ref.theme}/${ref.rule}/${ref.term}`;
        const list = nearSpans.get(key);
        if (list) list.push([first, last]);
        else nearSpans.set(key, [[first, last]]);
      }
    }
  }

  for (const theme of compiled.themes) {
    theme.near.forEach((rule, r) => {
      const occurrences = rule.terms.map((_, k) => nearSpans.get(`${theme.index}/${r}/${k}`) ?? []);
      // A window never spans a blank line (a paragraph, or a turn within a document passage).
      const blocks = new Set(occurrences.flat().map(([first]) => tokens[first]!.block));
      for (const block of blocks) {
        const inBlock = occurrences.map((list) => list.filter(([first]) => tokens[first]!.block === block));
        for (const [first, last] of nearWindows(inBlock, rule.within)) {
          own[theme.index]!.push({ first, last, term: rule.term, order: theme.index * 1e6 + theme.keywords.length + r });
        }
      }
    });
  }

  // A theme's exclusions are its own and its ancestors', so walk up the tree for each theme.
  const allowed = compiled.themes.map((theme) => {
    const spans: Array<[number, number]> = [];
    for (let t = theme.index; t >= 0; t = compiled.themes[t]!.parent) spans.push(...excludeSpans[t]!);
    return own[theme.index]!.filter((c) => !overlapsIgnored(c, ignored) && !spans.some(([a, b]) => c.first <= b && a <= c.last));
  });

  // Children come after their parent in codebook order, so walking backwards settles them first.
  const pools: Candidate[][] = compiled.themes.map(() => []);
  const coded = new Uint8Array(compiled.themes.length);
  for (let t = compiled.themes.length - 1; t >= 0; t--) {
    const theme = compiled.themes[t]!;
    const pool = [...allowed[t]!];
    for (const c of theme.children) pool.push(...pools[c]!);
    pools[t] = pool;
    const hits = selectLongestFirst(pool, n);
    const childCoded = theme.children.some((c) => coded[c] === 1);
    if (hits.length >= theme.minHits || childCoded) {
      coded[t] = 1;
      themes.set(t, toCoding(hits, tokens, normalized));
    }
  }
  return { words: n, themes };
}

function candidatesAt(c: CompiledCodebook, text: string, stemmed: string) {
  const out = [...(c.byStem.get(stemmed) ?? []), ...(c.byExact.get(text) ?? [])];
  for (const p of c.byPrefix) if (text.startsWith((p.pattern[0]!).value)) out.push(p);
  return out;
}

/** Index of the last token of the pattern when it matches from token `i`, else -1. */
function matchAt(pattern: Pattern, tokens: readonly Token[], stems: readonly string[], i: number): number {
  if (i + pattern.length > tokens.length) return -1;
  const block = tokens[i]!.block;
  for (let k = 0; k < pattern.length; k++) {
    const test = pattern[k]!;
    if (tokens[i + k]!.block !== block) return -1;
    const token = tokens[i + k]!.text;
    const ok = test.kind === 'stem' ? stems[i + k] === test.value : test.kind === 'exact' ? token === test.value : token.startsWith(test.value);
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
  const sorted = [...pool].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || a.order - b.order);
  const taken = new Uint8Array(n);
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.first; k <= c.last && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.first; k <= c.last; k++) taken[k] = 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.first - b.first);
}

function toCoding(chosen: readonly Candidate[], tokens: readonly Token[], normalized: ReturnType<typeof normalize>): ThemeCoding {
  const hits: Hit[] = chosen.map((c) => ({
    term: c.term,
    first: c.first,
    last: c.last,
    start: originalOffset(normalized, tokens[c.first]!.start),
    end: originalOffset(normalized, tokens[c.last]!.end),
  }));
  return { hits, terms: [...new Set(hits.map((h) => h.term))] };
}
