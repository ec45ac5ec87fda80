// The exports researchers receive, one sample each (fixtures/exports/README.md says where each comes
// from): who speaks, in how many turns, from when, which turns are the interviewer's, and that no
// time stamp is ever read as a word.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../src/corpus/read.js';
import { toPassages } from '../../src/segment/passages.js';
import { readTurns, type ReadPolicy } from '../../src/segment/turns.js';
import type { Passage, Turn } from '../../src/segment/types.js';

const EXPORTS = path.resolve('fixtures/exports');

async function readExport(file: string, policy: ReadPolicy = {}, bytes: Uint8Array = readFileSync(path.join(EXPORTS, file))) {
  const { transcript, warnings } = await readTranscript(bytes, path.basename(file));
  const reading = readTurns(transcript!, policy);
  const passages = toPassages(reading.turns, 'turn', { doc: 0, file, meta: transcript!.meta });
  return { transcript: transcript!, warnings, reading, turns: reading.turns, passages };
}

/** Turns per speaker, `null` for text no label gives anyone. */
function turnsBySpeaker(turns: readonly Turn[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of turns) counts[String(t.speaker)] = (counts[String(t.speaker)] ?? 0) + 1;
  return counts;
}

const starts = (turns: readonly Turn[]) => turns.map((t) => [t.speaker, t.paragraphs[0]!.lines[0]!.start]);
const interviewers = (turns: readonly Turn[]) => [...new Set(turns.filter((t) => t.interviewer).map((t) => t.speaker))];

/** No clock time is left in any passage: each was a stamp, and a stamp is never words. */
function expectNoStamps(passages: readonly Passage[]): void {
  for (const p of passages) expect(p.text, `${p.file}:${p.line}`).not.toMatch(/\d{1,2}:\d{2}/);
}

describe('Otter', () => {
  it('reads `Name  0:03` headings with the words below (a real .txt export, two trailing spaces on each heading)', async () => {
    const { turns, passages } = await readExport('otter/62-security.txt');
    expect(turnsBySpeaker(turns)).toEqual({ Emma: 3, Kelly: 2, 'Unknown Speaker': 2 });
    expect(starts(turns).slice(0, 4)).toEqual([
      ['Emma', '0:00'],
      ['Kelly', '0:34'],
      ['Unknown Speaker', '0:35'],
      ['Emma', '0:37'],
    ]);
    // Two headings of one speaker in a row are one turn; the export's footer is nobody's words.
    expect(turns.at(-1)!.paragraphs.map((p) => p.lines[0]!.start)).toEqual(['2:57', '3:03']);
    expect(passages.map((p) => p.text).join('\n')).not.toContain('otter.ai');
    expectNoStamps(passages);
  });

  it('reads a .docx download: bold name and time, the words in the next paragraph; the interviewer is found by the questions she asks', async () => {
    const { turns, passages, reading } = await readExport('reproduced/otter.docx');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, 'Ruth Evans': 3, R12: 3 });
    expect(starts(turns).slice(1, 3)).toEqual([
      ['Ruth Evans', '00:00'],
      ['R12', '00:09'],
    ]);
    expect(reading.questioner).toEqual({ speaker: 'Ruth Evans', questions: 3, total: 3, leftOut: false });
    expect(interviewers(turns)).toEqual([]);
    expect(interviewers((await readExport('reproduced/otter.docx', { findInterviewer: true })).turns)).toEqual(['Ruth Evans']);
    expectNoStamps(passages);
  });
});

