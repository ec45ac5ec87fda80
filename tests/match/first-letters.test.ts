// Words passed over by their first letters: the stemmer must never move a word out of its stem's
// cells, and coding must come out the same as when every word is looked up.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODEBOOK, loadCodebook } from '../../src/codebook/load.js';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { importCodebook } from '../../src/interchange/import.js';
import { compileCodebook, type CompiledCodebook, type WordTest } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';
import { firstLetterCells, stemKeeps, wordCell } from '../../src/match/first-letters.js';
import { stem } from '../../src/match/stem.js';
import { scanFolded } from '../../src/match/tokenize.js';
import { prng } from '../helpers/random.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

/** A word's cell as the engine reads it, from the text's bytes: a byte a character, Latin-1 letters as themselves. */
const cellOfWord = (word: string) => wordCell(Uint8Array.from(word, (ch) => ch.charCodeAt(0)), 0, word.length);

/** Words whose cell the cells of their own stem leave out: none, if the reasoning in first-letters.ts holds. */
function strays(words: readonly string[]): string[] {
  return words.filter((word) => firstLetterCells([{ kind: 'stem', value: stem(word) }])[cellOfWord(word)] !== 1);
}

/** The same codebook with every word looked up, as before words were told apart by their first letters. */
function lookingUpEverything(compiled: CompiledCodebook): CompiledCodebook {
  const all = compileCodebook(compiled.codebook);
  all.firstLetters = new Uint8Array(compiled.firstLetters.length).fill(1);
  return all;
}

