// An exclude or ignore phrase that shares no word with any keyword it could cancel: it does nothing.
import { flattenThemes, type Term } from '../../codebook/types.js';
import { compileTerm, type Pattern } from '../../match/compile.js';
import type { Finding, Rule } from '../rule.js';
import { at, canMeet, matchingLost, stemLost } from '../rule.js';

/**
 * Whether two phrases can ever cover a common token: some alignment of one against the other where
 * every word they share in place can be the same token (`pay attention` and `pay for` cannot).
 */
function overlaps(a: Pattern, b: Pattern): boolean {
  for (let shift = -(b.length - 1); shift < a.length; shift++) {
    let fits = true;
    for (let i = Math.max(0, shift); i < Math.min(a.length, shift + b.length) && fits; i++) fits = canMeet(a[i]!, b[i - shift]!);
    if (fits) return true;
  }
  return false;
}

export const deadExclude: Rule = {
  id: 'dead-exclude',
  severity: 'error',
  description: 'an exclude or ignore phrase that can never overlap a keyword of its scope',
  check(codebook, lost) {
    const findings: Finding[] = [];
    const dead = (term: Term, stem: boolean, scope: Pattern[], what: string) => {
      if (!scope.some((k) => overlaps(compileTerm(term.text, stem), k))) {
        findings.push({ ...at(term), message: `${what} \`${term.text}\` can never overlap a keyword it applies to, so it never changes the coding`, hint: 'remove it, or check its spelling' });
      }
    };
    const all = flattenThemes(codebook.themes);
    const own = new Map(all.map((t) => [t, [...t.keywords, ...t.near.flatMap((n) => n.all)].map((k) => compileTerm(k.text, t.stem))]));
    const keywordsIn = (themes: typeof all) => themes.flatMap((t) => own.get(t)!);
    // In a draft, a keyword the parser dropped may be the one a phrase was written for: a scope with
    // one missing says nothing of its phrases.
    // So does one whose stemming was lost: what its keywords and phrases match is unknown.
    const whole = (themes: typeof all) => !themes.some((t) => matchingLost(lost, t) || stemLost(lost, t));
    for (const theme of all) {
      if (theme.exclude.length === 0) continue;
      const inScope = [theme, ...flattenThemes(theme.themes)];
      if (!whole(inScope)) continue;
      const scope = keywordsIn(inScope);
      for (const term of theme.exclude) dead(term, theme.stem, scope, 'exclude phrase');
    }
    // Without themes there are no keywords for an ignore phrase to overlap: the missing themes are
    // reported (or `themes` is empty), and the phrase is not called dead for it.
    if (all.length === 0 || !whole(all) || lost(codebook, 'themes') || lost(codebook, 'stem')) return findings;
    const everything = keywordsIn(all);
    for (const term of codebook.ignore) dead(term, codebook.stem, everything, 'ignore phrase');
    return findings;
  },
};
