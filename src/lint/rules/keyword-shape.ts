// Keywords that match almost everything, or nothing the theme's other keywords do not already match.
import { flattenThemes, type Theme } from '../../codebook/types.js';
import type { Finding, Rule } from '../rule.js';
import { at, canMeet, keywordsOf, stemLost } from '../rule.js';

const STOP_WORDS = new Set(
  'a about after all also an and any are as at be been but by can could did do does for from had has have he her his how i if in into is it its just me more my no not of on one or our out she so some than that the their them then there these they this to too up us was we were what when which who will with would you your'.split(' '),
);

export const stopWord: Rule = {
  id: 'stop-word',
  severity: 'warning',
  description: 'a keyword that is a stop word (the, and, of ...)',
  check: (codebook) =>
    flattenThemes(codebook.themes).flatMap((t) =>
      t.keywords
        .filter((k) => STOP_WORDS.has(k.text.replace(/^=/, '').trim().toLowerCase()))
        .map((k) => ({ ...at(k), message: `\`${k.text}\` is a stop word; it matches nearly every passage`, hint: 'use it inside a phrase, or remove it' })),
    ),
};

export const shortPrefix: Rule = {
  id: 'short-prefix',
  severity: 'warning',
  description: 'a prefix* of fewer than 3 letters',
  check: (codebook) =>
    flattenThemes(codebook.themes).flatMap((t) =>
      t.keywords
        .filter((k) => /(?:^|\s)=?[^\s*]{1,2}\*(?:\s|$)/u.test(k.text))
        .map((k) => ({ ...at(k), message: `\`${k.text}\` is a prefix of fewer than 3 letters; it matches almost everything`, hint: 'lengthen the prefix, or list the words' })),
    ),
};

/** One single-word keyword matches every token the other does: `organis*` and `organisation`. */
export const redundantKeyword: Rule = {
  id: 'redundant-keyword',
  severity: 'warning',
  description: 'a keyword that another keyword of the same theme already covers',
  check(codebook, lost) {
    const findings: Finding[] = [];
    // By theme, not by id: a draft may hold two themes under one id.
    const byTheme = new Map<Theme, ReturnType<typeof keywordsOf>>();
    for (const k of keywordsOf(codebook)) if (!stemLost(lost, k.theme)) byTheme.set(k.theme, [...(byTheme.get(k.theme) ?? []), k]);
    for (const list of byTheme.values()) {
      const single = list.filter((k) => k.pattern.length === 1);
      for (const k of single) {
        const w = k.pattern[0]!;
        const cover = single.find((o) => {
          if (o === k || o.key === k.key) return false;
          const c = o.pattern[0]!;
          if (c.kind === 'prefix') return w.kind !== 'prefix' ? w.value.startsWith(c.value) || k.term.text.toLowerCase().replace(/^=/, '').startsWith(c.value) : w.value.startsWith(c.value);
          return c.kind === 'stem' && w.kind === 'exact' && canMeet(c, w);
        });
        if (cover) findings.push({ ...at(k.term), message: `\`${k.term.text}\` is already covered by \`${cover.term.text}\` (line ${cover.term.line})`, hint: 'remove the narrower keyword' });
      }
    }
    return findings;
  },
};
