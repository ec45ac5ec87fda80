// One transcript -> its passages, each coded or marked as interviewer context, and what about the
// reading of it is worth a warning. Pure: no I/O.
import type { Transcript } from './corpus/types.js';
import { quoteArg as quote, type Problem } from './errors.js';
import type { CompiledCodebook } from './match/compile.js';
import { codeText, countWords, type PassageCoding } from './match/engine.js';
import { toPassages } from './segment/passages.js';
import { readTurns, type Reading, type ReadPolicy } from './segment/turns.js';
import type { Passage, Turn, Unit } from './segment/types.js';

export interface CodedPassage {
  passage: Passage;
  /** Absent for interviewer turns, which are not coded and whose words are not counted, and for passages a filter leaves out. */
  coding?: PassageCoding;
}

export interface CodeOptions extends ReadPolicy {
  unit: Unit;
  /** Passages this rejects stay in the list (as context for quotes) but are not coded. */
  include?: (passage: Passage) => boolean;
}

export interface CodedFile {
  passages: CodedPassage[];
  /** Doubts about the reading: label-shaped lines read as text, a named interviewer, few respondent words. */
  problems: Problem[];
}


/** What a reading leaves in doubt, said with the line and the option that would change it. */
export function readingProblems(file: string, reading: Reading): Problem[] {
  const problems: Problem[] = reading.doubtful.map((d) => ({
    file,
    line: d.line,
    message: `\`${d.speaker}:\` looks like a speaker label, but ${d.why === 'tight' ? 'has no space after its colon' : 'no other line or speaker backs it up'}, so it is read as text${d.inInterviewerTurn ? " inside the interviewer's turn, and not coded" : ''}`,
    hint: `if ${d.speaker} is a speaker, add --speakers ${quote(d.speaker)}`,
  }));
  for (const o of reading.once) {
    problems.push({
      file,
      line: o.line,
      note: true,
      message: `\`${o.speaker}:\` starts a turn only here: read as a speaker who speaks once`,
      hint: 'if it is part of what was said, name the speakers with --speakers, and only those named are taken for one-time speakers',
    });
  }
  const q = reading.questioner;
  if (q && !q.leftOut) {
    problems.push({
      file,
      message: `${q.speaker} asks ${q.questions} of the file's ${q.total} questions but has no interviewer label, so their words are counted as a respondent's`,
      hint: `if ${q.speaker} is the interviewer, add --exclude-speaker ${quote(q.speaker)} (or --find-interviewer, to leave out such a speaker in every file)`,
    });
  }
  return problems;
}

/**
 * Respondents' words under a tenth of a file's: most likely the speakers were misread.
 * `respondentWords` is asked for only where the characters leave the share in doubt.
 */
function respondentShareProblem(file: string, turns: readonly Turn[], respondentWordCount: () => number): Problem | undefined {
  // Counting the interviewer's words costs a second scan; where their text is plainly short, the share is plainly fine.
  let interviewerChars = 0;
  let allChars = 0;
  for (const turn of turns) {
    for (const p of turn.paragraphs) {
      allChars += p.text.length;
      if (turn.interviewer) interviewerChars += p.text.length;
    }
  }
  if (interviewerChars * 4 < allChars * 3) return undefined;
  const respondentWords = respondentWordCount();
  // A file with no respondent words at all is told of once already, as having no respondent text.
  if (respondentWords === 0) return undefined;
  let interviewerWords = 0;
  for (const turn of turns) if (turn.interviewer) for (const p of turn.paragraphs) interviewerWords += countWords(p.text);
  const all = interviewerWords + respondentWords;
  if (respondentWords * 10 >= all) return undefined;
  return {
    file,
    message: `respondents' words are ${Math.round((respondentWords / all) * 100)}% of the file's (${respondentWords} of ${all}); the rest are interviewer turns, which are not coded`,
    hint: `check who obs takes for the interviewer with: obs speakers ${quote(file)}`,
  };
}

export function codeTranscript(transcript: Transcript, doc: number, compiled: CompiledCodebook, options: CodeOptions): CodedFile {
  const reading = readTurns(transcript, options);
  const passages = toPassages(reading.turns, options.unit, { doc, file: transcript.file, meta: transcript.meta });
  const coded = passages.map((passage): CodedPassage => {
    if (passage.interviewer || (options.include && !options.include(passage))) return { passage };
    return { passage, coding: codeText(compiled, passage.text) };
  });
  // Passages a filter left out were not coded, so their words are counted here, where needed at all.
  const respondentWords = () => coded.reduce((n, c) => n + (c.coding ? c.coding.words : c.passage.interviewer ? 0 : countWords(c.passage.text)), 0);
  const problems = readingProblems(transcript.file, reading);
  const share = respondentShareProblem(transcript.file, reading.turns, respondentWords);
  if (share) problems.push(share);
  return { passages: coded, problems };
}
