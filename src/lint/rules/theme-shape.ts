// Themes that cannot code anything, and themes a second coder could not apply for want of a definition.
import { flattenThemes } from '../../codebook/types.js';
import type { Rule } from '../rule.js';
import { at } from '../rule.js';

export const noKeywords: Rule = {
  id: 'no-keywords',
  severity: 'warning',
  description: 'a theme with no keywords, no near rules and no sub-themes',
  check: (codebook) =>
    flattenThemes(codebook.themes)
      .filter((t) => t.keywords.length === 0 && t.near.length === 0 && t.themes.length === 0)
      .map((t) => ({ ...at(t), message: `theme \`${t.id}\` has no keywords and no sub-themes, so it never codes a passage`, hint: 'add keywords, or remove the theme' })),
};

export const noDescription: Rule = {
  id: 'no-description',
  severity: 'warning',
  description: 'a theme without a description',
  check: (codebook) =>
    flattenThemes(codebook.themes)
      .filter((t) => !t.description?.trim())
      .map((t) => ({ ...at(t), message: `theme \`${t.id}\` has no description`, hint: 'say what the theme covers and what it does not, so people code it alike' })),
};
