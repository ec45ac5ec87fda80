// Field and column names are just names: JavaScript's own (`constructor`, `__proto__`), obs's own
// (`file`, `speaker`), an output column's (`theme`, `share`), or one given twice.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';
import { snapshot } from '../helpers/snapshot.js';

const STACK = /\n\s+at .+[(:]\d+/;
// The three respondents speak of money, so every file has passages under the `money` theme.
const A = 'Interviewer: What happened?\n\nAnn: We got a grant from the council.\n';
const B = 'Interviewer: And then?\n\nBob: More funding came.\n';
const C = 'Interviewer: Anything else?\n\nCat: The money ran out.\n';

function front(fields: Record<string, string>, body: string): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
}

/** Runs obs in the corpus folder and checks what every run must: no stack trace, inputs untouched, nothing left behind. */
async function run(files: Record<string, string>, args: string[], env: Record<string, string> = {}) {
  const dir = tempCorpus(files);
  const before = snapshot(dir);
  const r = await runObs(args, { cwd: dir, env });
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toContain('unexpected error');
  expect(snapshot(dir)).toEqual(before);
  expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
  return r;
}

interface JsonRow {
  theme: string;
  passages: number;
  [field: string]: string | number;
}

/** The `money` rows of `obs code --format json`, as field value -> passages. */
function moneyByGroup(stdout: string, field: string): Record<string, number> {
  const rows = (JSON.parse(stdout) as { rows: JsonRow[] }).rows.filter((r) => r.theme === 'money');
  return Object.fromEntries(rows.map((r) => [String(r[field]), r.passages]));
}

const code = (...args: string[]) => ['code', 'corpus', '--format', 'json', ...args];

