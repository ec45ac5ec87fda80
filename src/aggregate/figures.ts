// Coded passages -> the frequency rows: per group and theme, documents, passages, share, hits, words.
import type { CompiledTheme } from '../match/compile.js';
import type { PassageCoding } from '../match/engine.js';
import type { Passage } from '../segment/types.js';
import { ALL, UNKNOWN, compareKeys, groupKey } from './groups.js';

export interface FigureRow {
  group: string[];
  theme: string;
  /** The corpus-wide row of a theme, whose group fields read `(all)`: a value of `(all)` in the data is no total. */
  total: boolean;
  /** Documents in the group, coded or not: the denominator for `documents`. */
  documents_total: number;
  documents: number;
  passages: number;
  passages_total: number;
  share: number;
  hits: number;
  words: number;
  per_1k_words: number;
}

interface GroupCounts {
  key: string[];
  allDocs: Set<number>;
  passagesTotal: number;
  words: number;
  docs: Array<Set<number>>;
  /**
   * The document last put in `allDocs`, and in each theme's `docs`: a document's passages come one
   * after another, so most would only put it in again.
   */
  lastDoc: number;
  lastDocs: number[];
  passages: number[];
  hits: number[];
  /** The --by fields the group's passages lack. */
  unknown: string[];
}

/** Counters only: passages are added one at a time and not kept, so memory follows the groups, not the corpus. */
export class FigureCounter {
  private readonly groups = new Map<string, GroupCounts>();
  /** Documents lacking each --by field, to say once how many fell into (unknown). */
  private readonly missingDocs = new Map<string, Set<number>>();
  /**
   * The last passage's group, while the key is made of --by fields: a document's passages share
   * one metadata object, so the next passage is nearly always in the same group.
   */
  private last?: { meta: Passage['meta']; file: string; speaker: string | null; group: GroupCounts };

  constructor(
    readonly by: readonly string[],
    readonly themes: readonly CompiledTheme[],
    /** The group a passage counts in; by default the values of the `by` fields. */
    private readonly customKey?: (passage: Passage) => string[],
  ) {}

  private groupOf(passage: Passage): GroupCounts {
    const last = this.last;
    if (last && last.meta === passage.meta && last.file === passage.file && last.speaker === passage.speaker) return last.group;
    const key = this.customKey ? this.customKey(passage) : groupKey(passage, this.by);
    const id = JSON.stringify(key);
    let g = this.groups.get(id);
    if (!g) {
      g = {
        key,
        allDocs: new Set(),
        passagesTotal: 0,
        words: 0,
        docs: this.themes.map(() => new Set()),
        lastDoc: -1,
        lastDocs: this.themes.map(() => -1),
        passages: this.themes.map(() => 0),
        hits: this.themes.map(() => 0),
        unknown: this.by.filter((_, i) => key[i] === UNKNOWN),
      };
      this.groups.set(id, g);
    }
    if (!this.customKey) this.last = { meta: passage.meta, file: passage.file, speaker: passage.speaker, group: g };
    return g;
  }

  add(passage: Passage, coding: PassageCoding): void {
    const g = this.groupOf(passage);
    const doc = passage.doc;
    if (g.lastDoc !== doc) {
      g.lastDoc = doc;
      for (const field of g.unknown) {
        let docs = this.missingDocs.get(field);
        if (!docs) this.missingDocs.set(field, (docs = new Set()));
        docs.add(doc);
      }
      g.allDocs.add(doc);
    }
    g.passagesTotal++;
    g.words += coding.words;
    for (const [t, theme] of coding.themes) {
      if (g.lastDocs[t] !== doc) {
        g.lastDocs[t] = doc;
        g.docs[t]!.add(doc);
      }
      g.passages[t]!++;
      g.hits[t]! += theme.hits.length;
    }
  }

  /** Respondent passages and words over all groups. */
  totals(): { passages: number; words: number } {
    const groups = [...this.groups.values()];
    return { passages: sum(groups.map((g) => g.passagesTotal)), words: sum(groups.map((g) => g.words)) };
  }

  /** How many documents lack each --by field, in --by order. */
  missing(): Array<[string, number]> {
    return this.by.filter((f) => this.missingDocs.has(f)).map((f) => [f, this.missingDocs.get(f)!.size]);
  }

  /** Groups by key, themes in codebook order within each group, then one totals row per theme. */
  rows(): FigureRow[] {
    const groups = [...this.groups.values()].sort((a, b) => compareKeys(a.key, b.key));
    const rows: FigureRow[] = [];
    for (const g of groups) {
      this.themes.forEach((theme, t) => rows.push(row(g.key, false, theme.id, g.allDocs.size, g.docs[t]!.size, g.passages[t]!, g.passagesTotal, g.hits[t]!, g.words)));
    }
    const { passages: totalPassages, words: totalWords } = this.totals();
    const allDocs = new Set(groups.flatMap((g) => [...g.allDocs])).size;
    this.themes.forEach((theme, t) => {
      const docs = new Set(groups.flatMap((g) => [...g.docs[t]!]));
      rows.push(
        row(this.by.map(() => ALL), true, theme.id, allDocs, docs.size, sum(groups.map((g) => g.passages[t]!)), totalPassages, sum(groups.map((g) => g.hits[t]!)), totalWords),
      );
    });
    return rows;
  }
}

function row(group: string[], isTotal: boolean, theme: string, documentsTotal: number, documents: number, passages: number, total: number, hits: number, words: number): FigureRow {
  return {
    group,
    theme,
    total: isTotal,
    documents_total: documentsTotal,
    documents,
    passages,
    passages_total: total,
    share: total === 0 ? 0 : round(passages / total, 4),
    hits,
    words,
    per_1k_words: words === 0 ? 0 : round((hits * 1000) / words, 2),
  };
}

/** Rounded once, here, so every format shows the same figure. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
