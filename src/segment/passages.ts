// Turns -> passages of the chosen unit, each knowing its file, line, speaker, start and metadata.
import { countNewlines } from '../newlines.js';
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
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const { segment, index } of segmenter.segment(flat)) {
    const lead = segment.length - segment.trimStart().length;
    const text = p.text.slice(index + lead, index + segment.trimEnd().length);
    if (text === '') continue;
    const firstLine = countNewlines(p.text, index + lead);
    out.push({ text, lines: p.lines.slice(firstLine, firstLine + countNewlines(text, text.length) + 1) });
  }
  return out;
}

