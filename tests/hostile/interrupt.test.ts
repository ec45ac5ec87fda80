// Ctrl-C during a run: the earlier --out file stays as it was (or there is none), no half file, exit 130
// (or death by the signal itself, which a shell shows as 130), and within a second wherever the run is.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';

const BIN = fileURLToPath(new URL('../../bin/obs.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'obs-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Long enough to be stopped part way: a few seconds of coding.
generateCorpus(path.join(dir, 'corpus'), 400, 5000, 99);
// One transcript of some 20 MB, coded in one stretch of synchronous work lasting seconds.
const TURN = 'Ann: the council gave us a grant and the committee met in the library by the park to learn about the budget\n\n';
writeFileSync(path.join(dir, 'huge.txt'), TURN.repeat(Math.ceil(20e6 / TURN.length)));

/** `waited`: milliseconds from the signal to the end of the process; `when` undefined: never signalled. */
function interrupted(args: string[], when: ((outDir: string, pid: number) => boolean) | undefined): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; waited: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    let signalled = 0;
    const poll = setInterval(() => {
      if (when && (when(dir, child.pid!) || Date.now() - started > 15_000)) {
        clearInterval(poll);
        signalled = Date.now();
        child.kill('SIGINT');
      }
    }, 20);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr, waited: signalled ? Date.now() - signalled : 0 });
    });
  });
}

/** Seconds of processor time a process has used (Linux): how far into its work it is, however busy the machine. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const leftovers = () => readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'));
/** Ended by Ctrl-C: by obs's own handler (130) or, where no output file was unfinished, by the signal's default action. */
const stopped = (r: { code: number | null; signal: NodeJS.Signals | null }) => String(r.code ?? r.signal);

describe('interrupted runs', () => {
  it('Ctrl-C while coding leaves the earlier output as it was and ends obs as the shell shows 130', async () => {
    writeFileSync(path.join(dir, 'figures.csv'), 'earlier results\n');
    const started = Date.now();
    const r = await interrupted(['code', 'corpus', '--format', 'csv', '--out', 'figures.csv'], () => Date.now() - started > 400);
    expect(['130', 'SIGINT']).toContain(stopped(r));
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readFileSync(path.join(dir, 'figures.csv'), 'utf8')).toBe('earlier results\n');
    expect(leftovers()).toEqual([]);
  });

  it('Ctrl-C while passage lines are being written removes the unfinished file, and no earlier file appears', async () => {
    rmSync(path.join(dir, 'passages.jsonl'), { force: true });
    const r = await interrupted(['code', 'corpus', '--passages', '--out', 'passages.jsonl'], () => leftovers().length > 0);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('the unfinished --out file was removed');
    expect(existsSync(path.join(dir, 'passages.jsonl'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  // Before, a handler installed for the whole run waited for the transcript's coding to end: 6 to 13 s here.
  it.each([
    ['without --out', []],
    ['with --out', ['--format', 'csv', '--out', 'huge.csv']],
    ['with --passages --out', ['--passages', '--out', 'huge.jsonl']],
  ])('Ctrl-C while one huge transcript is coded ends obs within a second, %s', async (_name, extra) => {
    writeFileSync(path.join(dir, 'huge.csv'), 'earlier results\n');
    rmSync(path.join(dir, 'huge.jsonl'), { force: true });
    // Some 0.5 s of processor time starts obs and reads the file; coding it takes several seconds more.
    const r = await interrupted(['code', 'huge.txt', ...extra], (_dir, pid) => cpuSeconds(pid) > 1.5);
    expect(['130', 'SIGINT']).toContain(stopped(r));
    // Under a second on an idle machine (0.2 to 0.3 s); the margin is for a machine busy with other tests.
    expect(r.waited).toBeLessThan(2000);
    expect(readFileSync(path.join(dir, 'huge.csv'), 'utf8')).toBe('earlier results\n');
    expect(existsSync(path.join(dir, 'huge.jsonl'))).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 30_000);

  it('Ctrl-C at any moment, writing the output included, leaves the earlier file or the new one whole, and no temporary file', async () => {
    // The uninterrupted run's length, then signals around its end, where the output is written.
    const started = Date.now();
    const whole = await interrupted(['code', 'corpus', '--format', 'csv', '--out', 'whole.csv'], undefined);
    const took = Date.now() - started;
    expect(whole.code).toBe(0);
    const complete = readFileSync(path.join(dir, 'whole.csv'), 'utf8');
    for (const share of [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.05]) {
      writeFileSync(path.join(dir, 'again.csv'), 'earlier results\n');
      const t0 = Date.now();
      const r = await interrupted(['code', 'corpus', '--format', 'csv', '--out', 'again.csv'], () => Date.now() - t0 > took * share);
      // Done (0), interrupted (130), or, at the very moment Node exits, stopped by the signal itself.
      expect(['0', '130', 'SIGINT'], `${share}`).toContain(String(r.code ?? r.signal));
      expect([complete, 'earlier results\n'], `${share}`).toContain(readFileSync(path.join(dir, 'again.csv'), 'utf8'));
      expect(leftovers(), `${share}`).toEqual([]);
    }
  }, 60_000);
});
