// Plain `key: value` front matter is read without the yaml package, and must read exactly as the
// yaml package reads it; anything it cannot be sure of goes to the yaml package.
import { describe, expect, it } from 'vitest';
import { plainFrontMatter, yamlFrontMatter } from '../../src/corpus/frontmatter.js';
import { prng } from '../helpers/random.js';

const KEYS = ['area', 'Area', 'year', 'date', 'interviewer', 'learning conversation', 'site_id', 'wave-2', 'true', 'null', 'x'];
const VALUES = [
  'Ramsey', 'Catton Grove', 'Radstock and Westfield', '2019', '007', '+5', '-5', '2019.0', '1e3', '0x1F', '0o17', '.inf', '.nan', 'true', 'True', 'FALSE', 'null', '~', '',
  '2019-03-14', '14/03/2019', 'March 2019', 'O’Brien', "O'Brien", 'Researcher C', 'a, b', 'Ramsey [north]', 'Ramsey - Revoe', 'José', '10:30', 'a #b', '#x', "'quoted'", '"quoted"',
  '[a, b]', '{a: 1}', '- x', '&anchor x', '*alias', '!tag x', '|', '>', '%x', '@x', '`x', 'a: b', 'Ramsey   ', ' \u00a0x', 'a\tb', '12345678901234567890123',
];

describe('plain front matter', () => {
  it('reads as the yaml package reads, wherever it reads at all', () => {
    const rng = prng(7);
    let plain = 0;
    let total = 0;
    for (let n = 0; n < 4000; n++) {
      const lines = Array.from({ length: rng.int(0, 5) }, () => `${rng.pick(KEYS)}${rng.pick([':', ' :', ':  '])}${rng.chance(0.9) ? ` ${rng.pick(VALUES)}` : ''}`);
      if (rng.chance(0.1)) lines.splice(rng.int(0, lines.length), 0, rng.pick(['', '  nested: x', '# comment', '- item']));
      total++;
      const fast = plainFrontMatter(lines, 0, lines.length);
      if (fast === undefined) continue;
      plain++;
      expect(fast, lines.join('\n')).toEqual(yamlFrontMatter(lines.join('\n'), 'a.md'));
    }
    // The common front matter of words and years is read without the yaml package.
    expect(plain).toBeGreaterThan(total / 5);
    expect(plainFrontMatter(['area: Ramsey', 'year: 2019', 'interviewer: Researcher C'], 0, 3)).toEqual({ area: 'Ramsey', year: '2019', interviewer: 'Researcher C' });
  });

  it('leaves to the yaml package what only it can read, or tell wrong with a line and column', () => {
    for (const lines of [['area: Ramsey', 'area: Revoe'], ['year: 2019.5'], ['tags: [a, b]'], ['area: "Ramsey"'], ['time: 10:30'], ['area: Ramsey # north'], ['  area: Ramsey'], ['done: true']]) {
      expect(plainFrontMatter(lines, 0, lines.length), lines.join('\n')).toBeUndefined();
    }
  });
});
