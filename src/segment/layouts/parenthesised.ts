// `(Name)` alone on a line, the words below, as Google Meet's captions name a new speaker.
import { isTranscriptionNote, LABEL, SPACE } from './pieces.js';
import type { SpeakerLayout } from './types.js';

const PARENTHESISED = new RegExp(String.raw`^${SPACE}*\((${LABEL})\)${SPACE}*$`, 'u');

export const parenthesisedLayout: SpeakerLayout = {
  id: 'parenthesised',
  shape: '(Name) (heading)',
  read(line) {
    const m = PARENTHESISED.exec(line);
    return m && !isTranscriptionNote(m[1]!) ? { speaker: m[1]!, rest: '', heading: false, weak: true } : undefined;
  },
};
