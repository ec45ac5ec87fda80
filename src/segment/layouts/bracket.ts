// `[id1] text`: a label in square brackets opens the line (QualCoder's example transcripts). Weak:
// `[Town] has changed` is an anonymised name in speech.
import { isTranscriptionNote, LABEL, LEAD_STAMP, SPACE, leadTime } from './pieces.js';
import type { SpeakerLayout } from './types.js';

const BRACKET = new RegExp(String.raw`^${SPACE}*${LEAD_STAMP}\[(${LABEL})\]${SPACE}+(?=\S)`, 'u');

export const bracketLayout: SpeakerLayout = {
  id: 'bracket',
  shape: '[Name] text',
  read(line) {
    const m = BRACKET.exec(line);
    if (!m || isTranscriptionNote(m[5]!)) return undefined;
    const start = leadTime(m, 1);
    const reading = { speaker: m[5]!, rest: line.slice(m[0].length), heading: false, weak: true };
    return start === undefined ? reading : { ...reading, start };
  },
};
