// Transcript -> turns: who speaks, from which line, in which paragraphs, and how that was read.
import { countNewlines } from '../newlines.js';
import type { Body, Cue, Transcript } from '../corpus/types.js';
import { isBlank } from './blank.js';
import { isBoilerplate } from './boilerplate.js';
import { readLabel, type LineLabel } from './layouts/index.js';
import type { LayoutId } from './layouts/types.js';
import { findQuestioner, type Questioner } from './questioner.js';
import { acceptLabels, isInterviewerLabel, labelShape, normaliseSpeaker, speakerKey, type LabelPolicy } from './speakers.js';
import { stripStamps } from './stamps.js';
import type { LineInfo, Paragraph, Turn } from './types.js';

/** A line that looks like a speaker label but was read as text. */
export interface DoubtfulLine {
  line: number;
  speaker: string;
  /** `once`: a label no other line or speaker backs up; `tight`: no space after its colon. */
  why: 'once' | 'tight';
  /** It fell inside an interviewer's turn, so its words are not coded. */
  inInterviewerTurn: boolean;
}

/** What segmentation read from a transcript, for `obs speakers` and the warnings of `obs code`. */
export interface Reading {
  turns: Turn[];
  /** Times found in the text: stamps (taken out of it) and, in text read line by line, the times of labels and headings. */
  stamps: number;
  doubtful: DoubtfulLine[];
  /** Labels taken for a speaker who speaks only on that line. */
  once: Array<{ line: number; speaker: string }>;
  /** A speaker without an interviewer label who asks most of the questions; `left out` under --find-interviewer. */
  questioner?: Questioner & { leftOut: boolean };
}

export interface ReadPolicy extends LabelPolicy {
  /** Leave out, in a file without interviewer labels, the speaker who asks most of the questions. */
  findInterviewer?: boolean;
}

export function toTurns(transcript: Transcript, policy: ReadPolicy = {}): Turn[] {
  return readTurns(transcript, policy).turns;
}

export function readTurns(transcript: Transcript, policy: ReadPolicy = {}): Reading {
  const reading = transcript.body ? bodyTurns(transcript.body, policy) : cueTurns(transcript.cues ?? [], transcript.format === 'csv', policy);
  const questioner = findQuestioner(reading.turns);
  if (questioner) {
    reading.questioner = { ...questioner, leftOut: policy.findInterviewer === true };
    if (policy.findInterviewer) {
      for (const turn of reading.turns) if (turn.speaker === questioner.speaker) turn.interviewer = true;
      // A doubtful line in the turn of the speaker just left out is not coded either.
      for (const d of reading.doubtful) d.inInterviewerTurn ||= reading.turns.some((t) => t.interviewer && t.paragraphs.some((p) => p.lines.some((l) => l.line === d.line)));
    }
  }
  return reading;
}

/**
 * Where a document labels its speakers with a run of letters (`A:` to `M:`), `I` and `Q` are people
 * like the others, not the interviewer and the questions: so where `H` and `J` (`P` and `R`) speak too.
 */
function interviewerTest(keys: ReadonlySet<string>, policy: LabelPolicy): (speaker: string) => boolean {
  const ids = new Set<string>();
  if (keys.has('h') && keys.has('i') && keys.has('j')) ids.add('i');
  if (keys.has('p') && keys.has('q') && keys.has('r')) ids.add('q');
  if (ids.size === 0) return (speaker) => isInterviewerLabel(speaker, policy.excludeSpeakers);
  const excluded = new Set((policy.excludeSpeakers ?? []).map(speakerKey));
  return (speaker) => {
    const key = speakerKey(speaker);
    return ids.has(key) ? excluded.has(key) : isInterviewerLabel(speaker, policy.excludeSpeakers);
  };
}

