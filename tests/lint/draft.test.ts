// obs lint on a codebook the parser refuses: the parser's problems and every other check's findings
// in one run (issue #18), each fact once, and no check thrown by a half-read theme.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { runObs, tempCorpus } from '../helpers/run.js';

const FOUR = 'fixtures/codebooks/lint-four-problems.yaml';

const found = (yaml: string) => lintText(yaml, 'cb.yaml').result.messages.map((m) => [m.ruleId, m.line]);

describe('obs lint on a codebook with parser problems', () => {
  it('reports the four problems of the issue at once, each on its line, and exits 1', async () => {
    const r = await runObs(['lint', FOUR, '--format', 'json']);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }>; errorCount: number; warningCount: number }>;
    expect(result!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['duplicate-keyword', 12],
      ['shared-stem', 18],
      ['duplicate-id', 19],
      ['no-keywords', 23],
    ]);
    expect([result!.errorCount, result!.warningCount]).toEqual([3, 1]);
    const people = await runObs(['lint', FOUR]);
    expect(people.code).toBe(1);
    expect(people.stdout).toContain('✖ 4 problems (3 errors, 1 warning)');
  });

  it('still has every other command refuse it, and skips --corpus checks (they need a codebook that codes)', async () => {
    const dir = tempCorpus({ 'cb.yaml': readFileSync(FOUR, 'utf8'), 'corpus/a.txt': 'Ann: a grant.\n' });
    const code = await runObs(['code', 'corpus', '--codebook', 'cb.yaml'], { cwd: dir });
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('theme id `money` is already used at line 6');
    expect(lintText('name: x\nthemes:\n  - id: a\n    label: A\n  - id: a\n    label: B\n', 'cb.yaml').codebook).toBeUndefined();
    const withCorpus = await runObs(['lint', 'cb.yaml', '--corpus', 'corpus', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(withCorpus.stdout) as Array<{ messages: unknown[] }>)[0]!.messages).toHaveLength(4);
  });

  it('reports a wrong type and an unknown key alongside the findings elsewhere, without calling the dropped field missing', () => {
    const yaml = [
      'name: s',
      'themes:',
      '  - id: money',
      '    label: Money',
      '    description: d',
      '    keywords: grant                # line 6: schema, not a list (so no no-keywords)',
      '    exclude: [pay day]             # its keywords were dropped: not a dead-exclude',
      '  - id: people',
      '    label: People',
      '    descripton: who takes part     # line 10: schema, unknown key (so no no-description)',
      '    keywords: [the, volunteer]     # line 11: stop-word',
      '    exclude: [weather]             # line 12: dead-exclude',
      '  - id: plans',
      '    label: Plans',
      '    description: d',
      '    keywords: [fund, fund]         # line 16: duplicate-keyword',
    ].join('\n');
    expect(found(yaml)).toEqual([
      ['schema', 6],
      ['schema', 10],
      ['stop-word', 11],
      ['dead-exclude', 12],
      ['duplicate-keyword', 16],
    ]);
  });

  it('says nothing of an ignore phrase or a shared keyword when what would judge it was dropped', () => {
    const yaml = 'name: s\nignore: [zebra crossing]\nallow_shared: volunteer\nthemes:\n  - id: a\n    label: A\n    description: d\n    keywords: [volunteer, 12]\n  - id: b\n    label: B\n    description: d\n    keywords: [volunteering]\n';
    // `allow_shared` is no list, so volunteer/volunteering may be allowed; keyword 12 of `a` was
    // dropped, so the ignore phrase may have been written for it.
    expect(found(yaml)).toEqual([
      ['schema', 3],
      ['schema', 8],
    ]);
  });

  it('keeps both themes of a duplicate id apart: a keyword in each is shared, not a duplicate', () => {
    const yaml = 'name: d\nthemes:\n  - id: a\n    label: A\n    description: d\n    keywords: [grant, organis*]\n  - id: a\n    label: B\n    description: d\n    keywords: [grants, organisation]\n';
    expect(found(yaml)).toEqual([
      ['duplicate-id', 7],
      ['shared-stem', 10],
    ]);
  });

  it('gives only the syntax error where the YAML does not parse, or holds a tag it refuses', () => {
    // A duplicate keyword and a theme without keywords or description: a draft would report them.
    expect(found('name: s\nthemes:\n  - id: a\n    label: [A\n    keywords: [grant, grant]\n  - id: b\n    label: B\n')).toEqual([['yaml-syntax', 5]]);
    expect(found('name: s\nthemes:\n  - id: a\n    label: !!js/function A\n    keywords: [grant, grant]\n')).toEqual([['yaml-syntax', 4]]);
    expect(found('- just\n- a list\n')).toEqual([['schema', 1]]);
  });

  it('checks themes missing an id or a label, naming one without an id by its line', () => {
    const yaml = 'name: m\nthemes:\n  - label: No id\n    keywords: [grant, grant]\n  - id: nolabel\n    description: d\n    keywords: [grants]\n';
    const { result } = lintText(yaml, 'cb.yaml');
    expect(result.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['no-description', 3, 'theme `(no id, line 3)` has no description'],
      ['schema', 3, 'missing `id`'],
      ['duplicate-keyword', 4, '`grant` is already a keyword of `(no id, line 3)` (line 4)'],
      ['schema', 5, 'missing `label`'],
      ['shared-stem', 7, '`grants` (theme `nolabel`) matches the same words as `grant` (theme `(no id, line 3)`, line 4)'],
    ]);
  });

  it('never throws on a theme whose fields hold the wrong types, and still checks the rest', () => {
    const odd = ['', '~', '5', 'true', '[a, [b]]', '{ x: 1 }', '[1, null, {}, "", "a*b"]', '[{ all: 3 }, 4, { within: x }]'];
    const fields = ['id', 'label', 'description', 'keywords', 'exclude', 'near', 'min_hits', 'stem', 'themes', 'colour'];
    for (const field of fields) {
      for (const value of odd) {
        const theme = { id: 'u', label: 'U', keywords: '[grants]', [field]: value };
        const written = Object.entries(theme).map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`);
        const yaml = ['name: n', 'ignore: [grant]', 'themes:', '  - id: t', '    label: T', '    keywords: [grant]', ...written, '  - id: z', '    label: Z', '    description: d', '    keywords: [fund, fund]'].join('\n');
        // Most are parser problems (`id: 5` is an id): the checks run on the draft all the same.
        const { result } = lintText(yaml, `${field}.yaml`);
        expect(result.messages.filter((m) => m.ruleId === 'duplicate-keyword'), `${field}: ${value}`).toHaveLength(1);
      }
    }
  });
});

describe('obs lint on a draft: what a lost field holds back, and only that', () => {
  const lines = (...l: string[]) => `${l.join('\n')}\n`;

  it('runs no stem-dependent check on a theme whose `stem` could not be read, or on every theme inheriting a lost codebook `stem`', () => {
    const themes = (stemLine: string) =>
      lines('name: s', ...(stemLine.startsWith('stem') ? [stemLine] : []), 'themes:', '  - id: a', '    label: A', '    description: d', ...(stemLine.startsWith('  ') ? [stemLine] : []), '    keywords: [fund, funding, grant*, granted]', '    exclude: [funds]', '  - id: b', '    label: B', '    description: d', '    keywords: [funded]');
    for (const stemLine of ['    stem: "no"', '    stem: maybe', 'stem: "no"', 'stem: maybe']) {
      // Stemming on would make `funding` a duplicate of `fund` and `funded` a shared stem: unknown here.
      const rules = found(themes(stemLine)).map(([rule]) => rule);
      expect(rules, stemLine).toEqual(['schema']);
    }
    // Where `stem` was read, the same codebook has them all.
    expect(found(themes('    stem: true')).map(([rule]) => rule)).toEqual(['duplicate-keyword', 'redundant-keyword', 'shared-stem']);
    // A codebook `stem` lost leaves a theme with a `stem` of its own checked, and the ignore phrase unjudged.
    const own = lines('name: s', 'stem: maybe', 'ignore: [zebra]', 'themes:', '  - id: a', '    label: A', '    description: d', '    stem: false', '    keywords: [fund, fund]');
    expect(found(own)).toEqual([
      ['schema', 2],
      ['duplicate-keyword', 9],
    ]);
  });

  it('holds an unknown key against the field it looks like, or nothing; never a theme key against codebook-wide checks', () => {
    const yaml = lines(
      'name: s',
      'notes: x', //                      2: schema (looks like no field)
      'ignore: [zebra]', //               3: dead-exclude (ignore)
      'themes:',
      '  - id: a', //                     5: no-description, no-keywords
      '    label: A',
      '    notes: hello', //              7: schema
      '    exclude: [weather]', //        8: dead-exclude
      '  - id: b',
      '    label: B',
      '    description: d',
      '    keywords: [grant]',
      '  - id: c',
      '    label: C',
      '    descripton: d', //             15: schema, looks like `description`: no no-description
      '    keywords: [grants]', //        16: shared-stem
    );
    expect(found(yaml)).toEqual([
      ['schema', 2],
      ['dead-exclude', 3],
      ['no-description', 5],
      ['no-keywords', 5],
      ['schema', 7],
      ['dead-exclude', 8],
      ['schema', 15],
      ['shared-stem', 16],
    ]);
  });

  it('still reports a shared keyword that no readable `allow_shared` entry allows', () => {
    const yaml = lines('name: s', 'allow_shared: [grant, 5, ""]', 'themes:', '  - id: a', '    label: A', '    description: d', '    keywords: [grant, fund, "5"]', '  - id: b', '    label: B', '    description: d', '    keywords: [grants, funds, "5"]');
    // `5` allows "5" as quoting it would; `""` allows nothing; `grant` allows grant/grants.
    expect(found(yaml)).toEqual([
      ['schema', 2],
      ['schema', 2],
      ['shared-stem', 11],
    ]);
    // An entry that could be anything (a list) still leaves every pair possibly allowed.
    expect(found(yaml.replace('[grant, 5, ""]', '[grant, [x]]'))).toEqual([['schema', 2]]);
  });

  it('counts `near` terms as written: an entry that is not text neither shortens a rule nor hides a small window', () => {
    const yaml = lines('name: s', 'themes:', '  - id: a', '    label: A', '    description: d', '    near:', '      - {all: [decision, 5], within: 5}', '      - {all: [x, y, z, 7], within: 3}', '      - {all: [one], within: 3}', '      - {all: one, within: 3}');
    expect(lintText(yaml, 'cb.yaml').result.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['schema', 7, 'all entry 5 is not text'],
      ['schema', 8, 'all entry 7 is not text'],
      ['near-terms', 8, '`within: 3` is smaller than the 4 terms it must hold'],
      ['near-terms', 9, '`near` needs at least two terms'],
      ['schema', 10, '`all` must be a list'],
    ]);
  });

  it('reports an empty id once, however many there are', () => {
    const yaml = lines('name: s', 'themes:', '  - id: ""', '    label: A', '    description: d', '    keywords: [grant]', '  - id: ""', '    label: B', '    description: d', '    keywords: [fund]');
    expect(lintText(yaml, 'cb.yaml').result.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['schema', 3, '`id` is empty'],
      ['schema', 7, '`id` is empty'],
    ]);
  });

  it('refuses `themes:` with no value as it refuses `themes: []`, and calls no ignore phrase dead without themes', async () => {
    for (const themes of ['themes:', 'themes: ~', 'themes: []']) {
      expect(found(lines('name: x', 'ignore: [foo]', themes)), themes).toEqual([['schema', 3]]);
    }
    expect(found(lines('name: x', 'ignore: [foo]'))).toEqual([['schema', 1]]);
    const dir = tempCorpus({ 'cb.yaml': 'name: x\nthemes:\n', 'corpus/a.txt': 'Ann: a grant.\n' });
    expect((await runObs(['lint', 'cb.yaml'], { cwd: dir })).code).toBe(1);
    const code = await runObs(['code', 'corpus', '--codebook', 'cb.yaml'], { cwd: dir });
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('`themes` is empty');
  });

  it('takes theme ids with combining marks (Devanagari, a decomposed é)', () => {
    const yaml = lines('name: x', 'themes:', '  - id: समुदाय', '    label: A', '    description: d', '    keywords: [grant]', '  - id: "cafe\u0301"', '    label: B', '    description: d', '    keywords: [fund]');
    expect(found(yaml)).toEqual([]);
  });
});