describe('first-letter cells', () => {
  it("keep every word whose stem moves its ending: y to i, -at to -ate, a suffix down to one letter", () => {
    // ayed -> ai, ating -> at, izing -> ize, ies -> i, aed -> a, relational -> relat, hoping -> hope
    const tricky = ['ayed', 'ays', 'eyed', 'oying', 'ating', 'izing', 'bling', 'ies', 'aed', 'eing', 'relational', 'hoping', 'hopping', 'filing', 'sses', 'ponies', 'caress', 'ties', 'happy', 'sky', "o'clock", "don't", 'a1b2', '2019', 'mobility', 'possibly', 'nobility', 'sensibility', 'in', 'inning', 'going', 'us'];
    expect(strays(tricky)).toEqual([]);
    expect(stem('ayed')).toBe('ai');
  });

  it('hold one cell for an exact word, a row of cells for a short prefix, and everything for an empty one', () => {
    // The cells of ASCII words; one more cell holds every word with a Latin-1 letter in its first four.
    const count = (tests: WordTest[]) => firstLetterCells(tests).subarray(0, 37 ** 4).reduce((n, c) => n + c, 0);
    expect(count([{ kind: 'exact', value: 'community' }])).toBe(1);
    expect(count([{ kind: 'exact', value: 'we' }])).toBe(1);
    expect(count([{ kind: 'prefix', value: 'comm' }])).toBe(1);
    expect(count([{ kind: 'prefix', value: 'co' }])).toBe(37 ** 2);
    expect(count([{ kind: 'stem', value: 'commun' }])).toBe(1);
    // A stem's last letter counts unless the stemmer may have written it (e, i, l).
    expect(count([{ kind: 'stem', value: 'hop' }])).toBe(37);
    expect(count([{ kind: 'stem', value: 'hope' }])).toBe(37);
    expect(count([{ kind: 'stem', value: 'go' }])).toBe(37 ** 2);
    expect(count([{ kind: 'stem', value: 'ai' }])).toBe(37 ** 3);
    expect(count([{ kind: 'stem', value: 'mobl' }])).toBe(37);
    expect(count([{ kind: 'prefix', value: '' }])).toBe(37 ** 4);
    const cells = firstLetterCells([{ kind: 'exact', value: 'we' }]);
    expect(cells[cellOfWord('we')]).toBe(1);
    // The possessive key `we` of `we's` shares the cell: the apostrophe ends the letters read.
    expect(cells[cellOfWord("we's")]).toBe(1);
    expect(cells[cellOfWord('wet')]).toBe(0);
    // A word with é among its first letters is always looked up: the cells do not tell Latin-1 letters apart.
    expect(cells[cellOfWord('wé')]).toBe(1);
    expect(cells[cellOfWord('café')]).toBe(1);
    expect(cells[cellOfWord('cafe')]).toBe(0);
  });

  it('are worked out by the scanner as wordCell works them out, for every word of generated text', () => {
    const rng = prng(4242);
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éßÿ';
    const word = () => Array.from({ length: rng.int(1, 7) }, () => rng.pick([...letters])).join('');
    const gaps = [' ', ' ', '\n', '\n\n', ', ', "'", "' ", " '", '’', '—', '\t', '-', '. '];
    let checked = 0;
    for (let round = 0; round < 400; round++) {
      // Cells of a few tests, some of them prefixes of the words to come.
      const tests: WordTest[] = Array.from({ length: rng.int(1, 6) }, () => {
        const value = word().toLowerCase().slice(0, rng.int(1, 5));
        return { kind: rng.pick(['exact', 'prefix', 'stem'] as const), value };
      });
      const cells = firstLetterCells(tests);
      let text = '';
      for (let i = rng.int(1, 30); i > 0; i--) text += word() + (rng.chance(0.2) ? `'${word()}` : '') + rng.pick(gaps);
      const t = scanFolded(text, cells)!;
      const expected: number[] = [];
      for (let k = 0; k < t.count; k++) if (cells[wordCell(t.bytes, t.starts[k]!, t.ends[k]!)] === 1) expected.push(k);
      expect(Array.from(t.marked.subarray(0, t.markedCount)), JSON.stringify(text)).toEqual(expected);
      checked += t.count;
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('code passages exactly as looking up every word does (built-in codebook, hand-made phrases)', async () => {
    const builtin = compileCodebook(await loadCodebook(BUILTIN_CODEBOOK, 'community-power.yaml'));
    const texts = [
      'The Big Local partnership gave us the confidence to take control, and the residents association did the rest.',
      "We're the council's partners now: WE DECIDE. A sense of belonging, the community centre's grant",
      'Volunteering at the food bank, community organising, the steering group and the plan',
    ];
    const every = lookingUpEverything(builtin);
    for (const text of texts) expect(codeText(builtin, text)).toEqual(codeText(every, text));
  });

  it('pass over phrases that start on a skipped word only when no phrase can start there', () => {
    const compiled = compileCodebook(parseCodebookOrThrow('name: t\nthemes:\n  - id: a\n    label: A\n    keywords: ["ai", "sat down", "=we did", "xyz*"]\n', 't.yaml'));
    const coding = codeText(compiled, 'They ayed. We did, then they sat down; xyzzy and XYZ');
    expect(coding.themes.get(0)!.hits.map((h) => h.term)).toEqual(['ai', '=we did', 'sat down', 'xyz*', 'xyz*']);
  });
});

describe.skipIf(!hasSharedData('stemmer'))("first-letter cells on Porter's vocabularies", () => {
  it("leave out no word of Porter's 23,531-word vocabulary or Snowball's porter and english ones", { timeout: 60_000 }, () => {
    for (const folder of ['porter-original-23k', 'porter', 'english']) {
      const words = readFileSync(sharedData('stemmer', folder, 'voc.txt'), 'utf8').split(/\r?\n/).filter((w) => /^[a-z0-9']+$/.test(w));
      expect(words.length).toBeGreaterThan(20_000);
      // What the cells rest on: a word starts with as many of its stem's letters as stemKeeps says.
      const moved = words.filter((word) => {
        const s = stem(word);
        return !word.startsWith(s.slice(0, stemKeeps(s)));
      });
      expect(moved).toEqual([]);
      // Trusting every letter of every stem would lose words (happy stems to happi).
      expect(words.filter((word) => !word.startsWith(stem(word))).length).toBeGreaterThan(1000);
      // And the cells themselves, for every word the tokenizer can make whose cell its stem's first
      // four letters do not settle alone: a short stem, or one that differs from the word early.
      const byStem = new Map<string, string[]>();
      for (const word of words.filter((w) => /^[a-z0-9]+(?:'[a-z0-9]+)*$/.test(w))) {
        const s = stem(word);
        if (s.length <= 4 || word.slice(0, 4) !== s.slice(0, 4)) byStem.set(s, [...(byStem.get(s) ?? []), word]);
      }
      expect(byStem.size).toBeGreaterThan(1000);
      const lost = [...byStem].flatMap(([s, list]) => {
        const cells = firstLetterCells([{ kind: 'stem', value: s }]);
        return list.filter((word) => cells[cellOfWord(word)] !== 1);
      });
      expect(lost).toEqual([]);
    }
  });
});

describe.skipIf(!hasSharedData('transcripts') || !hasSharedData('dictionaries'))('first-letter cells on real transcripts', () => {
  it('change no coding of the ML quality interviews, with the built-in codebook and two imported dictionaries', async () => {
    const folder = sharedData('transcripts', 'ml-quality-interviews');
    const lines = readdirSync(folder)
      .filter((f) => f.startsWith('Interview'))
      .flatMap((f) => readFileSync(`${folder}/${f}`, 'utf8').split(/\n\s*\n/));
    expect(lines.length).toBeGreaterThan(1000);
    const codebooks = [await loadCodebook(BUILTIN_CODEBOOK, 'community-power.yaml')];
    for (const dictionary of ['rid/RID.CAT', 'mfd/mfd2.0.dic']) {
      const file = sharedData('dictionaries', dictionary);
      const imported = await importCodebook(dictionary.endsWith('.dic') ? 'dic' : 'cat', readFileSync(file), file);
      codebooks.push(parseCodebookOrThrow(imported.yaml, file));
    }
    for (const codebook of codebooks) {
      const compiled = compileCodebook(codebook);
      const every = lookingUpEverything(compiled);
      let coded = 0;
      for (const text of lines) {
        const coding = codeText(compiled, text);
        expect(coding).toEqual(codeText(every, text));
        coded += coding.themes.size;
      }
      expect(coded).toBeGreaterThan(100);
    }
  });
});
