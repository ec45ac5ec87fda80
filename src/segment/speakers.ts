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

// A transcript names a handful of speakers on thousands of lines: each label is worked out once.
const shown = new Map<string, string>();
const keys = new Map<string, string>();
const interviewers = new WeakMap<readonly string[], Map<string, boolean>>();
const NO_NAMES: readonly string[] = [];

/** Remembers a label's reading, forgetting all at a bound: a corpus of endless distinct labels stays small. */
function remember<T>(cache: Map<string, T>, label: string, value: T): T {
  if (cache.size > 10_000) cache.clear();
  cache.set(label, value);
  return value;
}

export function normaliseSpeaker(name: string): string {
  const known = shown.get(name);
  if (known !== undefined) return known;
  // `Interviewer1` and `Interviewer 1` are one person in real files; short ids like `P2` stay as written.
  const folded = name.trim().replace(/\s+/g, ' ');
  return remember(shown, name, /\d/.test(folded) ? folded.replace(/(\p{L}{3,})(\d+)(?=\s|$)/gu, '$1 $2') : folded);
}

export function speakerKey(speaker: string): string {
  return keys.get(speaker) ?? remember(keys, speaker, normaliseSpeaker(speaker).toLowerCase());
}

/** Interviewer labels, optionally numbered or lettered: `Interviewer`, `Interviewer 2`, `Q`, `Moderator B`. */
export function isInterviewerLabel(speaker: string, extra: readonly string[] = NO_NAMES): boolean {
  let known = interviewers.get(extra);
  if (!known) interviewers.set(extra, (known = new Map()));
  return known.get(speaker) ?? remember(known, speaker, readsAsInterviewer(speaker, extra));
}

function readsAsInterviewer(speaker: string, extra: readonly string[]): boolean {
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
