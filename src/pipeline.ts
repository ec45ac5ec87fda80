// One transcript -> its passages, each coded or marked as interviewer context. Pure: no I/O.
import type { Transcript } from './corpus/types.js';
import type { Problem } from './errors.js';
import type { CompiledCodebook } from './match/compile.js';
import { codeText, type PassageCoding } from './match/engine.js';
import type { LabelPolicy } from './segment/speakers.js';
import { toPassages } from './segment/passages.js';
import { toTurns } from './segment/turns.js';
import type { Passage, Unit } from './segment/types.js';

export interface CodedPassage {
  passage: Passage;
  /** Absent for interviewer turns, which are not coded and whose words are not counted, and for passages a filter leaves out. */
  coding?: PassageCoding;
}

export interface CodeOptions extends LabelPolicy {
  unit: Unit;
  /** Passages this rejects stay in the list (as context for quotes) but are not coded. */
  include?: (passage: Passage) => boolean;
}

/** A label the ≥2-line rule turned down inside an interviewer's turn: said once, with the line, since its words are lost. */
export function lostLabelProblem(file: string, line: number, speaker: string): Problem {
  return {
    file,
    line,
    message: `\`${speaker}:\` starts only this line, so it is read as part of the interviewer's turn and not coded`,
    hint: `if ${speaker} is a speaker, add --speakers "${speaker}"`,
  };
}

export function codeTranscript(transcript: Transcript, doc: number, compiled: CompiledCodebook, options: CodeOptions): CodedPassage[] {
  const turns = toTurns(transcript, options);
  const passages = toPassages(turns, options.unit, { doc, file: transcript.file, meta: transcript.meta });
  return passages.map((passage) =>
    passage.interviewer || (options.include && !options.include(passage)) ? { passage } : { passage, coding: codeText(compiled, passage.text) },
  );
}
