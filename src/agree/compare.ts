// obs's coding against each human coder's, and the human coders against each other, passage by passage.
import type { Problem } from '../errors.js';
import type { GoldRow } from './gold.js';
import { addConfusion, agreement, emptyConfusion, tally, type Agreement, type Confusion } from './stats.js';

/** One transcript's passages in order, interviewer turns included so a human's line can be placed. */
export interface CodedDocument {
  file: string;
  passages: Array<{ line: number; respondent: boolean; themes: ReadonlySet<string> }>;
}

export interface ThemeAgreement {
  theme: string;
  /** Over every respondent passage of the documents both sides coded. */
  all: Agreement;
  /** Over the passages that either side coded with any of the compared themes. */
  coded: Agreement;
}

export interface Comparison {
  /** `obs`, or a human coder; `b` is always a human coder. */
  a: string;
  b: string;
  documents: number;
  passages: number;
  /** Passages that either side coded with any compared theme. */
  passagesCoded: number;
  themes: ThemeAgreement[];
  overall: ThemeAgreement;
}

export const OBS = 'obs';
export const OVERALL = '(overall)';

/** Which passage each human code belongs to: by file, then by the passage that holds its line. */
export function placeGold(documents: readonly CodedDocument[], gold: readonly GoldRow[], goldFile: string, warn: (p: Problem) => void): Map<string, Map<string, Set<string>>> {
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const coders = new Map<string, Map<string, Set<string>>>();
  const unknownFiles = new Map<string, number>();
  for (const row of gold) {
    let codes = coders.get(row.coder);
    if (!codes) coders.set(row.coder, (codes = new Map()));
    const doc = byFile.get(row.file);
    if (!doc) {
      if (!unknownFiles.has(row.file)) unknownFiles.set(row.file, row.at);
      continue;
    }
    // The passage that holds the line: the last one starting at or before it.
    let at = -1;
    for (let i = 0; i < doc.passages.length && doc.passages[i]!.line <= row.line; i++) at = i;
    const passage = doc.passages[at];
    if (!passage || !passage.respondent) {
      warn({ file: goldFile, line: row.at, message: `${row.file}:${row.line} is not in a respondent passage; this code is left out`, hint: 'use the first line of the passage, as `obs code --passages` gives it' });
      continue;
    }
    const key = `${row.file}\u0000${passage.line}`;
    const set = codes.get(key) ?? new Set<string>();
    set.add(row.theme);
    codes.set(key, set);
  }
  for (const [file, at] of unknownFiles) {
    warn({ file: goldFile, line: at, message: `${file} is not among the transcripts read; its codes are left out`, hint: 'give obs agree the folder the human coding refers to, and name files relative to it' });
  }
  return coders;
}

/**
 * Each comparison covers the documents both sides coded: for a human coder, the documents they name at
 * least once; a document coded by nobody tells nothing about agreement.
 */
export function compare(documents: readonly CodedDocument[], gold: readonly GoldRow[], themes: readonly string[], placed: Map<string, Map<string, Set<string>>>): Comparison[] {
  const coverage = new Map<string, Set<string>>();
  for (const row of gold) coverage.set(row.coder, (coverage.get(row.coder) ?? new Set()).add(row.file));
  const coders = [...placed.keys()].sort();
  const obsCodes = new Map<string, Set<string>>();
  for (const d of documents) for (const p of d.passages) if (p.respondent) obsCodes.set(`${d.file}\u0000${p.line}`, new Set(p.themes));

  const comparisons: Comparison[] = [];
  const run = (a: string, aCodes: Map<string, Set<string>>, b: string, files: Set<string>) => {
    const passages = documents.filter((d) => files.has(d.file)).flatMap((d) => d.passages.filter((p) => p.respondent).map((p) => `${d.file}\u0000${p.line}`));
    const bCodes = placed.get(b)!;
    const none = new Set<string>();
    const codedBy = (codes: Map<string, Set<string>>, key: string) => [...(codes.get(key) ?? none)].some((t) => themes.includes(t));
    const either = passages.filter((key) => codedBy(aCodes, key) || codedBy(bCodes, key));
    const table = (keys: readonly string[], theme: string): Confusion => {
      const c = emptyConfusion();
      for (const key of keys) tally(c, aCodes.get(key)?.has(theme) ?? false, bCodes.get(key)?.has(theme) ?? false);
      return c;
    };
    const pooledAll = emptyConfusion();
    const pooledCoded = emptyConfusion();
    const rows = themes.map((theme) => {
      const all = table(passages, theme);
      const coded = table(either, theme);
      addConfusion(pooledAll, all);
      addConfusion(pooledCoded, coded);
      return { theme, all: agreement(all), coded: agreement(coded) };
    });
    comparisons.push({ a, b, documents: documents.filter((d) => files.has(d.file)).length, passages: passages.length, passagesCoded: either.length, themes: rows, overall: { theme: OVERALL, all: agreement(pooledAll), coded: agreement(pooledCoded) } });
  };
  for (const coder of coders) run(OBS, obsCodes, coder, coverage.get(coder)!);
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const a = coders[i]!;
      const b = coders[j]!;
      const shared = new Set([...coverage.get(a)!].filter((f) => coverage.get(b)!.has(f)));
      run(a, placed.get(a)!, b, shared);
    }
  }
  return comparisons;
}
