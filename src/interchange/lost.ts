// What a codebook holds that an export format has no place for, said once so nothing is lost silently.
import { flattenThemes, type Codebook } from '../codebook/types.js';
import type { Problem } from '../errors.js';

export interface Unheld {
  labels?: boolean;
  descriptions?: boolean;
  colours?: boolean;
  /** exclude, near, min_hits and stem settings: matching rules beyond keywords. */
  rules?: boolean;
}

export function lostInExport(codebook: Codebook, shown: string, format: string, unheld: Unheld): Problem[] {
  const themes = flattenThemes(codebook.themes);
  const count = (n: number, what: string) => (n > 0 ? [`${what} (${n})`] : []);
  const lost = [
    ...count(unheld.labels ? themes.filter((t) => t.label !== t.id).length : 0, 'labels'),
    ...count(unheld.descriptions ? themes.filter((t) => t.description).length : 0, 'descriptions'),
    ...count(unheld.colours ? themes.filter((t) => t.color).length : 0, 'colours'),
    ...count(unheld.rules ? themes.filter((t) => t.exclude.length > 0).length : 0, 'exclude'),
    ...count(unheld.rules ? themes.filter((t) => t.near.length > 0).length : 0, 'near'),
    ...count(unheld.rules ? themes.filter((t) => t.minHits !== 1).length : 0, 'min_hits'),
    ...count(codebook.ignore.length, 'ignore'),
  ];
  if (lost.length === 0) return [];
  return [
    {
      file: shown,
      message: `${format} has no place for ${lost.join(', ')}; left out`,
      hint: 'keep the YAML codebook as the master copy; the README has a table of what each format holds',
    },
  ];
}
