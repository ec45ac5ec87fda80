// Properties that must hold for any input, checked with fast-check on generated text and corpora.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalize, originalOffset } from '../../src/match/normalize.js';
import { tokenize } from '../../src/match/tokenize.js';
import { codeText } from '../../src/match/engine.js';
import { compile } from '../helpers/code.js';
import { runObs, tempCorpus } from '../helpers/run.js';

// Text as transcripts hold it: words, punctuation, apostrophes, accents, other scripts, emoji, line breaks.
const piece = fc.oneof(
  fc.constantFrom('grant', 'Grants', 'council', "council's", "don't", 'match', 'funding', 'money', 'Café', 'naïve', 'José', 'ÉTÉ', 'ｇｒａｎｔ', 'ﬁnance', 'Σ', 'δήμος', '日本', '👍🏽', 'e\u0301'),
  fc.constantFrom(' ', '  ', ', ', '. ', '\n', '\n\n', '\r\n', '\t', '’', "'", '-', '—', '–', '…', '“', '”', '\u00a0', '£'),
  fc.string({ maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

const CODEBOOK = `name: p
themes:
  - id: money
    label: Money
    keywords: [grant, match funding, money, fund*, "=café"]
    themes:
      - id: grants
        label: Grants
        keywords: [grant]
  - id: council
    label: Council
    keywords: [council, local authority]
    near: [{ all: [council, money], within: 5 }]
`;

describe('properties', () => {
  it('the tokenizer never loses or invents text: every token is its slice of the normalized text, in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalize(t);
        let previous = 0;
        for (const token of tokenize(n.text)) {
          expect(token.start).toBeGreaterThanOrEqual(previous);
          const slice = n.text.slice(token.start, token.end);
          expect(slice === token.text || slice === `${token.text}'s`).toBe(true);
          // Nothing between tokens is a letter or digit: no word is dropped.
          expect(n.text.slice(previous, token.start)).not.toMatch(/^[\p{L}\p{N}]/u);
          previous = token.end;
        }
        // Offsets map back into the original text, in order.
        for (let i = 1; i <= n.text.length; i++) expect(originalOffset(n, i)).toBeGreaterThanOrEqual(originalOffset(n, i - 1));
        expect(originalOffset(n, n.text.length)).toBe(t.length);
      }),
      { numRuns: 400 },
    );
  });

  it("a hit's offsets pick out the matched words in the passage's own text", () => {
    const compiled = compile(CODEBOOK);
    fc.assert(
      fc.property(text, (t) => {
        for (const coding of codeText(compiled, t).themes.values()) {
          for (const hit of coding.hits) {
            const original = t.slice(hit.start, hit.end);
            const words = tokenize(normalize(original).text).map((w) => w.text);
            expect(words.length).toBe(hit.last - hit.first + 1);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('coding does not depend on the order of themes or keywords', () => {
    const a = compile(CODEBOOK);
    const b = compile(`name: p
themes:
  - id: council
    label: Council
    near: [{ all: [money, council], within: 5 }]
    keywords: [local authority, council]
  - id: money
    label: Money
    themes:
      - id: grants
        label: Grants
        keywords: [grant]
    keywords: ["=café", fund*, money, match funding, grant]
`);
    const byId = (compiled: typeof a, t: string) =>
      Object.fromEntries([...codeText(compiled, t).themes].map(([i, c]) => [compiled.themes[i]!.id, c.hits.map((h) => `${h.first}-${h.last}`).sort()]));
    fc.assert(
      fc.property(text, (t) => {
        expect(byId(b, t)).toEqual(byId(a, t));
      }),
      { numRuns: 300 },
    );
  });

  const transcript = fc.record({
    area: fc.constantFrom('Ramsey', 'Revoe', 'Hanwell'),
    turns: fc.array(text.filter((t) => !/^\s*\S+:/.test(t)), { minLength: 1, maxLength: 6 }),
  });
  const files = fc.array(transcript, { minLength: 2, maxLength: 8 });
  const asFiles = (docs: Array<{ area: string; turns: string[] }>, names: (i: number) => string) =>
    Object.fromEntries(
      docs.map((d, i) => [names(i), `---\narea: ${d.area}\n---\n${d.turns.flatMap((t) => [`Ann: ${t.replace(/\s*\n\s*/g, ' ')}`, '', 'Interviewer: And?', '']).join('\n')}Ann: end\n`]),
    );
  const figures = async (root: string, dir: string) => {
    const r = await runObs(['code', `${root}/${dir}`, '--codebook', `${root}/codebook.yaml`, '--by', 'area', '--format', 'csv', '--quiet']);
    expect(r.code).toBe(0);
    return parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
  };

  it('splitting a corpus in two and adding the figures gives the figures of the whole', async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.nat(), async (docs, cut) => {
        const k = 1 + (cut % (docs.length - 1));
        const root = tempCorpus({ 'codebook.yaml': CODEBOOK, ...Object.fromEntries(Object.entries(asFiles(docs, (i) => `${i < k ? 'a' : 'b'}/${i}.txt`)).map(([n, c]) => [`all/${n}`, c])) });
        const whole = await figures(root, 'all');
        const [a, b] = [await figures(root, 'all/a'), await figures(root, 'all/b')];
        for (const row of whole.filter((r) => r.area !== '(all)')) {
          const parts = [a, b].map((rows) => rows.find((r) => r.area === row.area && r.theme === row.theme));
          for (const col of ['documents', 'passages', 'passages_total', 'hits', 'words']) {
            expect(Number(row[col]), `${row.area} ${row.theme} ${col}`).toBe(parts.reduce((s, p) => s + Number(p?.[col] ?? 0), 0));
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('the same figures whatever order the files are read in, and whatever --jobs is', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (docs) => {
        const root = tempCorpus({ 'codebook.yaml': CODEBOOK, ...Object.fromEntries(Object.entries(asFiles(docs, (i) => `${i}.txt`)).map(([n, c]) => [`x/${n}`, c])) });
        const reversed = tempCorpus({ 'codebook.yaml': CODEBOOK, ...Object.fromEntries(Object.entries(asFiles([...docs].reverse(), (i) => `${i}.txt`)).map(([n, c]) => [`x/${n}`, c])) });
        expect(await figures(reversed, 'x')).toEqual(await figures(root, 'x'));
        const one = await runObs(['code', `${root}/x`, '--codebook', `${root}/codebook.yaml`, '--format', 'json', '--jobs', '1']);
        const many = await runObs(['code', `${root}/x`, '--codebook', `${root}/codebook.yaml`, '--format', 'json', '--jobs', '3'], { env: { OBS_WORKER_BYTES: '1' } });
        expect(many.stdout).toBe(one.stdout);
        expect(many.stderr).toBe(one.stderr);
      }),
      { numRuns: 10 },
    );
  });
});
