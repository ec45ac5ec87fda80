// A heading line of a name and a time, the words on the lines below: Otter (`Name  0:03`), Teams
// (`Name   0:03`), Rev (`Speaker 1 (00:01):`, `*Name (1:00:05)*`) and Zoom (`[Name] 11:02:09`).
import { CLOCK, EMPHASIS, LABEL, SPACE } from './pieces.js';
import type { SpeakerLayout } from './types.js';

// A bare time takes two spaces or more after the name (Otter two, Teams three), or brackets round the
// name (Zoom): `Mass 10:30` is what someone said.
const NAME_TIME = new RegExp(
  String.raw`^${SPACE}*${EMPHASIS}(?:\[(${LABEL})\]${SPACE}+(${CLOCK})|(${LABEL})(?:${SPACE}{2,}(${CLOCK})|${SPACE}*[(\[](${CLOCK})[)\]]))${EMPHASIS}:?${EMPHASIS}${SPACE}*$`,
  'u',
);

export const nameTimeLayout: SpeakerLayout = {
  id: 'name-time',
  shape: 'Name 0:03 (heading)',
  read(line) {
    const m = NAME_TIME.exec(line);
    if (!m) return undefined;
    return { speaker: (m[1] ?? m[3])!.trimEnd(), rest: '', start: (m[2] ?? m[4] ?? m[5])!, heading: true };
  },
};
