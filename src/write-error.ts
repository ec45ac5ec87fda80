// A failed write, open, sync, close or rename, told in a user's words with what to do about it.
import type { Problem } from './errors.js';

/** Where the output was going: an --out file, or standard output (which the shell chose). */
export type Destination = 'file' | 'stdout';

const REASONS: Record<string, { says: string; file: string; stdout: string }> = {
  ENOSPC: { says: 'the disk is full', file: 'free some space on that disk, or give --out a path on another one', stdout: 'free some space on the disk standard output goes to, or send it elsewhere' },
  EDQUOT: { says: 'your disk quota is used up', file: 'remove some of your files, or give --out a path on another disk', stdout: 'remove some of your files, or send standard output elsewhere' },
  EFBIG: { says: 'the file is larger than that filesystem allows', file: 'give --out a path on another disk', stdout: 'send standard output to another disk' },
  EIO: { says: 'the device reported an input/output error', file: 'check the disk or device, or give --out a path on another one', stdout: 'check the disk or device standard output goes to' },
  EROFS: { says: 'the filesystem is read-only', file: 'give --out a path on a writable disk', stdout: 'send standard output to a writable disk' },
  EACCES: { says: 'permission denied', file: 'check that you may write that file and its folder, or choose another --out path', stdout: 'check that you may write where standard output goes' },
  EPERM: { says: 'the operation is not permitted', file: 'check that you may write that file and its folder, or choose another --out path', stdout: 'check that you may write where standard output goes' },
  EPIPE: { says: 'the program reading the pipe has closed it', file: 'keep the reading program running until obs is done', stdout: 'keep the reading program running until obs is done' },
  ENXIO: { says: 'the device is not there', file: 'check the device, or choose another --out path', stdout: 'check the device standard output goes to' },
  SHORT: { says: 'the device took no more bytes', file: 'check the disk or device, or give --out a path on another one', stdout: 'check the disk or device standard output goes to' },
};

export function writeProblem(file: string, err: unknown, to: Destination): Problem {
  const code = (err as NodeJS.ErrnoException)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (reason) return { file, message: `cannot write: ${reason.says} (${code === 'SHORT' ? 'a write of 0 bytes' : code})`, hint: reason[to] };
  return {
    file,
    message: `cannot write: ${code ?? (err as Error)?.message ?? String(err)}`,
    hint: to === 'file' ? 'check the folder exists and is writable, or choose another --out path' : 'check where standard output goes',
  };
}

/** An error for a write that stored nothing, which would otherwise repeat forever. */
export function shortWrite(): NodeJS.ErrnoException {
  return Object.assign(new Error('a write stored no bytes'), { code: 'SHORT' });
}
