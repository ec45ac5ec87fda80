// Time stamps that transcribers and transcription tools write into the text: they say when, never what.

import { CLOCK, CLOCK_HMS, SPACE } from '../clock.js';

/**
 * A stamp in brackets, braces, parentheses or hashes, anywhere in a line; f4/f5 and MAXQDA write
 * tenths after a dash between hashes (`#00:01:22-6#`). Five groups: bracket, brace, paren, f4, tenths.
 */
const DELIMITED = String.raw`\[(${CLOCK})\]|\{(${CLOCK})\}|\((${CLOCK})\)|#(${CLOCK})(?:-(\d{1,3}))?#`;

/** A stamp that opens a line: delimited, or bare with seconds (a sixth group); Rev writes `(00:51):` where a speaker goes on. */
const LEADING = new RegExp(String.raw`^${SPACE}*(?:${DELIMITED}|(${CLOCK_HMS})(?![\d:]))(?:${SPACE}*:(?!\S))?${SPACE}*`, 'u');
/**
 * Within a line, tools write stamps zero-padded or with seconds (`[00:19:00]`, `(00:12)`,
 * `[crosstalk 00:06:51]`, a sixth group); `The bus (9:15) was late` keeps its time.
 */
const PADDED = String.raw`(?:\d{1,2}:\d{2}:\d{2}|\d{2}:\d{2})(?:[.,]\d{1,3})?`;
const INLINE = new RegExp(
  String.raw`${SPACE}*(?:\[(${PADDED})\]|\{(${PADDED})\}|\((${PADDED})\)|#(${CLOCK})(?:-(\d{1,3}))?#)|${SPACE}+(${PADDED})(?=\])`,
  'gu',
);

/** The time the six groups hold, f4's tenths after a dot: `00:01:22.6`. */
function timeOf(groups: ReadonlyArray<string | undefined>): string {
  const [bracket, brace, paren, f4, tenths, bare] = groups;
  if (f4 !== undefined) return tenths === undefined ? f4 : `${f4}.${tenths}`;
  return (bracket ?? brace ?? paren ?? bare)!;
}

/** The stamp a line opens with, and how many characters it and the white space after it take. */
export function leadingStamp(line: string): { time: string; length: number } | undefined {
  const m = LEADING.exec(line);
  return m ? { time: timeOf(m.slice(1)), length: m[0].length } : undefined;
}

export interface StampedLine {
  /** The time of a stamp that opens the line. */
  start?: string;
  /**
   * The time of the line's last stamp, which holds for what follows: f4 ends each paragraph with one,
   * when the next speaker begins, and Descript drops one into the text each minute.
   */
  last?: string;
  /** The line without its stamps. */
  text: string;
  /** Stamps taken out. */
  stamps: number;
}

/** Takes every stamp out of a line; undefined where it holds none. */
export function stripStamps(line: string): StampedLine | undefined {
  // Every stamp holds a colon: most lines hold none, cost one search, and make nothing.
  if (line.indexOf(':') < 0) return undefined;
  const out: StampedLine = { text: line, stamps: 0 };
  let text = line;
  const lead = leadingStamp(text);
  if (lead) {
    out.start = out.last = lead.time;
    text = text.slice(lead.length);
    out.stamps++;
  }
  if (text.indexOf(':') >= 0) {
    text = text.replace(INLINE, (_found: string, ...groups: unknown[]) => {
      out.stamps++;
      out.last = timeOf(groups.slice(0, 6) as Array<string | undefined>);
      return '';
    });
  }
  out.text = text;
  return out.stamps > 0 ? out : undefined;
}
