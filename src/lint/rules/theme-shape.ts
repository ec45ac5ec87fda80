// Themes that cannot code anything, and themes a second coder could not apply for want of a definition.
import { flattenThemes } from '../../codebook/types.js';
import type { Rule } from '../rule.js';
import { at, matchingLost } from '../rule.js';

export const noKeywords: Rule = {
  id: 'no-keywords',
  severity: 'warning',
  description: 'a theme with no keywords, no near rules and no sub-themes',
  // A theme whose keywords the parser could not read has that reported already, as what it is.
  check: (codebook, lost) =>
    flattenThemes(codebook.themes)
      .filter((t) => t.keywords.length === 0 && t.near.length === 0 && t.themes.length === 0 && !matchingLost(lost, t))
      .map((t) => ({ ...at(t), message: `theme \`${t.id}\` has no keywords and no sub-themes, so it never codes a passage`, hint: 'add keywords, or remove the theme' })),
};

export const noDescription: Rule = {
  id: 'no-description',
  severity: 'warning',
  description: 'a theme without a description',
  check: (codebook, lost) =>
    flattenThemes(codebook.themes)
      .filter((t) => !t.description?.trim() && !lost(t, 'description'))
      .map((t) => ({ ...at(t), message: `theme \`${t.id}\` has no description`, hint: 'say what the theme covers and what it does not, so people code it alike' })),
};