describe("JavaScript's own names are field names", () => {
  for (const name of ['constructor', 'toString']) {
    it(`--by ${name} groups the file that has it, and the others as (unknown)`, async () => {
      const r = await run({ 'corpus/a.txt': front({ [name]: 'x' }, A), 'corpus/b.txt': B, 'corpus/c.txt': C }, code('--by', name));
      expect(r.code, r.stderr).toBe(0);
      // Field names are compared without case, so `toString` is the field `tostring`.
      expect(moneyByGroup(r.stdout, name.toLowerCase())).toEqual({ x: 1, '(unknown)': 2 });
      expect(r.stderr).toContain(`2 of 3 documents have no \`${name.toLowerCase()}\``);
    });
  }

  it('--by constructor with no file having it puts every file under (unknown)', async () => {
    const r = await run({ 'corpus/a.txt': A, 'corpus/b.txt': B }, code('--by', 'constructor'));
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, 'constructor')).toEqual({ '(unknown)': 2 });
  });

  it('--where __proto__=x and --where constructor=x keep no passage, with a warning', async () => {
    for (const name of ['__proto__', 'constructor']) {
      const r = await run({ 'corpus/a.txt': A, 'corpus/b.txt': B }, code('--where', `${name}=x`));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`no passage matches --where ${name}=x`);
    }
  });

  it('--by __proto__ reads a --meta column of that name, and JSON keeps it as a column', async () => {
    const r = await run(
      { 'corpus/a.txt': A, 'corpus/b.txt': B, 'corpus/c.txt': C, 'meta.csv': 'file,__proto__,constructor\na.txt,p1,c1\nb.txt,p2,c2\n' },
      code('--meta', 'meta.csv', '--by', '__proto__'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, '__proto__')).toEqual({ p1: 1, p2: 1, '(unknown)': 1 });
    const csv = await run({ 'corpus/a.txt': A, 'corpus/b.txt': B, 'meta.csv': 'file,__proto__\na.txt,p1\n' }, ['code', 'corpus', '--format', 'csv', '--meta', 'meta.csv', '--by', '__proto__']);
    expect(csv.stdout.split('\n').filter((l) => l.includes(',money,'))).toEqual(['p1,money,1,1,1,1,1,7,142.86', '(unknown),money,1,1,1,1,1,3,333.33']);
  });

  it('--where __proto__=p1 keeps the file whose --meta row says so', async () => {
    const r = await run({ 'corpus/a.txt': A, 'corpus/b.txt': B, 'meta.csv': 'file,__proto__\na.txt,p1\nb.txt,p2\n' }, code('--meta', 'meta.csv', '--where', '__proto__=P1', '--by', 'file'));
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, 'file')).toEqual({ 'a.txt': 1 });
  });

  it('--by __proto__ reads front matter of that name', async () => {
    const r = await run({ 'corpus/a.txt': front({ ['__proto__']: 'x' }, A), 'corpus/b.txt': B }, code('--by', '__proto__'));
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, '__proto__')).toEqual({ x: 1, '(unknown)': 1 });
  });

  it('--path-pattern {constructor} is a field like any other', async () => {
    const r = await run({ 'corpus/x_a.txt': A, 'corpus/y_b.txt': B }, code('--path-pattern', '{constructor}_*', '--by', 'constructor'));
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, 'constructor')).toEqual({ x: 1, y: 1 });
  });

  it('the same holds when worker threads read the files', async () => {
    const files = { 'corpus/a.txt': front({ constructor: 'x', file: 'z.txt' }, A), 'corpus/b.txt': front({ file: 'z.txt' }, B), 'corpus/c.txt': C, 'meta.csv': 'file,__proto__\nb.txt,p2\n' };
    const r = await run(files, code('--meta', 'meta.csv', '--by', 'constructor,__proto__', '--jobs', '2'), { OBS_WORKER_BYTES: '1' });
    expect(r.stderr.match(/field `file` has the name of obs's own/g)).toHaveLength(1);
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: JsonRow[] }).rows.filter((row) => row.theme === 'money');
    expect(rows.map((row) => [row.constructor, row.__proto__, row.passages])).toEqual([
      ['x', '(unknown)', 1],
      ['(unknown)', 'p2', 1],
      ['(unknown)', '(unknown)', 1],
    ]);
  });

  it('obs matrix --rows document lists a __proto__ field as a column, and quotes and passages keep it', async () => {
    const files = { 'corpus/a.txt': A, 'corpus/b.txt': B, 'meta.csv': 'file,__proto__\na.txt,p1\n' };
    const m = await run(files, ['matrix', 'corpus', '--rows', 'document', '--meta', 'meta.csv', '--format', 'json']);
    expect(m.code, m.stderr).toBe(0);
    const matrix = JSON.parse(m.stdout) as { columns: string[]; rows: Array<Record<string, unknown>> };
    expect(matrix.columns.slice(0, 2)).toEqual(['file', '__proto__']);
    expect(matrix.rows.map((row) => Object.hasOwn(row, '__proto__') && row['__proto__'])).toEqual(['p1', '']);
    const q = await run(files, ['quotes', 'corpus', '--meta', 'meta.csv', '--by', '__proto__', '--theme', 'money', '--format', 'json']);
    expect(q.code, q.stderr).toBe(0);
    const quotes = (JSON.parse(q.stdout) as { quotes: Array<{ group: Record<string, string>; meta: Record<string, string> }> }).quotes;
    expect(quotes.map((x) => [Object.hasOwn(x.group, '__proto__') && x.group['__proto__'], Object.hasOwn(x.meta, '__proto__') && x.meta['__proto__']])).toEqual([
      ['p1', 'p1'],
      ['(unknown)', false],
    ]);
    const p = await run(files, ['code', 'corpus', '--meta', 'meta.csv', '--passages']);
    const metas = p.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { meta: Record<string, string> }).meta);
    expect(metas.map((x) => Object.hasOwn(x, '__proto__') && x['__proto__'])).toEqual(['p1', false]);
  });
});

