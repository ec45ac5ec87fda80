// Speaker labels: how they are tidied, which are interviewers, and which label-shaped lines to believe.
import type { LineLabel } from './layouts/index.js';
import { isBlank } from './blank.js';
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

/** A label without what it holds in brackets, parentheses or braces: `Sam (chair, 40s)` is `Sam`. */
function withoutBrackets(label: string): string {
  return label.replace(/\s*[([{][^)\]}]*[)\]}]\s*/g, ' ').trim();
}

/**
 * A label's base, for names given to --exclude-speaker: without brackets, a number or a letter after
 * it, or a name after a slash or dash (`Sam 2`, `Sam (chair)`, `Sam/Host` are Sam).
 */
function baseOf(key: string): string {
  const bare = withoutBrackets(key);
  const head = /^(.+?)\s*(?:\/|\s[-–]\s).*$/u.exec(bare)?.[1] ?? bare;
  return (/^(.+?)(?:\s*\d+|\s+\p{L})*$/u.exec(head)?.[1] ?? head).replace(/\.$/, '');
}

/** Words that mark the interviewer's turns, as transcribers and QDA programs write them, in a few languages. */
export const INTERVIEWER_LABELS = [
  'interviewer', 'interviewers', 'interviewerin', 'intervieweur', 'intervieweuse', 'enquêteur', 'enquêtrice', 'entrevistador', 'entrevistadora',
  'co-interviewer', 'facilitator', 'co-facilitator', 'moderator', 'moderatorin', 'co-moderator', 'researcher', 'host', 'co-host',
  'int', 'iv', 'mod', 'q', 'i',
] as const;
const INTERVIEWER_WORDS = new Set<string>(INTERVIEWER_LABELS);
/** Words that mark respondents: believed wherever they appear, and said so by `obs speakers`. */
const RESPONDENT_WORDS = new Set(['interviewee', 'interviewees', 'respondent', 'respondents', 'participant', 'participants', 'speaker', 'unknown', 'resident', 'guest', 'befragte', 'befragter', 'answer', 'a', 'r', 'p', 'b']);
/** Role words that stand for a role only alone, at most numbered or lettered: `I told them` is no interviewer. */
const ALONE = /^(?:i|q|a|r|p|b|int|iv|mod|answer)$/;

/**
 * Whether a label names a role: its first word is one (`Interviewer`, `Int.`), numbered or lettered
 * (`Interviewer 2`, `Moderator B`, `Interviewer_1`), followed by a name (`Interviewer Sam`,
 * `Interviewer, Sam`, `Interviewer/Sam`, `Interviewer - Sam`), or in brackets after one (`Sam (interviewer)`).
 */
function hasRole(speaker: string, words: ReadonlySet<string>): boolean {
  const shown = normaliseSpeaker(speaker);
  for (const m of shown.matchAll(/[([{]([^)\]}]*)[)\]}]/g)) {
    // `(interviewer)`, `(Int)`; a letter in brackets is an id: `Respondent (A)`.
    const word = (m[1]!.trim().split(/[\s,]+/)[0] ?? '').toLowerCase().replace(/\.$/, '');
    if (word.length > 1 && words.has(word)) return true;
  }
  const parts = withoutBrackets(shown)
    .split(/\s+[-–]\s+|[\s,/_]+/)
    .filter((w) => w !== '');
  const first = parts[0]?.toLowerCase().replace(/\.$/, '');
  if (first === undefined || !words.has(first)) return false;
  const rest = parts.slice(1);
  if (rest.every((w) => /^(?:\d+|\p{L})$/u.test(w))) return true;
  return !ALONE.test(first) && rest.length <= 3 && rest.every((w) => /^[\p{Lu}\p{Lt}\d]/u.test(w));
}

/** Interviewer labels, optionally numbered, lettered or named: `Interviewer 2`, `Q`, `Int.`, `Interviewer (Sam)`. */
export function isInterviewerLabel(speaker: string, extra: readonly string[] = NO_NAMES): boolean {
  let known = interviewers.get(extra);
  if (!known) interviewers.set(extra, (known = new Map()));
  return known.get(speaker) ?? remember(known, speaker, readsAsInterviewer(speaker, extra));
}

