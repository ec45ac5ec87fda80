// The shared options, each run whole: metadata sources, speakers, units.
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const CODEBOOK = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant, funding]\n';

const jsonl = (stdout: string) => (stdout.trim() === '' ? [] : stdout.trim().split('\n')).map((l) => JSON.parse(l) as { file: string; line: number; speaker: string | null; meta: Record<string, string>; themes: Record<string, number>; text: string });

describe('metadata options', () => {
  it('takes --meta rows by path relative to the corpus folder, front matter first', async () => {
    const dir = tempCorpus({
      'codebook.yaml': CODEBOOK,
      'c/ramsey/a.txt': 'Ann: a grant\nAnn: ok\n',
      'c/b.md': '---\narea: Front\n---\nBo: funding\nBo: ok\n',
      'meta.csv': 'file,area,year\nramsey/a.txt,Ramsey,2019\nb.md,Ignored,2020\n',
    });
    const { stdout, stderr } = await runObs(['code', 'c', '--meta', 'meta.csv', '--passages'], { cwd: dir });
    expect(stderr).toBe('');
    expect(jsonl(stdout).map((p) => [p.file, p.meta])).toEqual([
      ['b.md', { area: 'Front', year: 2020 }],
      ['b.md', { area: 'Front', year: 2020 }],
      ['ramsey/a.txt', { area: 'Ramsey', year: 2019 }],
      ['ramsey/a.txt', { area: 'Ramsey', year: 2019 }],
    ]);
  });

  it('warns about --meta rows that name no transcript', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: a grant\nAnn: ok\n', 'meta.csv': 'file,area\nc/a.txt,Ramsey\n' });
    const { stderr } = await runObs(['code', 'c', '--meta', 'meta.csv', '--format', 'csv'], { cwd: dir });
    expect(stderr).toContain('obs: warning: meta.csv: 1 row name no transcript read (first: c/a.txt)');
  });

  it('reads fields from paths with --path-pattern', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/Revoe/2022/chair.txt': 'Ann: a grant\nAnn: ok\n' });
    const { stdout } = await runObs(['code', 'c', '--path-pattern', '{area}/{year}/*', '--format', 'csv'], { cwd: dir });
    expect(stdout.split('\n')[1]).toBe('Revoe,2022,money,1,1,2,0.5,1,3,333.33');
  });
});

describe('speakers and units', () => {
  const transcript = 'Host: Welcome, the grant is open.\nAnn: We got a grant. Then funding came.\nHost: Good.\nAnn: And more funding.\n';

  it('leaves out the speakers named with --exclude-speaker, like interviewers', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': transcript.replace(/Host/g, 'Sam') });
    const all = jsonl((await runObs(['code', 'c', '--passages'], { cwd: dir })).stdout);
    expect(all.map((p) => p.speaker)).toEqual(['Sam', 'Ann', 'Sam', 'Ann']);
    const some = jsonl((await runObs(['code', 'c', '--passages', '--exclude-speaker', 'sam'], { cwd: dir })).stdout);
    expect(some.map((p) => [p.line, p.speaker])).toEqual([
      [2, 'Ann'],
      [4, 'Ann'],
    ]);
  });

  it('takes a label that obs doubts as a speaker when named with --speakers', async () => {
    // A lower-case one-time label among capitalised ones is read as text, with a warning.
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Interviewer: Hello\nann: a grant\n' });
    const without = jsonl((await runObs(['code', 'c', '--passages'], { cwd: dir })).stdout);
    expect(without).toEqual([]);
    const named = jsonl((await runObs(['code', 'c', '--passages', '--speakers', 'ann'], { cwd: dir })).stdout);
    expect(named.map((p) => [p.speaker, p.text])).toEqual([['ann', 'a grant']]);
  });

  it('codes sentences with --unit sentence and whole documents with --unit document', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': transcript });
    const sentences = jsonl((await runObs(['code', 'c', '--passages', '--unit', 'sentence', '--exclude-speaker', 'Host'], { cwd: dir })).stdout);
    expect(sentences.map((p) => [p.line, p.text, p.themes])).toEqual([
      [2, 'We got a grant.', { money: 1 }],
      [2, 'Then funding came.', { money: 1 }],
      [4, 'And more funding.', { money: 1 }],
    ]);
    const documents = jsonl((await runObs(['code', 'c', '--passages', '--unit', 'document', '--exclude-speaker', 'Host'], { cwd: dir })).stdout);
    expect(documents.map((p) => [p.line, p.speaker, p.themes])).toEqual([[2, 'Ann', { money: 3 }]]);
  });
});

describe('what a reviewer tripped over', () => {
  it('does not read the --meta table as a transcript when it sits inside the corpus folder', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'interviews/a.txt': 'Ann: a grant\nAnn: ok\n', 'interviews/meta.csv': 'file,area,year\na.txt,Ramsey,2019\n' });
    const { code, stdout, stderr } = await runObs(['code', 'interviews/', '--meta', 'interviews/meta.csv', '--format', 'csv'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toBe('Ramsey,2019,money,1,1,2,0.5,1,3,333.33');
  });

  it('skips a CSV without a `text` column with a warning and codes the rest', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Ann: a grant\nAnn: ok\n', 'c/codes.csv': 'code,count\nx,1\n' });
    const { code, stderr } = await runObs(['code', 'c', '--format', 'csv', '--by', 'file'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('obs: warning: codes.csv:1: has no text column (columns: code, count); skipped');
  });

  it('takes a `Name:` label in a VTT cue for a speaker even when it appears once', async () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nInterviewer: Money?\n\n2\n00:00:02.000 --> 00:00:04.000\nCouncillor Grant Money: We had a grant.\n';
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.vtt': vtt });
    const lines = jsonl((await runObs(['code', 'c', '--passages'], { cwd: dir })).stdout);
    expect(lines.map((p) => [p.speaker, p.text, p.themes])).toEqual([['Councillor Grant Money', 'We had a grant.', { money: 1 }]]);
  });

  it('warns when a doubtful label after an interviewer turn would lose a respondent\'s words', async () => {
    const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': 'Interviewer: How was it?\njo: We got a grant.\nInterviewer: Thanks.\nSam: ok\nSam: funding\n' });
    const { stderr } = await runObs(['code', 'c', '--format', 'csv'], { cwd: dir });
    expect(stderr).toContain(
      'obs: warning: a.txt:2: `jo:` looks like a speaker label, but no other line or speaker backs it up, so it is read as text inside the interviewer\'s turn, and not coded\n  hint: if jo is a speaker, add --speakers "jo"',
    );
  });

  it('refuses standard input twice', async () => {
    const { code, stderr } = await runObs(['code', '-', '-'], { stdin: 'Ann: a\nAnn: b\n' });
    expect(code).toBe(2);
    expect(stderr).toContain('obs: `-` (standard input) is given twice');
  });
});
