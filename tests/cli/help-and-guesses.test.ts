// Help that shows how (every command's examples, each run as written), an --out name that chooses the
// format, and a mistyped --by or --where field answered with the field it most likely meant.
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestNames, editDistance } from '../../src/suggest.js';
import { runObs, tempCorpus } from '../helpers/run.js';

const STACK = /\n\s+at .+[(:]\d+/;
const ROOT = path.resolve(import.meta.dirname, '../..');
const COMMANDS = ['code', 'quotes', 'matrix', 'report', 'agree', 'lint', 'speakers', 'import', 'export'];
const BIG_LOCAL = ['fixtures/big-local', '--meta', 'fixtures/big-local-meta.csv'];

const TURNS = 'Interviewer: How is the money spent?\nResident: The grant money pays for the youth club and the volunteers run it.\n';
const corpus = () => tempCorpus({ 'corpus/a.txt': TURNS, 'corpus/b.txt': TURNS });
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'));

/** The `$ obs ...` lines of a help text, split as a shell would (double quotes only: the examples use no other). */
function examples(help: string): string[][] {
  const block = help.slice(help.indexOf('\nExamples:\n'));
  return [...block.matchAll(/^ {2}\$ obs (.+)$/gm)].map((m) => [...m[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2]!));
}

describe('help', () => {
  it.each(COMMANDS)('obs %s --help ends with examples', async (command) => {
    const r = await runObs([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExamples:\n {2}# .+\n {2}\$ obs /);
    expect(r.stdout.trimEnd().endsWith('Examples:')).toBe(false);
    const found = examples(r.stdout);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.length).toBeLessThanOrEqual(3);
  });

  it('obs --help ends with examples, each one a command\'s own (so run below), and none writes ./codebook.yaml', async () => {
    const top = examples((await runObs(['--help'])).stdout);
    expect(top.length).toBeGreaterThanOrEqual(2);
    const all = (await Promise.all(COMMANDS.map(async (c) => examples((await runObs([c, '--help'])).stdout)))).flat().map((a) => a.join(' '));
    for (const args of top) expect(all).toContain(args.join(' '));
    // obs takes ./codebook.yaml in place of the built-in codebook: an example that wrote it would change every later run.
    expect(all.filter((line) => /--out codebook\.yaml/.test(line))).toEqual([]);
  });

  // Each command's examples run in order in a folder of their own that holds the repository's
  // fixtures and codebooks, so files one example writes are there for the next, as for a reader.
  it.each(COMMANDS)('every example of obs %s runs as written', { timeout: 60_000 }, async (command) => {
    const dir = tempCorpus({});
    for (const name of ['fixtures', 'codebooks']) symlinkSync(path.join(ROOT, name), path.join(dir, name));
    const found = examples((await runObs([command, '--help'])).stdout);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const args of found) {
      const r = await runObs(args, { cwd: dir });
      expect(r.code, `obs ${args.join(' ')}\n${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('--out chooses the format', () => {
  it('--out themes.csv writes CSV, not the terminal table', async () => {
    const dir = corpus();
    const r = await runObs(['code', 'corpus', '--by', 'file', '--out', 'themes.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'themes.csv'), 'utf8')).toMatch(/^file,theme,documents,passages,/);
  });

  it('follows the extension whatever its case, for every command that writes that format', async () => {
    const dir = corpus();
    const cases: Array<[string[], string, RegExp]> = [
      [['code', 'corpus', '--by', 'file'], 'themes.JSON', /^\{\n/],
      [['code', 'corpus', '--by', 'file'], 'themes.md', /^# Community power /],
      [['quotes', 'corpus', '--by', 'none'], 'quotes.csv', /^quote,role,theme,/],
      [['matrix', 'corpus', '--by', 'file'], 'matrix.json', /^\{\n/],
      [['speakers', 'corpus'], 'speakers.json', /^\{\n {2}"version": 1,/],
    ];
    for (const [args, out, start] of cases) {
      const r = await runObs([...args, '--quiet', '--out', out], { cwd: dir });
      expect(r.code, `${args[0]} --out ${out}: ${r.stderr}`).toBe(0);
      expect(readFileSync(path.join(dir, out), 'utf8'), `${args[0]} --out ${out}`).toMatch(start);
    }
    const table = await runObs(['code', 'corpus', '--by', 'file', '--out', 'themes.txt'], { cwd: dir });
    expect(table.code).toBe(0);
    expect(readFileSync(path.join(dir, 'themes.txt'), 'utf8')).toMatch(/─{3,}/);
  });

  it('writes the same bytes as --format does', async () => {
    const dir = corpus();
    await runObs(['matrix', 'corpus', '--by', 'file', '--out', 'named.md'], { cwd: dir });
    await runObs(['matrix', 'corpus', '--by', 'file', '--format', 'md', '--out', 'given.md'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'named.md'), 'utf8')).toBe(readFileSync(path.join(dir, 'given.md'), 'utf8'));
  });

  it('refuses an --out name that contradicts --format, naming both, before any work', async () => {
    const dir = corpus();
    const before = readFileSync(path.join(dir, 'corpus/a.txt'));
    const r = await runObs(['code', 'corpus', '--out', 'themes.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('obs: --out themes.csv names a CSV file, but --format json writes JSON\n  hint: leave out --format to write CSV, or name the file themes.json\n');
    expect(existsSync(path.join(dir, 'themes.csv'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(path.join(dir, 'corpus/a.txt'))).toEqual(before);
  });

  it('refuses a name saying a format the command does not write, with the names it would take', async () => {
    const dir = corpus();
    const cases: Array<[string[], RegExp]> = [
      [['matrix', 'corpus', '--out', 'm.html'], /^obs: --out m\.html names an HTML file, which obs matrix does not write\n {2}hint: obs matrix writes csv, json, md, table: name the file m\.csv or m\.json or m\.md/],
      [['speakers', 'corpus', '--out', 's.md'], /^obs: --out s\.md names a Markdown file, which obs speakers does not write\n/],
      [['report', 'corpus', '--out', 'r.csv'], /^obs: --out r\.csv names a CSV file, which obs report does not write\n {2}hint: obs report writes html: name the file r\.html\n/],
      [['code', 'corpus', '--format', 'table', '--out', 't.md'], /^obs: --out t\.md names a Markdown file, but --format table writes the terminal table\n {2}hint: leave out --format to write Markdown, or name the file t\.txt\n/],
      [['code', 'corpus', '--passages', '--out', 'p.md'], /^obs: --out p\.md names a Markdown file, which obs code --passages does not write\n {2}hint: obs code --passages writes jsonl, csv: name the file p\.jsonl or p\.csv\n/],
      [['agree', 'corpus', '--gold', 'gold.csv', '--out', 'a.md'], /^obs: --out a\.md names a Markdown file, which obs agree does not write\n/],
    ];
    for (const [args, message] of cases) {
      const r = await runObs(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(readdirSync(dir)).toEqual(['corpus']);
  });

  it('takes .jsonl as passages only with --passages', async () => {
    const dir = corpus();
    const slip = await runObs(['code', 'corpus', '--out', 'passages.jsonl'], { cwd: dir });
    expect(slip.code).toBe(2);
    expect(slip.stderr).toBe('obs: --out passages.jsonl names a JSON Lines file, which obs code writes only with --passages\n  hint: add --passages for one JSON line per passage, or name the file passages.json for the figures as JSON\n');
    expect(existsSync(path.join(dir, 'passages.jsonl'))).toBe(false);
    const ok = await runObs(['code', 'corpus', '--passages', '--out', 'passages.jsonl'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(path.join(dir, 'passages.jsonl'), 'utf8').split('\n')[0]).toMatch(/^\{"id":/);
  });
});

describe('a mistyped field is guessed', () => {
  it('--by araa: did you mean `area`?', async () => {
    const r = await runObs(['code', ...BIG_LOCAL, '--by', 'araa', '--quotes', '0'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('obs: warning: 32 of 32 documents have no `araa`; they are grouped as (unknown)\n  hint: did you mean `area`? --by area\n');
  });

  it('guesses every mistyped --by field at once, meta.NAME as meta.NAME', async () => {
    const r = await runObs(['matrix', ...BIG_LOCAL, '--by', 'araa,yaer', '--format', 'csv'], { cwd: ROOT });
    expect(r.stderr).toContain('no `yaer`; they are grouped as (unknown)\n  hint: did you mean `year`? --by area,year\n');
    const meta = await runObs(['quotes', ...BIG_LOCAL, '--by', 'meta.aera', '--limit', '1'], { cwd: ROOT });
    expect(meta.stderr).toContain('hint: did you mean `meta.area`? --by meta.area\n');
  });

  it('names no field where none is close, and none where some documents have it', async () => {
    const far = await runObs(['code', ...BIG_LOCAL, '--by', 'borough', '--quotes', '0'], { cwd: ROOT });
    expect(far.stderr).toContain('32 of 32 documents have no `borough`; they are grouped as (unknown)\n  hint: set it in front matter, --meta or --path-pattern\n');
    expect(far.stderr).not.toContain('did you mean');
    const dir = tempCorpus({ 'corpus/a.txt': `---\narea: Ramsey\n---\n${TURNS}`, 'corpus/b.txt': TURNS });
    const some = await runObs(['code', 'corpus', '--by', 'area', '--quotes', '0'], { cwd: dir });
    expect(some.stderr).toContain('1 of 2 documents have no `area`');
    expect(some.stderr).not.toContain('did you mean');
  });

  it('--where araa=...: no document has `araa`; did you mean `area`?', async () => {
    const r = await runObs(['code', ...BIG_LOCAL, '--where', 'araa=Ramsey', '--quotes', '0'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('obs: warning: no passage matches --where araa=Ramsey: no document has `araa`\n  hint: did you mean `area`?\n');
    const two = await runObs(['code', ...BIG_LOCAL, '--where', 'araa=Ramsey', '--where', 'yaer=2019', '--quotes', '0'], { cwd: ROOT });
    expect(two.stderr).toContain('no document has `araa` or `yaer`\n  hint: `araa`: did you mean `area`? `yaer`: did you mean `year`?\n');
  });

  it('--where with a field no document has and none close lists the fields there are', async () => {
    const r = await runObs(['code', ...BIG_LOCAL, '--where', 'borough=Ramsey', '--quotes', '0'], { cwd: ROOT });
    expect(r.stderr).toContain('no document has `borough`\n  hint: the fields are: file, speaker, area, ');
    const values = await runObs(['code', ...BIG_LOCAL, '--where', 'area=Nowhere', '--quotes', '0'], { cwd: ROOT });
    expect(values.stderr).toContain('obs: warning: no passage matches --where area=Nowhere\n  hint: values compare without case');
  });

  it('counts an edit as a letter added, left out, changed, or two swapped', () => {
    expect(editDistance('araa', 'area')).toBe(1);
    expect(editDistance('yaer', 'year')).toBe(1);
    expect(editDistance('participant_role', 'participantrole')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestNames('ARAA', ['area', 'year', 'date'])).toEqual(['area']);
    expect(closestNames('ab', ['xy'])).toEqual([]);
    expect(closestNames('are', ['area', 'age', 'year'])).toEqual(['area', 'age']);
  });
});
