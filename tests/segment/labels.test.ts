// Which lines start turns: the rules that take a one-time speaker for a speaker and still never take
// what someone said for a label. Each case is a line placed inside an interview, as a respondent
// might say it or a transcriber might write it.
import { describe, expect, it } from 'vitest';
import { readingProblems } from '../../src/pipeline.js';
import { toPassages } from '../../src/segment/passages.js';
import { isInterviewerLabel, isRespondentLabel } from '../../src/segment/speakers.js';
import { readTurns, type ReadPolicy } from '../../src/segment/turns.js';

function read(text: string, policy: ReadPolicy = {}) {
  const reading = readTurns({ file: 'a.txt', format: 'txt', meta: {}, body: { lines: text.split('\n'), firstLine: 1 } }, policy);
  const passages = toPassages(reading.turns, 'turn', { doc: 0, file: 'a.txt', meta: {} });
  return { reading, passages, problems: readingProblems('a.txt', reading) };
}

/** The speaker obs gives line 3 of an interview with `line` there, and what it says of it. */
function lineThree(line: string, policy: ReadPolicy = {}) {
  const { passages, problems } = read(`Interviewer: How did it start?\nRespondent: It began in 2015 with a few of us.\n${line}\nInterviewer: And then?\nRespondent: We carried on.`, policy);
  const own = passages.find((p) => p.line === 3);
  const holder = passages.find((p) => p.line === 2)!;
  return {
    speaker: own ? own.speaker : holder.text.includes('\n') ? 'text of Respondent' : 'text of Interviewer',
    notes: problems.filter((p) => p.line === 3).map((p) => (p.note ? 'note' : 'warning')),
  };
}

describe('prose is never a label', () => {
  it.each([
    'I told them: no more.',
    'And I told them: no.',
    'So: we did.',
    'Well, the thing is: nobody came.',
    'The council: useless.',
    'Note: the tape stopped here.',
    'Date: 14 March 2019',
    'Section 2: Funding',
    'Step 1: apply.',
    'Probe: who was involved?',
    'Yes: definitely.',
    'Mm',
    '10:30 we met at the hall.',
    'See https://example.org for the plan.',
    'It was 3:1 in the vote.',
    '- Funding: tight.',
  ])('%j stays the respondent\'s words, without a word about it', (line) => {
    expect(lineThree(line)).toEqual({ speaker: 'text of Respondent', notes: [] });
  });
});

describe('a speaker who speaks once is a speaker', () => {
  it.each([
    ['Dr Patel: Can I add something?', 'Dr Patel'],
    ['Jordan: Me too.', 'Jordan'],
    ['Respondent (female, 40s): Same here.', 'Respondent (female, 40s)'],
    ['Smith, John: I chaired it.', 'Smith, John'],
    ['Dr Patel:We did.', 'Dr Patel'],
  ])('%j starts a turn of its own, with a note', (line, speaker) => {
    const seen = lineThree(line);
    expect(seen.speaker).toBe(speaker);
    // A role is believed without a note; a name that appears once is noted.
    expect(seen.notes).toEqual(speaker.startsWith('Respondent') ? [] : ['note']);
  });

  it('is taken only where named, once --speakers names the speakers', () => {
    expect(lineThree('Jordan: Me too.', { speakers: ['Respondent'] })).toEqual({ speaker: 'text of Respondent', notes: ['warning'] });
    expect(lineThree('Jordan: Me too.', { speakers: ['Jordan'] })).toEqual({ speaker: 'Jordan', notes: [] });
  });

  it('is doubted, not taken, inside a paragraph of someone else\'s turn or with a number in its name', () => {
    const inside = read('Interviewer: How did it start?\nRespondent: It began in 2015\nwith a few of us\nJordan: and it grew.\n\nInterviewer: And?\nRespondent: That is all.');
    expect(inside.passages.map((p) => p.speaker)).toEqual(['Interviewer', 'Respondent', 'Interviewer', 'Respondent']);
    expect(inside.problems.map((p) => [p.line, p.message])).toEqual([[4, '`Jordan:` looks like a speaker label, but no other line or speaker backs it up, so it is read as text']]);
    expect(lineThree('1. Funding: tight')).toEqual({ speaker: 'text of Respondent', notes: ['warning'] });
  });

  it('is a lone label opening an unlabelled document: read as text, with a warning; other prose with colons says nothing', () => {
    expect(read('Sandra: I grew up on the estate.\n\nWe moved in 1962.').problems.map((p) => p.line)).toEqual([1]);
    expect(read('We moved in 1962.\n\nResult: nobody came.\n\nHindsight: it was worth it.').problems).toEqual([]);
  });
});

describe("tools' notes", () => {
  it("leaves out Teams' note that someone stopped the transcript, and keeps a respondent who says so", () => {
    const { passages } = read('Okafor, Grace (Local Trust)   0:04\nWhat did it fund?\n\nPatel, Dev   0:15\nThe bus. Then she stopped transcription.\n\nOkafor, Grace (Local Trust) stopped transcription');
    expect(passages.map((p) => p.text)).toEqual(['What did it fund?', 'The bus. Then she stopped transcription.']);
  });
});

