// npx tsx scripts/make-export-samples.ts: writes fixtures/exports/reproduced/*.docx and *.htm, the
// binary samples whose real originals carry no licence that lets us keep them. Each reproduces the
// XML or HTML of a real export (named in fixtures/exports/README.md) with words of our own. The zip
// entries get a fixed date, so the same script writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { docxBytes, esc, para, R, run, table, type DocxParts } from './docx.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'fixtures/exports/reproduced');
mkdirSync(out, { recursive: true });

// A 1x1 PNG: Teams puts each speaker's picture before their name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function docx(file: string, body: string, parts: DocxParts = {}): Promise<void> {
  writeFileSync(path.join(out, file), await docxBytes(body, parts));
}

// Word for the web, Transcribe: Heading 1 "Audio file", a link to the recording, Heading 1
// "Transcript", then `00:00:03 Speaker 1` paragraphs each followed by the words; a segment Word
// could not give a speaker has its time alone. Main part word/document2.xml.
const transcribe: Array<[string, string]> = [
  ['00:00:03 Speaker 1', 'Thanks for joining. How did the partnership start?'],
  ['00:00:09 Speaker 2', 'A few of us went to the first drop-in at the community centre.'],
  ['00:00:15 Speaker 2', 'We wrote the plan together over about a year.'],
  ['00:00:24 Speaker 1', 'And who holds the money now?'],
  ['00:00:29', 'Sorry, the line went for a second.'],
  ['00:00:33 Speaker 2', 'The local trusted organisation holds it, and the partnership decides how it is spent.'],
];
await docx(
  'word-transcribe.docx',
  [
    para(run('Audio file'), 'Heading1'),
    para(`<w:hyperlink r:id="rIdLink">${run('Recording 2024-03-14 at 10.02.mp4', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`, 'Normal'),
    para('', 'Normal'),
    para(run('Transcript'), 'Heading1'),
    ...transcribe.flatMap(([heading, words]) => [para(run(heading), 'Normal'), para(run(words), 'Normal')]),
  ].join(''),
  { main: 'document2.xml', rels: `<Relationship Id="rIdLink" Type="${R}/hyperlink" Target="https://example.org/recording.mp4" TargetMode="External"/>` },
);

// Microsoft Teams: "Transcript", the date, then one paragraph a turn: the speaker's picture, a line
// break, the name in bold with three spaces, the time, and each sentence after a line break.
const picture = `<w:r><w:drawing><wp:inline><wp:extent cx="276225" cy="276225"/><wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="avatar.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdPic"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
const teamsRun = (text: string, props: string) => `<w:r><w:rPr>${props}<w:sz w:val="4.3mm"/></w:rPr><w:br/><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const teamsTurn = (name: string, time: string, sentences: string[]) =>
  `<w:p>${picture}${teamsRun(`${name}   `, '<w:b/>')}<w:r><w:rPr><w:color w:val="9E9E9E"/></w:rPr><w:t xml:space="preserve">${time}</w:t></w:r>${sentences.map((s) => teamsRun(s, '')).join('')}</w:p>`;
await docx(
  'teams.docx',
  [
    para(run('Transcript', '<w:b/>')),
    para(run('March 14, 2024, 10:02AM')),
    teamsTurn('Okafor, Grace (Local Trust)', '0:04', ['Thanks for making the time.', 'What has the grant paid for so far?']),
    teamsTurn('Patel, Dev', '0:15', ['Mostly the youth club and the community bus.', 'The council matched the bus money.']),
    teamsTurn('Patel, Dev', '0:31', ['And some training for volunteers.']),
    teamsTurn('Okafor, Grace (Local Trust)', '0:40', ['Who decided on the bus?']),
    teamsTurn('Patel, Dev', '0:44', ['The residents, at the spring meeting.']),
    para(run('Okafor, Grace (Local Trust) stopped transcription')),
  ].join(''),
  { rels: `<Relationship Id="rIdPic" Type="${R}/image" Target="media/image1.png"/>`, parts: { 'word/media/image1.png': PNG } },
);

