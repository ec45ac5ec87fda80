// obs agree leaves out a human code it cannot place on a passage, and reads only regular files; a
// codebook is refused for what it cannot hold (too many alias repeats, a keyword over two lines),
// with one clear message, and is read whatever its honest size.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';
import { snapshot } from '../helpers/snapshot.js';

const STACK = /\n\s+at .+[(:]\d+/;

const CODEBOOK = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant]\n  - id: meet\n    label: Meetings\n    keywords: [met]\n';
// Seven lines: an interviewer's question, then respondent turns at 3, 5 and 7, blank lines between.
// obs codes money at 3 and 7.
const TRANSCRIPT = 'Interviewer: Tell me about the grant.\n\nAnn: We got a grant from the council.\n\nAnn: We met on Tuesdays.\n\nAnn: The grant paid for the hall.\n';

type Row = Record<string, string | number | null>;

async function agree(files: Record<string, string>, extra: string[] = [], env: Record<string, string> = {}) {
  const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': TRANSCRIPT, ...files });
  const before = snapshot(dir);
  const r = await runObs(['agree', '--gold', 'gold.csv', 'corpus', '--format', 'json', ...extra], { cwd: dir, env });
  expect(r.stderr).not.toMatch(STACK);
  expect(snapshot(dir)).toEqual(before);
  const rows = r.code === 0 ? (JSON.parse(r.stdout).rows as Row[]) : [];
  const money = rows.find((x) => x.coder_a === 'obs' && x.theme === 'money');
  return { ...r, rows, money };
}

const counts = (row: Row | undefined) => row && { documents: row.documents, passages: row.passages, passages_coded: row.passages_coded, both: row.both, a_only: row.a_only, b_only: row.b_only, neither: row.neither };

