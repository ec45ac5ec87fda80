// The draft the parser gives lint alongside its problems: what could be read, well typed, and what
// was dropped, so that lint's checks judge the rest without calling the dropped parts missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook, parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { flattenThemes } from '../../src/codebook/types.js';
import { ObsError } from '../../src/errors.js';

const broken = readFileSync(new URL('../../fixtures/codebooks/broken.yaml', import.meta.url), 'utf8');

describe('the draft of a codebook with problems', () => {
  it('keeps every theme it could read with its line, both themes of a duplicate id, and the rest of a theme with a bad field', () => {
    const { codebook, draft, problems } = parseCodebook(broken, 'broken.yaml');
    expect(codebook).toBeUndefined();
    expect(problems).toHaveLength(12);
    const themes = flattenThemes(draft!.codebook.themes);
    expect(themes.map((t) => [t.id, t.label, t.line])).toEqual([
      ['agency', 'Agency', 5],
      ['agency', 'Agency again', 9],
      ['resources', '', 13],
      ['(no id, line 16)', 'Money', 16],
    ]);
    // 2021, "" and "em*power" are dropped, the rest kept; min_hits 0 falls back to 1.
    expect(themes[0]!.keywords.map((k) => k.text)).toEqual(['confidence']);
    expect(themes[0]!.minHits).toBe(1);
    expect(themes[1]!.near[0]!.all.map((t) => t.text)).toEqual(['decision']);
    expect(themes[3]!.keywords.map((k) => k.text)).toEqual(['money', 'yes']);
  });

  it('says which fields it dropped, and of what', () => {
    const { draft } = parseCodebook(broken, 'broken.yaml');
    const { codebook, lost } = draft!;
    const [agency, again, resources] = codebook.themes;
    expect(lost(codebook, 'stem')).toBe(true); // `stemming:`, which looks like `stem`
    expect(lost(codebook, 'themes')).toBe(false);
    expect(lost(agency!, 'keywords')).toBe(true);
    expect(lost(agency!, 'description')).toBe(false);
    // A duplicate id, a bad colour and a one-term near rule drop nothing the checks look at.
    expect(['keywords', 'near', 'description'].some((f) => lost(again!, f))).toBe(false);
    expect(lost(resources!, 'keywords')).toBe(true);
    // An unknown key that looks like no field drops nothing; one that looks like a field drops that one.
    const fields = ['keywords', 'description', 'near', 'themes', 'stem', 'exclude'];
    const unknown = parseCodebook('name: u\nnotes: x\nthemes:\n  - id: a\n    label: A\n    zzzzzz: [grant]\n', 'u.yaml').draft!;
    expect(fields.some((f) => unknown.lost(unknown.codebook.themes[0]!, f))).toBe(false);
    expect(['themes', 'ignore', 'allow_shared', 'stem'].some((f) => unknown.lost(unknown.codebook, f))).toBe(false);
    const misspelt = parseCodebook('name: u\nthemes:\n  - id: a\n    label: A\n    keyword: [grant]\n', 'u.yaml').draft!;
    expect(fields.filter((f) => misspelt.lost(misspelt.codebook.themes[0]!, f))).toEqual(['keywords']);
    expect(misspelt.lost(misspelt.codebook, 'themes')).toBe(false);
  });

  it('loses the stemming of a theme whose `stem` could not be read, and of every theme that would inherit a lost one', () => {
    const yaml = 'name: s\nstem: maybe\nthemes:\n  - id: a\n    label: A\n    themes:\n      - id: a1\n        label: A1\n  - id: b\n    label: B\n    stem: false\n    themes:\n      - id: b1\n        label: B1\n        stem: "no"\n';
    const { codebook, lost } = parseCodebook(yaml, 's.yaml').draft!;
    const themes = flattenThemes(codebook.themes);
    expect(themes.map((t) => [t.id, lost(t, 'stem')])).toEqual([
      ['a', true],
      ['a1', true],
      ['b', false],
      ['b1', true],
    ]);
    expect(lost(codebook, 'stem')).toBe(true);
  });

  it('treats `themes:` with no value as empty, reports an empty id once, counts near terms as written, and takes ids with combining marks', () => {
    const messages = (yaml: string) => parseCodebook(yaml, 'x.yaml').problems.map((p) => p.message);
    expect(messages('name: x\nthemes:\n')).toEqual(['`themes` is empty']);
    expect(messages('name: x\nthemes: ~\n')).toEqual(['`themes` is empty']);
    expect(messages('name: x\nthemes:\n  - id: ""\n    label: A\n  - id: ""\n    label: B\n')).toEqual(['`id` is empty', '`id` is empty']);
    expect(messages('name: x\nthemes:\n  - id: a\n    label: A\n    near: [{all: [decision, 5], within: 5}, {all: [x, y, z, 7], within: 3}]\n')).toEqual([
      'all entry 5 is not text',
      'all entry 7 is not text',
      '`within: 3` is smaller than the 4 terms it must hold',
    ]);
    for (const id of ['समुदाय', 'cafe\u0301', 'café']) {
      expect(parseCodebook(`name: x\nthemes:\n  - id: ${id}\n    label: A\n    keywords: [grant]\n`, 'x.yaml').problems, id).toEqual([]);
    }
    expect(messages('name: x\nthemes:\n  - id: "\u0301a"\n    label: A\n')).toEqual(['theme id `\u0301a` must be letters, digits, `_`, `-` or `.`']);
  });

  it('is none where the YAML does not parse, a tag is refused, a limit is passed or the root is no mapping', () => {
    for (const yaml of ['name: x\nthemes: [a\n', 'name: x\nthemes: !!js/function f\n', '- a\n- b\n', `a: ${'['.repeat(300)}\n`]) {
      const { codebook, draft, problems } = parseCodebook(yaml, 'x.yaml');
      expect(problems.length, yaml.slice(0, 30)).toBeGreaterThan(0);
      expect(codebook).toBeUndefined();
      expect(draft).toBeUndefined();
    }
  });

  it('is not given for a valid codebook, and never lets a codebook with problems code', () => {
    const valid = parseCodebook('name: v\nthemes:\n  - id: a\n    label: A\n    keywords: [grant]\n', 'v.yaml');
    expect(valid.draft).toBeUndefined();
    expect(valid.codebook).toBeDefined();
    expect(() => parseCodebookOrThrow(broken, 'broken.yaml')).toThrow(ObsError);
  });
});
