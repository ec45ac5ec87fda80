// Word documents, web pages, CSV tables and captions of the shapes researchers meet: what obs reads
// from each, made here so each test shows its input.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { docxBytes, footnotes, noteMark, para, run, table } from '../../scripts/docx.js';
import { readTranscript } from '../../src/corpus/read.js';
import { toPassages } from '../../src/segment/passages.js';
import { readTurns } from '../../src/segment/turns.js';

async function passagesOf(bytes: Uint8Array | string, file: string) {
  const { transcript, warnings } = await readTranscript(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, file);
  const reading = readTurns(transcript!);
  return { warnings, passages: toPassages(reading.turns, 'turn', { doc: 0, file, meta: {} }).map((p) => [p.line, p.speaker, p.start, p.text]) };
}

const TURNS = [
  ['00:00:05', 'Interviewer', 'What did the partnership fund?'],
  ['00:00:11', 'Jane', 'The youth club, mostly.'],
  ['00:00:20', 'Interviewer', 'And then?'],
  ['00:00:24', 'Jane', 'The bus.'],
];
const JANE = [
  ['Jane', '00:00:11', 'The youth club, mostly.'],
  ['Jane', '00:00:24', 'The bus.'],
];

describe('Word tables of turns', () => {
  it.each([
    ['a header row that names its columns in words of its own', [['Time', 'Speaker Name', 'Transcript'], ...TURNS]],
    ['speaker, time and text in that order', TURNS.map(([t, s, x]) => [s!, t!, x!])],
    ['a number column first', TURNS.map((r, i) => [String(i + 1), ...r])],
    ['a title row across the table', [['Ramsey, 2022'], ...TURNS]],
  ])('reads a table with %s as a turn a row', async (_, rows) => {
    const read = await passagesOf(await docxBytes(table(rows as string[][])), 'a.docx');
    const jane = read.passages.filter((p) => p[1] === 'Jane').map((p) => [p[1], p[2], p[3]]);
    expect(jane).toEqual(JANE);
    expect(read.passages.some((p) => p[1] === null && /Interviewer|Jane/.test(String(p[3])))).toBe(false);
  });

  it('reads a cover table of `Interviewee | Jane Doe` rows as text, not speakers', async () => {
    const body = table([
      ['Interviewee', 'Jane Doe'],
      ['Date', '12 May 2022'],
      ['Location', 'Leeds'],
    ]) + para(run('Interviewer: What did the partnership fund?')) + para(run('Jane: The youth club.'));
    const { passages } = await passagesOf(await docxBytes(body), 'a.docx');
    expect(passages.map((p) => p[1])).toEqual([null, 'Interviewer', 'Jane']);
    expect(passages[0]![3]).toBe('Interviewee\n\nJane Doe\n\nDate\n\n12 May 2022\n\nLocation\n\nLeeds');
  });

  it("leaves out a writer's footnotes and their markers", async () => {
    const notes = footnotes(['Pseudonym chosen by the participant.']);
    const body = para(run('Interviewer: Who chaired it?')) + para(`${run('Jane: Ann did.')}${noteMark(1)}`);
    const { passages } = await passagesOf(await docxBytes(body, notes), 'a.docx');
    expect(passages.map((p) => [p[1], p[3]])).toEqual([
      ['Interviewer', 'Who chaired it?'],
      ['Jane', 'Ann did.'],
    ]);
  });

  it('says a password-protected document (an OLE file named .docx) is one', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(readTranscript(ole, 'secret.docx')).rejects.toThrow(/secret\.docx: is password-protected, or a Word 97-2003 document named \.docx/);
  });
});

