// Reading every transcript format and encoding the spec names, from bytes made here.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/corpus/decode.js';
import { compilePathPattern, mergeMeta, parseMetaTable } from '../../src/corpus/metadata.js';
import { readTranscript } from '../../src/corpus/read.js';
import { ObsError } from '../../src/errors.js';
import { toPassages } from '../../src/segment/passages.js';
import { toTurns } from '../../src/segment/turns.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const read = async (text: string | Buffer, file: string) => {
  const result = await readTranscript(typeof text === 'string' ? utf8(text) : text, file);
  return { ...result, transcript: result.transcript! };
};
const passages = async (text: string | Buffer, file: string, unit: 'turn' | 'paragraph' | 'sentence' | 'document' = 'turn') => {
  const { transcript } = await read(text, file);
  return toPassages(toTurns(transcript), unit, { doc: 0, file, meta: transcript.meta });
};
const INTERVIEW = 'Interviewer: How did it start?\nResident: We had a meeting.\nIt grew from there.\n\nInterviewer: And then?\nResident: We got a grant.\n';

describe('encodings', () => {
  it('reads UTF-8 with and without a BOM alike', async () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('café')])).text).toBe('café');
    expect(decodeBytes(utf8('café')).text).toBe('café');
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Résident: oui\r\n', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeBytes(le)).toMatchObject({ text: 'Résident: oui\n', encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: 'Résident: oui\n', encoding: 'utf-16be' });
  });

  it('folds CRLF and bare CR line endings to LF, so line numbers agree', async () => {
    const crlf = await passages(INTERVIEW.replace(/\n/g, '\r\n'), 'a.txt');
    const cr = await passages(INTERVIEW.replace(/\n/g, '\r'), 'a.txt');
    const lf = await passages(INTERVIEW, 'a.txt');
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
  });

  it('names the byte offset of the first invalid UTF-8 sequence and reads on', async () => {
    const bytes = Buffer.concat([utf8('Resident: caf\u00e9 \uFFFD ok '), Buffer.from([0xc3, 0x28]), utf8(' more')]);
    const { transcript, warnings } = await read(bytes, 'bad.txt');
    const offset = Buffer.byteLength('Resident: caf\u00e9 \uFFFD ok ');
    expect(warnings[0]!.message).toContain(`invalid UTF-8 at byte ${offset}`);
    expect(transcript.body!.lines[0]).toContain('more');
  });

  it('makes invalid UTF-8 an error with --strict', async () => {
    // One valid UTF-8 sequence (é) marks the file as UTF-8, so the stray byte is damage, not Windows-1252.
    await expect(readTranscript(Buffer.from([0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0x41, 0xff, 0x42]), 'bad.txt', { strict: true })).rejects.toThrow(ObsError);
  });

  it('skips a binary file with a warning instead of coding noise', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const result = await readTranscript(png, 'photo.txt');
    expect(result.transcript).toBeUndefined();
    expect(result.warnings[0]!.message).toContain('binary');
  });
});

