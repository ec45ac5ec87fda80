// A keyword that matches exactly what a keyword of another theme matches: by it, the two themes can
// never be told apart. A theme and its own sub-themes may share (the parent holds the child's hits).
import type { Rule } from '../rule.js';
import { at, descendants, keywordsOf, patternKey, stemLost } from '../rule.js';
import { compileTerm } from '../../match/compile.js';

export const sharedStem: Rule = {
  id: 'shared-stem',
  severity: 'error',
  description: 'a keyword of one theme matches the same words as a keyword of another theme',
  check(codebook, lost) {
    // In a draft whose `allow_shared` could not be read, any sharing may be one it allows.
    if (lost(codebook, 'allow_shared')) return [];
    const allowed = new Set(codebook.allowShared.flatMap((t) => [patternKey(compileTerm(t.text, true)), patternKey(compileTerm(t.text, false))]));
    // A theme whose stemming was lost matches words no one can tell: its keywords are left out.
    const keywords = keywordsOf(codebook).filter((k) => !stemLost(lost, k.theme));
    const first = new Map<string, (typeof keywords)[number]>();
    const findings = [];
    for (const k of keywords) {
      const earlier = first.get(k.key);
      if (!earlier) {
        first.set(k.key, k);
        continue;
      }
      if (earlier.theme === k.theme || descendants(earlier.theme).has(k.theme) || descendants(k.theme).has(earlier.theme)) continue;
      const allowedBoth = [earlier, k].every((x) => allowed.has(patternKey(compileTerm(x.term.text, true))) || allowed.has(x.key));
      if (allowedBoth) continue;
      findings.push({
        ...at(k.term),
        message: `\`${k.term.text}\` (theme \`${k.theme.id}\`) matches the same words as \`${earlier.term.text}\` (theme \`${earlier.theme.id}\`, line ${earlier.term.line})`,
        hint: 'keep it in one theme, make one of them more specific, or list both under `allow_shared`',
      });
    }
    return findings;
  },
};
