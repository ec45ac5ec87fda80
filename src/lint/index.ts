// Lints one codebook's text: what the parser refuses, and every check on what it could read.
import { NOTHING_LOST } from '../codebook/draft.js';
import { parseCodebook } from '../codebook/parse.js';
import type { Codebook } from '../codebook/types.js';
import type { Problem } from '../errors.js';
import type { LintMessage, LintResult, Rule } from './rule.js';
import { deadExclude } from './rules/dead-exclude.js';
import { duplicateKeyword } from './rules/duplicate-keyword.js';
import { redundantKeyword, shortPrefix, stopWord } from './rules/keyword-shape.js';
import { sharedStem } from './rules/shared-stem.js';
import { noDescription, noKeywords } from './rules/theme-shape.js';

export const RULES: readonly Rule[] = [duplicateKeyword, sharedStem, deadExclude, noKeywords, noDescription, stopWord, shortPrefix, redundantKeyword];

/** The checks the parser makes itself, each with the id its messages are reported under. */
export const PARSE_RULES = [
  { id: 'yaml-syntax', description: 'YAML that does not parse (or a tag such as !!js/function)', test: (p: Problem) => p.message.startsWith('YAML:') },
  { id: 'duplicate-id', description: 'a theme id used twice', test: (p: Problem) => /is already used at line/.test(p.message) },
  { id: 'min-hits', description: '`min_hits` below 1', test: (p: Problem) => p.message.startsWith('`min_hits`') },
  { id: 'near-terms', description: '`near` with fewer than two terms, or a window smaller than its terms', test: (p: Problem) => /`near` needs at least two terms|`within: \d+` is smaller/.test(p.message) },
  { id: 'schema', description: 'unknown keys, wrong types, a missing id or label', test: () => true },
] as const;

/** `codebook` only when the parser found nothing wrong: checks against a corpus need one that codes. */
export function lintText(text: string, file: string): { result: LintResult; codebook?: Codebook } {
  const { codebook, draft, problems } = parseCodebook(text.replace(/^\uFEFF/, ''), file);
  const messages: LintMessage[] = problems.map((p) => {
    const rule = PARSE_RULES.find((r) => r.test(p))!;
    const m: LintMessage = { ruleId: rule.id, severity: 'error', message: p.message, line: p.line ?? 1, column: p.col ?? 1 };
    if (p.hint) m.hint = p.hint;
    return m;
  });
  // With parser problems the checks run on the draft, as ESLint reports every problem in one run.
  // Where nothing past the problem can be trusted (YAML that does not parse, a refused tag, a passed
  // limit) there is no draft, and the parser's problem stands alone.
  const read = codebook ? { codebook, lost: NOTHING_LOST } : draft;
  if (read) {
    for (const rule of RULES) {
      for (const f of rule.check(read.codebook, read.lost)) messages.push({ ruleId: rule.id, severity: rule.severity, ...f });
    }
  }
  return { result: toResult(file, messages), ...(codebook ? { codebook } : {}) };
}

export function toResult(filePath: string, messages: LintMessage[]): LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
  };
}
