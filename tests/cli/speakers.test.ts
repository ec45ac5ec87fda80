// `obs speakers` shows what was read; `obs code` says where a reading is in doubt; standard input is
// read as whatever format it holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const EXPORTS = path.resolve('fixtures/exports');
const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { file: string; line: number; speaker: string | null; start: string | null; text: string });

describe('obs speakers', () => {
  it('lists every file and speaker of the example corpus: its format, role and why, turns, words and share', async () => {
    const r = await runObs(['speakers', 'fixtures/big-local', '--format', 'csv']);
    expect(r.code).toBe(0);
    // Every file of the example corpus reads cleanly: nothing to warn about.
    expect(r.stderr).toBe('');
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(new Set(rows.map((row) => row.file)).size).toBe(32);
    const rep = rows.filter((row) => row.file === 'catton-grove-2016-rep.md');
    expect(rep.map((row) => [row.speaker, row.role, row.why, row.layout, row.turns, row.words])).toEqual([
      ['Moderator', 'interviewer', 'interviewer label', 'Name: text', '6', '38'],
      ['Linda', 'respondent', 'no interviewer label', 'Name: text', '6', '150'],
      ['Ravi', 'respondent', 'no interviewer label', 'Name: text', '4', '127'],
    ]);
    // Each file's shares add up to the whole.
    const share = (file: string) => rows.filter((row) => row.file === file).reduce((sum, row) => sum + Number(row.share), 0);
    for (const file of new Set(rows.map((row) => row.file!))) expect(share(file)).toBeCloseTo(1, 2);
  });

  it('says who it takes for the interviewer and why: a label, --exclude-speaker, or the questions asked', async () => {
    const otter = path.join(EXPORTS, 'reproduced/otter.docx');
    const plain = await runObs(['speakers', otter, '--format', 'json']);
    const rows = (JSON.parse(plain.stdout) as { speakers: Array<Record<string, unknown>> }).speakers;
    // Speakers as they first speak, text without a speaker (the title and keywords) last.
    expect(rows.map((row) => [row.speaker, row.role, row.why, row.turns, row.first_start])).toEqual([
      ['Ruth Evans', 'respondent', 'asks 3 of the 3 questions, but has no interviewer label', 3, '00:00'],
      ['R12', 'respondent', 'respondent label', 3, '00:09'],
      [null, 'respondent', 'no speaker label', 1, null],
    ]);
    expect(plain.stderr).toContain('otter.docx: Ruth Evans asks 3 of the file\'s 3 questions but has no interviewer label');
    expect(plain.stderr).toContain('hint: if Ruth Evans is the interviewer, add --exclude-speaker "Ruth Evans" (or --find-interviewer, to leave out such a speaker in every file)');
    const found = JSON.parse((await runObs(['speakers', otter, '--format', 'json', '--find-interviewer'])).stdout) as { speakers: Array<Record<string, unknown>> };
    expect(found.speakers.find((row) => row.speaker === 'Ruth Evans')).toMatchObject({ role: 'interviewer', why: 'asks 3 of the 3 questions (--find-interviewer)' });
    const named = JSON.parse((await runObs(['speakers', otter, '--format', 'json', '--exclude-speaker', 'Ruth Evans'])).stdout) as { speakers: Array<Record<string, unknown>> };
    expect(named.speakers.find((row) => row.speaker === 'Ruth Evans')).toMatchObject({ role: 'interviewer', why: '--exclude-speaker' });
  });

  it('prints a table per file, with the layout it found and the time stamps it took out', async () => {
    const r = await runObs(['speakers', path.join(EXPORTS, 'reproduced/rev.txt')]);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      'rev.txt (txt, 7 time stamps)',
      'speaker    role        turns  words  share  from   layout               why',
      '─────────  ──────────  ─────  ─────  ─────  ─────  ───────────────────  ────────────────',
      'Speaker 1  respondent      2     19    26%  00:00  Name 0:03 (heading)  respondent label',
      'Speaker 2  respondent      2     40    56%  00:04  Name 0:03 (heading)  respondent label',
      'Speaker 3  respondent      1     13    18%  01:02  Name 0:03 (heading)  respondent label',
    ]);
  });
});

