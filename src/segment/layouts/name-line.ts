// A name alone on its line, the words below: Otter without time stamps (`Researcher`, then the
// text), and Teams' older transcripts, whose cues name the speaker on a line of its own.
import { EMPHASIS, LABEL, SPACE } from './pieces.js';
import type { SpeakerLayout } from './types.js';

// No sentence ends in a name: `Christian.` and `Really?` are answers.
const NAME_LINE = new RegExp(String.raw`^${SPACE}*${EMPHASIS}(${LABEL})${EMPHASIS}${SPACE}*$`, 'u');

export const nameLineLayout: SpeakerLayout = {
  id: 'name-line',
  shape: 'Name (a line of its own)',
  read(line) {
    const m = NAME_LINE.exec(line);
    if (!m || /[.!?,;'’)]$/.test(m[1]!)) return undefined;
    return { speaker: m[1]!, rest: '', heading: false, weak: true };
  },
};
