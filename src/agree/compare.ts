// obs's coding against each human coder's, and the human coders against each other, passage by passage.
import type { Problem } from '../errors.js';
import type { GoldRow } from './gold.js';
import { addConfusion, agreement, emptyConfusion, tally, type Agreement, type Confusion } from './stats.js';

/** One transcript's passages in file order, interviewer turns included so a human's line can be placed. */
export interface CodedDocument {
  file: string;
  /** `line` to `last`: the lines a passage holds. */
  passages: Array<{ line: number; last: number; respondent: boolean; themes: ReadonlySet<string> }>;
}

/** The human codes placed on passages: per coder, the themes of each passage and the files coded. */
export interface Placed {
  codes: Map<string, Map<string, Set<string>>>;
  coverage: Map<string, Set<string>>;
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

/**
 * Which passage each human code belongs to: by file, then by the passage that holds its line. A
 * line that no passage holds (past the end of the text, a blank line between passages, front
 * matter, a label) is told of and left out: placed on a neighbour it would count as agreement on
 * a passage nobody coded.
 */
export function placeGold(documents: readonly CodedDocument[], gold: readonly GoldRow[], goldFile: string, warn: (p: Problem) => void): Placed {
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const placed: Placed = { codes: new Map(), coverage: new Map() };
  const unknownFiles = new Map<string, number>();
  const leaveOut = (row: GoldRow, message: string) =>
    warn({ file: goldFile, line: row.at, message: `${row.file}:${row.line} ${message}; this code is left out`, hint: 'use the first line of the passage, as `obs code --passages` gives it' });
  for (const row of gold) {
    const doc = byFile.get(row.file);
    if (!doc) {
      if (!unknownFiles.has(row.file)) unknownFiles.set(row.file, row.at);
      continue;
    }
    const at = lastStartingBy(doc.passages, row.line);
    const passage = doc.passages[at];
    if (passage && row.line > passage.last) {
      if (at === doc.passages.length - 1) leaveOut(row, `is past the end of the file's text, which ends at line ${passage.last}`);
      else leaveOut(row, 'is on no passage: a blank line, or one not read as text');
      continue;
    }
    if (!passage || !passage.respondent) {
      leaveOut(row, passage || doc.passages.length === 0 ? 'is not in a respondent passage' : `is before the first passage, at line ${doc.passages[0]!.line}`);
      continue;
    }
    let codes = placed.codes.get(row.coder);
    if (!codes) placed.codes.set(row.coder, (codes = new Map()));
    const key = `${row.file}\u0000${passage.line}`;
    const set = codes.get(key) ?? new Set<string>();
    set.add(row.theme);
    codes.set(key, set);
    placed.coverage.set(row.coder, (placed.coverage.get(row.coder) ?? new Set()).add(row.file));
  }
  for (const [file, at] of unknownFiles) {
    warn({ file: goldFile, line: at, message: `${file} is not among the transcripts read; its codes are left out`, hint: 'give obs agree the folder the human coding refers to, and name files relative to it' });
  }
  return placed;
}

/** The index of the last passage starting at or before `line`, -1 for none. */
function lastStartingBy(passages: CodedDocument['passages'], line: number): number {
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passages[mid]!.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Each comparison covers the documents both sides coded: for a human coder, the documents with at
 * least one of their codes placed; a document coded by nobody tells nothing about agreement.
 */
export function compare(documents: readonly CodedDocument[], themes: readonly string[], placed: Placed): Comparison[] {
  const { coverage } = placed;
  const coders = [...placed.codes.keys()].sort();
  const obsCodes = new Map<string, Set<string>>();
  for (const d of documents) for (const p of d.passages) if (p.respondent) obsCodes.set(`${d.file}\u0000${p.line}`, new Set(p.themes));

  const comparisons: Comparison[] = [];
  const run = (a: string, aCodes: Map<string, Set<string>>, b: string, files: Set<string>) => {
    const passages = documents.filter((d) => files.has(d.file)).flatMap((d) => d.passages.filter((p) => p.respondent).map((p) => `${d.file}\u0000${p.line}`));
    const bCodes = placed.codes.get(b)!;
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
      run(a, placed.codes.get(a)!, b, shared);
    }
  }
  return comparisons;
}