describe('text transcripts', () => {
  it('starts a turn at each label, continues it on the following lines, and keeps line numbers', async () => {
    const ps = await passages(INTERVIEW, 'a.txt');
    expect(ps.map((p) => [p.line, p.speaker, p.interviewer, p.text])).toEqual([
      [1, 'Interviewer', true, 'How did it start?'],
      [2, 'Resident', false, 'We had a meeting.\nIt grew from there.'],
      [5, 'Interviewer', true, 'And then?'],
      [6, 'Resident', false, 'We got a grant.'],
    ]);
  });

  it('does not take "I told them: no" for a speaker: a label must start two lines, or be known', async () => {
    const ps = await passages('Q: What happened?\nAnne: I went in.\nAnd I told them: no way.\nQ: Then?\nAnne: Nothing.\n', 'a.txt');
    expect(ps.map((p) => p.speaker)).toEqual(['Q', 'Anne', 'Q', 'Anne']);
    expect(ps[1]!.text).toBe('I went in.\nAnd I told them: no way.');
  });

  it('reads a timestamp before the label as the start time', async () => {
    const ps = await passages('[00:12:03] Interviewer: Hello\n00:12:09 Sandra: Hi there\n00:13:00 Sandra: Still me\n', 'a.txt');
    expect(ps.map((p) => [p.speaker, p.start])).toEqual([
      ['Interviewer', '00:12:03'],
      ['Sandra', '00:12:09'],
      ['Sandra', '00:13:00'],
    ]);
  });

  it('falls back to paragraphs in a document without labels', async () => {
    const ps = await passages('First paragraph\nstill first.\n\nSecond one.\n', 'notes.txt');
    expect(ps.map((p) => [p.line, p.speaker, p.text])).toEqual([
      [1, null, 'First paragraph\nstill first.'],
      [4, null, 'Second one.'],
    ]);
  });

  it('splits turns into paragraphs and sentences, each with its own first line', async () => {
    const text = 'Resident: One. Two is here.\nStill two.\n\nThree.\nInterviewer: Q?\nResident: Four.\n';
    expect((await passages(text, 'a.txt', 'paragraph')).map((p) => [p.line, p.text])).toEqual([
      [1, 'One. Two is here.\nStill two.'],
      [4, 'Three.'],
      [5, 'Q?'],
      [6, 'Four.'],
    ]);
    expect((await passages(text, 'a.txt', 'sentence')).map((p) => [p.line, p.text])).toEqual([
      [1, 'One.'],
      [1, 'Two is here.'],
      [2, 'Still two.'],
      [4, 'Three.'],
      [5, 'Q?'],
      [6, 'Four.'],
    ]);
  });

  it('makes one respondent passage of a whole document with --unit document', async () => {
    const ps = await passages(INTERVIEW, 'a.txt', 'document');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ line: 2, speaker: 'Resident', interviewer: false, text: 'We had a meeting.\nIt grew from there.\n\nWe got a grant.' });
  });

  it('reads YAML front matter in .md and .txt, and counts lines from the top of the file', async () => {
    const text = '---\narea: Ramsey\ndate: 2019-03-14\n---\nInterviewer: Hi\nResident: Hello\nResident: Bye\n';
    for (const file of ['a.md', 'a.txt']) {
      const { transcript } = await read(text, file);
      expect(transcript.meta).toEqual({ area: 'Ramsey', date: '2019-03-14' });
      expect((await passages(text, file)).map((p) => p.line)).toEqual([5, 6, 7]);
    }
  });

  it('leaves Markdown headings out of the text of .md files, keeping line numbers', async () => {
    const text = '# Ramsey, March 2019\n\nInterviewer: Hi\nResident: Hello\nResident: # not a heading here\n';
    expect((await passages(text, 'a.md')).map((p) => [p.line, p.speaker, p.text])).toEqual([
      [3, 'Interviewer', 'Hi'],
      [4, 'Resident', 'Hello'],
      [5, 'Resident', '# not a heading here'],
    ]);
    expect((await passages(text, 'a.txt'))[0]!.text).toBe('# Ramsey, March 2019');
  });

  it('reports front matter without a closing line, naming file and line', async () => {
    await expect(read('---\narea: Ramsey\nResident: hi\n', 'a.md')).rejects.toThrow(/a\.md:1:1: front matter has no closing/);
  });
});

