// Direction marks around and inside speaker labels: Word writes them beside Hebrew and Arabic names.
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const CODEBOOK = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant, מענק]\n';

const speakersOf = async (text: string) => {
  const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': text });
  const r = await runObs(['code', 'c', '--passages', '--by', 'none'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { speaker: string | null; text: string; themes: Record<string, number> });
};

describe('speaker labels with direction marks', () => {
  it('reads a right-to-left mark before each Hebrew label as no part of it', async () => {
    const passages = await speakersOf('\u200fמראיין: מה קיבלתם?\n\u200fשרה: קיבלנו מענק.\n\u200fמראיין: ומה עוד?\n\u200fשרה: מתנדבים.\n');
    expect(passages.map((p) => p.speaker)).toEqual(['מראיין', 'שרה', 'מראיין', 'שרה']);
    expect(passages[1]).toMatchObject({ text: 'קיבלנו מענק.', themes: { money: 1 } });
  });

  it('does not let a mark inside a label hide the speaker, whose words would join the interviewer turn uncoded', async () => {
    const passages = await speakersOf('Interviewer: what came?\nAnn\u202eSmith: a grant\nInterviewer: more?\nAnn\u202eSmith: nothing\n');
    const respondent = passages.filter((p) => p.speaker === 'AnnSmith');
    expect(respondent.map((p) => [p.text, p.themes])).toEqual([
      ['a grant', { money: 1 }],
      ['nothing', {}],
    ]);
  });
});
