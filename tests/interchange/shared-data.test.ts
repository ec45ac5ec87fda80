// Every real dictionary and REFI-QDA export in ../shared/data imports, parses clean and codes the example corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenThemes } from '../../src/codebook/types.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';
import { runObs } from '../helpers/run.js';
import { codeExample, expectCleanCodebook, importFile } from './check.js';

const IMPORTABLE = /\.(dic|cat|lc3|ykd|yml|yaml|qdc|qdpx)$/i;

/** The importable files in a shared folder; none where the folder is absent (a suite that skips still collects). */
function files(folder: string): string[] {
  const root = sharedData(folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => IMPORTABLE.test(f))
    .map((f) => path.join(root, f))
    .sort();
}

/** What each real file holds, counted by hand from the file (themes at every level, keywords kept, entries skipped). */
const EXPECTED: Record<string, { themes: number; keywords: number; skipped: number }> = {
  'mfd/moral_foundations_dictionary.dic': { themes: 11, keywords: 359, skipped: 0 },
  'mfd/mfd2.0.dic': { themes: 10, keywords: 2103, skipped: 0 },
  'laver-garry/Laver_and_Garry_2000.cat': { themes: 26, keywords: 418, skipped: 0 },
  'rid/RID.CAT': { themes: 52, keywords: 3149, skipped: 1 },
  'quanteda-format-fixtures/mary.dic': { themes: 2, keywords: 5, skipped: 0 },
  'quanteda-format-fixtures/mary.lc3': { themes: 2, keywords: 5, skipped: 0 },
  'quanteda-format-fixtures/mary.ykd': { themes: 2, keywords: 5, skipped: 0 },
  'quanteda-format-fixtures/mary.yml': { themes: 2, keywords: 6, skipped: 0 },
  'quanteda-format-fixtures/newsmap.yml': { themes: 4, keywords: 3, skipped: 0 },
  'quanteda-format-fixtures/issue-459.cat': { themes: 6, keywords: 20, skipped: 0 },
};

