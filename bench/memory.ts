// Peak memory of `obs code FILE --format csv` on one large transcript, against the file's size: a
// plain text transcript of `Name: text` lines, and CSV transcripts of a million rows. The files are
// made afresh in the system's temporary folder and removed afterwards.
//
//   npm run build && npx tsx bench/memory.ts [--text 16,32,64] [--csv 38,64]   (sizes in MB)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const WORDS = 'we got a grant from the council and the money paid for the new hall so people could meet there every week'.split(' ');

function sizes(name: string, fallback: string): number[] {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1]! : fallback).split(',').filter(Boolean).map(Number);
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Lines from `make` written until the file holds `bytes`. */
function writeLines(file: string, bytes: number, make: (i: number) => string, header = ''): void {
  const fd = openSync(file, 'w');
  let size = header.length;
  let chunk = [header];
  for (let i = 0; size < bytes; i++) {
    const line = make(i);
    chunk.push(line);
    size += line.length;
    if (chunk.length >= 10_000) {
      writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  writeSync(fd, chunk.join(''));
  closeSync(fd);
}

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
}

/** Peak resident memory in bytes, by GNU time's %M (kilobytes). */
function peak(file: string): { rss: number; seconds: number; code: number | null } {
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(ROOT, 'bin', 'obs.js'), 'code', file, '--format', 'csv', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = Number(/(\d+)\s*$/.exec(r.stderr)?.[1]);
  return { rss: kb * 1024, seconds: (Date.now() - started) / 1000, code: r.status };
}

const dir = mkdtempSync(path.join(tmpdir(), 'obs-memory-'));
try {
  const rows: string[] = [];
  for (const mb of sizes('text', '16,32,64')) {
    const file = path.join(dir, `text-${mb}.txt`);
    const next = random(mb);
    // Just under the size: the limit for a text transcript is 64 MB.
    writeLines(file, mb * 2 ** 20 - 4096, (i) => `${i % 2 ? 'Ann' : 'Bob'}: ${sentence(next, 8 + Math.floor(next() * 20))}\n`);
    rows.push(report(`text ${mb} MB`, file));
  }
  for (const mb of sizes('csv', '38,64')) {
    const file = path.join(dir, `rows-${mb}.csv`);
    const next = random(mb);
    // A million rows whatever the size: the text of each row grows with it.
    const width = Math.max(8, Math.round((mb * 2 ** 20 - 4096) / 1_000_000) - 20);
    writeLines(file, mb * 2 ** 20 - 4096, (i) => `${i % 2 ? 'Ann' : 'Bob'},00:${String(i % 60).padStart(2, '0')}:00,${sentence(next, 40).slice(0, width)}\n`, 'speaker,start,text\n');
    rows.push(report(`CSV ${mb} MB`, file));
  }
  console.log(['file | size | peak RSS | peak / size | time', '--- | --- | --- | --- | ---', ...rows].join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function report(name: string, file: string): string {
  const size = statSync(file).size;
  const { rss, seconds, code } = peak(file);
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  return `${name}${code === 0 ? '' : ` (exit ${code})`} | ${mb(size)} | ${mb(rss)} | ${(rss / size).toFixed(1)}x | ${seconds.toFixed(1)} s`;
}