describe('obs code says where a reading is in doubt', () => {
  it('names a file with no speaker among files with speakers, and one whose respondents say almost nothing', async () => {
    const dir = tempCorpus({
      'a.txt': 'Interviewer: How did it start?\n\nAnn: A flyer, then the grant.\n',
      'b.txt': 'We had a grant.\n\nThen more funding.\n',
      'c.txt': `Interviewer: ${'Tell me everything about the grant and the funding, please. '.repeat(5)}\n\nAnn: Yes.\n`,
    });
    const r = await runObs(['code', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('obs: warning: b.txt: no speaker was found, where 2 other files have speakers: all its text is counted, any interviewer\'s questions too');
    expect(r.stderr).toContain("obs: warning: c.txt: respondents' words are 2% of the file's (1 of 51); the rest are interviewer turns, which are not coded");
    expect(r.stderr).not.toMatch(/a\.txt: (no speaker|respondents')/);
  });

  it('leaves out the speaker who asks most of the questions with --find-interviewer, the same on every --jobs', async () => {
    const otter = path.join(EXPORTS, 'reproduced/otter.docx');
    const before = jsonl((await runObs(['code', otter, '--passages'])).stdout);
    expect(new Set(before.map((p) => p.speaker))).toEqual(new Set([null, 'Ruth Evans', 'R12']));
    for (const jobs of ['1', '2']) {
      const after = await runObs(['code', otter, '--passages', '--find-interviewer', '--jobs', jobs], { env: { OBS_WORKER_BYTES: '1' } });
      expect(new Set(jsonl(after.stdout).map((p) => p.speaker))).toEqual(new Set([null, 'R12']));
      expect(after.stderr).not.toContain('asks');
    }
  });
});

describe('standard input', () => {
  const read = (file: string) => readFileSync(path.join(EXPORTS, file));

  it.each([
    ['reproduced/google-meet.vtt', 'vtt', 'Leah Morgan'],
    ['youtube/captions.sbv', 'sbv', null],
    ['oral-history-as-data/gluck.csv', 'csv', 'DB'],
    ['reproduced/teams.docx', 'docx', 'Patel, Dev'],
    ['qualcoder/ID2.odt', 'odt', null],
    ['reproduced/word97-oral-history.htm', 'html', 'Hale'],
    ['textract/raw_text.doc', 'doc', null],
  ])('reads %s from `-` by its content, as %s', async (file, format, speaker) => {
    const r = await runObs(['speakers', '-', '--format', 'json'], { stdin: read(file) });
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { speakers: Array<{ file: string; format: string; speaker: string | null }> }).speakers;
    expect(rows[0]).toMatchObject({ file: 'stdin', format });
    expect(rows.map((row) => row.speaker)).toContain(speaker);
  });

  it('says standard input is empty, and exits 2 where nothing could be read', async () => {
    for (const command of ['code', 'speakers']) {
      const r = await runObs([command, '-'], { stdin: '' });
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain('obs: warning: stdin: standard input is empty; skipped');
      expect(r.stderr).toContain('obs: no transcript could be read');
    }
  });

  it('reads an SRT file from `-` by its timings, and takes the name and format from --stdin-filename', async () => {
    const srt = readFileSync('fixtures/big-local/ramsey-2025-worker.srt');
    const sniffed = jsonl((await runObs(['code', '-', '--passages'], { stdin: srt })).stdout);
    expect(sniffed[0]).toMatchObject({ file: 'stdin', start: expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3}$/) });
    expect(sniffed.map((p) => p.text).join(' ')).not.toMatch(/-->/);
    const named = jsonl((await runObs(['code', '-', '--passages', '--stdin-filename', 'ramsey/worker.srt'], { stdin: srt })).stdout);
    expect(named.map((p) => [p.line, p.speaker, p.text])).toEqual(sniffed.map((p) => [p.line, p.speaker, p.text]));
    expect(named[0]!.file).toBe('ramsey/worker.srt');
    // A name says the format even where the content would say otherwise.
    const asText = jsonl((await runObs(['code', '-', '--passages', '--stdin-filename', 'worker.txt'], { stdin: 'Interviewer: Hi?\nAnn: A grant.\n' })).stdout);
    expect(asText.map((p) => p.speaker)).toEqual(['Ann']);
  });
});

describe('the formats obs reads', () => {
  it('finds .docx, .odt, .html, .doc and .sbv files in a folder, and names an .rtf it cannot read', async () => {
    const dir = tempCorpus({
      'a.docx': read('reproduced/teams.docx'),
      'b.odt': read('qualcoder/ID2.odt'),
      'c.htm': read('reproduced/word97-oral-history.htm'),
      'd.doc': read('textract/raw_text.doc'),
      'e.sbv': read('youtube/captions.sbv'),
      'f.rtf': '{\\rtf1\\ansi Interviewer: Hello\\par}',
    });
    const r = await runObs(['speakers', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    const files = new Set((parse(r.stdout, { columns: true }) as Array<Record<string, string>>).map((row) => `${row.file} ${row.format}`));
    expect(files).toEqual(new Set(['a.docx docx', 'b.odt odt', 'c.htm html', 'd.doc doc', 'e.sbv sbv']));
    expect(r.stderr).toContain('obs: warning: f.rtf: is a Rich Text (.rtf) file, which obs does not read; skipped\n  hint: open it in Word, LibreOffice or TextEdit and save it as .docx (or as plain text, .txt)');
    expect(r.stderr).not.toContain('not a transcript format');
  });

  it('says a .docx that is no Word document is not readable, and goes on', async () => {
    const dir = tempCorpus({ 'a.docx': 'not a zip at all', 'b.txt': 'Interviewer: Hi?\n\nAnn: A grant.\n' });
    const r = await runObs(['code', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/obs: warning: a\.docx: is not a readable Word document: .*; skipped\n {2}hint: open it in Word or LibreOffice and save it as \.docx again/);
  });

  function read(file: string): Buffer {
    return readFileSync(path.join(EXPORTS, file));
  }
});
