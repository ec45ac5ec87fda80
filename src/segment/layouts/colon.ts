// `Name: text`: the label, a colon, the words. Also `[00:12:03] Name:`, `00:03:40.5Name:` (MAXQDA),
// `02:06 T:` (oTranscribe), `**Name:**` (Markdown), `Speaker 1 (00:01):` (Rev) and `I:Q2`.
import { CLOCK, EMPHASIS, LABEL, LEAD_STAMP, SPACE, leadTime } from './pieces.js';
import type { LabelReading, SpeakerLayout } from './types.js';

// A time in brackets may close the label (Rev). After the colon: white space or the line's end, or
// (tight) a capital, a quote or a bracket, so `https://`, `10:30` and `3:1` are never labels.
const COLON = new RegExp(
  String.raw`^${SPACE}*${LEAD_STAMP}${EMPHASIS}(${LABEL})(?:${SPACE}*[(\[](${CLOCK})[)\]])?${SPACE}*${EMPHASIS}${SPACE}*:${EMPHASIS}(?:(${SPACE}|$)|(?=[\p{Lu}\p{Lt}"“'‘(\[]))${SPACE}*`,
  'u',
);

/**
 * The common case, as COLON reads it, in a simpler search: a label of letters, spaces, dots,
 * apostrophes and dashes from the line's start to its first colon, and white space or the line's
 * end after it. Anything else (a stamp, brackets, digits, emphasis, a tight colon) is for COLON.
 * Sticky, so a test leaves where the label ends in lastIndex and makes no match array for a line.
 * Each class is split in two, its ASCII characters first: in a line holding characters beyond
 * Latin-1 (a curly apostrophe), each test of a Unicode class costs a call, and a name is mostly
 * ASCII. The halves must not overlap (the second takes only what is beyond ASCII), or a long line
 * without a colon would be tried both ways at every character, without end.
 */
const PLAIN = /^(?:[A-Za-z]|(?=[^\x00-\x7f])\p{L})(?:[A-Za-z .'\-]|(?=[^\x00-\x7f])[\p{L}\p{M}’–]){0,62}:(?:[ \t\u00a0]+|$)/uy;

export const colonLayout: SpeakerLayout = {
  id: 'colon',
  shape: 'Name: text',
  read(line) {
    PLAIN.lastIndex = 0;
    if (PLAIN.test(line)) return { speaker: line.slice(0, line.indexOf(':')), rest: line.slice(PLAIN.lastIndex), heading: false, tight: false };
    return readColon(line);
  },
};

/** Every `Name:` layout, by COLON alone. */
export function readColon(line: string): LabelReading | undefined {
  const m = COLON.exec(line);
  if (!m) return undefined;
  const speaker = m[5]!;
  const start = m[6];
  const rest = line.slice(m[0].length);
  // `Speaker 1 (00:01):` alone on its line is Rev's heading, as sure a sign as Otter's.
  const heading = start !== undefined && rest.trim() === '';
  const reading: LabelReading = { speaker, rest, heading, tight: m[7] === undefined };
  if (heading) reading.as = 'name-time';
  const time = start ?? leadTime(m, 1);
  if (time !== undefined) reading.start = time;
  return reading;
}
