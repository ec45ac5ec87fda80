// Codebook -> matchers: each keyword becomes a pattern of word tests, indexed by its first word.
import { flattenThemes, type Codebook, type Term, type Theme } from '../codebook/types.js';
import { firstLetterCells } from './first-letters.js';
import { normalize } from './normalize.js';
import { stem } from './stem.js';
import { tokenize } from './tokenize.js';
import { WordTable, type WordInfo } from './words.js';

/** How one word of a keyword is compared with a token. */
export type WordTest =
  | { kind: 'stem'; value: string }
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string };

export type Pattern = WordTest[];

export interface KeywordRule {
  term: string;
  pattern: Pattern;
}

export interface CompiledNear {
  term: string;
  terms: Pattern[];
  within: number;
  /** Per term, its number among all near terms of the codebook: where a passage keeps its occurrences. */
  slots: number[];
}

export interface CompiledTheme {
  id: string;
  label: string;
  index: number;
  /** Index of the parent theme, -1 at the top level. */
  parent: number;
  depth: number;
  children: number[];
  keywords: KeywordRule[];
  /** The theme's own exclude phrases and its ancestors': a parent's exclusion holds for its sub-themes. */
  exclude: Pattern[];
  near: CompiledNear[];
  minHits: number;
  theme: Theme;
}

/** Where a pattern that starts at a token belongs. */
export type RuleRef =
  | { kind: 'keyword'; theme: number; rule: number }
  | { kind: 'exclude'; theme: number; rule: number }
  | { kind: 'near'; slot: number }
  | { kind: 'ignore'; rule: number };

export interface IndexedPattern {
  ref: RuleRef;
  pattern: Pattern;
}

export interface CompiledCodebook {
  codebook: Codebook;
  themes: CompiledTheme[];
  ignore: Pattern[];
  /** Patterns by the test on their first word, so each token looks up only the rules that can start there. */
  byStem: Map<string, IndexedPattern[]>;
  byExact: Map<string, IndexedPattern[]>;
  byPrefix: IndexedPattern[];
  /** Per distinct word: its stem and the patterns that can start at it, worked out once. */
  words: WordTable;
  /** Where a word may start a pattern, by its first letters; other words are not looked up. */
  firstLetters: Uint8Array;
  /** How many near terms the codebook has, and its near rules in codebook order. */
  nearSlots: number;
  nearRules: Array<{ theme: number; index: number; rule: CompiledNear }>;
}

const NO_PATTERNS: readonly IndexedPattern[] = [];

/** A word's stem and the patterns that may start at it. */
function describeWord(c: CompiledCodebook, word: string): WordInfo {
  const stemmed = stem(word);
  const byStem = c.byStem.get(stemmed);
  const byExact = c.byExact.get(word);
  let starts: IndexedPattern[] | undefined;
  if (byStem || byExact) starts = [...(byStem ?? []), ...(byExact ?? [])];
  for (const p of c.byPrefix) if (word.startsWith(p.pattern[0]!.value)) (starts ??= []).push(p);
  return { text: word, stem: stemmed, starts: starts ?? NO_PATTERNS };
}

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const flat = flattenThemes(codebook.themes);
  const indexOf = new Map(flat.map((t, i) => [t, i]));
  const themes: CompiledTheme[] = [];
  let nearSlots = 0;
  const walk = (list: readonly Theme[], parent: number, depth: number) => {
    for (const theme of list) {
      const index = indexOf.get(theme)!;
      const inherited = parent >= 0 ? themes[parent]!.exclude : [];
      themes[index] = {
        id: theme.id,
        label: theme.label,
        index,
        parent,
        depth,
        children: theme.themes.map((c) => indexOf.get(c)!),
        keywords: theme.keywords.map((k) => ({ term: k.text, pattern: compileTerm(k.text, theme.stem) })),
        exclude: [...inherited, ...theme.exclude.map((e) => compileTerm(e.text, theme.stem))],
        near: theme.near.map((n) => ({
          term: `near(${n.all.map((t) => t.text).join(', ')}; ${n.within})`,
          terms: n.all.map((t) => compileTerm(t.text, theme.stem)),
          within: n.within,
          slots: n.all.map(() => nearSlots++),
        })),
        minHits: theme.minHits,
        theme,
      };
      walk(theme.themes, index, depth + 1);
    }
  };
  walk(codebook.themes, -1, 1);

  const compiled: CompiledCodebook = {
    codebook,
    themes,
    ignore: codebook.ignore.map((t: Term) => compileTerm(t.text, codebook.stem)),
    byStem: new Map(),
    byExact: new Map(),
    byPrefix: [],
    words: new WordTable((word) => describeWord(compiled, word)),
    firstLetters: new Uint8Array(0),
    nearSlots,
    nearRules: themes.flatMap((t) => t.near.map((rule, index) => ({ theme: t.index, index, rule }))),
  };
  compiled.ignore.forEach((pattern, rule) => addPattern(compiled, { kind: 'ignore', rule }, pattern));
  for (const t of themes) {
    t.keywords.forEach((k, rule) => addPattern(compiled, { kind: 'keyword', theme: t.index, rule }, k.pattern));
    // Only the theme's own exclude phrases are indexed; inherited ones are the ancestors' occurrences.
    const own = t.exclude.length - t.theme.exclude.length;
    t.exclude.slice(own).forEach((pattern, k) => addPattern(compiled, { kind: 'exclude', theme: t.index, rule: own + k }, pattern));
    t.near.forEach((n) => n.terms.forEach((pattern, term) => addPattern(compiled, { kind: 'near', slot: n.slots[term]! }, pattern)));
  }
  compiled.firstLetters = firstLetterCells([
    ...[...compiled.byStem.keys()].map((value): WordTest => ({ kind: 'stem', value })),
    ...[...compiled.byExact.keys()].map((value): WordTest => ({ kind: 'exact', value })),
    ...compiled.byPrefix.map((p) => p.pattern[0]!),
  ]);
  return compiled;
}

function addPattern(c: CompiledCodebook, ref: RuleRef, pattern: Pattern): void {
  const first = pattern[0]!;
  const entry = { ref, pattern };
  if (first.kind === 'prefix') c.byPrefix.push(entry);
  else {
    const map = first.kind === 'stem' ? c.byStem : c.byExact;
    const list = map.get(first.value);
    if (list) list.push(entry);
    else map.set(first.value, [entry]);
  }
}

/**
 * A keyword's words are tokenized exactly as transcripts are, so `self-esteem` is the phrase
 * `self esteem`. `=` before a word (or the whole keyword) means exact; `*` after a word, prefix.
 */
export function compileTerm(text: string, stemming: boolean): Pattern {
  const wholeExact = text.startsWith('=');
  const pattern: Pattern = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    const exact = wholeExact || raw.startsWith('=');
    const prefix = raw.endsWith('*');
    const word = raw.replace(/^=/, '').replace(/\*$/, '');
    const tokens = tokenize(normalize(word).text);
    tokens.forEach((token, i) => {
      if (prefix && i === tokens.length - 1) pattern.push({ kind: 'prefix', value: token.text });
      else if (exact || !stemming) pattern.push({ kind: 'exact', value: token.text });
      else pattern.push({ kind: 'stem', value: stem(token.text) });
    });
  }
  return pattern;
}
