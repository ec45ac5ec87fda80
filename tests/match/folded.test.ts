// Text read as bytes after folding each character on its own (scanFolded) must give exactly the
// tokens of the full normalization (NFKC, lower case, folded quotes, a grapheme at a time): the
// same words, at the same places in the original text, in the same blocks. Checked for every
// character of the Basic Multilingual Plane, on generated text, on the real transcripts, and in
// several languages; where the fold cannot say, it must say nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, originalOffset } from '../../src/match/normalize.js';
import { KEY_CODE, keyEnd, scanFolded, scanUnicode } from '../../src/match/tokenize.js';
import { codeText } from '../../src/match/engine.js';
import { compile, oneTheme } from '../helpers/code.js';
import { prng } from '../helpers/random.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

interface Tok {
  text: string;
  start: number;
  end: number;
  block: number;
}

/** The fold's tokens, keys read from its bytes as the word table reads them; undefined where it does not apply. */
function folded(text: string): Tok[] | undefined {
  const t = scanFolded(text);
  if (!t) return undefined;
  const out: Tok[] = [];
  for (let i = 0; i < t.count; i++) {
    const start = t.starts[i]!;
    const end = keyEnd(t.bytes, start, t.ends[i]!);
    let key = '';
    for (let k = start; k < end; k++) key += String.fromCharCode(KEY_CODE[t.bytes[k]!]!);
    out.push({ text: key, start, end: t.ends[i]!, block: t.blocks[i]! });
  }
  return out;
}

/** The full normalization's tokens, offsets taken back to the original text. */
function full(text: string): Tok[] {
  const n = normalize(text);
  const t = scanUnicode(n.text);
  return t.texts.map((word, i) => ({ text: word, start: originalOffset(n, t.starts[i]!), end: originalOffset(n, t.ends[i]!), block: t.blocks[i]! }));
}

function expectSame(text: string): boolean {
  const got = folded(text);
  if (got === undefined) return false;
  expect(got, JSON.stringify(text)).toEqual(full(text));
  return true;
}

describe('reading text folded to bytes', () => {
  it('agrees with the full normalization around every character of the Basic Multilingual Plane, or leaves the text to it', () => {
    let folds = 0;
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      // Inside a word, between words, by an apostrophe, before 's, and between line breaks.
      const text = `Ab${ch}cd don${ch}t ${ch}x x${ch}s Ann${ch}s${ch}\n${ch}\n\nZ${ch}${ch}é`;
      if (expectSame(text)) folds++;
    }
    // The fold takes the typographic punctuation, spaces and Latin-1 letters, and a good deal more.
    expect(folds).toBeGreaterThan(1000);
    for (const ch of '’‘“”–—…•£€\u00a0éÉàçñüßøÆ×«»©°·¿¡') expect(folded(`a${ch}b`), ch).toBeDefined();
    for (const ch of 'ﬁ\u0301ŁőΣσДд한ア中İ\u200d\u0600') expect(folded(`a${ch}b`), ch).toBeUndefined();
    // A character NFKC makes one ASCII or Latin-1 character reads as that one: ² as 2, ª as a, Ｆ as f.
    expect(folded('x²ªＦ')?.map((t) => t.text)).toEqual(['x2af']);
  });

  it('agrees on generated text rich in typographic punctuation and accented names', () => {
    const rng = prng(2026);
    const words = ['community', 'group', "don't", 'café', 'naïve', 'Zoë', 'José', 'Ramsey', 'fund', 'council', 'self-esteem', '2024', 'it’s', 'Ann’s', 'GRANT', 'Ünal', 'ÆSIR', 'façade'];
    const gaps = [' ', ' ', ' – ', ' — ', '… ', ', ', '. ', ' “', '” ', ' ‘', '’ ', '\u00a0', ' £', '€ ', ' • ', '\n', '\n\n', '\n \u00a0\n', ' (', ') ', '’', "'", '-', '/'];
    let checked = 0;
    for (let p = 0; p < 3000; p++) {
      let text = '';
      const n = rng.int(1, 40);
      for (let i = 0; i < n; i++) text += (i > 0 ? rng.pick(gaps) : '') + rng.pick(words);
      if (expectSame(text)) checked++;
    }
    expect(checked).toBe(3000);
  });

  it.runIf(hasSharedData('transcripts'))('agrees on every line of the real transcripts that it can fold', () => {
    const root = sharedData('transcripts');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(root, f)).isFile());
    let lines = 0;
    let foldedLines = 0;
    for (const f of files) {
      for (const line of readFileSync(path.join(root, f), 'utf8').split('\n')) {
        if (!/[^\x00-\x7f]/.test(line)) continue;
        lines++;
        if (expectSame(line)) foldedLines++;
      }
    }
    // Their curly quotes, dashes and ellipses fold; the French interview's accents too.
    expect(lines).toBeGreaterThan(150);
    expect(foldedLines / lines).toBeGreaterThan(0.95);
  });

  it('agrees in the languages of Western Europe, and leaves others to the full normalization', () => {
    const western = [
      'L’été dernier, nous avons créé « l’atelier » — c’était génial… Où êtes-vous ?',
      'Die Gemeinde hat über 5 000 € für „Jugendarbeit“ ausgegeben – großartig!',
      '¿Dónde está el centro cívico? ¡Mañana a las 10:30, señor Núñez!',
      'Perché la comunità è più forte? Così è: però, non sempre.',
      'A associação não recebeu a verba, até à reunião de março.',
      'Fjörður, Þórólfur og Ægir fóru á fundinn.',
    ];
    for (const text of western) expect(expectSame(text), text).toBe(true);
    const others = ['Społeczność otrzymała grant.', 'Η κοινότητα έλαβε χρηματοδότηση.', 'Сообщество получило грант.', '지역 사회가 보조금을 받았다.', 'İstanbul’da toplantı yapıldı.', 'Cộng đồng đã nhận được tài trợ.'];
    for (const text of others) expect(folded(text), text).toBeUndefined();
  });

  it('codes a passage alike whatever kind of text came before it', () => {
    // The engine tries the fold first after a passage that needed it: no passage may notice.
    const compiled = compile(oneTheme(['grant', 'council', 'café', 'group work']));
    const passages = ['The council’s grant — a café…', 'The council gave a grant to the group work.', 'Η κοινότητα: grant, ﬁne council', 'Group work, grant, café', '“Group” work isn’t a grant', 'GRANT GRANT council'];
    const alone = (text: string) => JSON.stringify(codeText(compiled, text), (_, v: unknown) => (v instanceof Map ? [...v] : v));
    const expected = passages.map(alone);
    const rng = prng(7);
    for (let round = 0; round < 200; round++) {
      const i = rng.int(0, passages.length - 1);
      expect(alone(passages[i]!), passages[i]).toBe(expected[i]);
    }
    expect(codeText(compiled, passages[0]!).words).toBe(5);
  });
});