describe('subtitle transcripts', () => {
  it('reads WebVTT voice tags, header metadata, and merges consecutive cues of one speaker', async () => {
    const vtt = 'WEBVTT\narea: Revoe\nyear: 2022\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>How was it?</v>\n\n2\n00:00:03.500 --> 00:00:05.000\n<v Dot>It was good,\n\n3\n00:00:05.000 --> 00:00:07.000\n<v Dot>really good.</v>\n';
    const { transcript } = await read(vtt, 'a.vtt');
    expect(transcript.meta).toEqual({ area: 'Revoe', year: '2022' });
    const ps = await passages(vtt, 'a.vtt');
    expect(ps.map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [9, 'Interviewer', '00:00:01.000', 'How was it?'],
      [13, 'Dot', '00:00:03.500', 'It was good,\nreally good.'],
    ]);
  });

  it('reads SubRip with `Name: text` cues and comma milliseconds', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nInterviewer: Tell me more.\n\n2\n00:00:04,500 --> 00:00:09,000\nMo: We set up a group.\n\n3\n00:00:09,000 --> 00:00:12,250\nMo: Then a CIC.\n';
    expect((await passages(srt, 'a.srt')).map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [3, 'Interviewer', '00:00:01.000', 'Tell me more.'],
      [7, 'Mo', '00:00:04.500', 'We set up a group.\nThen a CIC.'],
    ]);
  });

  it('keeps a cue of one short line as words, not as a speaker who says nothing', async () => {
    const sbv = '0:00:01.000,0:00:03.000\nGood morning\n\n0:00:04.000,0:00:06.000\nfinance one\n\n0:00:07.000,0:00:09.000\nThank you\n';
    expect((await passages(sbv, 'a.sbv')).map((p) => [p.line, p.speaker, p.text])).toEqual([
      [2, null, 'Good morning'],
      [5, null, 'finance one'],
      [8, null, 'Thank you'],
    ]);
    // A name alone with the words below it in the same cue still names them.
    const meet = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n(Ann Lee)\nWe got a grant.\n\n00:00:04.000 --> 00:00:06.000\n(Bo Day)\nGood.\n';
    expect((await passages(meet, 'a.vtt')).map((p) => [p.speaker, p.text])).toEqual([
      ['Ann Lee', 'We got a grant.'],
      ['Bo Day', 'Good.'],
    ]);
  });

  it('takes only the labels caption tools write: a short first line or `Word – text` is what was said', async () => {
    const srt = '1\n00:00:07,000 --> 00:00:10,000\nRamsey\nwas different then\n\n2\n00:00:11,000 --> 00:00:13,000\nHousing – it was terrible back then.\n\n3\n00:00:14,000 --> 00:00:15,000\nNEW YORK\nIS WHERE I GREW UP.\n';
    expect((await passages(srt, 'a.srt', 'paragraph')).map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [3, null, '00:00:07.000', 'Ramsey\nwas different then'],
      [8, null, '00:00:11.000', 'Housing – it was terrible back then.'],
      [12, null, '00:00:14.000', 'NEW YORK\nIS WHERE I GREW UP.'],
    ]);
  });

  it('reads a cue that follows the one before with no blank line, and a first cue right under WEBVTT', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nSpeaker 2: Nothing, really.\n6\n01:00:15,000 --> 01:00:16,000\nSpeaker 1: Just home.\n';
    expect((await passages(srt, 'a.srt')).map((p) => [p.line, p.speaker, p.start, p.text])).toEqual([
      [3, 'Speaker 2', '00:00:01.000', 'Nothing, really.'],
      [6, 'Speaker 1', '01:00:15.000', 'Just home.'],
    ]);
    const vtt = 'WEBVTT\n00:00:01.000 --> 00:00:03.000\nMaria Lopez: We lost the clinic.\n';
    const { transcript } = await read(vtt, 'a.vtt');
    expect(transcript.meta).toEqual({});
    expect((await passages(vtt, 'a.vtt')).map((p) => [p.line, p.speaker, p.text])).toEqual([[3, 'Maria Lopez', 'We lost the clinic.']]);
  });

  it('splits a cue at each >> or dialogue dash, so the interviewer\'s question is not the respondent\'s', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\n>> Interviewer: Did you vote that year?\n>> Ann: No, never.\n\n2\n00:00:05,000 --> 00:00:07,000\n- Interviewer: And then?\n- Ann: We got a grant,\nand a hall.\n';
    expect((await passages(srt, 'a.srt')).map((p) => [p.line, p.speaker, p.interviewer, p.text])).toEqual([
      [3, 'Interviewer', true, 'Did you vote that year?'],
      [4, 'Ann', false, 'No, never.'],
      [8, 'Interviewer', true, 'And then?'],
      [9, 'Ann', false, 'We got a grant,\nand a hall.'],
    ]);
    // With no names, each mark still starts a passage of its own.
    const sbv = '0:00:01.000,0:00:04.000\n>> so what brought you here?\n>> well, the grant.\n';
    expect((await passages(sbv, 'a.sbv')).map((p) => p.text)).toEqual(['so what brought you here?', 'well, the grant.']);
  });

  it('takes a Zoom speaker named by a device (Maria\'s iPhone) for a speaker', async () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nSam Jones: How did it go?\n\n2\n00:00:04.000 --> 00:00:06.000\nMaria\'s iPhone: Sorry, I was on mute. We got a grant.\n';
    expect((await passages(vtt, 'a.vtt')).map((p) => [p.speaker, p.text])).toEqual([
      ['Sam Jones', 'How did it go?'],
      ["Maria's iPhone", 'Sorry, I was on mute. We got a grant.'],
    ]);
  });

  it('warns about a cue with broken timing and keeps its text', async () => {
    const { transcript, warnings } = await read('WEBVTT\n\n1\n00:00:xx --> 00:00:02.000\nResident: hello\n', 'a.vtt');
    expect(warnings.map((w) => w.line)).toEqual([4]);
    expect(transcript.cues!.map((c) => c.text)).toEqual(['Resident: hello']);
  });
});

