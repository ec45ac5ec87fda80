// LIWC .dic both ways, and the rules every dictionary reader shares: wildcards, line endings, what is skipped and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODEBOOK } from '../../src/codebook/load.js';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { flattenThemes, type Codebook } from '../../src/codebook/types.js';
import { hitsFor } from '../helpers/code.js';
import { runObs } from '../helpers/run.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';
import { expectCleanCodebook, importFile, writeTemp } from './check.js';

async function importText(name: string, content: string | Buffer, extra: string[] = []) {
  const file = writeTemp(name, content);
  const r = await importFile(file, extra);
  const yaml = r.code === 0 ? readFileSync(r.out, 'utf8') : '';
  return { ...r, file, yaml, codebook: r.code === 0 ? expectCleanCodebook(yaml) : undefined };
}

async function exportDic(codebookFile: string) {
  const r = await runObs(['export', '--to', 'dic', codebookFile]);
  expect(r.code).toBe(0);
  return r;
}

const keywordsById = (codebook: Codebook) => Object.fromEntries(flattenThemes(codebook.themes).map((t) => [t.id, t.keywords.map((k) => k.text)]));

/** word -> the names of its categories, as a LIWC program reads a .dic. */
function liwcEntries(dic: string): Map<string, string[]> {
  const lines = dic.split(/\r\n?|\n/);
  const [open, close] = lines.flatMap((l, i) => (l.trim() === '%' ? [i] : []));
  const names = new Map(lines.slice(open! + 1, close).map((l) => l.trim().split(/\s+/) as [string, string]).map(([n, name]) => [Number(n), name]));
  const entries = new Map<string, string[]>();
  for (const line of lines.slice(close! + 1)) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    const numbers = line.slice(tab + 1).trim().split(/\s+/);
    // A word may stand on several lines, one per category (Moral Foundations 2.0 does this).
    const word = line.slice(0, tab).trim();
    entries.set(word, [...(entries.get(word) ?? []), ...numbers.map((n) => names.get(Number(n))!)].sort());
  }
  return entries;
}

describe('obs export --to dic', () => {
  it('nests sub-themes with tabs and lists each word under its theme and every parent, as LIWC counts parents', async () => {
    const { stdout } = await exportDic(BUILTIN_CODEBOOK);
    expect(stdout.startsWith('%\n1\tagency\n2\torganisation\n\t3\tgovernance\n\t4\tsuccession\n5\trelationships\n6\tresources\n\t7\tmoney\n\t8\tleverage\n\t9\ttime\n%\n')).toBe(true);
    expect(stdout).toContain('\nconfidence\t1\n');
    expect(stdout).toContain('\nconstitution\t2\t3\n');
    expect(stdout).toContain('\nmatch funding\t6\t8\n');
    // `=CIC` is exact in obs; every LIWC word is.
    expect(stdout).toContain('\nCIC\t2\t4\n');
    expect(stdout).not.toMatch(/^=/m);
  });

  it('says what LIWC cannot hold: stemming, labels, descriptions, colours, rules beyond keywords', async () => {
    const { stderr } = await exportDic(BUILTIN_CODEBOOK);
    expect(stderr).toContain('keywords match by stem in obs (confidence, self-esteem, self-belief, self-worth, self-reliance, …); LIWC does not stem, so they are written as exact words');
    expect(stderr).toContain('LIWC has no place for labels (9), descriptions (9), colours (9), exclude (6), near (4), ignore (8); left out');
    expect(stderr).toMatch(/community-power\.yaml:\d+:\d+: "section 106" ends in a number/);
  });
});

describe('obs -> dic -> obs', () => {
  it('keeps every theme, its place in the tree and every keyword; `=` is dropped because every LIWC word is exact', async () => {
    const { stdout } = await exportDic(BUILTIN_CODEBOOK);
    const { codebook, stderr } = await importText('community-power.dic', stdout);
    expect(stderr).not.toContain('warning');
    const original = parseCodebookOrThrow(readFileSync(BUILTIN_CODEBOOK, 'utf8'), 'community-power.yaml');
    const tree = (themes: Codebook['themes']): unknown => themes.map((t) => [t.id, tree(t.themes)]);
    expect(tree(codebook!.themes)).toEqual(tree(original.themes));
    const unexact = Object.fromEntries(Object.entries(keywordsById(original)).map(([id, words]) => [id, words.map((w) => w.replace(/(^|\s)=/g, '$1'))]));
    expect(keywordsById(codebook!)).toEqual(unexact);
    // A category's name is the theme id; LIWC has no labels.
    expect(flattenThemes(codebook!.themes).every((t) => t.label === t.id)).toBe(true);
    expect(codebook!.stem).toBe(false);
  });

  it.runIf(hasSharedData('dictionaries/mfd'))('dic -> obs -> dic gives LIWC the same words in the same categories (Moral Foundations 1.0 and 2.0)', async () => {
    for (const name of ['moral_foundations_dictionary.dic', 'mfd2.0.dic']) {
      const source = sharedData('dictionaries/mfd', name);
      const { out } = await importFile(source);
      const { stdout } = await exportDic(out);
      expect(liwcEntries(stdout)).toEqual(liwcEntries(readFileSync(source, 'latin1')));
    }
  });
});

