// The same keyword twice in one theme (as matching sees it: `grant` and `Grant`, `fund` and `fund`).
import type { Theme } from '../../codebook/types.js';
import type { Rule } from '../rule.js';
import { at, keywordsOf, stemLost } from '../rule.js';

export const duplicateKeyword: Rule = {
  id: 'duplicate-keyword',
  severity: 'error',
  description: 'the same keyword twice in one theme',
  check(codebook, lost) {
    // By theme, not by id: a draft may hold two themes under one id (reported as duplicate-id),
    // and a keyword in each is no duplicate within a theme.
    const seen = new Map<Theme, Map<string, { line: number }>>();
    return keywordsOf(codebook).flatMap((k) => {
      if (stemLost(lost, k.theme)) return [];
      const ofTheme = seen.get(k.theme) ?? new Map<string, { line: number }>();
      seen.set(k.theme, ofTheme);
      const first = ofTheme.get(k.key);
      if (!first) {
        ofTheme.set(k.key, k.term);
        return [];
      }
      return [{ ...at(k.term), message: `\`${k.term.text}\` is already a keyword of \`${k.theme.id}\` (line ${first.line})`, hint: 'remove one of them' }];
    });
  },
};
