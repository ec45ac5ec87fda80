// Worker threads: the same bytes whatever --jobs is, for every command and format, warnings included.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedCorpus } from '../helpers/generate.js';
import { runObs, tempCorpus } from '../helpers/run.js';

// obs codes a corpus under 32 MB per worker on one thread; OBS_WORKER_BYTES makes it start workers for this one.
const WORKERS = { OBS_WORKER_BYTES: '1000' };
// Files that warn, among ordinary ones.
const files: Record<string, string | Buffer> = generatedCorpus(7, 120);
files['zz/bad.txt'] = Buffer.from([0x00, 0x01, 0x02, 0x03]);
files['zz/lost.txt'] = 'Ann: Hi.\n\nInterviewer: Hello?\njo: a line that looks labelled.\n\nAnn: Yes, a grant.\n\nAnn: And money.\n';
files['zz/empty.txt'] = 'Interviewer: Is anyone there?\n';
const corpus = tempCorpus(files);

const RUNS: string[][] = [
  ['code', '--format', 'csv'],
  ['code', '--format', 'json'],
  ['code', '--format', 'table'],
  ['code', '--passages'],
  ['matrix', '--rows', 'document'],
  ['matrix', '--cooccur', '--where', 'year=2019..'],
  ['quotes', '--context', '1', '--format', 'md'],
];

describe('--jobs', () => {
  it.each(RUNS.map((r) => [r]))('obs %j: one thread and several give the same bytes and warnings', async ([command, ...args]) => {
    const one = await runObs([command!, corpus, ...args, '--jobs', '1']);
    const many = await runObs([command!, corpus, ...args, '--jobs', '4'], { env: WORKERS });
    expect(one.code).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(100);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    expect(one.stderr).toContain('zz/bad.txt: looks like a binary file');
    expect(one.stderr).toContain('zz/empty.txt: has no respondent text to code');
    if (command === 'code') expect(one.stderr).toContain('zz/lost.txt:4: `jo:` looks like a speaker label');
  });

  it('stops at the same file with --strict, with nothing written', async () => {
    const dir = tempCorpus({ ...generatedCorpus(8, 60), 'm/mid.txt': Buffer.concat([Buffer.from('Ann: a grant '), Buffer.from([0xff]), Buffer.from(' here.\n')]) });
    const out = path.join(tempCorpus({}), 'out.csv');
    writeFileSync(out, 'old');
    const one = await runObs(['code', dir, '--strict', '--jobs', '1', '--format', 'csv', '--out', out]);
    const many = await runObs(['code', dir, '--strict', '--jobs', '3', '--format', 'csv', '--out', out], { env: WORKERS });
    expect(one.code).toBe(2);
    expect(many.code).toBe(2);
    expect(many.stderr).toBe(one.stderr);
    expect(one.stderr).toContain('m/mid.txt: invalid UTF-8 at byte 13');
    expect(readFileSync(out, 'utf8')).toBe('old');
  });
});
