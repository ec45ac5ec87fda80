// Speaker labels: `[00:12:03] Name: text`, `Name : text`, `[id1] text`, and which of them to believe.

export interface LabelledLine {
  /** The label as it should be shown: white space folded, `Interviewer1` written `Interviewer 1`. */
  speaker: string;
  /** The text after the label on the same line. */
  rest: string;
  /** Offset of `rest` in the line. */
  restOffset: number;
  start?: string;
}

const TIME = String.raw`(?:\[(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\]|(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?))`;
const WORD = String.raw`[\p{L}\p{N}(][\p{L}\p{N}\p{M}.'’()&/_-]*`;
const NAME = String.raw`${WORD}(?:[ \t]+${WORD}){0,3}`;
// The colon must be followed by a space or the line's end, so `https://` and `10:30` are never labels.
const COLON_LABEL = new RegExp(String.raw`^[ \t]*(?:${TIME}[ \t]*)?(${NAME})[ \t]*:(?=[ \t]|$)[ \t]*`, 'u');
const BRACKET_LABEL = new RegExp(String.raw`^[ \t]*(?:${TIME}[ \t]*)?\[(${NAME})\][ \t]+`, 'u');

// Bracketed notes that transcribers write at the start of a line; they are never speakers.
const TRANSCRIPTION_NOTES = new Set([
  'laughs', 'laughter', 'laughing', 'inaudible', 'crosstalk', 'cross talk', 'pause', 'long pause', 'silence',
  'unclear', 'music', 'applause', 'coughs', 'overlapping', 'noise', 'background noise', 'indistinct', 'sighs',
]);

export const INTERVIEWER_LABELS = ['interviewer', 'facilitator', 'moderator', 'researcher', 'q', 'i'] as const;

export function parseLabel(line: string): LabelledLine | undefined {
  const colon = COLON_LABEL.exec(line);
  const match = colon ?? BRACKET_LABEL.exec(line);
  if (!match) return undefined;
  const name = match[3]!;
  if (!colon && TRANSCRIPTION_NOTES.has(name.toLowerCase())) return undefined;
  const result: LabelledLine = { speaker: normaliseSpeaker(name), rest: line.slice(match[0].length), restOffset: match[0].length };
  const start = match[1] ?? match[2];
  if (start !== undefined) result.start = start;
  return result;
}

export function normaliseSpeaker(name: string): string {
  // `Interviewer1` and `Interviewer 1` are one person in real files; short ids like `P2` stay as written.
  const folded = name.trim().replace(/\s+/g, ' ');
  return /\d/.test(folded) ? folded.replace(/(\p{L}{3,})(\d+)(?=\s|$)/gu, '$1 $2') : folded;
}

// A transcript names a handful of speakers on thousands of lines: each label is worked out once.
const keys = new Map<string, string>();

export function speakerKey(speaker: string): string {
  let key = keys.get(speaker);
  if (key === undefined) {
    key = normaliseSpeaker(speaker).toLowerCase();
    if (keys.size > 10_000) keys.clear();
    keys.set(speaker, key);
  }
  return key;
}

/** Interviewer labels, optionally numbered or lettered: `Interviewer`, `Interviewer 2`, `Q`, `Moderator B`. */
export function isInterviewerLabel(speaker: string, extra: readonly string[] = []): boolean {
  const key = speakerKey(speaker);
  const base = /^(.+?)(?:\s*\d+|\s+\p{L})*$/u.exec(key)?.[1] ?? key;
  if ((INTERVIEWER_LABELS as readonly string[]).includes(base)) return true;
  return extra.some((name) => {
    const k = speakerKey(name);
    return k === key || k === base;
  });
}

export interface LabelPolicy {
  /** Labels that count even when they start only one line (`--speakers`). */
  speakers?: readonly string[];
  /** Labels whose turns are not coded (`--exclude-speaker`), on top of the built-in interviewer labels. */
  excludeSpeakers?: readonly string[];
  /** Told of a line that looks labelled but is read as part of an interviewer's turn, so its words would be lost. */
  onLostLabel?: (line: number, speaker: string) => void;
}

/**
 * So that "I told them: no" is not taken for a speaker, a label counts only when it starts at
 * least two lines of the document, is an interviewer label, or is one the user named.
 */
export function acceptedLabels(labels: ReadonlyArray<LabelledLine | undefined>, policy: LabelPolicy): Set<string> {
  const counts = new Map<string, number>();
  for (const label of labels) {
    if (label) counts.set(speakerKey(label.speaker), (counts.get(speakerKey(label.speaker)) ?? 0) + 1);
  }
  const named = new Set((policy.speakers ?? []).map(speakerKey));
  const accepted = new Set<string>();
  for (const label of labels) {
    if (!label) continue;
    const key = speakerKey(label.speaker);
    if ((counts.get(key) ?? 0) >= 2 || named.has(key) || isInterviewerLabel(label.speaker, policy.excludeSpeakers)) accepted.add(key);
  }
  return accepted;
}