describe('obs agree: a human code on a line no passage holds', () => {
  // The human codes money at 3 and 5: both 1 (3), obs only 1 (7), human only 1 (5), over 3 passages, all coded by either.
  const BASE = 'file,line,theme\na.txt,3,money\na.txt,5,money\n';
  const BASE_COUNTS = { documents: 1, passages: 3, passages_coded: 3, both: 1, a_only: 1, b_only: 1, neither: 0 };

  it('counts the hand-worked figures without any stray row', async () => {
    const r = await agree({ 'gold.csv': BASE });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(counts(r.money)).toEqual(BASE_COUNTS);
  });

  it('leaves out a row past the end of the file, with a warning naming the gold line', async () => {
    const r = await agree({ 'gold.csv': `${BASE}a.txt,100,money\n` });
    expect(r.code).toBe(0);
    expect(counts(r.money)).toEqual(BASE_COUNTS);
    expect(r.stderr).toContain("obs: warning: gold.csv:4: a.txt:100 is past the end of the file's text, which ends at line 7; this code is left out");
    expect(r.stderr).toContain('hint: use the first line of the passage');
  });

  it('says and counts the same when worker threads code the transcripts', async () => {
    const files = { 'corpus/b.txt': TRANSCRIPT, 'gold.csv': `${BASE}a.txt,100,money\nb.txt,3,money\nb.txt,6,money\n` };
    const one = await agree(files, ['--jobs', '1']);
    const two = await agree(files, ['--jobs', '2'], { OBS_WORKER_BYTES: '1' });
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr).toContain('gold.csv:4: a.txt:100 is past the end');
    expect(two.stderr).toContain('gold.csv:6: b.txt:6 is on no passage');
  });

  it('places a code on a later line of a multi-line turn alike on one thread and on workers', async () => {
    // Ann's second turn runs over lines 5 and 6: a code on 6 is on that passage, however it was coded.
    const files = { 'corpus/a.txt': 'Interviewer: Tell me about the grant.\n\nAnn: We got a grant from the council.\n\nAnn: We met on Tuesdays\nand the grant paid for the hall.\n', 'gold.csv': 'file,line,theme\na.txt,6,money\n' };
    const one = await agree(files, ['--jobs', '1']);
    const two = await agree(files, ['--jobs', '2'], { OBS_WORKER_BYTES: '1' });
    expect(one.stderr).toBe('');
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(counts(two.money)).toEqual({ documents: 1, passages: 2, passages_coded: 2, both: 1, a_only: 1, b_only: 0, neither: 0 });
  });

  it('leaves out a row on a blank line between passages', async () => {
    // The human codes 5 and 7; line 4 is the blank line after obs's money passage at 3.
    const r = await agree({ 'gold.csv': 'file,line,theme\na.txt,5,money\na.txt,7,money\na.txt,4,money\n' });
    expect(r.code).toBe(0);
    expect(counts(r.money)).toEqual({ documents: 1, passages: 3, passages_coded: 3, both: 1, a_only: 1, b_only: 1, neither: 0 });
    expect(r.stderr).toContain('obs: warning: gold.csv:4: a.txt:4 is on no passage: a blank line, or one not read as text; this code is left out');
  });

  it("leaves out a row on the interviewer's line and one in front matter", async () => {
    const r = await agree({ 'gold.csv': `${BASE}a.txt,1,money\n` });
    expect(counts(r.money)).toEqual(BASE_COUNTS);
    expect(r.stderr).toContain('gold.csv:4: a.txt:1 is not in a respondent passage; this code is left out');

    const front = await agree({ 'corpus/a.txt': `---\narea: Ramsey\n---\n${TRANSCRIPT}`, 'gold.csv': 'file,line,theme\na.txt,6,money\na.txt,8,money\na.txt,2,money\n' });
    expect(front.code).toBe(0);
    expect(counts(front.money)).toEqual(BASE_COUNTS);
    expect(front.stderr).toContain('gold.csv:4: a.txt:2 is before the first passage, at line 4; this code is left out');
  });

  it('still places a row on a later line of a passage that spans lines', async () => {
    const r = await agree({ 'corpus/a.txt': 'Ann: We got a grant\nfrom the council.\n\nBob: We met.\n', 'gold.csv': 'file,line,theme\na.txt,2,money\n' });
    expect(r.stderr).toBe('');
    expect(counts(r.money)).toMatchObject({ both: 1, a_only: 0, b_only: 0, neither: 1 });
  });

  it('does not count a file whose every row is left out', async () => {
    const r = await agree({ 'corpus/b.txt': 'Ann: A grant.\n', 'gold.csv': `${BASE}b.txt,9,money\n` });
    expect(r.code).toBe(0);
    expect(counts(r.money)).toEqual(BASE_COUNTS);
    expect(r.stderr).toContain('gold.csv:4: b.txt:9 is past the end');
  });

  it('stops when no row at all can be placed', async () => {
    const r = await agree({ 'gold.csv': 'file,line,theme\na.txt,100,money\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('obs: gold.csv: none of its codes is on a respondent passage');
  });
});

describe('obs agree: the gold file is a regular file of at most 64 MB', () => {
  it('refuses a FIFO at once, a folder, and a file over the limit, touching nothing', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': TRANSCRIPT, 'big.csv': 'file,line,theme\n', 'folder.csv/x': '' });
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    truncateSync(path.join(dir, 'big.csv'), 64 * 2 ** 20 + 1);
    const cases: Array<[string, RegExp]> = [
      ['pipe.csv', /^obs: pipe\.csv: is a named pipe \(FIFO\), not a regular file\n/],
      ['folder.csv', /^obs: folder\.csv: is a folder, not a regular file\n {2}hint: give --gold the CSV of human coding/],
      ['big.csv', /^obs: big\.csv: is 64\.0 MB, over the 64 MB obs reads from such a file\n/],
      ['none.csv', /^obs: none\.csv: no such file\n/],
    ];
    for (const [gold, message] of cases) {
      const started = Date.now();
      const r = await runObs(['agree', '--gold', gold, 'corpus', '--out', 'out.csv'], { cwd: dir });
      expect(r.code, gold).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(existsSync(path.join(dir, 'out.csv'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
    }
  });
});

describe('codebooks: read as regular files of at most 16 MB', () => {
  it('refuses a FIFO, a file over the limit, and names a missing codebook as before', async () => {
    const dir = tempCorpus({ 'corpus/a.txt': TRANSCRIPT, 'big.yaml': CODEBOOK });
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    truncateSync(path.join(dir, 'big.yaml'), 16 * 2 ** 20 + 1);
    const cases: Array<[string, RegExp]> = [
      ['pipe.yaml', /^obs: pipe\.yaml: is a named pipe \(FIFO\), not a regular file\n/],
      ['big.yaml', /^obs: big\.yaml: is 16\.0 MB, over the 16 MB obs reads from such a file\n/],
      ['none.yaml', /^obs: none\.yaml: codebook not found\n {2}hint: give --codebook the path of a YAML codebook/],
      ['corpus', /^obs: corpus: is a folder, not a regular file\n {2}hint: give --codebook the path of a YAML codebook/],
    ];
    for (const [codebook, message] of cases) {
      const r = await runObs(['code', 'corpus', '--codebook', codebook, '--out', 'out.csv'], { cwd: dir });
      expect(r.code, codebook).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(path.join(dir, 'out.csv'))).toBe(false);
    }
  });
});

describe('codebooks: the alias limit counts what aliases repeat, and nothing else', () => {
  it('reads a codebook of 100,001 keywords written out', async () => {
    const keywords = Array.from({ length: 100_001 }, (_, i) => `      - word${i}\n`).join('');
    const dir = tempCorpus({ 'codebook.yaml': `name: big\nthemes:\n  - id: money\n    label: Money\n    keywords:\n      - grant\n${keywords}`, 'corpus/a.txt': TRANSCRIPT });
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml', '--format', 'csv', '--totals'], { cwd: dir });
    expect(r.stderr).not.toContain('codebook.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\(all\),\(all\),money,1,2,/m);
  }, 120_000);

  it('stops an alias bomb through nested themes with one message naming the place', async () => {
    const layers = Array.from({ length: 7 }, (_, i) => `  - &t${i + 1}\n    id: t${i + 1}\n    label: T\n    keywords: [x]\n    themes: [${Array(10).fill(`*t${i}`).join(', ')}]\n`).join('');
    const dir = tempCorpus({ 'codebook.yaml': `name: bomb\nthemes:\n  - &t0\n    id: t0\n    label: T\n    keywords: [a, b, c, d, e, f, g, h, i, j]\n${layers}`, 'corpus/a.txt': TRANSCRIPT });
    const started = Date.now();
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^obs: codebook\.yaml:\d+:\d+: YAML aliases expand the codebook by more than 100,000 entries\n {2}hint: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(STACK);
  }, 30_000);

  it('reads 50,000 uses of one anchor in a few seconds, each found without searching the whole file', async () => {
    const dir = tempCorpus({ 'codebook.yaml': `name: many\nthemes:\n  - id: money\n    label: Money\n    keywords: [&k grant, ${Array(50_000).fill('*k').join(', ')}]\n`, 'corpus/a.txt': TRANSCRIPT });
    const started = Date.now();
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml', '--format', 'csv', '--totals'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\(all\),\(all\),money,1,2,/m);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('stops many uses of one long list, with one message', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(', ');
    const uses = Array.from({ length: 120 }, (_, i) => `  - id: u${i}\n    label: U\n    keywords: [grant]\n    exclude: *list\n`).join('');
    const dir = tempCorpus({ 'codebook.yaml': `name: many\nignore: &list [${list}]\nthemes:\n${uses}`, 'corpus/a.txt': TRANSCRIPT });
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^obs: codebook\.yaml:\d+:\d+: YAML aliases expand the codebook by more than 100,000 entries\n {2}hint: [^\n]+\n$/);
  }, 30_000);
});

describe('codebooks: a keyword is one line', () => {
  const BLOCK = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords:\n      - grant\n      - |\n        small\n        grant\n';
  const QUOTED = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant, "small\\ngrant"]\n';

  it('refuses a block scalar and a quoted line break, naming the line, in obs code and obs export', async () => {
    for (const [yaml, line] of [[BLOCK, 7], [QUOTED, 5]] as const) {
      const dir = tempCorpus({ 'codebook.yaml': yaml, 'corpus/a.txt': TRANSCRIPT });
      const before = readFileSync(path.join(dir, 'codebook.yaml'));
      for (const args of [['code', 'corpus', '--codebook', 'codebook.yaml', '--out', 'out.csv'], ['export', '--to', 'qdc', 'codebook.yaml', '--out', 'out.qdc']]) {
        const r = await runObs(args, { cwd: dir });
        expect(r.code, args[0]).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`^obs: codebook\\.yaml:${line}:\\d+: keywords entry "small\\\\ngrant" holds a line break\\n {2}hint: a keyword is one line`));
        expect(r.stderr).not.toMatch(STACK);
      }
      expect(readFileSync(path.join(dir, 'codebook.yaml'))).toEqual(before);
      expect(readdirSync(dir).filter((f) => f.startsWith('out') || f.startsWith('.obs-tmp'))).toEqual([]);
    }
  });

  it('obs lint reports it with the same message and line', async () => {
    const dir = tempCorpus({ 'codebook.yaml': BLOCK });
    const r = await runObs(['lint', 'codebook.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string; line: number }> }>;
    // Every other check runs on what could be read: the theme's missing description is reported too.
    expect(result!.messages.filter((m) => m.ruleId === 'schema')).toEqual([expect.objectContaining({ message: 'keywords entry "small\\ngrant" holds a line break', line: 7 })]);
  });

  it('still reads a one-line block scalar and a folded one', async () => {
    const yaml = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords:\n      - |\n        grant\n      - >\n        the\n        council\n';
    const dir = tempCorpus({ 'codebook.yaml': yaml, 'corpus/a.txt': TRANSCRIPT });
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml', '--format', 'csv', '--totals'], { cwd: dir });
    expect(r.stderr).not.toContain('codebook.yaml');
    expect(r.stdout).toMatch(/^\(all\),\(all\),money,1,2,/m);
  });
});

describe('codebooks: bounded work on any YAML', () => {
  it('refuses YAML nested thousands of levels with the limit and the place, never a stack overflow', async () => {
    const yaml = `name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant]\n    note: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const dir = tempCorpus({ 'codebook.yaml': yaml, 'corpus/a.txt': TRANSCRIPT });
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^obs: codebook\.yaml:6:\d+: nests lists or mappings more than 256 levels deep\n/);
    expect(r.stderr).not.toMatch(/stack size|unexpected error/);
    const lint = await runObs(['lint', 'codebook.yaml', '--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('more than 256 levels deep');
  });

  it('finds a key written twice among 100,000 in one pass, with its line', async () => {
    // Compared pair by pair, 100,000 keys take minutes; the vitest timeout is the guard.
    const keys = Array.from({ length: 100_000 }, (_, i) => `      k${i}: v`);
    keys.push('      k5: again');
    const yaml = `name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant]\n    note:\n${keys.join('\n')}\n`;
    const dir = tempCorpus({ 'codebook.yaml': yaml, 'corpus/a.txt': TRANSCRIPT });
    const r = await runObs(['code', 'corpus', '--codebook', 'codebook.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`codebook.yaml:${7 + 100_000}:7: YAML: \`k5\` appears twice in one mapping`);
  }, 60_000);
});
