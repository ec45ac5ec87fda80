import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';

const broken = readFileSync(new URL('../../fixtures/codebooks/broken.yaml', import.meta.url), 'utf8');

describe('codebook validation', () => {
  it('reports every problem with its line and column, not just the first', () => {
    const { codebook, problems } = parseCodebook(broken, 'broken.yaml');
    expect(codebook).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '3:1 unknown codebook key `stemming`',
      '7:28 keywords entry 2021 is not text',
      '7:34 keywords entry "" is empty',
      '7:38 keywords entry "em*power" has `*` inside a word',
      '8:15 `min_hits` must be 1 or more, not 0',
      '9:9 theme id `agency` is already used at line 5',
      '11:12 color `blue` is not a hex colour',
      '12:19 `near` needs at least two terms',
      '13:5 missing `label`',
      '14:15 `keywords` must be a list',
      '16:9 missing `id`',
      '17:27 keywords entry null is not text',
    ]);
    expect(problems.every((p) => p.file === 'broken.yaml')).toBe(true);
  });

  it('gives a hint with the value allowed', () => {
    const { problems } = parseCodebook(broken, 'broken.yaml');
    expect(problems[0]!.hint).toBe('did you mean `stem`? Allowed: name, version, description, stem, ignore, allow_shared, themes');
    expect(problems[1]!.hint).toBe('put it in quotes: "2021"');
  });

  it('reports YAML syntax errors and duplicate keys with their position', () => {
    const { problems } = parseCodebook('name: x\nname: y\nthemes:\n  - id: a\n   label: b\n', 'bad.yaml');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', line: 2, col: 1 });
    expect(problems[0]!.message).toBe("YAML: `name` appears twice in one mapping");
  });

  it('stops a YAML alias bomb instead of expanding it', () => {
    const bomb = ['name: bomb', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const yaml = `name: bomb\nthemes:\n  - id: t\n    label: T\n    keywords: &k0 [a, b, c, d, e, f, g, h, i, j]\n` +
      Array.from({ length: 6 }, (_, i) => `  - id: t${i + 1}\n    label: T\n    keywords: &k${i + 1} [${Array(10).fill(`*k${i}`).join(', ')}]\n`).join('');
    const started = Date.now();
    const { problems } = parseCodebook(yaml, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems.some((p) => /more than 100000 entries|not text/.test(p.message))).toBe(true);
  });

  it('accepts the example codebook of the spec', () => {
    const yaml = `name: Community power
version: 1.0.0
description: Four features of powerful communities
stem: true
ignore: ["Local Trust", "Big Local"]
themes:
  - id: agency
    label: Development of agency
    description: Confidence, skills, self-esteem and capacity to act.
    color: "#4e79a7"
    keywords: [confidence, skill, self-esteem, "have a go", empower*, =CIC]
    exclude: ["confidence trick"]
    near: [{ all: [decision, make], within: 5 }]
    min_hits: 1
    themes: []
`;
    const { codebook, problems } = parseCodebook(yaml, 'spec.yaml');
    expect(problems).toEqual([]);
    expect(codebook!.themes[0]!.keywords.map((k) => k.text)).toEqual(['confidence', 'skill', 'self-esteem', 'have a go', 'empower*', '=CIC']);
    expect(codebook!.version).toBe('1.0.0');
  });
});
