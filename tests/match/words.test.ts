// The word table: one number per distinct word, found from the passage text without making strings.
import { describe, expect, it } from 'vitest';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { compileCodebook } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';
import { HASH_START, hashStep } from '../../src/match/tokenize.js';
import { WordTable, type WordInfo } from '../../src/match/words.js';

function table(): { words: WordTable; made: string[] } {
  const made: string[] = [];
  const words = new WordTable((word): WordInfo => {
    made.push(word);
    return { text: word, stem: word, starts: word === 'grant' ? [{ ref: { kind: 'ignore', rule: 0 }, pattern: [] }] : [] };
  });
  return { words, made };
}

describe('WordTable', () => {
  it('gives a word read from text in any case the number of its lower-case form, describing it once', () => {
    const { words, made } = table();
    const text = 'The GRANT, the grant; Grants';
    const bytes = new TextEncoder().encode(text);
    const at = (word: string) => text.indexOf(word);
    const grant = words.get('grant');
    expect(words.lookup(bytes, at('GRANT'), at('GRANT') + 5, hashOf('grant'))).toBe(grant);
    expect(words.lookup(bytes, at('grant;'), at('grant;') + 5, hashOf('grant'))).toBe(grant);
    const grants = words.lookup(bytes, at('Grants'), at('Grants') + 6, hashOf('grants'));
    expect(grants).not.toBe(grant);
    expect(words.infos[grant]!.text).toBe('grant');
    expect(words.infos[grants]!.text).toBe('grants');
    expect(words.starts[grant]).toBe(1);
    expect(words.starts[grants]).toBe(0);
    expect(made).toEqual(['grant', 'grants']);
  });

  it('keeps every number good within a passage past the cap, and starts afresh only when trimmed between passages', () => {
    const { words, made } = table();
    const ids: number[] = [];
    const count = 500_010;
    for (let i = 0; i < count; i++) ids.push(words.get(`w${i}`));
    expect(new Set(ids).size).toBe(count);
    expect(words.infos[ids[7]!]!.text).toBe('w7');
    expect(words.get('w7')).toBe(ids[7]);
    expect(made.length).toBe(count);
    words.trim();
    expect(words.get('w7')).toBe(0);
    expect(made.length).toBe(count + 1);
  });
});

describe('the word table under the engine', () => {
  it('codes a passage whose one rule word is the word that makes the table grow (ASCII and Unicode text)', () => {
    const codebook = parseCodebookOrThrow('name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [budget]\n', 't.yaml');
    // Fillers sharing the rule's first letters are all looked up, so one of these counts puts
    // `budget` on the number where the table doubles (1,024), whatever else it holds.
    for (const accent of ['', 'é']) {
      for (let fillers = 1000; fillers <= 1030; fillers++) {
        const compiled = compileCodebook(codebook);
        codeText(compiled, Array.from({ length: fillers }, (_, i) => `budg${i}${accent}`).join(' '));
        expect(codeText(compiled, `budget cuts ${accent}`).themes.size, `${fillers} fillers ${accent}`).toBe(1);
      }
    }
  });
});

function hashOf(word: string): number {
  let h = HASH_START;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}