describe("obs's own fields win over metadata of the same name", () => {
  it('--by file groups by the real path; front matter `file` stays reachable as meta.file, with one warning', async () => {
    const files = { 'corpus/a.txt': front({ file: 'elsewhere.txt' }, A), 'corpus/b.txt': front({ file: 'elsewhere.txt' }, B), 'corpus/c.txt': C };
    const r = await run(files, code('--by', 'file'));
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, 'file')).toEqual({ 'a.txt': 1, 'b.txt': 1, 'c.txt': 1 });
    const warnings = r.stderr.split('\n').filter((l) => l.includes('has the name of obs'));
    expect(warnings).toEqual(["obs: warning: a.txt: field `file` has the name of obs's own `file` (the transcript's path), which --by and --where use; write `meta.file` for this field"]);
    const meta = await run(files, code('--by', 'meta.file'));
    expect(meta.code, meta.stderr).toBe(0);
    expect(moneyByGroup(meta.stdout, 'meta.file')).toEqual({ 'elsewhere.txt': 2, '(unknown)': 1 });
  });

  it('--where file= takes the real path, and --where meta.file= the field', async () => {
    const files = { 'corpus/a.txt': front({ file: 'b.txt' }, A), 'corpus/b.txt': B };
    const real = await run(files, code('--where', 'file=b.txt', '--by', 'file'));
    expect(moneyByGroup(real.stdout, 'file')).toEqual({ 'b.txt': 1 });
    const field = await run(files, code('--where', 'meta.file=b.txt', '--by', 'file'));
    expect(moneyByGroup(field.stdout, 'file')).toEqual({ 'a.txt': 1 });
  });

  it('--by speaker groups by who spoke; a --meta `speaker` column is meta.speaker, with one warning naming the table', async () => {
    const files = { 'corpus/a.txt': A, 'corpus/b.txt': B, 'meta.csv': 'file,speaker\na.txt,Zed\nb.txt,Zed\n' };
    const r = await run(files, code('--meta', 'meta.csv', '--by', 'speaker'));
    expect(r.code, r.stderr).toBe(0);
    expect(moneyByGroup(r.stdout, 'speaker')).toEqual({ Ann: 1, Bob: 1 });
    expect(r.stderr.split('\n').filter((l) => l.includes('has the name of obs'))).toEqual([
      "obs: warning: meta.csv:1: column `speaker` has the name of obs's own `speaker` (the passage's speaker), which --by and --where use; write `meta.speaker` for this column",
    ]);
    const where = await run(files, code('--meta', 'meta.csv', '--where', 'speaker=Zed'));
    expect(where.stderr).toContain('no passage matches --where speaker=Zed');
    const meta = await run(files, code('--meta', 'meta.csv', '--by', 'meta.speaker'));
    expect(moneyByGroup(meta.stdout, 'meta.speaker')).toEqual({ Zed: 2 });
  });

  it('--path-pattern {file} or {speaker} is refused: obs has those fields itself', async () => {
    for (const name of ['file', 'speaker']) {
      const r = await run({ 'corpus/a.txt': A }, code('--path-pattern', `{${name}}`));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--path-pattern: \`{${name}}\` is obs's own field`);
      expect(r.stdout).toBe('');
    }
  });
});

describe('output column names stay unique', () => {
  it('--by theme is refused with exit 2, naming the columns taken', async () => {
    const r = await run({ 'corpus/a.txt': A }, [...code('--by', 'theme'), '--out', 'out.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'obs: --by `theme`: the name of an output column (theme, documents, passages, passages_total, share, hits, words, per_1k_words, documents_total)\n  hint: for a metadata field of that name, write meta.theme in its place\n',
    );
    expect(r.stdout).toBe('');
  });

  it('--by theme,share is refused in every command; --by meta.theme,meta.share reads those fields', async () => {
    const files = { 'corpus/a.txt': front({ theme: 't1', share: 's1' }, A), 'corpus/b.txt': B };
    for (const command of ['code', 'matrix', 'quotes']) {
      const r = await run(files, [command, 'corpus', '--by', 'theme,share', '--format', 'csv']);
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain('--by `theme`, `share`: names of output columns');
      expect(r.stdout).toBe('');
    }
    const ok = await run(files, ['code', 'corpus', '--by', 'meta.theme,meta.share', '--format', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
    const lines = ok.stdout.split('\n');
    expect(lines[0]).toBe('meta.theme,meta.share,theme,documents,passages,passages_total,share,hits,words,per_1k_words');
    expect(lines.filter((l) => l.includes(',money,'))).toEqual(['t1,s1,money,1,1,1,1,1,7,142.86', '(unknown),(unknown),money,1,1,1,1,1,3,333.33']);
  });

  it('--by naming one field twice, in any case, is refused', async () => {
    const r = await run({ 'corpus/a.txt': A }, code('--by', 'area,AREA'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by names `area` twice');
  });
});

describe('--meta tables name each column once', () => {
  for (const [header, message] of [
    ['file,area,file', 'column `file` appears 2 times (columns 1, 3)'],
    ['file,area,Area', 'column `area` appears 2 times (columns 2, 3)'],
    ['File,area,year, AREA ,file', 'column `file` appears 2 times (columns 1, 5); column `area` appears 2 times (columns 2, 4)'],
  ]) {
    it(`refuses ${header}`, async () => {
      const r = await run({ 'corpus/a.txt': A, 'meta.csv': `\n${header}\na.txt,x,y,z,w\n` }, [...code('--meta', 'meta.csv'), '--out', 'out.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`obs: meta.csv:2: ${message}; headers are compared without case`);
      expect(r.stdout).toBe('');
    });
  }
});