function readsAsInterviewer(speaker: string, extra: readonly string[]): boolean {
  if (hasRole(speaker, INTERVIEWER_WORDS)) return true;
  const key = speakerKey(speaker);
  const base = baseOf(key);
  return extra.some((name) => {
    const k = speakerKey(name);
    return k === key || k === base;
  });
}

/** `P2`, `R1`, `Speaker 3`, `Respondent (female, 40s)`: a respondent's role rather than a name. */
export function isRespondentLabel(speaker: string): boolean {
  return hasRole(speaker, RESPONDENT_WORDS) || /^[prb]\d+$/.test(speakerKey(speaker));
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
    'translation update venue version warning www ' +
    // Interview-guide notes, list items and back-channel sounds.
    'probe prompt follow-up followup response aside section step option options year pros cons ' +
    'mm mmm mhm hmm hm uh-huh mm-hmm yep yup nah oh ah er erm'
  ).split(' '),
);
// Small words that sit inside names: Ludwig van Beethoven, Ana de Souza.
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ten', 'ter', 'y', 'e', 'mc']);

function shapeOf(speaker: string): LabelShape {
  if (isInterviewerLabel(speaker) || isRespondentLabel(speaker)) return 'role';
  // Brackets describe the speaker (`Sam (teacher, 40s)`): only the words outside them make the name.
  const written = withoutBrackets(normaliseSpeaker(speaker))
    .split(/[\s,/]+|\s[-–]\s/)
    .filter((w) => w !== '' && w !== '-' && w !== '–');
  if (written.length === 0 || written.length > 5 || !/\p{L}/u.test(speaker)) return 'prose';
  if (NOT_NAMES.has(written[0]!.toLowerCase().replace(/[.'’]+$/, ''))) return 'prose';
  let lower = 0;
  for (const word of written) {
    const first = word.charAt(0);
    if (/[\p{Lu}\p{Lt}\p{N}]/u.test(first)) continue;
    if (PARTICLES.has(word)) continue;
    // A brand written with a small first letter: Zoom names a speaker by the device, `Maria's iPhone`.
    if (/^\p{Ll}{1,2}\p{Lu}/u.test(word)) continue;
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
  /** Lines taken for a speaker who speaks only there, each worth a note. */
  once: number[];
}

/**
 * Which label-shaped lines start turns. Prose-shaped labels never count ("I told them: no", `So:`,
 * `Step 1:`). Roles, labels on two or more lines, and headings with a time (`Name  0:03`) count on
 * their own. A name that starts one line counts as a one-time speaker where the document has other
 * speakers and the line opens a paragraph, unless --speakers names the speakers and not this one.
 * Weak layouts (`[Name] text`, `(Name)`, a name alone on its line, `Name – text`) count only in a
 * document without other labels, where two or more speakers recur in them. A header block at the
 * top (`Interviewer: Sam Jones`, `Date: 2019`) is text. `labels[i]` is how `lines[i]` reads, if as a label.
 */
export function acceptLabels(lines: readonly string[], labels: ReadonlyArray<LineLabel | undefined>, policy: LabelPolicy): Acceptance {
  const followedByText = (i: number) => hasWordsAfter(lines, labels, i);
  const counts = new Map<string, number>();
  for (const label of labels) {
    if (!label || label.tight || label.weak) continue;
    counts.set(label.key, (counts.get(label.key) ?? 0) + 1);
  }
  const named = new Set((policy.speakers ?? []).map(speakerKey));
  const header = headerLines(lines, labels, counts);
  const accepted = new Set<string>();
  // Whether the labels believed are written in lower case, as some tools write every label.
  let lowerCase = false;
  const accept = (key: string, shape: LabelShape) => {
    accepted.add(key);
    if (shape === 'lower') lowerCase = true;
  };
  const candidates: number[] = [];
  const weak = new Map<string, Map<string, number[]>>();
  labels.forEach((label, i) => {
    if (!label || header.has(i)) return;
    const key = label.key;
    // Most label lines name a speaker already taken: nothing more to weigh.
    if (accepted.has(key) && !label.heading && !label.weak) return;
    const shape = labelShape(label.speaker);
    if (label.weak) {
      // Ids in lower case (`[id1]`) are labels in brackets; a lower-case line alone is speech (`okay`).
      if (shape === 'prose' || (shape === 'lower' && label.layout === 'name-line')) return;
      const byKey = weak.get(label.layout) ?? new Map<string, number[]>();
      weak.set(label.layout, byKey);
      const at = byKey.get(key);
      if (at) at.push(i);
      else byKey.set(key, [i]);
      return;
    }
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
    else candidates.push(i);
  });
  const labelled = accepted.size > 0;
  const firstText = lines.findIndex((l) => !isBlank(l));
  const doubtful: DoubtfulLabel[] = [];
  const once: number[] = [];
  for (const i of candidates) {
    const label = labels[i]!;
    const key = label.key;
    if (accepted.has(key)) continue;
    const shape = labelShape(label.speaker);
    const why = label.tight ? 'tight' : 'once';
    // In a document without speakers, only a lone label opening it (a monologue's speaker) is worth a word.
    if (!labelled) {
      if (i === firstText && candidates.length === 1) doubtful.push({ index: i, speaker: label.speaker, why });
      continue;
    }
    const before = labels[i - 1];
    const opensParagraph = i === firstText || isBlank(lines[i - 1]!) || (before !== undefined && !before.weak);
    const believable = (shape === 'name' || (shape === 'lower' && lowerCase)) && !/\d/.test(label.speaker) && opensParagraph && named.size === 0;
    if (believable) {
      accepted.add(key);
      once.push(i);
    } else doubtful.push({ index: i, speaker: label.speaker, why });
  }
  // A weak layout counts in a document without other labels, where two or more of its speakers
  // recur (or are named), on four lines or more, each with words after it.
  const weakLines = new Set<number>();
  if (!labelled) {
    for (const byKey of weak.values()) {
      const recurring = [...byKey.entries()].filter(([key, at]) => (named.has(key) || at.length >= 2) && at.every(followedByText));
      if (recurring.length < 2 || recurring.reduce((n, [, at]) => n + at.length, 0) < 4) continue;
      for (const [key, at] of recurring) {
        accepted.add(key);
        for (const i of at) weakLines.add(i);
      }
      break;
    }
  }
  const takes = (label: LineLabel, i: number) => (label.weak ? weakLines.has(i) : accepted.has(label.key)) && !header.has(i);
  return { accepted, takes, doubtful, once };
}

/**
 * `Date: 14 March`, `Location: Ramsey`, `Interviewer: Sam Jones` at the top of a transcript: two or
 * more lines in a row, from the first, each a label that appears nowhere else with a short value
 * that asks nothing, and more text after them. They describe the interview; none of them is a
 * speaker's turn, and none is worth a warning.
 */
function headerLines(lines: readonly string[], labels: ReadonlyArray<LineLabel | undefined>, counts: ReadonlyMap<string, number>): Set<number> {
  const header = new Set<number>();
  let i = Math.max(0, lines.findIndex((l) => !isBlank(l)));
  for (; i < labels.length; i++) {
    const label = labels[i];
    // An indented line goes on with the field above it.
    if (!label && header.size > 0 && /^[ \t]+\S/.test(lines[i]!)) continue;
    if (!label || label.heading || label.tight || label.weak || (counts.get(label.key) ?? 0) !== 1) break;
    if (label.rest.includes('?') || label.rest.trim().split(/\s+/).length > 8) break;
    header.add(i);
  }
  let more = false;
  for (let j = i; j < lines.length && !more; j++) more = !isBlank(lines[j]!);
  return header.size >= 2 && more ? header : new Set();
}

/**
 * Whether a label has words after it, on its line or the next: a heading is a name and a time with
 * the words below, where a caption line (`16:02:22 Hello`) is followed by another stamp.
 */
function hasWordsAfter(lines: readonly string[], labels: ReadonlyArray<LineLabel | undefined>, i: number): boolean {
  if (labels[i]!.rest.trim() !== '') return true;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (isBlank(line)) continue;
    return !labels[j]?.heading && leadingStamp(line) === undefined;
  }
  return false;
}
