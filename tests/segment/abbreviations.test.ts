// --unit sentence: a title or an abbreviation's full stop (Mr. Jones, e.g. Ramsey) does not end a
// sentence, and each sentence keeps the lines it stands on.
import { describe, expect, it } from 'vitest';
import { toPassages } from '../../src/segment/passages.js';
import type { Turn } from '../../src/segment/types.js';
import { runObs, tempCorpus } from '../helpers/run.js';

/** The sentences of one respondent turn whose text starts at line 10, one line per `\n`. */
function sentences(text: string) {
  const lines = text.split('\n').map((_, i) => ({ line: 10 + i, start: null }));
  const turn: Turn = { speaker: 'Ann', interviewer: false, paragraphs: [{ text, lines }] };
  return toPassages([turn], 'sentence', { doc: 0, file: 'a.txt', meta: {} }).map((p) => ({ text: p.text, line: p.line, end: p.end }));
}
const texts = (text: string) => sentences(text).map((s) => s.text);

describe('abbreviations do not end a sentence', () => {
  it.each([
    'We met Mr. Jones at the hall.',
    'Then Mrs. Kaur came.',
    'Ask Ms. Webb.',
    'Dr. Patel said so.',
    'We went to St. Mary’s.',
    'Prof. Lee wrote it.',
    'The Rev. Green opened it.',
    'Cllr. Hughes chaired it.',
    'Small places, e.g. Ramsey, did well.',
    'The ward, i.e. Revoe, voted.',
    'It was Ramsey vs. Revoe.',
    'We had approx. 50 People there.',
    'She lived at no. 5 The Terrace.',
    'WE MET MR. JONES.',
    'They came (e.g. Dr. Patel) early.',
  ])('%j is one sentence', (text) => {
    expect(texts(text)).toEqual([text]);
  });

  it('still ends a sentence after a word that only ends like an abbreviation, and after "no." before a word', () => {
    expect(texts('We came first. Then we left.')).toEqual(['We came first.', 'Then we left.']);
    expect(texts('We sold items. Sally paid.')).toEqual(['We sold items.', 'Sally paid.']);
    expect(texts('It was hers. Sally came later.')).toEqual(['It was hers.', 'Sally came later.']);
    expect(texts('They said no. Then we left.')).toEqual(['They said no.', 'Then we left.']);
  });

  it('keeps "etc." (or a title) that really ends a sentence joined to the next one, the safe error', () => {
    expect(texts('We had fetes, fairs, etc. The council paid. It ended.')).toEqual(['We had fetes, fairs, etc. The council paid.', 'It ended.']);
    expect(texts('I asked the Dr. Then I left.')).toEqual(['I asked the Dr. Then I left.']);
  });

  it('keeps the lines of a sentence joined across a line break', () => {
    expect(sentences('We met Mr.\nJones at the hall. Then Dr. Patel\nsaid no.\nIt ended.')).toEqual([
      { text: 'We met Mr.\nJones at the hall.', line: 10, end: 11 },
      { text: 'Then Dr. Patel\nsaid no.', line: 11, end: 12 },
      { text: 'It ended.', line: 13, end: 13 },
    ]);
  });

  it('splits a long paragraph in about the time of reading it, and keeps each sentence on its line', () => {
    // 12,000 sentences in one 300 KB paragraph, one line each: ICU alone over the whole took some 12 s.
    const text = Array.from({ length: 12000 }, (_, i) => `Line ${i} we met Mr. Jones at the hall, etc. Then no. ${i} left.`).join('\n');
    const started = Date.now();
    const got = sentences(text);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(got).toHaveLength(12000);
    expect(got[11999]).toEqual({ text: 'Line 11999 we met Mr. Jones at the hall, etc. Then no. 11999 left.', line: 10 + 11999, end: 10 + 11999 });
  });

  it('obs code --unit sentence --passages keeps "We met Mr. Jones at the hall." whole', async () => {
    const dir = tempCorpus({
      'codebook.yaml': 'name: T\nversion: 1.0.0\nthemes:\n  - id: hall\n    label: Hall\n    keywords: [hall]\n',
      'corpus/a.txt': 'Interviewer: Who came?\nRespondent: We met Mr. Jones at the hall. Then Dr.\nPatel came.\n',
    });
    const r = await runObs(['code', '--codebook', 'codebook.yaml', 'corpus', '--unit', 'sentence', '--passages'], { cwd: dir });
    expect(r.code).toBe(0);
    const passages = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; line: number; themes: Record<string, number> });
    expect(passages.map((p) => [p.text, p.line])).toEqual([
      ['We met Mr. Jones at the hall.', 2],
      ['Then Dr.\nPatel came.', 2],
    ]);
    expect(passages[0]!.themes).toEqual({ hall: 1 });
  });
});
