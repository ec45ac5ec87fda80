// What a transcript is once read, whatever its format.

/** Metadata fields by name; any name at all, so read them with getField (fields.ts). */
export type Meta = Record<string, string>;

/** Told of something in a file worth a warning, at a line. */
export type Warn = (line: number, message: string) => void;

export type Format = 'txt' | 'md' | 'vtt' | 'srt' | 'sbv' | 'csv' | 'docx' | 'odt' | 'html' | 'doc' | 'rtf';

/** A piece of text that a format already delimits: a VTT or SRT cue, a CSV row. */
export interface Cue {
  text: string;
  /** 1-based line of the cue's text in the file. */
  line: number;
  /** A speaker the format names outright (a VTT voice tag, a CSV column); undefined: look for a label in the text. */
  speaker?: string | null;
  /** A CSV row whose speaker cell is empty: it goes on with the turn before it. */
  continues?: boolean;
  /** A caption line marked as another speaker's (`>>`, a dialogue dash): it begins a turn, named or not. */
  newSpeaker?: boolean;
  start?: string;
  /** Per-cue metadata (CSV columns), overriding the document's. */
  meta?: Meta;
}

/** A speaker that a document's turn table names outright, for the line its row starts. */
export interface GivenSpeaker {
  speaker: string;
  start?: string;
}

/** Text read line by line, whose speaker labels segmentation finds. */
export interface Body {
  lines: string[];
  /** The file line of body line 1 (after any front matter). */
  firstLine: number;
  /** Document formats: each line's paragraph number, which stands for its line. */
  numbers?: number[];
  /** Document formats: body lines that open a row of a speaker | text table. */
  given?: Map<number, GivenSpeaker>;
}

export interface Transcript {
  /** Path relative to the folder named on the command line, with / separators. */
  file: string;
  format: Format;
  meta: Meta;
  body?: Body;
  /** Cue formats. */
  cues?: Cue[];
}
