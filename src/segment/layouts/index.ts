// Every speaker layout obs reads from a line, in the order they are tried: the first that reads a
// line wins. A new export's layout is one module here and one line in LAYOUTS.
import { bracketLayout } from './bracket.js';
import { colonLayout } from './colon.js';
import { dashLayout } from './dash.js';
import { nameLineLayout } from './name-line.js';
import { nameTimeLayout } from './name-time.js';
import { parenthesisedLayout } from './parenthesised.js';
import { timeNameLayout } from './time-name.js';
import { isBlank } from '../blank.js';
import { normaliseSpeaker, speakerKey } from '../speakers.js';
import type { LayoutId, SpeakerLayout } from './types.js';

export const LAYOUTS: readonly SpeakerLayout[] = [colonLayout, nameTimeLayout, timeNameLayout, bracketLayout, parenthesisedLayout, dashLayout, nameLineLayout];

/** How each layout looks, by id, including the speakers a container names (cues, columns, table rows). */
export const LAYOUT_SHAPES: Record<LayoutId, string> = {
  ...(Object.fromEntries(LAYOUTS.map((l) => [l.id, l.shape])) as Record<Exclude<LayoutId, 'voice' | 'column' | 'table'>, string>),
  voice: '<v Name> voice tag',
  column: 'speaker column',
  table: 'speaker | text table',
};

export interface LineLabel {
  /** The label, tidied (normaliseSpeaker). */
  speaker: string;
  /** The speaker as compared: tidied and in lower case (speakerKey). */
  key: string;
  rest: string;
  start: string | undefined;
  heading: boolean;
  tight: boolean;
  weak: boolean;
  layout: LayoutId;
}

/**
 * A label needs a colon, a bracket or a dash, or is all of a short line: most lines of speech are
 * long and hold none of these, and cost a few searches.
 */
const DASHES = /[-–—]/;

/**
 * Marks that set the direction of text and show nothing: Word writes a right-to-left mark beside
 * Hebrew and Arabic names, and one inside a label would hide it. A line holding any is read as
 * labelled or not without them; a label taken drops them from its line, the name with the rest.
 */
const BIDI_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BIDI_MARK = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function readLabel(line: string): LineLabel | undefined {
  // No layout takes a mark into a label, so a line read as labelled has none in its way; only the
  // lines that are not (text, mostly) are searched for one.
  const label = readPlainLabel(line);
  return label || !BIDI_MARK.test(line) ? label : readPlainLabel(line.replace(BIDI_MARKS, ''));
}

function readPlainLabel(line: string): LineLabel | undefined {
  if (isBlank(line)) return undefined;
  if (line.length > 70 && line.indexOf(':') < 0 && !DASHES.test(line)) {
    const first = line.trimStart().charCodeAt(0);
    if (first !== 0x5b && first !== 0x28) return undefined;
  }
  for (const layout of LAYOUTS) {
    const reading = layout.read(line);
    if (!reading) continue;
    // One shape for every label, made at once: a corpus has a label on every other line.
    const speaker = normaliseSpeaker(reading.speaker);
    return {
      speaker,
      key: speakerKey(speaker),
      rest: reading.rest,
      start: reading.start,
      heading: reading.heading,
      tight: reading.tight === true,
      weak: reading.weak === true,
      layout: reading.as ?? layout.id,
    };
  }
  return undefined;
}