describe('web pages', () => {
  it('reads a transcript in <pre> line by line', async () => {
    const { passages } = await passagesOf('<html><body><pre>Interviewer: Hello?\nJane: Hi.\nInterviewer: And?\nJane: Done.</pre></body></html>', 'a.html');
    expect(passages.map((p) => p[1])).toEqual(['Interviewer', 'Jane', 'Interviewer', 'Jane']);
  });

  it('trusts a byte order mark over the charset a page declares', async () => {
    const page = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>José: Sí, the café.</p><p>José: Again.</p></body></html>')]);
    const { passages } = await passagesOf(page, 'a.html');
    expect(passages).toEqual([
      [1, 'José', null, 'Sí, the café.'],
      [2, 'José', null, 'Again.'],
    ]);
  });

  it('reads a page that declares UTF-16 in ASCII as UTF-8, as the HTML standard says', async () => {
    const { passages } = await passagesOf('<html><head><meta charset="utf-16"></head><body><p>José: Sí.</p><p>José: Again.</p></body></html>', 'a.html');
    expect(passages.map((p) => [p[1], p[3]])).toEqual([
      ['José', 'Sí.'],
      ['José', 'Again.'],
    ]);
  });

  it('reads a page nested thousands of levels deep as a problem with that file, not the run', async () => {
    await expect(readTranscript(Buffer.from(`<html><body>${'<div>'.repeat(20000)}Jane: hi</body></html>`), 'deep.html')).rejects.toThrow(/deep\.html: is nested too deeply to read/);
  });

  it('knows a page on standard input by a fragment or an XML prolog', async () => {
    for (const page of ['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Jane: Hi.</p></body></html>', '<body><p>Jane: Hi.</p></body>', '<p>Jane: Hi.</p>']) {
      const { transcript } = await readTranscript(Buffer.from(page), 'stdin');
      expect(transcript!.format, page).toBe('html');
    }
  });
});

describe('CSV tables and captions', () => {
  it('reads column names with spaces, and semicolons or tabs between fields', async () => {
    const expected = [
      [2, 'Interviewer', '0:05', 'What did you fund?'],
      [3, 'Jane', '0:11', 'The youth club.'],
    ];
    expect((await passagesOf('Speaker Name,Start Time,Text\nInterviewer,0:05,What did you fund?\nJane,0:11,The youth club.\n', 'a.csv')).passages).toEqual(expected);
    expect((await passagesOf('speaker;start;text\nInterviewer;0:05;What did you fund?\nJane;0:11;The youth club.\n', 'a.csv')).passages).toEqual(expected);
    expect((await passagesOf('speaker\tstart\ttext\nInterviewer\t0:05\tWhat did you fund?\nJane\t0:11\tThe youth club.\n', 'a.csv')).passages).toEqual(expected);
  });

  it('gives each voice of a WebVTT cue its own words', async () => {
    const { passages } = await passagesOf('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Jane>In Leeds.</v> <v Interviewer>Really?</v>\n\n00:00:05.000 --> 00:00:07.000\n<v Jane>Yes.\n', 'a.vtt');
    expect(passages).toEqual([
      [4, 'Jane', '00:00:01.000', 'In Leeds.'],
      [4, 'Interviewer', '00:00:01.000', 'Really?'],
      [7, 'Jane', '00:00:05.000', 'Yes.'],
    ]);
  });

  it('reads character references in a CSV made for the web (`&#8212;`) as the characters, never as words', async () => {
    const { passages } = await passagesOf('speaker,words\nDB:,"Of course&#8212;what genres do you work in? Poetry &amp; essays."\n', 'a.csv');
    expect(passages).toEqual([[2, 'DB', null, 'Of course—what genres do you work in? Poetry & essays.']]);
  });

  it('reads Windows-1252 bytes in a CSV as the characters they are', async () => {
    const { passages, warnings } = await passagesOf(iconv.encode('speaker,text\nJosé,“Sí” – the café\nAnn,It’s fine\n', 'windows-1252'), 'a.csv');
    expect(passages.map((p) => [p[1], p[3]])).toEqual([
      ['José', '“Sí” – the café'],
      ['Ann', 'It’s fine'],
    ]);
    expect(warnings.map((w) => w.note)).toEqual([true]);
  });
});