describe('Microsoft Word and Teams', () => {
  it("reads Word's Transcribe .docx, whose main part is document2.xml: `00:00:03 Speaker 1` headings, a line a paragraph", async () => {
    const { turns, passages } = await readExport('reproduced/word-transcribe.docx');
    expect(turnsBySpeaker(turns)).toEqual({ null: 2, 'Speaker 1': 2, 'Speaker 2': 2 });
    // Paragraphs that hold text are numbered: the headings "Audio file" and "Transcript" are 1 and 3.
    expect(passages.map((p) => [p.line, p.speaker, p.start])).toEqual([
      [2, null, null],
      [5, 'Speaker 1', '00:00:03'],
      [7, 'Speaker 2', '00:00:09'],
      [11, 'Speaker 1', '00:00:24'],
      // A segment Word gave no speaker: its time alone heads it.
      [13, null, '00:00:29'],
      [15, 'Speaker 2', '00:00:33'],
    ]);
    // The two headings of Speaker 2 in a row are one turn of two paragraphs.
    expect(turns[2]!.paragraphs.length).toBe(2);
    expectNoStamps(passages);
  });

  it("reads Word's Transcribe saved as text", async () => {
    const { turns, passages } = await readExport('reproduced/word-transcribe.txt');
    expect(turnsBySpeaker(turns)).toEqual({ 'Speaker 1': 2, 'Speaker 2': 2 });
    expect(starts(turns)).toEqual([
      ['Speaker 1', '00:00:02'],
      ['Speaker 2', '00:00:07'],
      ['Speaker 1', '00:00:21'],
      ['Speaker 2', '00:00:25'],
    ]);
    expectNoStamps(passages);
  });

  it('reads a Teams .docx: a picture, the name with three spaces and the time, each sentence after a line break', async () => {
    const { turns, passages } = await readExport('reproduced/teams.docx');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, 'Okafor, Grace (Local Trust)': 2, 'Patel, Dev': 2 });
    expect(starts(turns).slice(1)).toEqual([
      ['Okafor, Grace (Local Trust)', '0:04'],
      ['Patel, Dev', '0:15'],
      ['Okafor, Grace (Local Trust)', '0:40'],
      ['Patel, Dev', '0:44'],
    ]);
    expect(passages[2]!.text).toBe('Mostly the youth club and the community bus.\nThe council matched the bus money.\n\nAnd some training for volunteers.');
    // "... stopped transcription" is Teams' note, not the speaker's words.
    expect(passages.map((p) => p.text).join('\n')).not.toContain('stopped');
    // The date line before the first speaker is text; every turn is free of stamps.
    expectNoStamps(passages.filter((p) => p.speaker !== null));
  });

  it('reads a .docx table of `time | speaker | text` rows, a row without a speaker going on with the turn above', async () => {
    const { turns, passages } = await readExport('reproduced/table-turns.docx');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, Interviewer: 2, Sandra: 1, Phil: 1 });
    expect(interviewers(turns)).toEqual(['Interviewer']);
    // The header row names the columns and is no paragraph; each row is one, numbered after the title.
    expect(passages.filter((p) => !p.interviewer).map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [1, null, null, 'Whitley Bay, learning conversation, May 2022'],
      [3, 'Sandra', '00:00:11', 'The seafront clean-up, then the youth club.\n\nThe youth club is still going.'],
      [6, 'Phil', '00:00:34', 'They matched the grant for the toilets.'],
    ]);
  });

  it("reads f4/f5 stamps ending each paragraph (#00:01:22-6#) as the next turn's start, `I:Q3` as the interviewer's", async () => {
    const { turns, passages } = await readExport('reproduced/f4-thesis.docx');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, I: 3, B: 3 });
    expect(interviewers(turns)).toEqual(['I']);
    expect(passages.filter((p) => p.speaker === 'B').map((p) => [p.start, p.text])).toEqual([
      ['00:00:48.9', 'Two of us knocked on doors for a month (laughs). Then the first meeting.'],
      ['00:02:15.0', 'The money came after we had a plan, not before.'],
      ['00:03:09.1', 'Now we hold it ourselves, as a charity.'],
    ]);
    expect(passages.find((p) => p.text.startsWith('Q3'))?.speaker).toBe('I');
    expectNoStamps(passages);
    // Nor does a stamp make a sentence of its own.
    const { transcript, reading } = await readExport('reproduced/f4-thesis.docx');
    const sentences = toPassages(reading.turns, 'sentence', { doc: 0, file: 'f4', meta: transcript.meta });
    expect(sentences.filter((p) => p.speaker === 'B').map((p) => p.text)).toEqual([
      'Two of us knocked on doors for a month (laughs).',
      'Then the first meeting.',
      'The money came after we had a plan, not before.',
      'Now we hold it ourselves, as a charity.',
    ]);
    expectNoStamps(sentences);
  });

  it('reads a Word 97-2003 .doc (a real file), a paragraph a line', async () => {
    const { transcript, passages } = await readExport('textract/raw_text.doc');
    expect(transcript.format).toBe('doc');
    expect(passages.length).toBe(8);
    expect(passages[0]!.text).toBe('I love word documents. They are lovely. They make me so happy I could smile. And that is why I wrote this package.');
    expect(passages.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses an .rtf file with a message that says to save it as .docx', async () => {
    await expect(readTranscript(Buffer.from('{\\rtf1\\ansi Interviewer: Hello\\par}'), 'a.rtf')).rejects.toThrow(/a\.rtf: is a Rich Text \(\.rtf\) file, which obs does not read[\s\S]*save it as \.docx/);
  });
});