// Otter, downloaded as .docx: a title, keywords and speakers, then `Name  00:00` headings (the
// name bold, two spaces), the words in the next paragraph and an empty paragraph after each turn.
const otterHeading = (name: string, time: string) => para(`${run(`${name}  `, '<w:b/>')}${run(time, '<w:color w:val="5D7284"/>')}`);
await docx(
  'otter.docx',
  [
    para(run('Ramsey_2024_conversation')),
    para(run('SUMMARY KEYWORDS', '<w:b/>')),
    para(run('partnership, grant, residents, bus')),
    para(run('SPEAKERS', '<w:b/>')),
    para(run('Ruth Evans, R12')),
    para(''),
    otterHeading('Ruth Evans', '00:00'),
    para(run('Shall we start with how you got involved? What brought you to the first meeting?')),
    para(''),
    otterHeading('R12', '00:09'),
    para(run('A flyer through the door, honestly. I went along and never left.')),
    para(''),
    otterHeading('Ruth Evans', '00:21'),
    para(run('What changed for you? Did it change how you see the estate?')),
    para(''),
    otterHeading('R12', '00:28'),
    para(run('I chair meetings now. I would never have done that before.')),
    para(''),
    otterHeading('Ruth Evans', '00:40'),
    para(run('And the money, who decides? Is it the partnership?')),
    para(''),
    otterHeading('R12', '00:46'),
    para(run('We do, as a partnership, with the residents at the annual meeting.')),
  ].join(''),
);

// A thesis transcript typed in Word with f4transkript's conventions: `I:` and `B:` labels and a
// `#hh:mm:ss-t#` stamp ending each paragraph, an empty paragraph between.
const f4 = [
  'Introduction and consent  #00:00:41-2#',
  'I: Q1 How did the group start? #00:00:48-9#',
  'B: Two of us knocked on doors for a month (laughs). Then the first meeting. #00:02:10-4#',
  'I: Q2 #00:02:15-0#',
  'B: The money came after we had a plan, not before. #00:03:02-7#',
  'I:Q3 And now? #00:03:09-1#',
  'B: Now we hold it ourselves, as a charity. #00:03:40-5#',
];
await docx('f4-thesis.docx', f4.flatMap((line) => [para(run(line)), para('')]).join(''));

// A transcript typed as a Word table: a header row, then `time | speaker | text` rows; a row
// without a speaker goes on with the turn above.
await docx(
  'table-turns.docx',
  [
    para(run('Whitley Bay, learning conversation, May 2022')),
    table([
      ['Time', 'Speaker', 'Text'],
      ['00:00:05', 'Interviewer', 'What did the partnership fund first?'],
      ['00:00:11', 'Sandra', 'The seafront clean-up, then the youth club.'],
      ['', '', 'The youth club is still going.'],
      ['00:00:30', 'Interviewer', 'And the council?'],
      ['00:00:34', 'Phil', 'They matched the grant for the toilets.'],
    ]),
  ].join(''),
);

// A page saved by Word 97 as "Web Page" and published by an oral history archive: Windows-1252,
// declared in a meta tag; the label's bold closes inside the paragraph it opened before, and a tab
// follows the colon.
const page = `<HTML>
<HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">
<META NAME="Generator" CONTENT="Microsoft Word 97">
<TITLE>Interview</TITLE>
</HEAD>
<BODY>

<B><FONT SIZE=2><P>Ramsey oral history project: interview with Margaret Hale, 1998</P><DIR>
<DIR>

<P>JT</B>:&#9;When did you first come to the estate? Was it before the market closed?</P>
<B><P>Hale</B>:&#9;In 1962. The market was still there, and the bus came every twenty minutes – you’d never wait.</P>
<B><P>JT</B>:&#9;And the community centre? Who ran it?</P>
<B><P>Hale</B>:&#9;We did, the residents’ association. We raised the money ourselves, jumble sales mostly… and a grant from the council later.</P>
<B><P>JT</B>:&#9;Did the council listen to you? Did anyone?</P>
<B><P>Hale</B>:&#9;Not at first. It took “persistence”, as my husband said.</P>
<P>[END OF TAPE]</P></DIR>
</DIR>
</FONT></BODY>
</HTML>
`;
writeFileSync(path.join(out, 'word97-oral-history.htm'), iconv.encode(page.replace(/\n/g, '\r\n'), 'windows-1252'));
