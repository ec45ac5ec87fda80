// The shape every lint check shares, after ESLint's: an id, a severity, and findings with a place.
import type { Lost } from '../codebook/draft.js';
import type { Codebook, Term, Theme } from '../codebook/types.js';
import { flattenThemes } from '../codebook/types.js';
import { compileTerm, type Pattern, type WordTest } from '../match/compile.js';
import { stem as stemOf } from '../match/stem.js';

export type Severity = 'error' | 'warning';

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  hint?: string;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

export interface Finding {
  message: string;
  line: number;
  column: number;
  hint?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  /** `lost`: what the parser dropped, when the codebook is a draft (nothing, when it is valid). */
  check(codebook: Codebook, lost: Lost): Finding[];
}

export const at = (term: { line: number; col: number }) => ({ line: term.line, column: term.col });

/** Every theme with its keywords compiled as the engine compiles them, so checks judge what matching does. */
export interface CompiledKeyword {
  theme: Theme;
  term: Term;
  pattern: Pattern;
  key: string;
}

const compiledKeywords = new WeakMap<Codebook, CompiledKeyword[]>();

/** Compiled once per codebook, however many checks ask. */
export function keywordsOf(codebook: Codebook): CompiledKeyword[] {
  let list = compiledKeywords.get(codebook);
  if (!list) {
    list = flattenThemes(codebook.themes).flatMap((theme) =>
      theme.keywords.map((term) => {
        const pattern = compileTerm(term.text, theme.stem);
        return { theme, term, pattern, key: patternKey(pattern) };
      }),
    );
    compiledKeywords.set(codebook, list);
  }
  return list;
}

export function patternKey(pattern: Pattern): string {
  return pattern.map((w) => `${w.kind}:${w.value}`).join(' ');
}

/** Whether two word tests can both match one token: the only way two rules can ever overlap. */
export function canMeet(a: WordTest, b: WordTest): boolean {
  if (a.kind === 'prefix' || b.kind === 'prefix') {
    const p = a.kind === 'prefix' ? a : b;
    const o = a.kind === 'prefix' ? b : a;
    return o.value.startsWith(p.value) || (o.kind !== 'exact' && p.value.startsWith(o.value));
  }
  if (a.kind === b.kind) return a.value === b.value;
  const stem = a.kind === 'stem' ? a : b;
  const exact = a.kind === 'stem' ? b : a;
  return stemOf(exact.value) === stem.value;
}

/** Whether a theme may have had keywords, near rules or sub-themes that the parser dropped. */
export function matchingLost(lost: Lost, theme: Theme): boolean {
  return lost(theme, 'keywords') || lost(theme, 'near') || lost(theme, 'themes');
}

/**
 * Whether a draft lost a theme's stemming (its own `stem`, or the one it inherits, could not be
 * read): then what its keywords match is unknown, and the checks that compare them say nothing.
 */
export function stemLost(lost: Lost, theme: Theme): boolean {
  return lost(theme, 'stem');
}

/** The themes below a theme, for checks where a parent and its sub-themes belong together. */
export function descendants(theme: Theme): Set<Theme> {
  return new Set(flattenThemes(theme.themes));
}
