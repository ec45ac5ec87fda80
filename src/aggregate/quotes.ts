// The best quotes per theme, and extracts of about 60 words around the first match.
import type { CompiledTheme } from '../match/compile.js';
import type { PassageCoding, ThemeCoding } from '../match/engine.js';
import { normalize, originalOffset } from '../match/normalize.js';
import { tokenize } from '../match/tokenize.js';
import type { Passage } from '../segment/types.js';

export interface ExtractPiece {
  text: string;
  hit: boolean;
}

export interface Quote {
  theme: string;
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
}

interface Candidate {
  passage: Passage;
  coding: ThemeCoding;
  words: number;
}

export const EXTRACT_WORDS = 60;

/** Keeps the top `limit` quotes per theme as passages stream past. */
export class QuoteCollector {
  private readonly best: Candidate[][];

  constructor(
    readonly themes: readonly CompiledTheme[],
    readonly limit: number,
  ) {
    this.best = themes.map(() => []);
  }

  add(passage: Passage, coding: PassageCoding): void {
    if (this.limit <= 0) return;
    for (const [t, theme] of coding.themes) {
      const list = this.best[t]!;
      list.push({ passage, coding: theme, words: coding.words });
      list.sort(compareCandidates);
      if (list.length > this.limit) list.pop();
    }
  }

  quotes(): Quote[] {
    return this.best.flatMap((list, t) => list.map((c) => toQuote(this.themes[t]!.id, c)));
  }
}

/** Most distinct matched terms first; ties go to the shorter passage, then file and line. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.coding.terms.length - a.coding.terms.length ||
    a.words - b.words ||
    (a.passage.file < b.passage.file ? -1 : a.passage.file > b.passage.file ? 1 : 0) ||
    a.passage.line - b.passage.line
  );
}

function toQuote(theme: string, c: Candidate): Quote {
  const p = c.passage;
  return {
    theme,
    file: p.file,
    line: p.line,
    speaker: p.speaker,
    start: p.start,
    meta: p.meta,
    terms: c.coding.terms,
    hits: c.coding.hits.length,
    words: c.words,
    extract: makeExtract(p.text, c.coding, EXTRACT_WORDS),
  };
}

/** About `size` words, starting a little before the first match so the reader sees what led up to it. */
export function makeExtract(text: string, coding: ThemeCoding, size: number): ExtractPiece[] {
  const normalized = normalize(text);
  const words = tokenize(normalized.text).map((t) => ({ start: originalOffset(normalized, t.start), end: originalOffset(normalized, t.end) }));
  let from = 0;
  let to = text.length;
  let cutStart = false;
  let cutEnd = false;
  if (words.length > size) {
    const firstHit = coding.hits[0]?.first ?? 0;
    let a = Math.max(0, firstHit - Math.floor(size / 4));
    const b = Math.min(words.length, a + size);
    a = Math.max(0, b - size);
    cutStart = a > 0;
    cutEnd = b < words.length;
    from = cutStart ? words[a]!.start : 0;
    to = cutEnd ? extendOverPunctuation(text, words[b - 1]!.end) : text.length;
  }
  const pieces: ExtractPiece[] = [];
  const push = (s: string, hit: boolean) => {
    const folded = s.replace(/\s+/g, ' ');
    if (folded !== '') pieces.push({ text: folded, hit });
  };
  let at = from;
  for (const h of coding.hits) {
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
