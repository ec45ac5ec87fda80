// The same keyword twice in one theme (as matching sees it: `grant` and `Grant`, `fund` and `fund`).
import type { Rule } from '../rule.js';
import { at, keywordsOf } from '../rule.js';

export const duplicateKeyword: Rule = {
  id: 'duplicate-keyword',
  severity: 'error',
  description: 'the same keyword twice in one theme',
  check(codebook) {
    const seen = new Map<string, { line: number }>();
    return keywordsOf(codebook).flatMap((k) => {
      const key = `${k.theme.id}\u0000${k.key}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, k.term);
        return [];
      }
      return [{ ...at(k.term), message: `\`${k.term.text}\` is already a keyword of \`${k.theme.id}\` (line ${first.line})`, hint: 'remove one of them' }];
    });
  },
};
