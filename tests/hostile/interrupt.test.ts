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
});
