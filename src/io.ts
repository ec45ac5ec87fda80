// The outside world as the commands see it, so tests can run a command without a process.
import { accessSync, close, constants, fchmod, fchown, fstatSync, fsync, open, openSync, closeSync, renameSync, statSync, write, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { ObsError, formatProblem } from './errors.js';
import { INPUT_LIMITS, fileIdentity, megabytes } from './input.js';
import { resolveOutput, type OutputTarget } from './output-target.js';
import { exitCleanlyOnSignals, leave, removeTemp, track, untrack } from './unfinished.js';
import { shortWrite, writeProblem } from './write-error.js';

export { exitCleanlyOnSignals };

export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  readStdin(): Promise<Buffer>;
  env: Record<string, string | undefined>;
}

/** The name --out gives standard output, as most command-line tools read it. */
export const STDOUT = '-';

export function processIo(): Io {
  endOnStandardStreamErrors();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: () => readAtMost(process.stdin, INPUT_LIMITS.transcript),
  };
}

/** Standard input's bytes, refused once past `limit`: it may be a device or a program that never stops. */
export async function readAtMost(stream: AsyncIterable<Buffer | string>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  // Leaving the loop early destroys the stream, so nothing more is read.
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > limit) {
      throw new ObsError({ file: 'standard input', message: `is over the ${megabytes(limit)} obs reads from one transcript`, hint: 'save it as files of at most that size and name them instead of -' });
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, length);
}

let guarded = false;

/**
 * A write to standard output fails asynchronously, as an 'error' event, wherever in the run it was
 * made; unheard, Node prints a stack trace. A closed pipe (`obs ... | head`) ends obs quietly with
 * 141, the status a shell gives cat or grep killed by SIGPIPE (Node ignores that signal, so it is
 * not there to do it): the reader wanted no more, and `set -o pipefail` still sees the cut.
 * Any other failure (a full disk, an I/O error) is a fault: a message and exit 2.
 */
function endOnStandardStreamErrors(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') leave(141);
    leave(2, () => `${formatProblem(writeProblem('standard output', err, 'stdout'))}\n`);
  });
  // Nowhere is left to tell of a failing stderr; the output itself is still checked.
  process.stderr.on('error', () => {});
}

/**
 * Checks that `out` can be written without touching an input, before any work is done,
 * so a bad path fails fast instead of after a long run. `inputs`: paths of the run's inputs;
 * `known`: the identities (fileIdentity) of inputs already looked at, as a corpus's files are
 * when its folders are read, so they need no second look.
 */
export async function checkOutputPath(out: string, inputs: readonly string[], cwd: string, known: ReadonlySet<string> = new Set()): Promise<void> {
  if (out === STDOUT) return;
  // A shell refuses `> res/` too: the slash asks for a folder, and a file of that name would surprise.
  if (/[/\\]$/.test(out)) throw new ObsError({ file: out, message: 'ends with a slash, as a folder does; --out names a file', hint: 'give --out a file name, e.g. --out results.csv' });
  const target = resolveOutput(out, cwd);
  // Only a file that exists can be an input. Device and inode name a file however it is reached:
  // through a link, a hard link, or another spelling of its path. Standard input redirected from a
  // file (`obs code - --out t.txt < t.txt`) is that file.
  const isInput = (existing: Stats) => known.has(fileIdentity(existing)) || inputs.some((input) => (input === STDOUT ? sameAsStdin(existing) : sameFile(existing, path.resolve(cwd, input))));
  if (target.kind === 'file' && target.existing && isInput(target.existing)) {
    throw new ObsError({ file: out, message: 'is one of the input files; obs never writes over its input', hint: 'choose another --out path' });
  }
  // The file is opened at the first write, perhaps late in a long run: a refusal is better told now.
  // A new file is made in its folder; a device or pipe is opened as it is.
  const writable = target.kind === 'file' ? path.dirname(target.path) : target.path;
  try {
    accessSync(writable, constants.W_OK);
  } catch (err) {
    const problem = writeProblem(out, err, 'file');
    throw new ObsError(target.kind === 'file' ? { ...problem, message: problem.message.replace(/^cannot write/, `cannot write in folder ${writable}`) } : problem);
  }
}

