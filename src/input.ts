// Reading a file a user named or a folder held: only a regular file, and only up to a stated size.
// A FIFO would block the open (and Ctrl-C with it), a device such as /dev/zero never ends, a socket
// cannot be read at all: each is refused at once, naming what it is.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ObsError } from './errors.js';

/** The largest file obs reads, by what it is for. Each is stated in the README's Bad input table. */
export const INPUT_LIMITS = {
  /** A text transcript (.txt, .md, .csv, .vtt, .srt, .sbv, .html): 64 MB, some 10 million words. */
  transcript: 64 * 2 ** 20,
  /** A .docx, .odt or .doc file, whose pictures may be large: its text parts have limits of their own. */
  document: 256 * 2 ** 20,
  codebook: 16 * 2 ** 20,
  /** A --meta table, a --gold CSV. */
  table: 64 * 2 ** 20,
  /** A dictionary or project given to obs import. */
  import: 256 * 2 ** 20,
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

export const REGULAR_ONLY = 'obs reads regular files only: copy the content into a file and name that';

function specialKindOf(file: string): string | undefined {
  try {
    return specialKind(statSync(file));
  } catch {
    return undefined;
  }
}

export type InputRead = { bytes: Buffer } | { error: string; hint: string };

/** What a file that is not a regular file is, in a user's words; undefined for a regular file. A folder's listing entry tells it as its stat does. */
export function specialKind(stat: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Device and inode: a file however it is reached, through a link, a hard link or another spelling of its path. */
export function fileIdentity(stat: Pick<Stats, 'dev' | 'ino'>): string {
  return `${stat.dev}:${stat.ino}`;
}

/** A size as a message gives it: a limit is a round number of MB, a file's size has a decimal where that tells it from the limit. */
export function megabytes(bytes: number): string {
  if (bytes < 2 ** 20) return `${bytes} bytes`;
  const mb = bytes / 2 ** 20;
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
}

/**
 * The bytes of a regular file of at most `limit` bytes, or why not. Opened without blocking, so a
 * FIFO is told at once instead of waiting for a writer; the size is checked on the open file, and
 * never more than the limit is read, so a file growing meanwhile cannot pass it.
 */
export function readInputFile(file: string, limit: number): InputRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    // A socket cannot be opened at all (ENXIO): say what it is, as for a pipe or a device.
    const kind = code === 'ENXIO' ? specialKindOf(file) : undefined;
    if (kind) return { error: `is ${kind}, not a regular file`, hint: REGULAR_ONLY };
    return { error: code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code})`, hint: 'check the path' };
  }
  try {
    const stat = fstatSync(fd);
    const kind = specialKind(stat);
    if (kind) return { error: `is ${kind}, not a regular file`, hint: REGULAR_ONLY };
    if (stat.size > limit) return { error: `is ${megabytes(stat.size)}, over the ${megabytes(limit)} obs reads from such a file`, hint: 'split it into smaller files' };
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { error: `grew past the ${megabytes(limit)} obs reads from such a file while being read`, hint: 'wait until whatever writes it has finished' };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (err) {
    return { error: `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, hint: 'check the path' };
  } finally {
    closeSync(fd);
  }
}

/** readInputFile for a file the run cannot go on without: its failure is exit 2, naming `shown`. */
export function readRequiredFile(file: string, shown: string, kind: InputKind, hint?: string): Buffer {
  const read = readInputFile(file, INPUT_LIMITS[kind]);
  if ('error' in read) throw new ObsError({ file: shown, message: read.error, hint: hint ?? read.hint });
  return read.bytes;
}