function bodyTurns(body: Body, policy: LabelPolicy): Reading {
  const { lines, firstLine, numbers, given } = body;
  const labels: Array<LineLabel | undefined> = lines.map((line, i) => (given?.has(i) ? undefined : readLabel(line)));
  const { accepted, takes, doubtful: doubtfulLabels, once } = acceptLabels(lines, labels, policy);
  const onceAt = new Set(once);
  if (given) for (const g of given.values()) accepted.add(speakerKey(g.speaker));
  const labelled = accepted.size > 0;
  // Word's Transcribe heads a segment it could not give a speaker with its time alone.
  const timeHeadings = labels.some((l, i) => l?.layout === 'time-name' && takes(l, i));
  const isInterviewer = interviewerTest(accepted, policy);
  const doubtfulAt = new Map(doubtfulLabels.map((d) => [d.index, d]));
  const reading: Reading = { turns: [], stamps: 0, doubtful: [], once: [] };
  const turns = reading.turns;
  let turn: Turn | undefined;
  let paragraph: Paragraph | undefined;
  // The time in force: the last stamp seen, which holds until the next.
  let clock: string | null = null;

  const closeParagraph = () => {
    if (turn && paragraph && paragraph.lines.length > 0) {
      const trimmed = trimParagraph(paragraph);
      // A heading line alone before a blank line leaves nothing to keep.
      if (trimmed.lines.length > 0) {
        // A turn is mostly one paragraph: made with it, its array holds no room for more.
        if (turn.paragraphs.length === 0) turn.paragraphs = [trimmed];
        else turn.paragraphs.push(trimmed);
      }
    }
    paragraph = undefined;
  };
  const openTurn = (speaker: string | null, layout: LayoutId | undefined = undefined) => {
    closeParagraph();
    if (turn && turn.paragraphs.length > 0) turns.push(turn);
    turn = { speaker, interviewer: speaker !== null && isInterviewer(speaker), paragraphs: [], layout };
  };

  lines.forEach((raw, i) => {
    const label = labels[i];
    const lineNo = numbers ? numbers[i]! : firstLine + i;
    const row = given?.get(i);
    let text = raw;
    let opensTurn = false;
    if (row) {
      if (row.start !== undefined) clock = row.start;
      openTurn(normaliseSpeaker(row.speaker), 'table');
      opensTurn = true;
    } else if (label && takes(label, i)) {
      if (label.start !== undefined) {
        clock = label.start;
        reading.stamps++;
      }
      // Word's Transcribe and Otter write a new heading every few sentences: one speaker's run of them is one turn.
      if (label.heading && turn?.speaker === label.speaker && turn.layout === label.layout) closeParagraph();
      else openTurn(label.speaker, label.layout);
      if (onceAt.has(i)) reading.once.push({ line: lineNo, speaker: label.speaker });
      text = label.rest;
      opensTurn = true;
    } else if (isBlank(raw) || isBoilerplate(raw)) {
      // Without speaker labels every paragraph is a turn of its own.
      if (labelled) closeParagraph();
      else openTurn(null);
      return;
    }
    const stamped = stripStamps(text);
    if (stamped) {
      reading.stamps += stamped.stamps;
      text = stamped.text;
      if (stamped.start !== undefined) {
        clock = stamped.start;
        // Caption lines (`16:02:22 text`) without speakers: each stamp opens a passage, as each cue does.
        if (!opensTurn && !labelled && paragraph && text.trim() !== '') openTurn(null);
      }
      // A line that held only a stamp says when, and nothing else.
      if (isBlank(text) && !opensTurn) {
        if (stamped.last !== undefined) clock = stamped.last;
        if (timeHeadings && stamped.start !== undefined) openTurn(null);
        return;
      }
    }
    if (!turn) openTurn(null);
    if (doubtfulAt.size > 0) {
      const doubt = doubtfulAt.get(i);
      if (doubt) reading.doubtful.push({ line: lineNo, speaker: doubt.speaker, why: doubt.why, inInterviewerTurn: turn!.interviewer });
    }
    const info: LineInfo = { line: lineNo, start: clock };
    // A paragraph is mostly one line: made with it, its array holds no room for more.
    if (!paragraph) paragraph = { text, lines: [info] };
    else {
      paragraph.text += `\n${text}`;
      paragraph.lines.push(info);
    }
    // A stamp later in the line holds for what follows: f4 ends each paragraph with the time the next speaker begins.
    if (stamped?.last !== undefined) clock = stamped.last;
  });
  openTurn(null);
  return reading;
}

/** Drops blank leading and trailing lines, which a label line with nothing after it leaves. */
function trimParagraph(p: Paragraph): Paragraph {
  // Most paragraphs of a transcript are one line of speech: nothing to trim.
  if (p.lines.length === 1 && p.text.trim() !== '') return p;
  const texts = p.text.split('\n');
  let a = 0;
  let b = texts.length;
  while (a < b && texts[a]!.trim() === '') a++;
  while (b > a && texts[b - 1]!.trim() === '') b--;
  return { text: texts.slice(a, b).join('\n'), lines: p.lines.slice(a, b) };
}

/**
 * A cue's first line may name its speaker (`Name: text`, `(Name)`): Zoom and Google Meet write them
 * so. `skip`: lines the label took alone.
 */
function cueLabel(cue: Cue): { speaker: string; text: string; layout: LayoutId; skip: number } | undefined {
  if (cue.speaker !== undefined) return undefined;
  const nl = cue.text.indexOf('\n');
  const first = nl < 0 ? cue.text : cue.text.slice(0, nl);
  const label = readLabel(first);
  // In a cue a label needs no second line to be believed, but "I told them: no" is still text, and
  // only the labels caption tools write count: `Name: text`, and Meet's `(Name)` above the words.
  // A short first line ("New York", "Housing – it was bad") is what was said, in a file of captions.
  if (!label || label.heading || label.tight || labelShape(label.speaker) === 'prose') return undefined;
  if (label.layout !== 'colon' && label.layout !== 'parenthesised') return undefined;
  // A label alone (`(Laughter)`, `Ann:`) names the speaker of the lines after it in its cue: a cue
  // of that one line has none, and its text is what was written.
  if (label.rest.trim() === '' && nl < 0) return undefined;
  if (label.rest.trim() === '' && nl >= 0) return { speaker: label.speaker, text: cue.text.slice(nl + 1), layout: label.layout, skip: 1 };
  return { speaker: label.speaker, text: nl < 0 ? label.rest : `${label.rest}\n${cue.text.slice(nl + 1)}`, layout: label.layout, skip: 0 };
}