describe.runIf(hasSharedData('dictionaries'))('the dictionaries in ../shared/data/dictionaries', () => {
  const all = files('dictionaries');

  it('are all covered by this test', () => {
    expect(all.map((f) => path.relative(sharedData('dictionaries'), f)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(all)('%s imports, parses clean and codes the example corpus', async (file) => {
    const expected = EXPECTED[path.relative(sharedData('dictionaries'), file)]!;
    const r = await importFile(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const skipped = expected.skipped > 0 ? `; ${expected.skipped} ${expected.skipped === 1 ? 'entry' : 'entries'} skipped (see the warnings above)` : '';
    expect(r.stderr).toContain(`obs: imported ${expected.themes} themes and ${expected.keywords} keywords from ${file}`);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`${skipped.replace(/[()]/g, '\\$&')}$`));
    const yaml = readFileSync(r.out, 'utf8');
    const codebook = expectCleanCodebook(yaml);
    const themes = flattenThemes(codebook.themes);
    expect(themes.length).toBe(expected.themes);
    expect(themes.reduce((n, t) => n + t.keywords.length, 0)).toBe(expected.keywords);
    // Dictionaries match words as written: stemming is off, as in LIWC, WordStat and quanteda.
    expect(codebook.stem).toBe(false);
    const coded = await codeExample(yaml);
    expect(coded.code).toBe(0);
    expect(JSON.parse(coded.stdout).corpus.documents).toBe(32);
  });

  it('Moral Foundations 1.0: a word in three categories is a keyword of each; `*` stays a prefix', async () => {
    const { out } = await importFile(sharedData('dictionaries/mfd/moral_foundations_dictionary.dic'));
    const codebook = expectCleanCodebook(readFileSync(out, 'utf8'));
    const holding = (word: string) => flattenThemes(codebook.themes).filter((t) => t.keywords.some((k) => k.text === word)).map((t) => t.id);
    expect(holding('preserve')).toEqual(['HarmVirtue', 'AuthorityVirtue', 'PurityVirtue']);
    expect(holding('safe*')).toEqual(['HarmVirtue']);
    expect(codebook.themes.map((t) => t.id)).toEqual([
      'HarmVirtue', 'HarmVice', 'FairnessVirtue', 'FairnessVice', 'IngroupVirtue', 'IngroupVice',
      'AuthorityVirtue', 'AuthorityVice', 'PurityVirtue', 'PurityVice', 'MoralityGeneral',
    ]);
  });

  it('Moral Foundations 2.0: bare CR line endings and phrases', async () => {
    const { out } = await importFile(sharedData('dictionaries/mfd/mfd2.0.dic'));
    const codebook = expectCleanCodebook(readFileSync(out, 'utf8'));
    expect(codebook.themes.map((t) => t.id)).toEqual([
      'care.virtue', 'care.vice', 'fairness.virtue', 'fairness.vice', 'loyalty.virtue',
      'loyalty.vice', 'authority.virtue', 'authority.vice', 'sanctity.virtue', 'sanctity.vice',
    ]);
    const fairness = codebook.themes[2]!.keywords.map((k) => k.text);
    expect(fairness).toEqual(expect.arrayContaining(['civil rights', 'do unto others', 'golden rule', 'levels the playing field']));
    const phrases = flattenThemes(codebook.themes).flatMap((t) => t.keywords).filter((k) => k.text.includes(' '));
    expect(phrases.length).toBe(110);
  });

  it('RID: the malformed entry is named by file and line, and skipped', async () => {
    const file = sharedData('dictionaries/rid/RID.CAT');
    const r = await importFile(file);
    expect(r.stderr).toContain(`obs: warning: ${file}:2329: entry "PENITEN*(CIARY" of RESTRAINT has \`*\` before the end of a word; skipped`);
    const codebook = expectCleanCodebook(readFileSync(r.out, 'utf8'));
    expect(codebook.themes.map((t) => t.label)).toEqual(['PRIMARY', 'SECONDARY', 'EMOTIONS']);
    // Three levels under PRIMARY, and TIMELESSNES's empty sub-category TEST5 is kept.
    const primary = codebook.themes[0]!;
    expect(primary.themes.map((t) => t.id)).toEqual(['need', 'sensation', 'defensive_symbol', 'regr_knol', 'icarian_im']);
    expect(primary.themes[0]!.themes[0]!.keywords.slice(0, 3).map((k) => k.text)).toEqual(['absinth*', 'ale', 'ales']);
    const timeless = flattenThemes(codebook.themes).find((t) => t.id === 'timelessnes')!;
    expect(timeless.themes.map((t) => [t.id, t.keywords.length])).toEqual([['test5', 0]]);
  });

  it('Laver and Garry: entries at mixed depths, punctuation in category names, phrases joined by `_`', async () => {
    const { out } = await importFile(sharedData('dictionaries/laver-garry/Laver_and_Garry_2000.cat'));
    const codebook = expectCleanCodebook(readFileSync(out, 'utf8'));
    expect(codebook.themes.map((t) => t.label)).toEqual(['CULTURE', 'ECONOMY', 'ENVIRONMENT', 'GROUPS', 'INSTITUTIONS', 'LAW_AND_ORDER', 'RURAL', 'URBAN', 'VALUES']);
    const culture = codebook.themes[0]!;
    expect(culture.keywords.map((k) => k.text)).toEqual(['people', 'war in iraq', 'civil war']);
    const economy = codebook.themes[1]!;
    expect(economy.themes.map((t) => [t.id, t.label])).toEqual([
      ['state', '+STATE+'],
      ['state-2', '=STATE='],
      ['state-3', '-STATE-'],
    ]);
  });

  it('the "mary" dictionary reads the same from LIWC, Lexicoder, Yoshikoder and quanteda YAML', async () => {
    const read = async (name: string) => {
      const { out } = await importFile(sharedData('dictionaries/quanteda-format-fixtures', name));
      return expectCleanCodebook(readFileSync(out, 'utf8')).themes.map((t) => t.keywords.map((k) => k.text));
    };
    const words = [['more', 'lamb', 'little'], ['had', 'mary']];
    expect(await read('mary.dic')).toEqual(words);
    expect(await read('mary.lc3')).toEqual(words);
    expect(await read('mary.ykd')).toEqual(words);
    // The YAML fixture lists "category" as a word of its second key (see SOURCE.txt).
    expect(await read('mary.yml')).toEqual([words[0], ['category', ...words[1]!]]);
  });

  it('issue-459.cat: indentation of spaces then tabs nests as the tabs say', async () => {
    const { out } = await importFile(sharedData('dictionaries/quanteda-format-fixtures/issue-459.cat'));
    const codebook = expectCleanCodebook(readFileSync(out, 'utf8'));
    expect(codebook.themes.map((t) => t.label)).toEqual(['SOUTH']);
    expect(codebook.themes[0]!.themes.map((t) => t.label)).toEqual(['BW', 'LS', 'NA', 'ZA', 'SZ']);
    expect(codebook.themes[0]!.themes[3]!.keywords.map((k) => k.text)).toContain('south african*');
  });

  it('newsmap.yml: nested keys, one string per key, Japanese values', async () => {
    const { out } = await importFile(sharedData('dictionaries/quanteda-format-fixtures/newsmap.yml'));
    const codebook = expectCleanCodebook(readFileSync(out, 'utf8'));
    expect(codebook.themes.map((t) => t.label)).toEqual(['AFRICA']);
    expect(codebook.themes[0]!.themes.map((t) => [t.id, t.keywords.map((k) => k.text)])).toEqual([
      ['cd', ['コンゴ民主共和国']],
      ['cf', ['中央アフリカ']],
      ['ci', ['コートジボワール']],
    ]);
  });
});

describe.runIf(hasSharedData('refi-qda/examples'))('the REFI-QDA exports in ../shared/data/refi-qda/examples', () => {
  it("Taguette's .qdc (empty <Sets/>, upper-case GUIDs) imports as three themes without keywords", async () => {
    const file = sharedData('refi-qda/examples/qdc/taguette-1.4.1-codebook.qdc');
    const r = await importFile(file);
    expect(r.code).toBe(0);
    const yaml = readFileSync(r.out, 'utf8');
    expect(yaml).toContain('# The codes carry no keyword rules: add keywords under each theme before coding.');
    const codebook = expectCleanCodebook(yaml);
    expect(codebook.themes.map((t) => [t.id, t.label])).toEqual([
      ['xsd-element-name', 'xsd:element name'],
      ['codebook', 'CodeBook'],
      ['variables', 'Variables'],
    ]);
    expect(codebook.description).toBe('Imported from the REFI-QDA codebook taguette-1.4.1-codebook.qdc, written by Taguette 1.4.1.');
    expect((await codeExample(yaml)).code).toBe(0);
  });

  it("ATLAS.ti's .qdpx (zip, CRLF, upper-case GUIDs) imports its nested codes", async () => {
    const file = sharedData('refi-qda/examples/qdpx/target-atlas-project.qdpx');
    const r = await importFile(file);
    expect(r.code).toBe(0);
    const yaml = readFileSync(r.out, 'utf8');
    const codebook = expectCleanCodebook(yaml);
    expect(codebook.name).toBe('target-atlas-project');
    expect(codebook.themes.map((t) => t.label)).toEqual(['Commits']);
    expect(codebook.themes[0]!.themes.map((t) => [t.id, t.label])).toEqual([
      ['2022-05-10t02-05-59z-19e4dce', '2022-05-10T02:05:59Z 19e4dce'],
      ['2022-02-11t10-39-25z-cdbfd92', '2022-02-11T10:39:25Z cdbfd92'],
    ]);
    expect((await codeExample(yaml)).code).toBe(0);
  });

  it('an ATLAS.ti project without codes is an input error, named and explained, with no file written', async () => {
    const file = sharedData('refi-qda/examples/qdpx/blank-atlas-project.qdpx');
    const r = await importFile(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `obs: ${file} (project.qde): holds no codebook (no <CodeBook> element): an obs codebook needs at least one theme\n  hint: add codes in your QDA program and export again\n`,
    );
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it('every export there is covered above', () => {
    expect(files('refi-qda/examples').map((f) => path.relative(sharedData('refi-qda/examples'), f))).toEqual([
      'qdc/taguette-1.4.1-codebook.qdc',
      'qdpx/blank-atlas-project.qdpx',
      'qdpx/target-atlas-project.qdpx',
    ]);
  });
});

describe.runIf(hasSharedData('refi-qda/examples'))('import options', () => {
  it('--format overrides the extension', async () => {
    const r = await runObs(['import', sharedData('refi-qda/examples/qdc/taguette-1.4.1-codebook.qdc'), '--format', 'dic']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a LIWC dictionary');
  });
});
