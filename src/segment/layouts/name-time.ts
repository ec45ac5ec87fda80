// A heading line of a name and a time, the words on the lines below: Otter (`Name  0:03`), Teams
// (`Name   0:03`), Rev (`Speaker 1 (00:01):`, `*Name (1:00:05)*`) and Zoom (`[Name] 11:02:09`).
import { CLOCK, EMPHASIS, LABEL, SPACE } from './pieces.js';
import type { SpeakerLayout } from './types.js';

const NAME_TIME = new RegExp(
  String.raw`^${SPACE}*${EMPHASIS}(?:\[(${LABEL})\]|(${LABEL}))(?:${SPACE}+(${CLOCK})|${SPACE}*[(\[](${CLOCK})[)\]])${EMPHASIS}:?${EMPHASIS}${SPACE}*$`,
  'u',
);

export const nameTimeLayout: SpeakerLayout = {
  id: 'name-time',
  shape: 'Name 0:03 (heading)',
  read(line) {
    const m = NAME_TIME.exec(line);
    if (!m) return undefined;
    return { speaker: (m[1] ?? m[2])!.trimEnd(), rest: '', start: (m[3] ?? m[4])!, heading: true };
  },
};
