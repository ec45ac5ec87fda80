// Ctrl-C during a run: the earlier --out file stays as it was (or there is none), no half file, exit 130.
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

function interrupted(args: string[], when: (outDir: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    const poll = setInterval(() => {
      if (when(dir) || Date.now() - started > 5000) {
        clearInterval(poll);
        child.kill('SIGINT');
      }
    }, 20);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

const leftovers = () => readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'));

describe('interrupted runs', () => {
  it('Ctrl-C while coding leaves the earlier output as it was and exits 130', async () => {
    writeFileSync(path.join(dir, 'figures.csv'), 'earlier results\n');
    const started = Date.now();
    const r = await interrupted(['code', 'corpus', '--format', 'csv', '--out', 'figures.csv'], () => Date.now() - started > 400);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('obs: interrupted');
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

  it('Ctrl-C at any moment, writing the output included, leaves the earlier file or the new one whole, and no temporary file', async () => {
    // The uninterrupted run's length, then signals around its end, where the output is written.
    const started = Date.now();
    const whole = await interrupted(['code', 'corpus', '--format', 'csv', '--out', 'whole.csv'], () => false);
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
