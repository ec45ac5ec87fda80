// Transcript -> turns: who speaks, from which line, in which paragraphs.
import type { Cue, Transcript } from '../corpus/types.js';
import { acceptedLabels, isInterviewerLabel, parseLabel, speakerKey, type LabelPolicy, type LabelledLine } from './speakers.js';
import type { LineInfo, Paragraph, Turn } from './types.js';

export function toTurns(transcript: Transcript, policy: LabelPolicy = {}): Turn[] {
  if (transcript.body) return bodyTurns(transcript.body.lines, transcript.body.firstLine, policy);
  return cueTurns(transcript.cues ?? [], transcript.format === 'csv', policy);
}

function bodyTurns(lines: readonly string[], firstLine: number, policy: LabelPolicy): Turn[] {
  const labels = lines.map(parseLabel);
  const accepted = acceptedLabels(labels, policy);
  const labelled = accepted.size > 0;
  const turns: Turn[] = [];
  let turn: Turn | undefined;
  let paragraph: Paragraph | undefined;
  let start: string | null = null;

  const closeParagraph = () => {
    if (turn && paragraph && paragraph.lines.length > 0) turn.paragraphs.push(trimParagraph(paragraph));
    paragraph = undefined;
  };
  const openTurn = (speaker: string | null) => {
    closeParagraph();
    if (turn && turn.paragraphs.length > 0) turns.push(turn);
    turn = { speaker, interviewer: speaker !== null && isInterviewerLabel(speaker, policy.excludeSpeakers), paragraphs: [] };
  };

  lines.forEach((raw, i) => {
    const label = labels[i];
    const lineNo = firstLine + i;
    let text = raw;
    if (label && accepted.has(speakerKey(label.speaker))) {
      start = label.start ?? null;
      openTurn(label.speaker);
      text = label.rest;
    } else if (raw.trim() === '') {
      // Without speaker labels every paragraph is a turn of its own.
      if (labelled) closeParagraph();
      else openTurn(null);
      return;
    } else if (!turn) {
      openTurn(null);
    } else if (label && turn.interviewer) {
      policy.onLostLabel?.(lineNo, label.speaker);
    }
    if (!paragraph) paragraph = { text: '', lines: [] };
    paragraph.text += paragraph.lines.length > 0 ? `\n${text}` : text;
    paragraph.lines.push({ line: lineNo, start });
  });
  openTurn(null);
  return turns;
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

function cueTurns(cues: readonly Cue[], rowsAreTurns: boolean, policy: LabelPolicy): Turn[] {
  const labels: Array<LabelledLine | undefined> = cues.map((c) => (c.speaker === undefined ? parseLabel(c.text) : undefined));
  // In a cue, `Name:` is how Zoom names the speaker, so it counts even when the person speaks once.
  const accepted = new Set(labels.flatMap((l) => (l ? [speakerKey(l.speaker)] : [])));
  // With no speaker anywhere, each cue stands alone, as paragraphs do in an unlabelled text.
  const merge = !rowsAreTurns && (accepted.size > 0 || cues.some((c) => c.speaker !== undefined && c.speaker !== null));
  const turns: Turn[] = [];
  cues.forEach((cue, i) => {
    const label = labels[i];
    let speaker = cue.speaker ?? null;
    let text = cue.text;
    if (label && accepted.has(speakerKey(label.speaker))) {
      speaker = label.speaker;
      text = label.rest;
    }
    const lines: LineInfo[] = text.split('\n').map((_, k) => ({ line: cue.line + k, start: cue.start ?? null }));
    const last = turns[turns.length - 1];
    // Zoom cuts one person's speech into many cues; consecutive cues of one speaker are one turn.
    if (merge && last && last.speaker === speaker) {
      const p = last.paragraphs[0]!;
      p.text += `\n${text}`;
      p.lines.push(...lines);
      return;
    }
    if (text.trim() === '') return;
    const turn: Turn = {
      speaker,
      interviewer: speaker !== null && isInterviewerLabel(speaker, policy.excludeSpeakers),
      paragraphs: [{ text, lines }],
    };
    if (cue.meta && Object.keys(cue.meta).length > 0) turn.meta = cue.meta;
    turns.push(turn);
  });
  return turns;
}
