// Speaker labels: how they are tidied, which are interviewers, and which label-shaped lines to believe.
import type { LineLabel } from './layouts/index.js';
import { leadingStamp } from './stamps.js';

// A transcript names a handful of speakers on thousands of lines: each label is worked out once.
const shown = new Map<string, string>();
const keys = new Map<string, string>();
const interviewers = new WeakMap<readonly string[], Map<string, boolean>>();
const shapes = new Map<string, LabelShape>();
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
  // A CSV's `DB:` is `DB`.
  const folded = name.trim().replace(/\s*:$/, '').replace(/\s+/g, ' ');
  // Only a word in lower case gets the space: `BSR01` is an id, as `P2` is.
  return remember(shown, name, /\d/.test(folded) ? folded.replace(/(\p{L}{3,})(\d+)(?=\s|$)/gu, (all, word: string, n: string) => (/\p{Ll}/u.test(word) ? `${word} ${n}` : all)) : folded);
}

export function speakerKey(speaker: string): string {
  return keys.get(speaker) ?? remember(keys, speaker, normaliseSpeaker(speaker).toLowerCase());
}

/**
 * A label's role word with what may follow it: a number or letter (`Interviewer 2`, `Moderator B`),
 * a name in brackets (`Interviewer (Sam)`), after a slash or a dash (`Interviewer/Sam`, `Interviewer - Sam`).
 */
function roleOf(key: string): string {
  const bare = key.replace(/\s*[([{][^)\]}]*[)\]}]\s*/g, ' ').trim();
  const head = /^(.+?)\s*(?:\/|\s[-–]\s).*$/u.exec(bare)?.[1] ?? bare;
  return (/^(.+?)(?:\s*\d+|\s+\p{L})*$/u.exec(head)?.[1] ?? head).replace(/\.$/, '');
}

/** Labels that mark the interviewer's turns, written as transcribers and QDA programs write them. */
export const INTERVIEWER_LABELS = ['interviewer', 'int', 'iv', 'facilitator', 'moderator', 'researcher', 'host', 'q', 'i'] as const;
/** Labels that mark respondents: believed wherever they appear, and said so by `obs speakers`. */
const RESPONDENT_LABELS = new Set(['interviewee', 'respondent', 'participant', 'speaker', 'unknown speaker', 'resident', 'answer', 'a', 'r', 'p', 'b', 'guest']);

/** Interviewer labels, optionally numbered, lettered or named: `Interviewer 2`, `Q`, `Int.`, `Interviewer (Sam)`. */
export function isInterviewerLabel(speaker: string, extra: readonly string[] = NO_NAMES): boolean {
  let known = interviewers.get(extra);
  if (!known) interviewers.set(extra, (known = new Map()));
  return known.get(speaker) ?? remember(known, speaker, readsAsInterviewer(speaker, extra));
}

function readsAsInterviewer(speaker: string, extra: readonly string[]): boolean {
  const key = speakerKey(speaker);
  const role = roleOf(key);
  if ((INTERVIEWER_LABELS as readonly string[]).includes(role)) return true;
  return extra.some((name) => {
    const k = speakerKey(name);
    return k === key || k === role;
  });
}

/** `P2`, `R1`, `Speaker 3`, `Respondent (female, 40s)`: a respondent's role rather than a name. */
export function isRespondentLabel(speaker: string): boolean {
  const role = roleOf(speakerKey(speaker));
  return RESPONDENT_LABELS.has(role) || /^[pr]\d+$/.test(role);
}

/**
 * What a label looks like: a role (`Interviewer`, `P2`), a name (each word capitalised: `Dr Patel`,
 * `Smith, John`), a lower-case id (`interviewee`, `id1`), or prose (`I told them`, `Yes`, `Note`).
 */
export type LabelShape = 'role' | 'name' | 'lower' | 'prose';

export function labelShape(speaker: string): LabelShape {
  return shapes.get(speaker) ?? remember(shapes, speaker, shapeOf(speaker));
}

