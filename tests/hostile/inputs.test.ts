// Every hostile input gets a clear answer: the right exit code, a message naming the file (and line),
// no stack trace, no partial output, and every input file exactly as it was.
import { existsSync, readdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/load.js';
import type { Problem } from '../../src/errors.js';
import { runObs, tempCorpus } from '../helpers/run.js';
import { hostileCases } from './make-inputs.js';
import { snapshot } from '../helpers/snapshot.js';

const STACK = /\n\s+at .+[(:]\d+/;
const cases = hostileCases();
const tried: string[] = [];

describe('hostile inputs', () => {
  it.each(cases.map((c) => [c.name, c]))('%s', async (name, c) => {
    const dir = tempCorpus(c.files);
    const before = snapshot(dir, (f) => f === 'out.csv');
    const r = await runObs(c.args, { cwd: dir });
    tried.push(name);
    expect(r.code, r.stderr).toBe(c.expect.code);
    for (const message of c.expect.stderr) expect(r.stderr).toMatch(message);
    if (c.expect.stderr.length === 0) expect(r.stderr).toBe('');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('unexpected error');
    expect(snapshot(dir, (f) => f === 'out.csv')).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
    const out = path.join(dir, 'out.csv');
    if (c.expect.output === true) expect(readFileSync(out, 'utf8')).toMatch(/^file,theme,documents,passages/);
    if (c.expect.output === false) expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('reads the text of every encoding and line ending, and codes it', async () => {
    for (const c of cases.filter((x) => /UTF-16|line endings|10,000 turns|quoted fields/.test(x.name))) {
      const dir = tempCorpus(c.files);
      const lines = (await runObs(['code', 'corpus', '--passages'], { cwd: dir })).stdout.trim().split('\n').map((l) => JSON.parse(l));
      tried.push(`${c.name} (coded)`);
      expect(lines.some((p: { themes: Record<string, number> }) => 'resources' in p.themes || 'relationships' in p.themes), c.name).toBe(true);
      if (c.name.includes('10,000')) expect(lines).toHaveLength(5000);
      if (c.name.includes('line endings')) expect(lines.map((p: { line: number; speaker: string }) => `${p.line} ${p.speaker}`)).toEqual(['3 Ann', '4 Bob', '6 Ann', '7 Bob']);
      if (c.name.includes('UTF-16')) expect(lines.map((p: { text: string }) => p.text)).toEqual(['We got a grant from the council.', 'More funding.']);
      if (c.name.includes('quoted fields')) expect(lines.map((p: { line: number }) => p.line)).toEqual([2, 4]);
    }
  });

  it('skips a folder that links back to itself, once, and reads the rest', async () => {
    const dir = tempCorpus({ 'corpus/a.txt': 'Ann: a grant\n\nAnn: money\n' });
    symlinkSync('.', path.join(dir, 'corpus', 'loop'));
    const r = await runObs(['code', 'corpus', '--format', 'csv'], { cwd: dir });
    tried.push('a folder with a symlink loop');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('loop: links back to a folder already read; skipped');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('skips a file that disappears between finding and reading it, with a warning', async () => {
    const dir = tempCorpus({ 'corpus/a.txt': 'Ann: a grant\n', 'corpus/b.txt': 'Ann: money\n' });
    const warnings: Problem[] = [];
    const corpus = await openCorpus({ paths: ['corpus'], cwd: dir, readStdin: async () => Buffer.alloc(0), warn: (p) => warnings.push(p) });
    unlinkSync(path.join(dir, 'corpus', 'a.txt'));
    const read: string[] = [];
    for await (const t of corpus.transcripts()) read.push(t.file);
    tried.push('a file that disappears during the run');
    expect(read).toEqual(['b.txt']);
    expect(warnings).toEqual([{ file: 'a.txt', message: 'not found; skipped', hint: 'check the path' }]);
    expect(corpus.skipped).toBe(1);
  });

  it('tried every hostile input', () => {
    // Each case above, the encodings coded again, the symlink loop and the vanishing file.
    expect(tried).toHaveLength(cases.length + 7 + 2);
    expect(new Set(tried).size).toBe(tried.length);
  });
});
