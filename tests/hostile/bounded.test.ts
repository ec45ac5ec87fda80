// Work bounded by the input: no step compares every entry with every other, no input nests deep
// enough to overflow the stack, and a refusal reads the same on one thread as in workers. The cases
// are big enough that a quadratic step would take minutes: the test timeout is the guard.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';
import { snapshot } from '../helpers/snapshot.js';

const STACK = /\n\s+at .+[(:]\d+/;

function clean(r: { stderr: string }, dir: string): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toContain('unexpected error');
  expect(r.stderr).not.toContain('Maximum call stack');
  expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
}

/** `depth` keys, each a mapping holding the next. */
const nestedYaml = (depth: number, indent = 1) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * indent)}k${i}:`).join('\n') + ` 1\n`;

describe('front matter', () => {
  it('reads 80,000 keys (the duplicate-key check is one pass, not every pair)', async () => {
    // A boolean makes it YAML that only the yaml package reads; the keys are some 1 MB short of the limit.
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: v`).join('\n');
    const dir = tempCorpus({ 'c/a.txt': `---\narea: Ramsey\nflag: true\n${keys}\n---\nAnn: we got a grant from the council\n\nBob: more money\n` });
    const before = snapshot(dir);
    const r = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^area,year,theme/);
    expect(r.stdout).toContain('\nRamsey,');
    clean(r, dir);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('still names a key written twice, with its line', async () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: v`).join('\n');
    const dir = tempCorpus({ 'c/a.txt': `---\nflag: true\n${keys}\nk17: again\n---\nAnn: a grant\n`, 'c/b.txt': 'Ann: a grant\n' });
    const r = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('a.txt:30003:1: front matter is not valid YAML: `k17` appears twice in one mapping; skipped');
    clean(r, dir);
  }, 60_000);

  it('refuses front matter past 1,000,000 characters, naming the limit', async () => {
    const dir = tempCorpus({ 'c/a.txt': `---\n${'note: words words words\n'.repeat(50_000)}---\nAnn: a grant\n`, 'c/b.txt': 'Ann: a grant\n' });
    const r = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('a.txt:1:1: front matter has no closing `---` line within 1,000,000 characters, the most front matter may hold; skipped');
    clean(r, dir);
  }, 60_000);

  it('refuses more than 100 aliases, which the yaml package would each search the whole front matter for', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `x${i}: &x${i} v\na${i}: &a${i} [*x${i}]\nu${i}: *a${i}`).join('\n');
    const dir = tempCorpus({ 'c/a.txt': `---\n${lines}\n---\nAnn: a grant\n`, 'c/b.txt': 'Ann: a grant\n' });
    const r = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('a.txt:153:12: front matter has more than 100 YAML aliases (`*name`); skipped');
    clean(r, dir);
  }, 60_000);

  it('refuses nesting past 32 levels with the line, the same on one thread and in workers', async () => {
    const dir = tempCorpus({
      'c/a.txt': `---\n${nestedYaml(1200)}---\nAnn: we got a grant from the council\n`,
      'c/b.txt': 'Ann: more money for the grant\n\nBob: and the hall\n',
      'c/c.txt': `---\ntags: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nAnn: a grant\n`,
    });
    const before = snapshot(dir);
    const one = await runObs(['code', 'c', '--format', 'csv', '--jobs', '1'], { cwd: dir });
    // A worker for every byte: each file is read in a worker thread, whose stack is not the main thread's.
    const workers = await runObs(['code', 'c', '--format', 'csv', '--jobs', '2'], { cwd: dir, env: { OBS_WORKER_BYTES: '1' } });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('a.txt:34:33: front matter nests lists or mappings more than 32 levels deep; skipped');
    expect(one.stderr).toContain('c.txt:2:38: front matter nests lists or mappings more than 32 levels deep; skipped');
    expect(one.stdout).toMatch(/^area,year,theme/);
    expect(workers.stdout).toBe(one.stdout);
    expect(workers.stderr).toBe(one.stderr);
    expect(workers.code).toBe(one.code);
    clean(one, dir);
    clean(workers, dir);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('reads 32 levels', async () => {
    const dir = tempCorpus({ 'c/a.txt': `---\narea: Ramsey\n${nestedYaml(31)}---\nAnn: a grant\n` });
    const r = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('levels deep');
    expect(r.stdout).toContain('\nRamsey,');
  });
});

const word = (i: number) => `w${i.toString(36)}x`;

describe('obs import', () => {
  // 60,000 words: a check of each against every other took over a minute.
  const N = 60_000;
  const dictionaries: Record<string, () => string> = {
    'words.lc3': () => `+care\n${Array.from({ length: N }, (_, i) => word(i)).join('\n')}\n`,
    'words.dic': () => `%\n1\tcare\n2\tharm\n%\n${Array.from({ length: N }, (_, i) => `${word(i)}\t${i % 3 === 0 ? '1 2' : i % 2 ? '1' : '2'}`).join('\n')}\n`,
    'words.cat': () => `CARE\n${Array.from({ length: N }, (_, i) => `\t${word(i).toUpperCase()} (1)`).join('\n')}\n`,
    'words.yml': () => `care:\n${Array.from({ length: N }, (_, i) => `  - ${word(i)}`).join('\n')}\n`,
    'words.ykd': () => `<?xml version="1.0"?>\n<dictionary>\n<cnode name="care">\n${Array.from({ length: N }, (_, i) => `<pnode name="${word(i)}"/>`).join('\n')}\n</cnode>\n<cnode name="harm"><pnode name="harm"/></cnode>\n</dictionary>\n`,
  };
  it.each(Object.keys(dictionaries))('imports %s of 60,000 words', async (name) => {
    const dir = tempCorpus({ [name]: dictionaries[name]!() });
    const before = snapshot(dir);
    const r = await runObs(['import', name, '--out', 'codebook.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`imported \\d themes? and (60000|60001|80000) keywords from ${name.replace('.', '\\.')}`));
    clean(r, dir);
    const after = snapshot(dir);
    expect(after.get('codebook.yaml')).toBeDefined();
    after.delete('codebook.yaml');
    expect(after).toEqual(before);
  }, 60_000);

  it('imports 40,000 categories of one name, each given its own id', async () => {
    const dir = tempCorpus({ 'same.lc3': Array.from({ length: 40_000 }, (_, i) => `+Care\n${word(i)}`).join('\n') });
    const r = await runObs(['import', 'same.lc3'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('id: care-40000\n');
    clean(r, dir);
  }, 60_000);

  it('imports a word listed in 40,000 categories, once under allow_shared', async () => {
    const dir = tempCorpus({ 'wide.dic': `%\n${Array.from({ length: 40_000 }, (_, i) => `${i + 1}\tc${i}`).join('\n')}\n%\nmoney\t${Array.from({ length: 40_000 }, (_, i) => i + 1).join(' ')}\n` });
    const r = await runObs(['import', 'wide.dic'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/allow_shared:\n\s+- money\n/);
    clean(r, dir);
  }, 60_000);

  const DEPTH = 10_000;
  const deep: Record<string, { text: () => string; message: RegExp }> = {
    'deep.ykd': {
      text: () => `<?xml version="1.0"?>\n<dictionary>\n${'<cnode name="c">'.repeat(DEPTH)}<pnode name="word"/>${'</cnode>'.repeat(DEPTH)}\n<cnode name="other"/>\n</dictionary>\n`,
      message: /^obs: deep\.ykd:3: categories nest more than 12 levels deep \(here at "c"\), the most an obs codebook holds\n/,
    },
    'deep.cat': {
      text: () => Array.from({ length: DEPTH }, (_, i) => `${'\t'.repeat(i)}CAT${i}`).join('\n') + `\n${'\t'.repeat(DEPTH)}WORD (1)\n`,
      message: /^obs: deep\.cat:13: categories nest more than 12 levels deep \(here at "CAT12"\)/,
    },
    'deep.dic': {
      text: () => `%\n${Array.from({ length: DEPTH }, (_, i) => `${'\t'.repeat(i)}${i + 1}\tc${i}`).join('\n')}\n%\nword\t${DEPTH}\n`,
      message: /^obs: deep\.dic:14: categories nest more than 12 levels deep \(here at "c12"\)/,
    },
    'deep.yml': {
      text: () => nestedYaml(DEPTH),
      message: /^obs: deep\.yml:17:17: nests mappings or lists more than 16 levels deep; categories may nest 12 levels, the most an obs codebook holds\n/,
    },
    'flow.yml': {
      text: () => `care: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
      message: /^obs: flow\.yml:1:22: nests mappings or lists more than 16 levels deep/,
    },
    'deep.qdc': {
      text: () =>
        `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x">\n<Codes>\n${'<Code name="c" isCodable="true">\n'.repeat(DEPTH)}${'</Code>'.repeat(DEPTH)}\n</Codes>\n</CodeBook>\n`,
      message: /^obs: deep\.qdc:16: codes nest more than 12 levels deep \(here at "c"\), the most an obs codebook holds\n/,
    },
  };
  it.each(Object.keys(deep))('refuses %s nested 10,000 levels, naming the limit', async (name) => {
    const dir = tempCorpus({ [name]: deep[name]!.text() });
    const before = snapshot(dir);
    const r = await runObs(['import', name, '--out', 'codebook.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(deep[name]!.message);
    expect(r.stdout).toBe('');
    clean(r, dir);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('refuses a FIFO or a device at once, without reading it', async () => {
    const dir = tempCorpus({});
    execFileSync('mkfifo', [path.join(dir, 'pipe.dic')]);
    execFileSync('mknod', [path.join(dir, 'zero.dic'), 'c', '1', '5']);
    for (const [name, kind] of [['pipe.dic', 'a named pipe (FIFO)'], ['zero.dic', 'a character device']]) {
      const r = await runObs(['import', name!], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`obs: ${name}: is ${kind}, not a regular file`);
      clean(r, dir);
    }
  }, 20_000);

  it('imports 12 levels of categories, the most a codebook holds', async () => {
    const dir = tempCorpus({ 'twelve.cat': Array.from({ length: 12 }, (_, i) => `${'\t'.repeat(i)}CAT${i}`).join('\n') + `\n${'\t'.repeat(12)}WORD (1)\n` });
    const r = await runObs(['import', 'twelve.cat'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('imported 12 themes and 1 keyword');
  });

  it('refuses a YAML dictionary whose aliases repeat more than 200,000 entries', async () => {
    // Each level a mapping of ten categories, each the level below: a million categories from seven lines.
    const levels = Array.from({ length: 6 }, (_, i) => `l${i + 1}: &l${i + 1} {${Array.from({ length: 10 }, (_, k) => `c${k}: *l${i}`).join(', ')}}`);
    const dir = tempCorpus({ 'bomb.yml': `l0: &l0 {w: [word]}\n${levels.join('\n')}\n` });
    const r = await runObs(['import', 'bomb.yml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('bomb.yml: YAML aliases repeat more than 200,000 entries');
    clean(r, dir);
  }, 60_000);
});