// Words that open sentences and headers, never a speaker's name: `Yes: we did`, `Note: ...`, `Date: 2019`.
const NOT_NAMES = new Set(
  (
    'a about actually after again all also although an and anyway as at basically because before but by ' +
    'certainly definitely do does during either even eventually exactly finally first for from generally great ' +
    'he her here hi his honestly how however i if in indeed it its just last later like look maybe me meanwhile ' +
    'my next nb no nope not now obviously of ok okay on once or otherwise our ps perhaps please plus pretty ' +
    'quite really right second she since so sometimes sorry still sure than thank thanks that the their them ' +
    'then there these they third this those though thus to too true um uh unfortunately until we well what when ' +
    'where whereas which while who why with yeah yes yet you your ' +
    // Header and note words that transcripts open with.
    'abstract absent agenda age apologies area attendees audio background comment comments conclusion context date day description ' +
    'duration email example file gender interview introduction key length location meeting method name names notes note ' +
    'number occupation page part participants phone place present project purpose question questions recording ref reference ' +
    'role session site source subject summary tel telephone time title topic transcript transcriber transcription ' +
    'translation update venue version warning www'
  ).split(' '),
);
// Small words that sit inside names: Ludwig van Beethoven, Ana de Souza.
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ten', 'ter', 'y', 'e', 'mc']);

