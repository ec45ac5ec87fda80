// Turns -> passages of the chosen unit, each knowing its file, line, speaker, start and metadata.
import type { Meta } from '../corpus/types.js';
import type { LineInfo, Paragraph, Passage, Turn, Unit } from './types.js';

export interface DocumentInfo {
  doc: number;
  file: string;
  meta: Meta;
}

export function toPassages(turns: readonly Turn[], unit: Unit, info: DocumentInfo): Passage[] {
  if (unit === 'document') return documentPassage(turns, info);
  const out: Passage[] = [];
  for (const turn of turns) {
    const meta = turn.meta ? { ...info.meta, ...turn.meta } : info.meta;
    const pieces: Paragraph[] =
      unit === 'turn' ? [joinParagraphs(turn.paragraphs)] : unit === 'paragraph' ? turn.paragraphs : turn.paragraphs.flatMap(sentences);
    for (const piece of pieces) {
      if (piece.text.trim() === '') continue;
      const first = piece.lines[0]!;
      out.push({
        doc: info.doc,
        file: info.file,
        line: first.line,
        end: piece.lines[piece.lines.length - 1]!.line,
        speaker: turn.speaker,
        start: first.start,
        meta,
        text: piece.text,
        interviewer: turn.interviewer,
      });
    }
  }
  return out;
}

function documentPassage(turns: readonly Turn[], info: DocumentInfo): Passage[] {
  const respondents = turns.filter((t) => !t.interviewer);
  if (respondents.length === 0) return [];
  const joined = joinParagraphs(respondents.flatMap((t) => t.paragraphs));
  if (joined.text.trim() === '') return [];
  const speakers = new Set(respondents.map((t) => t.speaker));
  const first = joined.lines[0]!;
  return [
    {
      doc: info.doc,
      file: info.file,
      line: first.line,
      end: Number.MAX_SAFE_INTEGER,
      speaker: speakers.size === 1 ? [...speakers][0]! : null,
      start: first.start,
      meta: info.meta,
      text: joined.text,
      interviewer: false,
    },
  ];
}

/** Paragraphs stay apart by a blank line; the blank line maps to the line after the paragraph. */
function joinParagraphs(paragraphs: readonly Paragraph[]): Paragraph {
  if (paragraphs.length === 1) return paragraphs[0]!;
  const texts: string[] = [];
  const lines: LineInfo[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) {
      const prev = lines[lines.length - 1]!;
      texts.push('');
      lines.push({ line: prev.line + 1, start: prev.start });
    }
    texts.push(p.text);
    lines.push(...p.lines);
  });
  return { text: texts.join('\n'), lines };
}

// Made at the first sentence asked for: ICU takes some 15 ms to load its sentence rules, on every run that reads turns.
let segmenter: Intl.Segmenter | undefined;

/** Sentences by Unicode's rules; a line break inside a paragraph is read as a space so wrapped text stays one sentence. */
function sentences(p: Paragraph): Paragraph[] {
  const flat = p.text.replace(/\n/g, ' ');
  const out: Paragraph[] = [];
  // Sentences come in order, so the line count moves on from the last one rather than from the top.
  let line = 0;
  let nextBreak = p.text.indexOf('\n');
  const lineAt = (at: number): number => {
    while (nextBreak >= 0 && nextBreak < at) {
      line++;
      nextBreak = p.text.indexOf('\n', nextBreak + 1);
    }
    return line;
  };
  for (const { segment, index } of joinAbbreviations(flat)) {
    const from = index + segment.length - segment.trimStart().length;
    const to = index + segment.trimEnd().length;
    if (to <= from) continue;
    const firstLine = lineAt(from);
    out.push({ text: p.text.slice(from, to), lines: p.lines.slice(firstLine, lineAt(to) + 1) });
  }
  return out;
}

/**
 * Unicode's rules end a sentence at any full stop before a capital, so "Mr. Jones" and "e.g. Ramsey"
 * would be cut after the title. A piece ending in a title or a Latin abbreviation runs on into the next.
 * "etc." that really ends a sentence is joined to the next one too: two sentences as one passage
 * lose nothing a code can find, where a sentence cut in two can lose a phrase.
 */
const ABBREVIATION = /(?:^|[^\p{L}\p{N}.])(?:mrs?|ms|dr|st|prof|rev|cllr|vs|approx|etc|e\.g|i\.e)\.$/iu;
/** "no. 5" is a number; "I said no. Then..." ends a sentence. */
const NUMBER_ABBREVIATION = /(?:^|[^\p{L}\p{N}.])no\.$/iu;

function joinAbbreviations(flat: string): Array<{ segment: string; index: number }> {
  const out: Array<{ segment: string; index: number }> = [];
  let open = false;
  for (const { segment, index } of unicodeSentences(flat)) {
    const last = out[out.length - 1];
    if (open && last) last.segment += segment;
    else out.push({ segment, index });
    // The end alone is looked at, as a file with no full stop can be one 50 MB segment.
    const end = segment.trimEnd().slice(-12);
    open = ABBREVIATION.test(end) || (NUMBER_ABBREVIATION.test(end) && digitAt(flat, index + segment.length));
  }
  return out;
}

const DIGIT_NEXT = /\s*\d/y;

function digitAt(text: string, at: number): boolean {
  DIGIT_NEXT.lastIndex = at;
  return DIGIT_NEXT.test(text);
}

/**
 * ICU's sentence iterator slows down more than in step with the text (30,000 sentences in one
 * 550 KB paragraph take over a minute), so it is given a window at a time. The last sentence of a
 * window may run on past it, so the next window starts there; a window holding less than one whole
 * sentence is widened until it holds one.
 */
const WINDOW = 1 << 15;

function* unicodeSentences(flat: string): Generator<{ segment: string; index: number }> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  let start = 0;
  let size = WINDOW;
  while (start < flat.length) {
    if (start + size >= flat.length) {
      for (const { segment, index } of segmenter.segment(flat.slice(start))) yield { segment, index: start + index };
      return;
    }
    const pieces = Array.from(segmenter.segment(flat.slice(start, start + size)), ({ segment, index }) => ({ segment, index: start + index }));
    if (pieces.length < 2) {
      size *= 2;
      continue;
    }
    yield* pieces.slice(0, -1);
    start = pieces[pieces.length - 1]!.index;
    size = WINDOW;
  }
}