describe('LibreOffice and web pages', () => {
  it('reads an OpenDocument text (a real QualCoder example), a paragraph a passage', async () => {
    const { transcript, passages } = await readExport('qualcoder/ID2.odt');
    expect(transcript.format).toBe('odt');
    expect(passages.map((p) => [p.line, p.speaker])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(passages[2]!.text).toBe('The course cost €200.00 and I do not want to waste my money.');
  });

  it('reads a Word 97 web page in Windows-1252, its mis-nested bold labels as a browser shows them', async () => {
    const { turns, passages, reading } = await readExport('reproduced/word97-oral-history.htm');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, JT: 3, Hale: 3 });
    expect(passages[2]!.text).toBe('In 1962. The market was still there, and the bus came every twenty minutes – you’d never wait.');
    expect(passages.map((p) => p.text).join('')).not.toContain('\uFFFD');
    expect(reading.questioner?.speaker).toBe('JT');
  });
});

describe('Rev, MAXQDA, oTranscribe', () => {
  it('reads Rev: `Speaker 1 (00:01):` headings, a bare `(00:51):` and `[crosstalk 00:00:58]` as times only', async () => {
    const { turns, passages, reading } = await readExport('reproduced/rev.txt');
    expect(turnsBySpeaker(turns)).toEqual({ 'Speaker 1': 2, 'Speaker 2': 2, 'Speaker 3': 1 });
    expect(starts(turns)).toEqual([
      ['Speaker 1', '00:00'],
      ['Speaker 2', '00:04'],
      ['Speaker 1', '00:11'],
      ['Speaker 2', '00:15'],
      ['Speaker 3', '01:02'],
    ]);
    // Five headings' times, the bare `(00:51):` and the one in `[crosstalk ...]`.
    expect(reading.stamps).toBe(7);
    expect(passages[3]!.text).toBe('The drop-in. Before that there was nowhere to go if the benefits went wrong.\nAnd the gardens on the corner, the kids planted those [crosstalk].');
    expectNoStamps(passages);
  });

  it("reads Rev's Markdown headings, `*Name (00:00:01)*`", async () => {
    const { turns, passages } = await readExport('reproduced/rev.md');
    expect(turnsBySpeaker(turns)).toEqual({ 'Amina Yusuf': 2, 'Tom Birch': 2 });
    expect(starts(turns)[1]).toEqual(['Tom Birch', '00:00:07']);
    expectNoStamps(passages);
  });

  it("reads MAXQDA's time stamps glued to the label, `00:00:03.2Interviewer:`, and a one-time speaker", async () => {
    const { turns, passages } = await readExport('reproduced/maxqda.txt');
    expect(turnsBySpeaker(turns)).toEqual({ Interviewer: 2, Dee: 2, Jordan: 1 });
    expect(interviewers(turns)).toEqual(['Interviewer']);
    expect(starts(turns).at(-1)).toEqual(['Jordan', '00:00:35.9']);
    expectNoStamps(passages);
  });

  it("reads oTranscribe's `02:06 T:` with the no-break space it writes after the time", async () => {
    const { turns, passages } = await readExport('reproduced/otranscribe.txt');
    expect(turnsBySpeaker(turns)).toEqual({ T: 2, R: 2 });
    expect(starts(turns)).toEqual([
      ['T', '02:06'],
      ['R', '02:11'],
      ['T', '02:19'],
      ['R', '02:24'],
    ]);
    expectNoStamps(passages);
  });
});

