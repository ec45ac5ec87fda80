// --out and standard output never harm or lie: a device, pipe or link named by --out stays what it
// was, a replaced file keeps its mode, every failed write ends the run with exit 2 and leaves the
// earlier file as it was, and a failing standard output ends obs without a stack trace.
import { execFileSync, spawn, type StdioOptions } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ObsError } from '../../src/errors.js';
import { INPUT_LIMITS } from '../../src/input.js';
import { readAtMost } from '../../src/io.js';
import { runObs, tempCorpus } from '../helpers/run.js';

const STACK = /\n\s+at .+[(:]\d+/;
const FIXTURES = fileURLToPath(new URL('../../fixtures/big-local', import.meta.url));
const TSX = pathToFileURL(fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** A corpus of 32 transcripts whose passage lines come to some 120 KB, and its CSV to some 9.5 KB. */
function corpus(extra: Record<string, string> = {}): string {
  const files: Record<string, string | Buffer> = { ...extra };
  for (const name of readdirSync(FIXTURES)) files[`corpus/${name}`] = readFileSync(path.join(FIXTURES, name));
  return tempCorpus(files);
}

/** The CSV's first line: the corpus's front matter gives its groups. */
const CSV_HEAD = /^area,year,theme,documents,passages/;
const CSV = ['code', 'corpus', '--format', 'csv', '--quiet'];
const PASSAGES = ['code', 'corpus', '--passages', '--quiet'];
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'));

/** Runs a command as root may; false where this machine does not let it (not root, no permission). */
function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Device nodes of our own, never the system's: a null device (c 1 3) and a full one (c 1 7).
const probe = mkdtempSync(path.join(tmpdir(), 'obs-probe-'));
const canMknod = tryRun('mknod', [path.join(probe, 'null'), 'c', '1', '3']);
const canMount = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe]) && tryRun('umount', [probe]);
rmSync(probe, { recursive: true, force: true });
if (!canMknod) console.warn('outputs.test: mknod is not permitted here; the device tests are skipped');
if (!canMount) console.warn('outputs.test: mounting a tmpfs is not permitted here; the disk-full tests are skipped');

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted.splice(0)) {
    tryRun('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A folder on a tmpfs of `size` (16k: four pages), unmounted after the tests. */
function smallDisk(options: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'obs-small-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

function mknod(file: string, minor: number, type = 'c', major = 1): string {
  execFileSync('mknod', [file, type, String(major), String(minor)]);
  return file;
}

/** obs as a real process, from the TypeScript source, with the given standard streams. */
function obsProcess(args: string[], cwd: string, stdio: StdioOptions) {
  return spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, stdio });
}

function ended(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('--out naming something other than a regular file', () => {
  it.skipIf(!canMknod)('writes through a null device, which stays a device', async () => {
    const dir = corpus();
    const dev = mknod(path.join(dir, 'null'), 3);
    const r = await runObs([...CSV, '--out', 'null'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it.skipIf(!canMknod)('a full device: exit 2, the disk is full, and the device stays a device', async () => {
    const dir = corpus();
    const dev = mknod(path.join(dir, 'full'), 7);
    for (const args of [CSV, PASSAGES]) {
      const r = await runObs([...args, '--out', 'full'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^obs: full: cannot write: the disk is full \(ENOSPC\)\n {2}hint: free some space/);
      expect(r.stderr).not.toMatch(STACK);
      expect(lstatSync(dev).isCharacterDevice()).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('writes through a named pipe to the program reading it, and the pipe stays a pipe', async () => {
    const dir = corpus();
    const expected = (await runObs(CSV, { cwd: dir })).stdout;
    const fifo = path.join(dir, 'results.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = await runObs([...CSV, '--out', 'results.fifo'], { cwd: dir });
    // Were the pipe replaced by a file, the reader would wait for a writer for ever.
    const stop = setTimeout(() => reader.kill(), 5000);
    await done;
    clearTimeout(stop);
    expect(r.code, r.stderr).toBe(0);
    expect(read).toBe(expected);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a socket before any work, and leaves it there', async () => {
    const dir = corpus();
    const sock = path.join(dir, 'obs.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const r = await runObs([...CSV, '--out', 'obs.sock'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^obs: obs\.sock: is a socket; obs writes --out to a file, a device or a named pipe\n {2}hint: /);
      expect(r.stderr).not.toMatch(STACK);
      expect(lstatSync(sock).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.skipIf(!canMknod)('refuses a block device, and never opens it', async () => {
    const dir = corpus();
    // A major number set aside for local use: no driver stands behind it.
    const dev = mknod(path.join(dir, 'disk'), 0, 'b', 240);
    const r = await runObs([...CSV, '--out', 'disk'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^obs: disk: is a block device \(a disk or partition\); obs never writes over one/);
    expect(lstatSync(dev).isBlockDevice()).toBe(true);
  });

  it('follows a link to a file in another folder: the link stays a link, the file gets the output, no temporary file is left', async () => {
    const dir = corpus({ 'results/figures.csv': 'earlier results\n' });
    symlinkSync(path.join('results', 'figures.csv'), path.join(dir, 'latest.csv'));
    const r = await runObs([...CSV, '--out', 'latest.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'latest.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'latest.csv'))).toBe(path.join('results', 'figures.csv'));
    expect(readFileSync(path.join(dir, 'results', 'figures.csv'), 'utf8')).toMatch(CSV_HEAD);
    expect(leftovers(dir)).toEqual([]);
    expect(leftovers(path.join(dir, 'results'))).toEqual([]);
  });

  it.skipIf(!canMknod)('follows a link to a device, and a link to a link to nothing yet, as a shell would', async () => {
    const dir = corpus();
    const dev = mknod(path.join(dir, 'null'), 3);
    symlinkSync('null', path.join(dir, 'discard'));
    expect((await runObs([...CSV, '--out', 'discard'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(path.join(dir, 'discard')).isSymbolicLink()).toBe(true);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    symlinkSync('next', path.join(dir, 'first'));
    symlinkSync('made.csv', path.join(dir, 'next'));
    expect((await runObs([...CSV, '--out', 'first'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(path.join(dir, 'first')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(dir, 'next')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'made.csv'), 'utf8')).toMatch(CSV_HEAD);
  });

  it('refuses a link that leads back to itself, and a link to a folder', async () => {
    const dir = corpus();
    symlinkSync('loop-b', path.join(dir, 'loop-a'));
    symlinkSync('loop-a', path.join(dir, 'loop-b'));
    symlinkSync('corpus', path.join(dir, 'to-folder'));
    const loop = await runObs([...CSV, '--out', 'loop-a'], { cwd: dir });
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/^obs: loop-a: goes through more than 40 symbolic links/);
    const folder = await runObs([...CSV, '--out', 'to-folder'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^obs: to-folder: links to .*corpus, a folder, not a file/);
    expect(lstatSync(path.join(dir, 'to-folder')).isSymbolicLink()).toBe(true);
  });

  it('--out - writes to standard output, and makes no file named -', async () => {
    const dir = corpus();
    const plain = await runObs(CSV, { cwd: dir });
    for (const args of [CSV, PASSAGES]) {
      const r = await runObs([...args, '--out', '-'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(args === CSV ? CSV_HEAD : /^\{"id"/);
      if (args === CSV) expect(r.stdout).toBe(plain.stdout);
    }
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });
});

describe('the mode of the output file', () => {
  it('a replaced 0600 file stays 0600, a 0640 file 0640', async () => {
    const dir = corpus({ 'private.csv': 'earlier\n', 'shared.jsonl': 'earlier\n' });
    chmodSync(path.join(dir, 'private.csv'), 0o600);
    chmodSync(path.join(dir, 'shared.jsonl'), 0o640);
    expect((await runObs([...CSV, '--out', 'private.csv'], { cwd: dir })).code).toBe(0);
    expect((await runObs([...PASSAGES, '--out', 'shared.jsonl'], { cwd: dir })).code).toBe(0);
    expect(statSync(path.join(dir, 'private.csv')).mode & 0o7777).toBe(0o600);
    expect(statSync(path.join(dir, 'shared.jsonl')).mode & 0o7777).toBe(0o640);
    expect(readFileSync(path.join(dir, 'private.csv'), 'utf8')).toMatch(CSV_HEAD);
  });

  it('a new file gets the mode any new file gets (0666 less the umask)', async () => {
    const dir = corpus();
    writeFileSync(path.join(dir, 'plain'), '');
    expect((await runObs([...CSV, '--out', 'new.csv'], { cwd: dir })).code).toBe(0);
    expect(statSync(path.join(dir, 'new.csv')).mode & 0o7777).toBe(statSync(path.join(dir, 'plain')).mode & 0o7777);
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it('stops with exit 2 and leaves the earlier file byte-identical and no temporary file, streamed or written at once', async () => {
    const dir = corpus();
    const disk = smallDisk('size=16k');
    const earlier = path.join(disk, 'out.jsonl');
    writeFileSync(earlier, 'earlier results\n');
    const streamed = await runObs([...PASSAGES, '--out', earlier], { cwd: dir });
    expect(streamed.code).toBe(2);
    expect(streamed.stderr).toBe(`obs: ${earlier}: cannot write: the disk is full (ENOSPC)\n  hint: free some space on that disk, or give --out a path on another one\n`);
    expect(readFileSync(earlier, 'utf8')).toBe('earlier results\n');
    expect(leftovers(disk)).toEqual([]);
    // The CSV is some 9.5 KB: with 12 KB of the 16 taken, it fits no more than the passages did.
    // The same earlier file, now named as the CSV it would be replaced by (its extension sets the format).
    const earlierCsv = path.join(disk, 'out.csv');
    renameSync(earlier, earlierCsv);
    writeFileSync(path.join(disk, 'ballast'), Buffer.alloc(12 * 1024, 1));
    const whole = await runObs([...CSV, '--out', earlierCsv], { cwd: dir });
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain('cannot write: the disk is full (ENOSPC)');
    expect(whole.stderr).not.toMatch(STACK);
    expect(readFileSync(earlierCsv, 'utf8')).toBe('earlier results\n');
    expect(leftovers(disk)).toEqual([]);
  });

  it('a read-only disk is refused before any work', async () => {
    const dir = corpus();
    const disk = smallDisk('size=16k,ro');
    const r = await runObs([...CSV, '--out', path.join(disk, 'out.csv')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write in folder .*: the filesystem is read-only \(EROFS\)\n {2}hint: /);
  });
});

describe('standard output and standard input of a real process', () => {
  it.skipIf(!canMknod)('standard output on a full device: exit 2, a message, no stack trace', async () => {
    const dir = corpus();
    const full = openSync(mknod(path.join(dir, 'full'), 7), 'w');
    try {
      for (const args of [CSV, PASSAGES]) {
        const r = await ended(obsProcess(args, dir, ['ignore', full, 'pipe']));
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toBe('obs: standard output: cannot write: the disk is full (ENOSPC)\n  hint: free some space on the disk standard output goes to, or send it elsewhere\n');
      }
    } finally {
      closeSync(full);
    }
  }, 60_000);

  it('standard output closed by its reader (obs ... | head): a quiet end, status 141 as cat gets', async () => {
    const dir = corpus();
    const child = obsProcess(PASSAGES, dir, ['ignore', 'pipe', 'pipe']);
    child.stdout!.destroy();
    const r = await ended(child);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(141);
  }, 60_000);

  it('standard input past the transcript limit: exit 2 naming it, having stopped reading', async () => {
    const dir = corpus();
    const child = obsProcess(['code', '-'], dir, ['pipe', 'ignore', 'pipe']);
    const result = ended(child);
    let exited = false;
    void result.then(() => (exited = true));
    const chunk = Buffer.from('Ann: we got a grant from the council\n\n'.repeat(1 << 14));
    let sent = 0;
    child.stdin!.on('error', () => {});
    // Written until obs stops reading, or to twice the limit, which would mean it never stops.
    while (!exited && sent < 2 * INPUT_LIMITS.transcript && !child.stdin!.destroyed) {
      sent += chunk.length;
      if (!child.stdin!.write(chunk)) await new Promise((resolve) => child.stdin!.once('drain', resolve).once('close', resolve));
    }
    const r = await result;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^obs: standard input: is over the 64 MB obs reads from one transcript\n {2}hint: /);
    expect(sent).toBeLessThan(INPUT_LIMITS.transcript + 4 * chunk.length);
  }, 120_000);

  it('reading standard input stops at the limit', async () => {
    const chunks = () => Readable.from([Buffer.from('a'.repeat(600)), Buffer.from('b'.repeat(600))]);
    await expect(readAtMost(chunks(), 1000)).rejects.toThrow(ObsError);
    await expect(readAtMost(chunks(), 1000)).rejects.toThrow(/standard input: is over the 1000 bytes/);
    expect((await readAtMost(chunks(), 1200)).length).toBe(1200);
  });
});

describe('--out names what a shell would accept', () => {
  it('refuses a name ending in a slash, and an empty name, before any work', async () => {
    const dir = corpus({ 'old.csv': 'keep\n' });
    for (const out of ['res/', 'old.csv/']) {
      const r = await runObs([...CSV, '--out', out], { cwd: dir });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`obs: ${out}: ends with a slash, as a folder does; --out names a file`);
    }
    expect(existsSync(path.join(dir, 'res'))).toBe(false);
    expect(readFileSync(path.join(dir, 'old.csv'), 'utf8')).toBe('keep\n');
    const empty = await runObs([...CSV, '--out', ''], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain("argument '' is invalid. is empty");
  });

  it('refuses to write over the file standard input comes from', async () => {
    const dir = corpus();
    const transcript = path.join(dir, 'corpus', 'ramsey-2016-residents.txt');
    const before = readFileSync(transcript);
    const fd = openSync(transcript, 'r');
    const r = await ended(obsProcess(['code', '-', '--quiet', '--out', transcript], dir, [fd, 'ignore', 'pipe']));
    closeSync(fd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is one of the input files; obs never writes over its input');
    expect(readFileSync(transcript)).toEqual(before);
  }, 30_000);

  it('a hangup (the terminal closed) removes the unfinished file, as Ctrl-C does', async () => {
    const dir = corpus({ 'K.jsonl': 'earlier\n' });
    // Some 2.5 MB of passage lines: the file is made once the first megabyte is written, and lives for the rest of the run.
    for (let i = 0; i < 20; i++) execFileSync('cp', ['-r', path.join(dir, 'corpus'), path.join(dir, `corpus${i}`)]);
    const child = obsProcess(['code', '.', '--quiet', '--passages', '--out', 'K.jsonl'], dir, ['ignore', 'ignore', 'pipe']);
    const done = ended(child);
    const started = Date.now();
    while (leftovers(dir).length === 0 && Date.now() - started < 20_000 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGHUP');
    const r = await done;
    expect(readFileSync(path.join(dir, 'K.jsonl'), 'utf8')).toBe('earlier\n');
    expect(leftovers(dir)).toEqual([]);
    expect(r.code).toBe(129);
  }, 60_000);
});