describe('LIWC import', () => {
  it('codes as LIWC does: a plain word is that word only, `word*` any word that starts with it', async () => {
    const { yaml } = await importText('small.dic', '%\n1\tcare\n%\ncare\t1\nsafe*\t1\n');
    expect(hitsFor(yaml, 'We care. She cares, he cared: safety first, safe and sound, unsafe.')).toEqual({ care: 3 });
  });

  it('reads CRLF and bare CR, numbers padded with spaces or zeros, comments, and a word in several categories', async () => {
    const dic = ['A note before the header', '%', '01    First', '2\tSecond one', '%', '# a comment', '// another', 'alpha\t01\t2', 'beta*   2', 'gamma delta\t1', ''];
    for (const eol of ['\r\n', '\r']) {
      const { codebook, stderr } = await importText('eol.dic', dic.join(eol));
      expect(stderr).not.toContain('warning');
      expect(flattenThemes(codebook!.themes).map((t) => [t.id, t.label, t.keywords.map((k) => k.text)])).toEqual([
        ['First', 'First', ['alpha', 'gamma delta']],
        ['second-one', 'Second one', ['alpha', 'beta*']],
      ]);
    }
  });

  it('skips, naming file and line, what obs cannot match; keeps the rest', async () => {
    const dic = ['%', '1\tone', 'two', '%', 'ok\t1', '*suffix\t1', 'in*side\t1', 'nothing', 'like\t1 <of> 2', 'kind\t(02 134)125/464\t1', 'ghost\t9', ':)\t1', ''].join('\n');
    const { codebook, stderr, file } = await importText('bad.dic', dic);
    expect(keywordsById(codebook!)).toEqual({ one: ['ok', 'kind'] });
    const warnings = stderr.split('\n').filter((l) => l.startsWith('obs: warning'));
    expect(warnings).toEqual([
      `obs: warning: ${file}:3: "two" is not a category line ("number<TAB>name"); skipped`,
      `obs: warning: ${file}:6: entry "*suffix" of one has \`*\` before the end of a word; skipped`,
      `obs: warning: ${file}:7: entry "in*side" of one has \`*\` before the end of a word; skipped`,
      `obs: warning: ${file}:8: "nothing" has no category numbers; skipped`,
      `obs: warning: ${file}:9: "like\\t1 <of> 2" uses LIWC's <of> rule, which obs does not have; skipped`,
      `obs: warning: ${file}:10: "kind" has conditional category codes (LIWC 2007), which obs does not have; only its plain category numbers are kept`,
      `obs: warning: ${file}:11: "ghost": category 9 is not in the list at the top; left out of it`,
      `obs: warning: ${file}:12: entry ":)" of one has no letters or digits; skipped`,
    ]);
    expect(stderr).toContain('imported 1 theme and 2 keywords');
    expect(stderr).toContain('5 entries skipped');
  });

  it('a LIWC 2015 hierarchy: a parent keeps only the words its sub-categories do not already give it', async () => {
    const dic = '%\n1\tfunction\n\t2\tpronoun\n\t\t3\ti\n\t4\tarticle\n%\nI\t1\t2\t3\nme\t1\t2\t3\nthey\t1\t2\nthe\t1\t4\nof\t1\n';
    const { codebook } = await importText('liwc2015.dic', dic);
    const tree = (themes: Codebook['themes']): unknown => themes.map((t) => [t.id, t.keywords.map((k) => k.text), tree(t.themes)]);
    expect(tree(codebook!.themes)).toEqual([['function', ['of'], [['pronoun', ['they'], [['i', ['I', 'me'], []]]], ['article', ['the'], []]]]]);
  });

  it('reads Windows-1252 where the file is not UTF-8, and says so', async () => {
    const bytes = Buffer.concat([Buffer.from('%\n1\tcafe\n%\ncaf'), Buffer.from([0xe9]), Buffer.from('\t1\n')]);
    const { codebook, stderr } = await importText('cafe.dic', bytes);
    expect(codebook!.themes[0]!.keywords.map((k) => k.text)).toEqual(['café']);
    expect(stderr).toContain('is not UTF-8 (byte 14); read as Windows-1252');
  });

  it('a file without a `%` header: exit 2 with what a .dic looks like, nothing written', async () => {
    const r = await importText('plain.dic', 'just words\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`obs: ${r.file}: is not a LIWC dictionary: no list of categories between two \`%\` lines\n  hint: a LIWC .dic starts with a \`%\` line, one "number<TAB>name" line per category, another \`%\` line, then one "word<TAB>numbers" line per word\n`);
  });
});

describe('the other dictionary readers', () => {
  it('quanteda YAML: globs with `?` or a leading `*` are named by line and skipped; a key with sub-keys is a parent theme', async () => {
    const yml = 'economy:\n  tax: [tax*, "?ax", "*levy"]\n  spend:\n    - spend*\n    - public spending\nculture: art\nempty:\n';
    const { codebook, stderr, file } = await importText('dict.yml', yml);
    expect(flattenThemes(codebook!.themes).map((t) => [t.id, t.keywords.map((k) => k.text)])).toEqual([
      ['economy', []],
      ['tax', ['tax*']],
      ['spend', ['spend*', 'public spending']],
      ['culture', ['art']],
      ['empty', []],
    ]);
    expect(stderr).toContain(`obs: warning: ${file}:2: entry "?ax" of tax has a \`?\` wildcard; skipped`);
    expect(stderr).toContain(`obs: warning: ${file}:2: entry "*levy" of tax has \`*\` before the end of a word; skipped`);
  });

  it('quanteda YAML that is not a mapping, or not YAML: exit 2 with file:line', async () => {
    const list = await importText('list.yml', '- a\n- b\n');
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(`obs: ${list.file}:1: is not a YAML dictionary`);
    const broken = await importText('broken.yml', 'a: [b\n');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`^obs: ${broken.file.replace(/\./g, '\\.')}:\\d+:\\d+: `));
  });

  it('an obs codebook given as a YAML dictionary: exit 2, pointing to --codebook', async () => {
    const r = await runObs(['import', BUILTIN_CODEBOOK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is already an obs codebook (it has `name` and `themes`), not a quanteda dictionary');
  });

  it('WordStat: an entry before any category is skipped with its line', async () => {
    const { codebook, stderr, file } = await importText('d.cat', 'LOOSE (1)\nTOP\n\tWORD* (1)\n\tTWO_WORDS (1)\n');
    expect(keywordsById(codebook!)).toEqual({ top: ['word*', 'two words'] });
    expect(stderr).toContain(`obs: warning: ${file}:1: entry "LOOSE (1)" stands before any category; skipped`);
  });

  it('Lexicoder: categories and patterns; a pattern twice in other case is kept once', async () => {
    const { codebook } = await importText('d.lc3', '+Positive\ngood*\nwell done\nGood*\n+Negative\nbad\n');
    expect(keywordsById(codebook!)).toEqual({ positive: ['good*', 'well done'], negative: ['bad'] });
  });

  it('an extension obs does not know: exit 2 naming the formats', async () => {
    const r = await importText('dict.txt', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot tell the format from the extension ".txt"');
    expect(r.stderr).toContain('--format qdc|qdpx|dic|yaml-dict|cat|lc3|ykd');
    const forced = await importText('dict.txt', '+A\nword\n', ['--format', 'lc3']);
    expect(forced.code).toBe(0);
  });

  it('a missing file, and --out over the input: exit 2, nothing written', async () => {
    const missing = await runObs(['import', 'no-such.dic']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('obs: no-such.dic: not found\n  hint: check the path\n');
    const file = writeTemp('same.dic', '%\n1\ta\n%\nword\t1\n');
    const over = await runObs(['import', file, '--out', file]);
    expect(over.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('%\n1\ta\n%\nword\t1\n');
  });

  it('writes the YAML to standard output without --out, with a comment saying where it came from', async () => {
    const file = writeTemp('small.dic', '%\n1\tcare\n%\ncare\t1\n');
    const r = await runObs(['import', file, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '# Imported by obs import from small.dic (LIWC dictionary).',
        '# LIWC matches a word as written and `word*` as a prefix, never by stem, so stem is false.',
        '',
        'name: small',
        'description: Imported from the LIWC dictionary small.dic.',
        'stem: false',
        'themes:',
        '  - id: care',
        '    label: care',
        '    keywords:',
        '      - care',
        '',
      ].join('\n'),
    );
  });
});
