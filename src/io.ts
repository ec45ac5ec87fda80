// The outside world as the commands see it, so tests can run a command without a process.
import { close, openSync, promises as fs, renameSync, rmSync, statSync, write, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { ObsError } from './errors.js';

export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  readStdin(): Promise<Buffer>;
  env: Record<string, string | undefined>;
}

/** Temporary output files being written, so an interrupted run can remove them on its way out. */
const unfinished = new Set<string>();

/**
 * Ctrl-C (SIGINT) or SIGTERM: remove any half-written output, leaving the earlier file of that name (or
 * none), and exit 130 or 143 as shells expect. Only for a real process: tests run commands in-process.
 */
export function exitCleanlyOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      const removed = unfinished.size > 0;
      for (const tmp of unfinished) rmSync(tmp, { force: true });
      process.stderr.write(`\nobs: interrupted${removed ? '; the unfinished --out file was removed' : ''}\n`);
      process.exit(code);
    });
  }
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/**
 * Checks that `out` can be written without touching an input, before any work is done,
 * so a bad path fails fast instead of after a long run.
 */
export async function checkOutputPath(out: string, inputs: readonly string[], cwd: string): Promise<void> {
  const target = path.resolve(cwd, out);
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) {
    throw new ObsError({ file: out, message: 'is a folder, not a file', hint: 'give --out a file name, e.g. --out results.csv' });
  }
  const dir = path.dirname(target);
  const dirStat = await fs.stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    throw new ObsError({ file: out, message: `folder ${dir} does not exist`, hint: 'create the folder first, or choose another --out path' });
  }
  // Only a file that exists can be an input. Device and inode name a file however it is reached:
  // through a link, a hard link, or another spelling of its path.
  if (stat && inputs.some((input) => sameFile(stat, path.resolve(cwd, input)))) {
    throw new ObsError({ file: out, message: 'is one of the input files; obs never writes over its input', hint: 'choose another --out path' });
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

/** Output written piece by piece: to standard output, or to a temporary file renamed into place at the end. */
export interface OutputSink {
  write(chunk: string): Promise<void>;
  /** Finishes the output: the renamed file appears only now. */
  close(): Promise<void>;
  /** Gives up: the temporary file goes, and any earlier file of that name stays as it was. */
  abort(): Promise<void>;
}

export async function openOutput(out: string | undefined, io: Io): Promise<OutputSink> {
  if (!out) {
    return {
      write: async (chunk) => {
        io.stdout.write(chunk);
      },
      close: async () => {},
      abort: async () => {},
    };
  }
  const target = path.resolve(io.cwd, out);
  const tmp = path.join(path.dirname(target), `.obs-tmp-${process.pid}-${Date.now().toString(36)}-${path.basename(target)}`);
  const fail = (err: unknown): never => {
    rmSync(tmp, { force: true });
    unfinished.delete(tmp);
    throw new ObsError({ file: out, message: `cannot write: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, hint: 'check the folder exists and is writable' });
  };
  // Created, renamed and removed synchronously, each in the same turn as the list of unfinished
  // files learns of it: a Ctrl-C handled while an asynchronous open was still on its way would
  // remove nothing, and the file would appear after it.
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (err) {
    return fail(err);
  }
  unfinished.add(tmp);
  let open = true;
  const finish = async () => {
    if (!open) return;
    open = false;
    await closeFd(fd);
  };
  return {
    write: async (chunk) => {
      const bytes = Buffer.from(chunk, 'utf8');
      try {
        for (let done = 0; done < bytes.length; ) done += (await writeFd(fd, bytes, done, bytes.length - done)).bytesWritten;
      } catch (err) {
        await finish();
        return fail(err);
      }
    },
    close: async () => {
      await finish();
      try {
        renameSync(tmp, target);
      } catch (err) {
        return fail(err);
      }
      unfinished.delete(tmp);
    },
    abort: async () => {
      await finish().catch(() => {});
      rmSync(tmp, { force: true });
      unfinished.delete(tmp);
    },
  };
}

const writeFd = promisify(write);
const closeFd = promisify(close);

/** Writes to a temporary file beside the target, then renames it, so readers never see half a file. */
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
