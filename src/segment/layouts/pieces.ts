// Regular-expression pieces the speaker layouts share.
import { CLOCK, SPACE } from '../../clock.js';

export { CLOCK, SPACE };
/**
 * A label: a name or role of up to 63 characters (MAXQDA's limit), which may hold brackets, commas,
 * dots, slashes, dashes and digits: `Respondent (female, 40s)`, `Interviewer/Sam`, `Dr. Patel`, `P2`.
 * Whether it reads as a name or as the start of a sentence is decided later, by its shape. Greedy,
 * and without a colon, so that matching runs once to the first colon rather than trying each length.
 */
export const LABEL = String.raw`[\p{L}\p{N}(][\p{L}\p{N}\p{M} .'’()&/_,\-–]{0,62}`;
/** Markdown emphasis around a label: `**Name:**`, `*Name (1:00:05)*`. */
export const EMPHASIS = String.raw`(?:\*{1,2}|_{1,2})?`;
/** A stamp glued to or spaced before a label: `[00:02:06]Name:`, `00:03:40.5Name:`, `02:06 T:`, `#00:01:22-6# I:`. */
export const LEAD_STAMP = String.raw`(?:(?:\[(${CLOCK})\]|\((${CLOCK})\)|#(${CLOCK})(?:-\d{1,3})?#|(${CLOCK}))${SPACE}*)?`;

/** The start time from LEAD_STAMP's four groups, f4's tenths dropped. */
export function leadTime(m: RegExpExecArray, first: number): string | undefined {
  return m[first] ?? m[first + 1] ?? m[first + 2] ?? m[first + 3];
}

// Bracketed notes that transcribers write at the start of a line; they are never speakers.
const TRANSCRIPTION_NOTES = new Set([
  'laughs', 'laughter', 'laughing', 'inaudible', 'crosstalk', 'cross talk', 'pause', 'long pause', 'silence',
  'unclear', 'music', 'applause', 'coughs', 'overlapping', 'noise', 'background noise', 'indistinct', 'sighs',
  'break', 'interruption', 'end', 'end of tape', 'end of recording', 'end of interview', 'start', 'recording starts', 'recording ends',
]);

export function isTranscriptionNote(label: string): boolean {
  return TRANSCRIPTION_NOTES.has(label.trim().toLowerCase().replace(/\s+/g, ' '));
}