function shapeOf(speaker: string): LabelShape {
  const key = speakerKey(speaker);
  if (isInterviewerLabel(speaker) || isRespondentLabel(speaker)) return 'role';
  // Brackets describe the speaker (`Sam (teacher, 40s)`): only the words outside them make the name.
  const words = key
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .split(/[\s,/]+|\s[-–]\s/)
    .filter((w) => w !== '' && w !== '-' && w !== '–');
  if (words.length === 0 || words.length > 5 || !/\p{L}/u.test(key)) return 'prose';
  if (NOT_NAMES.has(words[0]!.replace(/[.'’]+$/, ''))) return 'prose';
  const written = normaliseSpeaker(speaker)
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .split(/[\s,/]+|\s[-–]\s/)
    .filter((w) => w !== '' && w !== '-' && w !== '–');
  let lower = 0;
  for (const word of written) {
    const first = word.charAt(0);
    if (/[\p{Lu}\p{Lt}\p{N}]/u.test(first)) continue;
    if (PARTICLES.has(word)) continue;
    if (NOT_NAMES.has(word.replace(/[.'’]+$/, ''))) return 'prose';
    lower++;
  }
  if (lower === 0) return 'name';
  // `interviewee`, `id1`, `john smith`: all in lower case, as some tools write every label.
  return lower === written.length ? 'lower' : 'prose';
}

export interface LabelPolicy {
  /** Labels that count wherever they appear (`--speakers`). */
  speakers?: readonly string[];
  /** Labels whose turns are not coded (`--exclude-speaker`), on top of the built-in interviewer labels. */
  excludeSpeakers?: readonly string[];
}

/** A line that looks like a speaker label but is read as text, and why. */
export interface DoubtfulLabel {
  index: number;
  speaker: string;
  why: 'once' | 'tight';
}

export interface Acceptance {
  /** Keys of the speakers believed, by any layout. */
  accepted: Set<string>;
  /** Whether line `i`, read as `label`, starts a turn. */
  takes(label: LineLabel, i: number): boolean;
  /** Label-shaped lines read as text, each worth a warning. */
  doubtful: DoubtfulLabel[];
}

/**
 * Which label-shaped lines start turns. So that "I told them: no" is never a speaker, prose-shaped
 * labels never count; so that a one-time speaker is still a speaker, a name-shaped label counts once
 * where the document has other speakers. Roles, labels on two or more lines and headings with a
 * time (`Name  0:03`) count on their own. Weak layouts (`(Name)`, a name alone on its line,
 * `Name – text`) count only where two or more speakers recur in them. `labels[i]` is how
 * `lines[i]` reads, if as a label.
 */
export function acceptLabels(lines: readonly string[], labels: ReadonlyArray<LineLabel | undefined>, policy: LabelPolicy): Acceptance {
  const followedByText = (i: number) => hasWordsAfter(lines, labels, i);
  const counts = new Map<string, number>();
  for (const label of labels) {
    if (label && !label.tight && !label.weak) counts.set(speakerKey(label.speaker), (counts.get(speakerKey(label.speaker)) ?? 0) + 1);
  }
  const named = new Set((policy.speakers ?? []).map(speakerKey));
  const accepted = new Set<string>();
  // Whether the labels believed are written in lower case, as some tools write every label.
  let lowerCase = false;
  const accept = (key: string, shape: LabelShape) => {
    accepted.add(key);
    if (shape === 'lower') lowerCase = true;
  };
  const once: number[] = [];
  const weak = new Map<string, Map<string, number[]>>();
  labels.forEach((label, i) => {
    if (!label) return;
    const key = speakerKey(label.speaker);
    const shape = labelShape(label.speaker);
    if (label.weak) {
      if (shape !== 'name' && shape !== 'role' && !named.has(key)) return;
      const byKey = weak.get(label.layout) ?? new Map<string, number[]>();
      weak.set(label.layout, byKey);
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
      return;
    }
    if (accepted.has(key) && !label.heading) return;
    if (named.has(key) || isInterviewerLabel(label.speaker, policy.excludeSpeakers)) {
      accept(key, shape);
      return;
    }
    const count = counts.get(key) ?? 0;
    if (shape === 'prose') return;
    if (shape === 'role') accept(key, shape);
    else if (label.heading) {
      if ((shape === 'name' || count >= 2) && followedByText(i)) accept(key, shape);
    } else if (count >= 2 && !label.tight) accept(key, shape);
    else once.push(i);
  });
  const doubtful: DoubtfulLabel[] = [];
  // One-time speakers: a name where the document has speakers already; a lower-case id where its labels are lower case.
  const labelled = accepted.size > 0;
  const header = headerLines(lines, labels, counts);
  for (const i of once) {
    if (header.has(i)) continue;
    const label = labels[i]!;
    const key = speakerKey(label.speaker);
    const shape = labelShape(label.speaker);
    if (accepted.has(key)) continue;
    if (labelled && (shape === 'name' || (shape === 'lower' && lowerCase))) accepted.add(key);
    else doubtful.push({ index: i, speaker: label.speaker, why: label.tight ? 'tight' : 'once' });
  }
  doubtful.sort((a, b) => a.index - b.index);
  // A weak layout counts where two or more of its speakers recur (or are named), on four lines or more, each with words after it.
  const weakLines = new Set<number>();
  for (const byKey of weak.values()) {
    const recurring = [...byKey.entries()].filter(([key, lines]) => (named.has(key) || lines.length >= 2) && lines.every(followedByText));
    if (recurring.length < 2 || recurring.reduce((n, [, lines]) => n + lines.length, 0) < 4) continue;
    for (const [key, lines] of recurring) {
      accepted.add(key);
      for (const i of lines) weakLines.add(i);
    }
  }
  const takes = (label: LineLabel, i: number) => (label.weak ? weakLines.has(i) : accepted.has(speakerKey(label.speaker)));
  return { accepted, takes, doubtful };
}

/**
 * `Date: 14 March`, `Location: Ramsey`, `Interviewee: R12` at the top of a transcript: two or more
 * lines in a row, from the first, each a label that appears nowhere else. They describe the
 * interview; none of them is a speaker's turn, and none is worth a warning.
 */
function headerLines(lines: readonly string[], labels: ReadonlyArray<LineLabel | undefined>, counts: ReadonlyMap<string, number>): Set<number> {
  const header = new Set<number>();
  for (let i = Math.max(0, lines.findIndex((l) => l.trim() !== '')); i < labels.length; i++) {
    const label = labels[i];
    // An indented line goes on with the field above it.
    if (!label && header.size > 0 && /^[ \t]+\S/.test(lines[i]!)) continue;
    if (!label || label.heading || label.tight || (counts.get(speakerKey(label.speaker)) ?? 0) !== 1) break;
    header.add(i);
  }
  return header.size >= 2 ? header : new Set();
}

/**
 * Whether a label has words after it, on its line or the next: a heading is a name and a time with
 * the words below, where a caption line (`16:02:22 Hello`) is followed by another stamp.
 */
function hasWordsAfter(lines: readonly string[], labels: ReadonlyArray<LineLabel | undefined>, i: number): boolean {
  if (labels[i]!.rest.trim() !== '') return true;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.trim() === '') continue;
    return !labels[j]?.heading && leadingStamp(line) === undefined;
  }
  return false;
}
