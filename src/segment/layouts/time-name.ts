// A heading line of a time and a name, the words below: Word's Transcribe (`00:00:03 Speaker 1`),
// which always writes hours, minutes and seconds, so `10:30 Mass` stays what someone said.
import { CLOCK_HMS } from '../../clock.js';
import { EMPHASIS, LABEL, SPACE } from './pieces.js';
import type { SpeakerLayout } from './types.js';

const TIME_NAME = new RegExp(String.raw`^${SPACE}*${EMPHASIS}[(\[]?(${CLOCK_HMS})[)\]]?${SPACE}+(${LABEL})${EMPHASIS}:?${SPACE}*$`, 'u');

export const timeNameLayout: SpeakerLayout = {
  id: 'time-name',
  shape: '00:00:03 Name (heading)',
  read(line) {
    const m = TIME_NAME.exec(line);
    return m ? { speaker: m[2]!.trimEnd(), rest: '', start: m[1]!, heading: true } : undefined;
  },
};