/** Google Meet puts a second speaker into a cue after a line `-`: `(Ann)\ntext\n-\n(Bo)\ntext`. Each is a cue of its own. */
function splitSpeakerChanges(cues: readonly Cue[]): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    if (!cue.text.includes('\n-')) {
      out.push(cue);
      continue;
    }
    const parts = cue.text.split(/\n-[ \t]*\n((?:[ \t]*\n)*)(?=\()/);
    let line = cue.line;
    for (let k = 0; k < parts.length; k += 2) {
      const text = parts[k]!;
      out.push({ ...cue, text, line });
      // The part, the `-` line, and the blank lines after it.
      line += countNewlines(text) + 2 + countNewlines(parts[k + 1] ?? '');
    }
  }
  return out;
}


/**
 * Captions mark a change of speaker at the start of a line: `>>` (broadcast and Rev captions) or a
 * dialogue dash, `- ` (Premiere, subtitles). Each marked line starts a cue of its own, its mark
 * taken off so a `Name:` after it is read.
 */
const CHANGE_MARK = /^[ \t]*(?:>>[ \t]*|-[ \t]+)(?=\S)/;
const ANY_CHANGE_MARK = new RegExp(CHANGE_MARK.source, 'm');

function splitDialogue(cues: readonly Cue[]): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    if (cue.speaker !== undefined || !ANY_CHANGE_MARK.test(cue.text)) {
      out.push(cue);
      continue;
    }
    let piece: Cue | undefined;
    cue.text.split('\n').forEach((line, k) => {
      const mark = CHANGE_MARK.exec(line);
      if (mark || !piece) {
        piece = { ...cue, text: mark ? line.slice(mark[0].length) : line, line: cue.line + k };
        if (mark) piece.newSpeaker = true;
        out.push(piece);
      } else piece.text += `\n${line}`;
    });
  }
  return out;
}

function cueTurns(read: readonly Cue[], rowsAreTurns: boolean, policy: LabelPolicy): Reading {
  const cues = rowsAreTurns ? read : splitDialogue(splitSpeakerChanges(read));
  const labels = cues.map(cueLabel);
  const speakers = new Set<string>();
  for (const [i, c] of cues.entries()) {
    const s = labels[i]?.speaker ?? c.speaker;
    if (s !== undefined && s !== null) speakers.add(speakerKey(s));
  }
  const isInterviewer = interviewerTest(speakers, policy);
  // With no speaker anywhere, each cue stands alone, as paragraphs do in an unlabelled text.
  const merge = !rowsAreTurns && speakers.size > 0;
  const reading: Reading = { turns: [], stamps: 0, doubtful: [], once: [] };
  const turns = reading.turns;
  cues.forEach((cue, i) => {
    const label = labels[i];
    const named = cue.speaker === undefined || cue.speaker === null ? null : normaliseSpeaker(cue.speaker);
    const speaker = label?.speaker ?? named;
    let text = label?.text ?? cue.text;
    const stamped = stripStamps(text);
    if (stamped) {
      reading.stamps += stamped.stamps;
      text = stamped.text;
    }
    const first = cue.line + (label?.skip ?? 0);
    const lines: LineInfo[] = text.split('\n').map((_, k) => ({ line: first + k, start: cue.start ?? stamped?.start ?? null }));
    const last = turns[turns.length - 1];
    // Zoom cuts one person's speech into many cues, and a CSV row without a speaker goes on with the
    // turn before it: either way one turn.
    if (last && ((merge && last.speaker === speaker && !cue.newSpeaker) || cue.continues)) {
      if (text.trim() === '') return;
      const p = last.paragraphs[last.paragraphs.length - 1]!;
      if (cue.continues) last.paragraphs.push({ text, lines });
      else {
        p.text += `\n${text}`;
        p.lines.push(...lines);
      }
      return;
    }
    if (text.trim() === '') return;
    const turn: Turn = { speaker, interviewer: speaker !== null && isInterviewer(speaker), paragraphs: [{ text, lines }] };
    const layout: LayoutId | undefined = label ? label.layout : cue.speaker === undefined || cue.speaker === null ? undefined : rowsAreTurns ? 'column' : 'voice';
    if (layout) turn.layout = layout;
    if (cue.meta && Object.keys(cue.meta).length > 0) turn.meta = cue.meta;
    turns.push(turn);
  });
  return reading;
}
