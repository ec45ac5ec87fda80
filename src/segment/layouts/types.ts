// What a speaker layout reads from one line: who speaks, from when, and what they say on that line.

export interface LabelReading {
  /** The label as written. */
  speaker: string;
  /** The text after the label on the same line: empty for a heading, whose words follow below. */
  rest: string;
  start?: string;
  /** The label stands on its own line with a time (`Name  0:03`): a shape prose never takes. */
  heading: boolean;
  /** `I:Q2`: no space after the colon, so it counts no line towards a label's recurring, and is doubted where it is not believed. */
  tight?: boolean;
  /** The layout the line is read as, where it is another's shape: Rev's `Speaker 1 (00:01):` alone is a name-and-time heading. */
  as?: LayoutId;
  /** A layout prose can take too (`(Applause)`, a name alone on a line, `So – yes`): believed only where two or more speakers recur in it. */
  weak?: boolean;
}

export interface SpeakerLayout {
  id: LayoutId;
  /** How the layout looks, for `obs speakers` and messages. */
  shape: string;
  read(line: string): LabelReading | undefined;
}

/** Layouts read from lines, and the speakers that a container names outright. */
export type LayoutId = 'colon' | 'bracket' | 'name-time' | 'time-name' | 'parenthesised' | 'name-line' | 'dash' | 'voice' | 'column' | 'table';
