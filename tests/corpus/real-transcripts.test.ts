// Real transcripts that none of us wrote: speaker labels vary from file to file.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../src/corpus/read.js';
import { toTurns } from '../../src/segment/turns.js';
import type { Turn } from '../../src/segment/types.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

async function turnsOf(...parts: string[]): Promise<Turn[]> {
  const file = parts[parts.length - 1]!;
  const { transcript } = await readTranscript(readFileSync(sharedData('transcripts', ...parts)), file);
  return toTurns(transcript!);
}

function countBySpeaker(turns: readonly Turn[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of turns) counts[String(t.speaker)] = (counts[String(t.speaker)] ?? 0) + 1;
  return counts;
}

// Expected counts are the label lines of each file, counted with grep.
describe.skipIf(!hasSharedData('transcripts'))('real transcripts', () => {
  it('reads lower-case labels (Interview 10)', async () => {
    const turns = await turnsOf('ml-quality-interviews', 'Interview 10.txt');
    expect(countBySpeaker(turns)).toEqual({ interviewee: 173, interviewer: 66 });
    expect(turns.filter((t) => t.interviewer).length).toBe(66);
  });

  it('reads `Interviewer1 :` with a space before the colon, a stray `Interviewer2 2:` and an indented label (Interview 2, French)', async () => {
    const turns = await turnsOf('ml-quality-interviews', 'Interview 2.txt');
    expect(countBySpeaker(turns)).toEqual({ 'Interviewer 1': 43, 'Interviewee 1': 44, 'Interviewer 2': 1, 'Interviewer 2 2': 1 });
    expect(turns.filter((t) => !t.interviewer).map((t) => t.speaker)).toEqual(Array(44).fill('Interviewee 1'));
  });

  it('takes `Interviewer1:` and `Interviewer 1:` in one file for one speaker (Interview 7)', async () => {
    const turns = await turnsOf('ml-quality-interviews', 'Interview 7.txt');
    expect(countBySpeaker(turns)).toEqual({ 'Interviewer 1': 36, Interviewee: 34, 'Interviewer 2': 1, 'Interviewer 3': 1 });
  });

  it('reads three numbered interviewers (Interview 6)', async () => {
    const turns = await turnsOf('ml-quality-interviews', 'Interview 6.txt');
    expect(countBySpeaker(turns)).toEqual({ Interviewee: 123, 'Interviewer 1': 64, 'Interviewer 2': 30, 'Interviewer 3': 6 });
    expect(turns.filter((t) => t.interviewer).length).toBe(100);
  });

  it('takes the minute stamps out of Interview 6 (`[00:19:00]` inside a turn): never words, the time from then on', async () => {
    const turns = await turnsOf('ml-quality-interviews', 'Interview 6.txt');
    const text = turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n');
    expect(text).not.toMatch(/\[00:\d\d:00\]/);
    // The turn at line 190 held `[00:19:00]` mid-sentence; the first turn after it starts then.
    const at190 = turns.find((t) => t.paragraphs[0]!.lines[0]!.line === 190)!;
    expect(at190.paragraphs[0]!.text).toContain('in a timely manner');
    expect(turns.find((t) => t.paragraphs[0]!.lines[0]!.line > 190)!.paragraphs[0]!.lines[0]!.start).toBe('00:19:00');
  });

  it('finds an interviewee and an interviewer in every one of the 36 interviews', async () => {
    const folder = sharedData('transcripts', 'ml-quality-interviews');
    const files = readdirSync(folder).filter((f) => f.endsWith('.txt') && f !== 'SOURCE.txt');
    expect(files.length).toBe(36);
    for (const f of files) {
      const turns = await turnsOf('ml-quality-interviews', f);
      // Text before the first label (a stray "All right.") is a turn of its own, with no speaker.
      const body = turns[0]!.speaker === null ? turns.slice(1) : turns;
      const respondents = body.filter((t) => !t.interviewer);
      expect(respondents.length, f).toBeGreaterThan(20);
      expect(body.length - respondents.length, f).toBeGreaterThan(10);
      expect(new Set(respondents.map((t) => t.speaker?.replace(/ \d$/, '').toLowerCase())), f).toEqual(new Set(['interviewee']));
    }
  });

  it('reads a Zoom VTT: `Name: text` cues, consecutive cues of one speaker as one turn, unlabelled cues apart', async () => {
    const turns = await turnsOf('webvtt', 'zoom-meeting-cip', 'transcript.vtt');
    expect(countBySpeaker(turns)).toEqual({ 'Ashlee Kupor (SL)': 45, 'Dora Demszky': 41, null: 9 });
    const first = turns.find((t) => t.speaker === 'Dora Demszky')!;
    expect(first.paragraphs[0]!.lines[0]).toEqual({ line: 9, start: '00:00:01.790' });
  });

  it('reads a Zoom VTT saved as .txt, one speaker throughout, as one turn', async () => {
    const turns = await turnsOf('webvtt', 'zoom-classroom', 'GMT20251022-150701_Recording.transcript.txt');
    expect(countBySpeaker(turns)).toEqual({ 'Caleob King': 1 });
    expect(turns[0]!.paragraphs[0]!.lines.length).toBe(411);
  });

  it('reads a Teams-style VTT with UUID cue ids and no labels, one passage a cue', async () => {
    const turns = await turnsOf('webvtt', 'format-fixture-uuid-cues', 'Example_subtitles_1.vtt');
    expect(turns.length).toBe(4);
    expect(turns.map((t) => t.paragraphs[0]!.lines[0]!.start)).toEqual(['00:00:00.760', '00:00:08.640', '00:00:14.400', '00:00:15.540']);
    expect(turns[0]!.paragraphs[0]!.text).toBe('Lorem ipsum dolor sit amet, consectetur\nadipiscing elit. Duis sed tempus nisi. Sed');
  });

  it('reads `[id1]`-style bracketed labels (QualCoder example)', async () => {
    const turns = await turnsOf('qualcoder-example', 'transcript.txt');
    expect(countBySpeaker(turns)).toEqual({ id1: 3, id2: 2, id3: 2 });
    expect(turns[0]!.paragraphs[0]!.text.startsWith('hello, I like the course')).toBe(true);
  });
});
