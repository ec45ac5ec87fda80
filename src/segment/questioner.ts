// A named interviewer (`Sam:`, `MSM:`, a Zoom host) carries no interviewer label, but asks the questions.
import type { Turn } from './types.js';

export interface Questioner {
  speaker: string;
  /** Their turns that ask something, and all such turns of the file. */
  questions: number;
  total: number;
}

/**
 * The speaker who asks most of a file's questions, where no turn is known for an interviewer's:
 * at least three question turns, and at least twice as many as anyone else.
 */
export function findQuestioner(turns: readonly Turn[]): Questioner | undefined {
  const asked = new Map<string, number>();
  let total = 0;
  for (const turn of turns) {
    if (turn.interviewer) return undefined;
    if (turn.speaker === null) continue;
    if (!asked.has(turn.speaker)) asked.set(turn.speaker, 0);
    if (turn.paragraphs.some((p) => p.text.includes('?'))) {
      asked.set(turn.speaker, asked.get(turn.speaker)! + 1);
      total++;
    }
  }
  if (asked.size < 2) return undefined;
  const [first, second] = [...asked.entries()].sort((a, b) => b[1] - a[1]);
  if (first![1] < 3 || first![1] < 2 * second![1]) return undefined;
  return { speaker: first![0], questions: first![1], total };
}
