// What a transcript is once read, whatever its format.

export type Meta = Record<string, string>;

export type Format = 'txt' | 'md' | 'vtt' | 'srt' | 'csv';

/** A piece of text that a format already delimits: a VTT or SRT cue, a CSV row. */
export interface Cue {
  text: string;
  /** 1-based line of the cue's text in the file. */
  line: number;
  /** A speaker the format names outright (a VTT voice tag, a CSV column); undefined: look for a label in the text. */
  speaker?: string | null;
  start?: string;
  /** Per-cue metadata (CSV columns), overriding the document's. */
  meta?: Meta;
}

export interface Transcript {
  /** Path relative to the folder named on the command line, with / separators. */
  file: string;
  format: Format;
  meta: Meta;
  /** Text formats: the lines after any front matter; `firstLine` is the file line of body line 1. */
  body?: { lines: string[]; firstLine: number };
  /** Cue formats. */
  cues?: Cue[];
}