function sameAsStdin(a: Stats): boolean {
  try {
    const b = fstatSync(0);
    return b.isFile() && a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

function sameFile(a: Stats, other: string): boolean {
  try {
    const b = statSync(other);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/** Output written piece by piece: to standard output, a device or pipe, or a temporary file renamed into place at the end. */
export interface OutputSink {
  write(chunk: string): Promise<void>;
  /** Finishes the output: the renamed file appears only now. */
  close(): Promise<void>;
  /** Gives up: the temporary file goes, and any earlier file of that name stays as it was. */
  abort(): Promise<void>;
}

export async function openOutput(out: string | undefined, io: Io): Promise<OutputSink> {
  if (!out || out === STDOUT) return standardOutput(io);
  const target = resolveOutput(out, io.cwd);
  return target.kind === 'file' ? replaceFile(out, target) : writeThrough(out, target.path);
}

function standardOutput(io: Io): OutputSink {
  return {
    write: async (chunk) => {
      const accepted = io.stdout.write(chunk);
      // A slow reader (a pager, `| (sleep 25; wc -c)`): wait until the stream has passed on what it
      // holds, so memory does not grow with the lines the reader has not taken yet.
      const stream = io.stdout as Partial<NodeJS.WritableStream>;
      if (accepted === false && typeof stream.once === 'function') await new Promise((resolve) => stream.once!('drain', resolve));
      // A failed write is told on the next turn of the event loop: let it end the run before more work is done.
      else await new Promise((resolve) => setImmediate(resolve));
    },
    close: async () => {},
    abort: async () => {},
  };
}

/** Beside the target, so the rename stays on one filesystem; the name is cut so it stays within the 255-byte limit. */
function tempPath(target: string): string {
  return path.join(path.dirname(target), `.obs-tmp-${process.pid}-${Date.now().toString(36)}-${path.basename(target).slice(0, 120)}`);
}

function replaceFile(out: string, target: Extract<OutputTarget, { kind: 'file' }>): OutputSink {
  const tmp = tempPath(target.path);
  const earlier = target.existing;
  let fd: number | undefined;
  // Made at the first write, not when the output is opened: while it exists a signal handler must
  // stand ready to remove it, and that handler waits for the main thread, which may be coding a
  // long transcript. Created, renamed and removed synchronously, each in the same turn as the list
  // of unfinished files learns of it, so a signal can never come between the two. Exclusive, so a
  // link planted at that name is never followed. Private until its mode is set at the end; a new
  // file gets the umask's mode.
  const made = (): number => {
    if (fd === undefined) {
      // Tracked first: until a handler is listening, a signal's default action ends the process at
      // once, even between the creation and the next line.
      track(tmp);
      try {
        fd = openSync(tmp, 'wx', earlier ? 0o600 : 0o666);
      } catch (err) {
        untrack(tmp);
        throw err;
      }
    }
    return fd;
  };
  let closed = false;
  const closeOnce = async () => {
    if (fd === undefined || closed) return;
    // Marked first: a close that fails has still released the descriptor.
    closed = true;
    await closeFd(fd);
  };
  const discard = async () => {
    await closeOnce().catch(() => {});
    if (fd !== undefined) removeTemp(tmp);
  };
  const fail = async (err: unknown): Promise<never> => {
    await discard();
    throw new ObsError(writeProblem(out, err, 'file'));
  };
  return {
    write: async (chunk) => {
      try {
        await writeAll(made(), Buffer.from(chunk, 'utf8'));
      } catch (err) {
        await fail(err);
      }
    },
    close: async () => {
      try {
        const open = made();
        if (earlier) await keepOwnerAndMode(open, earlier);
        // Some filesystems (NFS, quotas) report a full disk only when the data is flushed or the file closed.
        await fsyncFd(open);
        await closeOnce();
        renameSync(tmp, target.path);
      } catch (err) {
        await fail(err);
      }
      untrack(tmp);
    },
    abort: discard,
  };
}

/** The replacement keeps the earlier file's permissions (a private file stays private) and, where allowed, its owner. */
async function keepOwnerAndMode(fd: number, earlier: Stats): Promise<void> {
  if (earlier.uid !== process.getuid?.() || earlier.gid !== process.getgid?.()) await fchownFd(fd, earlier.uid, earlier.gid).catch(() => {});
  await fchmodFd(fd, earlier.mode & 0o7777);
}

/**
 * A device or named pipe, opened and written as it is: no temporary file, no rename. Opened on a
 * worker thread, since a pipe's open waits for a reader; no signal handler is installed meanwhile,
 * so Ctrl-C ends that wait at once.
 */
async function writeThrough(out: string, target: string): Promise<OutputSink> {
  let fd: number;
  try {
    fd = await openFd(target, constants.O_WRONLY | constants.O_NOCTTY);
  } catch (err) {
    throw new ObsError(writeProblem(out, err, 'file'));
  }
  // The name may have been given to a regular file since it was looked at: never write into one in place.
  const stat = fstatSync(fd);
  if (!stat.isCharacterDevice() && !stat.isFIFO()) {
    closeSync(fd);
    throw new ObsError({ file: out, message: 'was replaced by another file while obs opened it', hint: 'run obs again' });
  }
  let open = true;
  const shut = async () => {
    if (!open) return;
    open = false;
    await closeFd(fd);
  };
  const fail = async (err: unknown): Promise<never> => {
    await shut().catch(() => {});
    throw new ObsError(writeProblem(out, err, 'file'));
  };
  return {
    write: async (chunk) => {
      try {
        await writeAll(fd, Buffer.from(chunk, 'utf8'));
      } catch (err) {
        await fail(err);
      }
    },
    close: async () => {
      try {
        await shut();
      } catch (err) {
        await fail(err);
      }
    },
    abort: async () => {
      await shut().catch(() => {});
    },
  };
}

/** Every byte or an error: a short write is followed by another, which stores more or reports why it cannot. */
async function writeAll(fd: number, bytes: Buffer): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await writeFd(fd, bytes, done, bytes.length - done);
    if (bytesWritten <= 0) throw shortWrite();
    done += bytesWritten;
  }
}

const openFd = promisify(open);
const writeFd = promisify(write);
const closeFd = promisify(close);
const fsyncFd = promisify(fsync);
const fchmodFd = promisify(fchmod);
const fchownFd = promisify(fchown);

/** The whole output at once, through openOutput: atomically to a file, or to standard output for `-`. */
export async function writeFileAtomic(out: string, content: string, io: Io): Promise<void> {
  const sink = await openOutput(out, io);
  try {
    await sink.write(content);
  } catch (err) {
    await sink.abort();
    throw err;
  }
  await sink.close();
}