describe('CSV transcripts', () => {
  it('reads one turn per row with speaker, start and metadata columns, and quoted fields', async () => {
    const csv = 'speaker,text,start,area,year\nInterviewer,"Why, then?",00:01,Ramsey,2019\nAnn,"She said ""yes"",\nthen left",00:02,Ramsey,2019\nAnn,More.,00:03,Ramsey,2019\n';
    const { transcript } = await read(csv, 'a.csv');
    expect(transcript.meta).toEqual({ area: 'Ramsey', year: '2019' });
    expect((await passages(csv, 'a.csv')).map((p) => [p.line, p.speaker, p.start, p.text, p.interviewer])).toEqual([
      [2, 'Interviewer', '00:01', 'Why, then?', true],
      [3, 'Ann', '00:02', 'She said "yes",\nthen left', false],
      [5, 'Ann', '00:03', 'More.', false],
    ]);
  });

  it('says which columns it found when there is no text column', async () => {
    await expect(read('speaker,notes\nAnn,hello\n', 'a.csv')).rejects.toThrow(/a\.csv:1: has no text column \(columns: speaker, notes\)/);
  });
});

describe('metadata', () => {
  it('takes front matter first, then the --meta row, then the path pattern; year from date', async () => {
    const row = { area: 'From CSV', year: '2018', role: 'chair' };
    const fromPath = { area: 'from-path', year: '2017', extra: 'p' };
    expect(mergeMeta({ area: 'Front' }, row, fromPath)).toEqual({ area: 'Front', year: '2018', role: 'chair', extra: 'p' });
    expect(mergeMeta({ date: '14/03/2021' }, undefined, undefined)).toEqual({ date: '14/03/2021', year: '2021' });
  });

  it('reads fields from paths with {field} and * patterns', async () => {
    expect(compilePathPattern('{area}/{year}/*')('ramsey/2019/chair.txt')).toEqual({ area: 'ramsey', year: '2019' });
    expect(compilePathPattern('{area}_{year}_*')('Ramsey_2019_chair.txt')).toEqual({ area: 'Ramsey', year: '2019' });
    expect(compilePathPattern('{area}_{year}')('Ramsey_2019.vtt')).toEqual({ area: 'Ramsey', year: '2019' });
    expect(compilePathPattern('{area}/{year}/*')('loose.txt')).toBeUndefined();
    expect(compilePathPattern('{area}/**/{year}/*')('Ramsey/2019/a.txt')).toEqual({ area: 'Ramsey', year: '2019' });
    expect(compilePathPattern('{area}/**/{year}/*')('Ramsey/x/y/2019/a.txt')).toEqual({ area: 'Ramsey', year: '2019' });
    expect(compilePathPattern('**/{area}_{year}_*')('Ramsey_2018_x.txt')).toEqual({ area: 'Ramsey', year: '2018' });
  });

  it('reads a --meta table keyed by the `file` column', async () => {
    const table = parseMetaTable('file,area,year\nramsey/a.txt,Ramsey,2019\n./b.md,Revoe,\n', 'meta.csv');
    expect(table.get('ramsey/a.txt')).toEqual({ area: 'Ramsey', year: '2019' });
    expect(table.get('b.md')).toEqual({ area: 'Revoe' });
    expect(() => parseMetaTable('name,area\n', 'meta.csv')).toThrow(/meta\.csv:1: has no `file` column/);
    const warnings: string[] = [];
    parseMetaTable('file,area\na.txt,X\n\nb.txt,"Y\nZ"\na.txt,Z\n', 'meta.csv', (p) => warnings.push(`${p.line}: ${p.message}`));
    expect(warnings).toEqual(['6: `a.txt` is listed again (first at line 2); this row is used']);
  });
});
