// Checks against real text: rules that never match, themes too broad to mean anything, and
// pairs of themes that are coded together so often they are probably one theme.
import { flattenThemes, type Codebook } from '../codebook/types.js';
import type { CompiledCodebook } from '../match/compile.js';
import type { PassageCoding } from '../match/engine.js';
import type { LintMessage } from './rule.js';

/** Two themes coded together in more than this share of the passages either is coded in are probably one. */
const COOCCUR_LIMIT = 0.8;

export class CorpusTally {
  passages = 0;
  private readonly matched = new Set<string>();
  private readonly coded: number[];
  private readonly pairs: Map<string, number> = new Map();

  constructor(readonly compiled: CompiledCodebook) {
    this.coded = compiled.themes.map(() => 0);
  }

  /** `matching`: the same passage coded with every `min_hits` at 1, to see which rules match at all. */
  add(coding: PassageCoding, matching: PassageCoding = coding): void {
    this.passages++;
    const themes = [...coding.themes.keys()].sort((a, b) => a - b);
    for (const t of coding.themes.keys()) this.coded[t]!++;
    for (const [t, c] of matching.themes) for (const h of c.hits) this.matched.add(`${t}\u0000${h.term}`);
    for (let i = 0; i < themes.length; i++) for (let j = i + 1; j < themes.length; j++) this.pairs.set(`${themes[i]}/${themes[j]}`, (this.pairs.get(`${themes[i]}/${themes[j]}`) ?? 0) + 1);
  }

  /** A rule counts as matched where its own theme saw it (a sub-theme's hits show in its parent too). */
  findings(codebook: Codebook, maxShare: number): LintMessage[] {
    const themes = flattenThemes(codebook.themes);
    const out: LintMessage[] = [];
    themes.forEach((theme, t) => {
      for (const k of theme.keywords) {
        if (!this.matched.has(`${t}\u0000${k.text}`)) out.push({ ruleId: 'dead-keyword', severity: 'warning', line: k.line, column: k.col, message: `\`${k.text}\` (theme \`${theme.id}\`) never matches the corpus`, hint: 'check its spelling and form, or remove it' });
      }
      theme.near.forEach((n, r) => {
        const term = this.compiled.themes[t]!.near[r]!.term;
        if (!this.matched.has(`${t}\u0000${term}`)) out.push({ ruleId: 'dead-keyword', severity: 'warning', line: n.line, column: n.col, message: `the near rule \`${term}\` (theme \`${theme.id}\`) never matches the corpus`, hint: 'widen `within`, or check its terms' });
      });
      const share = this.passages === 0 ? 0 : this.coded[t]! / this.passages;
      if (share > maxShare) {
        out.push({ ruleId: 'broad-theme', severity: 'warning', line: theme.line, column: theme.col, message: `theme \`${theme.id}\` codes ${(share * 100).toFixed(1)}% of ${this.passages} passages, more than ${(maxShare * 100).toFixed(0)}%`, hint: 'a theme that touches most passages says little; make its keywords more specific or split it' });
      }
    });
    const related = (a: number, b: number) => this.compiled.themes[b]!.parent === a || isAncestor(this.compiled, a, b) || isAncestor(this.compiled, b, a);
    for (const [pair, both] of this.pairs) {
      const [a, b] = pair.split('/').map(Number) as [number, number];
      if (related(a, b)) continue;
      const either = this.coded[a]! + this.coded[b]! - both;
      if (either > 0 && both / either > COOCCUR_LIMIT) {
        const tb = themes[b]!;
        out.push({ ruleId: 'cooccurring-themes', severity: 'warning', line: tb.line, column: tb.col, message: `themes \`${themes[a]!.id}\` and \`${tb.id}\` are coded together in ${((both / either) * 100).toFixed(0)}% of the ${either} passages either is coded in`, hint: 'they are probably one theme: merge them, or tell them apart with more specific keywords' });
      }
    }
    return out;
  }
}

function isAncestor(compiled: CompiledCodebook, ancestor: number, t: number): boolean {
  for (let p = compiled.themes[t]!.parent; p >= 0; p = compiled.themes[p]!.parent) if (p === ancestor) return true;
  return false;
}
