// What obs read from each transcript: per speaker, the layout that named them, turns, words, and
// whether their words are coded (a respondent) or not (an interviewer), and why.
import type { Transcript } from '../corpus/types.js';
import { countWords } from '../match/engine.js';
import { LAYOUT_SHAPES } from '../segment/layouts/index.js';
import { isInterviewerLabel, isRespondentLabel } from '../segment/speakers.js';
import type { Reading } from '../segment/turns.js';

export interface SpeakerRow {
  file: string;
  format: string;
  /** null: text no label assigns to anyone. */
  speaker: string | null;
  role: 'interviewer' | 'respondent';
  why: string;
  /** How the speaker was named: `Name: text`, `Name 0:03 (heading)`, ... */
  layout: string;
  turns: number;
  words: number;
  /** Of the file's words. */
  share: number;
  /** Time stamps found in the file's text. */
  stamps: number;
  /** The start time of the speaker's first turn, where one is known. */
  first_start: string | null;
}

export const SPEAKER_COLUMNS = ['file', 'format', 'speaker', 'role', 'why', 'layout', 'turns', 'words', 'share', 'stamps', 'first_start'] as const;

/** One row per speaker of a file, in the order they first speak; text without a speaker last. */
export function speakerRows(transcript: Pick<Transcript, 'file' | 'format'>, reading: Reading): SpeakerRow[] {
  const bySpeaker = new Map<string | null, SpeakerRow>();
  const layouts = new Map<string | null, Map<string, number>>();
  let total = 0;
  for (const turn of reading.turns) {
    let row = bySpeaker.get(turn.speaker);
    if (!row) {
      row = {
        file: transcript.file,
        format: transcript.format,
        speaker: turn.speaker,
        role: turn.interviewer ? 'interviewer' : 'respondent',
        why: why(turn.speaker, turn.interviewer, reading),
        layout: '',
        turns: 0,
        words: 0,
        share: 0,
        stamps: reading.stamps,
        first_start: turn.paragraphs[0]?.lines[0]?.start ?? null,
      };
      bySpeaker.set(turn.speaker, row);
      layouts.set(turn.speaker, new Map());
    }
    row.turns++;
    for (const p of turn.paragraphs) row.words += countWords(p.text);
    const shape = turn.layout ? LAYOUT_SHAPES[turn.layout] : 'none';
    const seen = layouts.get(turn.speaker)!;
    seen.set(shape, (seen.get(shape) ?? 0) + 1);
  }
  const rows = [...bySpeaker.values()];
  for (const row of rows) {
    total += row.words;
    // The layout that named most of the speaker's turns.
    row.layout = [...layouts.get(row.speaker)!.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }
  for (const row of rows) row.share = total === 0 ? 0 : Math.round((row.words / total) * 1000) / 1000;
  return [...rows.filter((r) => r.speaker !== null), ...rows.filter((r) => r.speaker === null)];
}

function why(speaker: string | null, interviewer: boolean, reading: Reading): string {
  const q = reading.questioner;
  const asks = q && q.speaker === speaker ? `asks ${q.questions} of the ${q.total} questions` : undefined;
  if (interviewer) {
    if (asks) return `${asks} (--find-interviewer)`;
    return speaker !== null && isInterviewerLabel(speaker) ? 'interviewer label' : '--exclude-speaker';
  }
  if (speaker === null) return 'no speaker label';
  if (asks) return `${asks}, but has no interviewer label`;
  return isRespondentLabel(speaker) ? 'respondent label' : 'no interviewer label';
}
