// Agreement between two coders on yes/no decisions: confusion counts, precision, recall, F1, Cohen's kappa.

/** `a` is the coder being checked (obs, or the first human), `b` the reference. */
export interface Confusion {
  both: number;
  aOnly: number;
  bOnly: number;
  neither: number;
}

export interface Agreement extends Confusion {
  passages: number;
  /** null where it is undefined: a denominator of 0. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  kappa: number | null;
}

export const emptyConfusion = (): Confusion => ({ both: 0, aOnly: 0, bOnly: 0, neither: 0 });

export function tally(c: Confusion, a: boolean, b: boolean): void {
  if (a && b) c.both++;
  else if (a) c.aOnly++;
  else if (b) c.bOnly++;
  else c.neither++;
}

export function addConfusion(into: Confusion, c: Confusion): void {
  into.both += c.both;
  into.aOnly += c.aOnly;
  into.bOnly += c.bOnly;
  into.neither += c.neither;
}

export function agreement(c: Confusion): Agreement {
  const n = c.both + c.aOnly + c.bOnly + c.neither;
  const precision = ratio(c.both, c.both + c.aOnly);
  const recall = ratio(c.both, c.both + c.bOnly);
  const f1 = ratio(2 * c.both, 2 * c.both + c.aOnly + c.bOnly);
  return { ...c, passages: n, precision, recall, f1, kappa: kappa(c) };
}

/**
 * Cohen's kappa: (po - pe) / (1 - pe), po the share of passages where the two agree, pe the share
 * they would agree on by chance given how often each says yes. Undefined (null) when pe is 1:
 * both coders gave the same answer to every passage, so chance explains everything.
 */
export function kappa(c: Confusion): number | null {
  const n = c.both + c.aOnly + c.bOnly + c.neither;
  if (n === 0) return null;
  const po = (c.both + c.neither) / n;
  const aYes = (c.both + c.aOnly) / n;
  const bYes = (c.both + c.bOnly) / n;
  const pe = aYes * bYes + (1 - aYes) * (1 - bYes);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}