describe('Zoom, Google Meet, YouTube', () => {
  it('reads a Zoom transcript: `[Name] 11:02:09` headings (a real file)', async () => {
    const { turns, passages } = await readExport('zoom/transcript.txt');
    expect(turnsBySpeaker(turns)).toEqual({ 'Johnny Doe': 4, 'Janet Dough': 4 });
    expect(starts(turns).slice(0, 2)).toEqual([
      ['Johnny Doe', '11:02:09'],
      ['Janet Dough', '11:02:09'],
    ]);
    expectNoStamps(passages);
  });

  it("reads Zoom's saved captions, `16:02:22 text` lines, as one passage a caption, the time never a word", async () => {
    const { passages } = await readExport('reproduced/zoom-captions.txt');
    expect(passages.map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [1, null, '16:02:22', 'Thanks everyone for joining this evening.'],
      [2, null, '16:02:25', "we're going to talk about the partnership's plan for next year"],
      [3, null, '16:02:31', 'and how the grant will be spent.'],
      [4, null, '16:02:40', 'The first item is the community bus.'],
    ]);
  });

  it("reads Google Meet's transcript text: `Name: text` lines under a bare `00:02:03` line now and then, its footer left out", async () => {
    const { turns, passages } = await readExport('reproduced/google-meet.txt');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, 'Leah Morgan': 2, 'Sam Ito': 2, 'Priya Shah': 1 });
    expect(passages.map((p) => [p.line, p.speaker, p.start])).toEqual([
      [1, null, null],
      [4, 'Leah Morgan', '00:00:00'],
      [5, 'Sam Ito', '00:00:00'],
      [10, 'Leah Morgan', '00:02:03'],
      [11, 'Priya Shah', '00:02:03'],
      [12, 'Sam Ito', '00:02:03'],
    ]);
    expect(passages.map((p) => p.text).join('\n')).not.toMatch(/Transcription ended|computer generated/);
    expectNoStamps(passages);
  });

  it("reads Google Meet's captions: a `(Name)` line in each cue, a second speaker after a `-` line", async () => {
    const { passages } = await readExport('reproduced/google-meet.vtt');
    expect(passages.map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [5, 'Leah Morgan', '00:00:01.000', 'Welcome, everyone. Shall we go through\nthe budget first?'],
      [13, 'Sam Ito', '00:00:05.000', 'Yes, please.\nThe bus needs another six months of funding.'],
      [21, 'Priya Shah', '00:00:13.000', 'The council will match it if we show the numbers.'],
    ]);
  });

  it("reads YouTube's .sbv captions (a real file, a no-break space ending some lines), one passage a caption", async () => {
    const { transcript, passages } = await readExport('youtube/captions.sbv');
    expect(transcript.format).toBe('sbv');
    expect(passages.length).toBe(12);
    expect(passages[0]!).toMatchObject({ line: 2, speaker: null, start: '00:00:03.900', text: 'good morning everybody David Shapiro\u00a0\nhere we are back for part two of the' });
  });
});

describe('CSV turn tables and focus groups', () => {
  it('reads an oral history CSV (a real file): a `words` column, `DB:` with its colon, rows without a speaker going on with the turn', async () => {
    const { turns } = await readExport('oral-history-as-data/gluck.csv');
    expect(turnsBySpeaker(turns)).toEqual({ null: 1, DB: 60, LG: 58, KRISTIN: 2 });
    // Rows 71-73 have no speaker: they are more paragraphs of the turn before them.
    const long = turns.find((t) => t.paragraphs.some((p) => p.lines[0]!.line === 71))!;
    expect(long.speaker).toBe('LG');
    expect(long.paragraphs.map((p) => p.lines[0]!.line)).toEqual([70, 71]);
  });

  it('reads labels with brackets, commas, dots and titles, a one-time speaker, and every interviewer label', async () => {
    const { turns, passages } = await readExport('reproduced/focus-group.txt');
    expect(turnsBySpeaker(turns)).toEqual({ 'Interviewer (Sam)': 1, 'Respondent (female, 40s)': 2, 'Respondent (male, 60s)': 2, 'Int.': 1, 'Dr Patel': 1, IV: 1 });
    expect(interviewers(turns)).toEqual(['Interviewer (Sam)', 'Int.', 'IV']);
    // "I told them: no more ..." is what she said, not a speaker.
    expect(passages[1]!.text).toBe('It gave me something to do after I was made redundant.\nI told them: no more sitting at home.');
  });

  it('reads a .txt saved by Word on Windows (Windows-1252) with a note, not a warning per byte', async () => {
    const text = 'Interviewer: What’s changed?\r\n\r\nAnn: The café’s open again – and the “hub” too.\r\n';
    const { warnings, passages } = await readExport('windows.txt', {}, iconv.encode(text, 'windows-1252'));
    expect(warnings).toEqual([expect.objectContaining({ file: 'windows.txt', note: true, message: expect.stringContaining('read as Windows-1252') })]);
    expect(passages.map((p) => p.text)).toEqual(['What’s changed?', 'The café’s open again – and the “hub” too.']);
  });
});
