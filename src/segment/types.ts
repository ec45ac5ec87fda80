// Turns and passages: the units that get coded.
import type { Meta } from '../corpus/types.js';
import type { LayoutId } from './layouts/types.js';

/** One line of a passage's text: where it stands in the file and the start time in force there. */
export interface LineInfo {
  line: number;
  start: string | null;
}

/** Text whose lines (`\n`-separated) map one to one onto `lines`. */
export interface Paragraph {
  text: string;
  lines: LineInfo[];
}

export interface Turn {
  speaker: string | null;
  interviewer: boolean;
  paragraphs: Paragraph[];
  /** Per-turn metadata a format supplies (CSV columns). */
  meta?: Meta;
  /** How its speaker was found; absent for text without a speaker. */
  layout?: LayoutId;
}

export type Unit = 'turn' | 'paragraph' | 'sentence' | 'document';
export const UNITS: readonly Unit[] = ['turn', 'paragraph', 'sentence', 'document'];

export interface Passage {
  /** Index of the document in corpus order. */
  doc: number;
  file: string;
  /** 1-based line of the passage's first character in the file. */
  line: number;
  /**
   * The last line of the file the passage's text comes from: `obs agree` places a human code only on
   * a line some passage holds. A document passage reaches the end of the file.
   */
  end: number;
  speaker: string | null;
  start: string | null;
  meta: Meta;
  text: string;
  /** Interviewer turns are kept as context but never coded or counted. */
  interviewer: boolean;
}
