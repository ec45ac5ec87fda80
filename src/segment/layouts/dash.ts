// `Name – text`: a label and a dash, as some student and thesis transcripts write them (`I – Hi!`).
import { EMPHASIS, LABEL, LEAD_STAMP, SPACE, leadTime } from './pieces.js';
import type { SpeakerLayout } from './types.js';

const DASH = new RegExp(String.raw`^${SPACE}*${LEAD_STAMP}${EMPHASIS}(${LABEL})${EMPHASIS}${SPACE}+[-–—]${SPACE}+(?=\S)`, 'u');

export const dashLayout: SpeakerLayout = {
  id: 'dash',
  shape: 'Name – text',
  read(line) {
    const m = DASH.exec(line);
    if (!m) return undefined;
    const start = leadTime(m, 1);
    const reading = { speaker: m[5]!, rest: line.slice(m[0].length), heading: false, weak: true };
    return start === undefined ? reading : { ...reading, start };
  },
};
