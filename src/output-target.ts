// What an --out path names, once its links are followed: a file to replace (or create) by a
// temporary file renamed into place, or a device or named pipe to write straight into. A link is
// never replaced by a file, and a device never by a copy: either would quietly undo the user's setup.
import { lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ObsError } from './errors.js';

export type OutputTarget =
  /** `existing`: the file there now, whose mode and owner its replacement keeps. */
  | { kind: 'file'; path: string; existing?: Stats }
  | { kind: 'through'; path: string };

/** As Linux's own limit on links followed in one path (ELOOP). */
const MAX_LINKS = 40;

export function resolveOutput(out: string, cwd: string): OutputTarget {
  let target = path.resolve(cwd, out);
  for (let links = 0; ; links++) {
    const is = (what: string) => (links === 0 ? `is ${what}` : `links to ${target}, ${what}`);
    let stat: Stats;
    try {
      stat = lstatSync(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const dir = path.dirname(target);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && !isFolder(dir)) {
        const message = links === 0 ? `folder ${dir} does not exist` : `links to ${target}, in folder ${dir}, which does not exist`;
        throw new ObsError({ file: out, message, hint: 'create the folder first, or choose another --out path' });
      }
      if (code !== 'ENOENT') throw new ObsError({ file: out, message: `cannot be reached (${code})`, hint: 'check the path and the permissions of its folders' });
      return { kind: 'file', path: target };
    }
    if (stat.isSymbolicLink()) {
      if (links === MAX_LINKS) throw new ObsError({ file: out, message: `goes through more than ${MAX_LINKS} symbolic links`, hint: 'check where the link points: it may point back at itself' });
      target = path.resolve(path.dirname(target), readlinkSync(target));
      continue;
    }
    if (stat.isFile()) return { kind: 'file', path: target, existing: stat };
    // Written through as a shell's `>` would: a terminal, a null device, a pipe another program reads.
    if (stat.isCharacterDevice() || stat.isFIFO()) return { kind: 'through', path: target };
    if (stat.isDirectory()) throw new ObsError({ file: out, message: `${is('a folder')}, not a file`, hint: 'give --out a file name, e.g. --out results.csv' });
    if (stat.isBlockDevice()) {
      throw new ObsError({ file: out, message: `${is('a block device (a disk or partition)')}; obs never writes over one`, hint: 'give --out a file name, e.g. --out results.csv' });
    }
    const kind = stat.isSocket() ? 'a socket' : 'not a file';
    throw new ObsError({ file: out, message: `${is(kind)}; obs writes --out to a file, a device or a named pipe`, hint: 'give --out a file name, or leave --out off to write to standard output' });
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
