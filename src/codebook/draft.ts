// A codebook the parser refused, read as far as it could be. Only `obs lint` uses one, so that a
// single run reports the parser's problems and every other check's findings together (as ESLint
// does); everything that codes refuses a codebook with any parser problem.
import type { Codebook, Theme } from './types.js';

/**
 * Whether the parser dropped a field of a theme (or of the codebook itself) for a problem it
 * reported: a value of the wrong type, an unusable entry, or an unknown key (held against the
 * field it looks like a misspelling of; one that looks like no field drops nothing, and a theme's
 * key is only ever that theme's). A theme whose `stem` was lost, or which would inherit a lost one,
 * has lost its `stem` too. A check that concludes from something's absence, or from what keywords
 * match, asks first, so that a field the parser already reported is not reported a second time as
 * missing, nor judged by a value the draft only guessed.
 */
export type Lost = (owner: Theme | Codebook, field: string) => boolean;

/** A valid codebook has lost nothing. */
export const NOTHING_LOST: Lost = () => false;

export interface Draft {
  /** Themes as far as they could be read, each keeping its line; a duplicate id keeps both themes. */
  codebook: Codebook;
  lost: Lost;
}

export function lostIn(fields: ReadonlyMap<Theme | Codebook, ReadonlySet<string>>): Lost {
  return (owner, field) => {
    const lost = fields.get(owner);
    return lost !== undefined && lost.has(field);
  };
}