describe('a header block describes the interview', () => {
  it('reads `Key: value` lines at the top as text, and finds the named interviewer below them', () => {
    const { reading, passages, problems } = read(
      'Interviewer: Sam Jones\nInterviewee: Mary Smith\nDate: 14 March 2019\n\nSam: How did it start?\nMary: In 2015.\nSam: And then?\nMary: We carried on.\nSam: Why?\nMary: Because.\nSam: Who else?\nMary: Jo.',
    );
    expect(passages[0]).toMatchObject({ line: 1, speaker: null, text: 'Interviewer: Sam Jones\nInterviewee: Mary Smith\nDate: 14 March 2019' });
    expect(reading.questioner).toMatchObject({ speaker: 'Sam', questions: 4 });
    expect(problems.map((p) => p.message)).toEqual(["Sam asks 4 of the file's 4 questions but has no interviewer label, so their words are counted as a respondent's"]);
  });

  it('is no header where a label comes back or a line asks a question', () => {
    const { passages } = read('Interviewer: Hello, how did it start?\nAnn: A flyer.\n\nInterviewer: And then?\nAnn: I stayed.');
    expect(passages.map((p) => [p.speaker, p.interviewer])).toEqual([
      ['Interviewer', true],
      ['Ann', false],
      ['Interviewer', true],
      ['Ann', false],
    ]);
  });
});

describe('weak layouts', () => {
  it('take `Name – text` on a long line, a no-break space before the dash as Word writes one', () => {
    const long = 'and the partnership decided, after a long year of meetings and surveys, to fund the bus';
    const { passages } = read(`I\u00a0– How did it start?\n\nC\u00a0– ${long}.\n\nI\u00a0– And then?\n\nC\u00a0– ${long} again.`);
    expect(passages.map((p) => [p.speaker, p.interviewer])).toEqual([
      ['I', true],
      ['C', false],
      ['I', true],
      ['C', false],
    ]);
  });

  it('take `[Name] text` where two or more speakers recur, and never a bracketed name in speech', () => {
    expect(read('[id1] hello\n\n[id2] hi\n\n[id1] yes\n\n[id2] no').passages.map((p) => p.speaker)).toEqual(['id1', 'id2', 'id1', 'id2']);
    expect(lineThree('[Town] has changed a lot.').speaker).toBe('text of Respondent');
  });

  it('take names alone on a line (Otter without times) in a document of them, never in one with other labels', () => {
    const otter = read('Researcher\nHow did it start?\n\nUnknown Speaker\nA flyer.\n\nResearcher\nAnd then?\n\nUnknown Speaker\nChristian\n');
    expect(otter.passages.map((p) => [p.speaker, p.interviewer, p.text])).toEqual([
      ['Researcher', true, 'How did it start?'],
      ['Unknown Speaker', false, 'A flyer.'],
      ['Researcher', true, 'And then?'],
      ['Unknown Speaker', false, 'Christian'],
    ]);
    const colon = read('Interviewer: Go on.\nAnn: Well.\nMhm\nAnn: Yes.\nMhm\nInterviewer: So?\nFunding – it was the worry.\nPeople – never enough.\nFunding – again.\nPeople – again.');
    expect(new Set(colon.passages.map((p) => p.speaker))).toEqual(new Set(['Interviewer', 'Ann']));
  });
});

describe('time stamps are never words', () => {
  it('takes stamps out of the text, keeps times that are speech, and gives turns the time in force', () => {
    const { passages, reading } = read('[00:00:05] Interviewer: When? #00:00:09-2#\nAnn: At 10:30 on the Tuesday (9:15 for the bus) [00:00:14] I think. [crosstalk 00:00:16]\n00:01:00\nAnn: Later.');
    expect(passages.map((p) => [p.speaker, p.start, p.text])).toEqual([
      ['Interviewer', '00:00:05', 'When?'],
      ['Ann', '00:00:09.2', 'At 10:30 on the Tuesday (9:15 for the bus) I think. [crosstalk]'],
      ['Ann', '00:01:00', 'Later.'],
    ]);
    expect(reading.stamps).toBe(5);
  });
});

describe('interviewer labels', () => {
  it.each(['Interviewer', 'Interviewer 2', 'Interviewer2', 'Interviewer_1', 'Interviewer (Sam)', 'Interviewer/Sam', 'Interviewer - Sam', 'Interviewer, Sam', 'Interviewer Sam', 'Sam (interviewer)', 'SJ (Int)', 'INT', 'Int.', 'IV', 'Mod', 'Host', 'Co-host', 'Facilitator', 'Moderator B', 'Researcher', 'Intervieweur', 'Q', 'I', 'Interviewers'])(
    '%j is an interviewer',
    (label) => expect(isInterviewerLabel(label)).toBe(true),
  );

  it.each(['I told them', 'Interviewee', 'Host family', 'Researcher said', 'Sam', 'Internal'])('%j is not', (label) => expect(isInterviewerLabel(label)).toBe(false));

  it.each(['Respondent', 'Respondent (female, 40s)', 'Participant 3', 'P2', 'R1', 'Speaker 1', 'Unknown Speaker', 'Interviewee', 'B'])('%j is a respondent label', (label) => expect(isRespondentLabel(label)).toBe(true));

  it('takes letters for people where a run of them speaks (`H`, `I`, `J`), the interviewer where not', () => {
    const run = read('H: Yes.\nI: I liked it.\nJ: Me too.\nH: Again.\nI: Again.\nJ: Again.');
    expect(run.passages.filter((p) => p.interviewer)).toEqual([]);
    const interview = read('I: What do you think?\nA: Lovely.\nB: Dogs.\nC: I like dogs.\nI: Anything else?\nA: No.');
    expect(interview.passages.filter((p) => p.interviewer).map((p) => p.speaker)).toEqual(['I', 'I']);
  });
});
