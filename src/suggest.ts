// "Did you mean": the known name a mistyped one most likely stands for, by the rule commander uses
// for mistyped commands, so a guess about a field reads like a guess about an option.

/** At most this many edits (a letter added, left out, changed, or two swapped) from the name typed. */
const MAX_EDITS = 2;
/** And sharing more than this part of the longer name: `ab` is two edits from `xy`, and no guess. */
const MIN_SIMILARITY = 0.4;

/** The known names closest to `typed`, best first in the order given; none when nothing is close. */
export function closestNames(typed: string, known: Iterable<string>): string[] {
  let best: string[] = [];
  let bestEdits = MAX_EDITS + 1;
  const word = typed.toLowerCase();
  for (const name of new Set(known)) {
    if (name.length <= 1 || name.toLowerCase() === word) continue;
    const edits = editDistance(word, name.toLowerCase());
    const longer = Math.max(word.length, name.length);
    if ((longer - edits) / longer <= MIN_SIMILARITY || edits > bestEdits) continue;
    if (edits < bestEdits) best = [];
    bestEdits = edits;
    best.push(name);
  }
  return best;
}

/** Damerau-Levenshtein distance, optimal string alignment: each letter is edited at most once. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
