// Timed captions: WebVTT (Zoom, Teams, Google Meet), SubRip and YouTube's SBV. Blank-line separated
// cues, each a timing line and text.
import { lazy } from '../../lazy.js';
import { countNewlines } from '../../newlines.js';
import type { Cue, Format, Meta, Transcript, Warn } from '../types.js';

const entities = lazy<typeof import('entities')>('entities');

type CaptionFormat = Extract<Format, 'vtt' | 'srt' | 'sbv'>;

const TIME = String.raw`(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
/** Per format: how a timing line is told, its start time read, and its end time checked. */
const ARROW = { is: (l: string) => l.includes('-->'), start: new RegExp(`^\\s*(${TIME})\\s*-->`), end: new RegExp(`-->\\s*${TIME}(?:\\s|$)`) };
const TIMINGS: Record<CaptionFormat, { is: (line: string) => boolean; start: RegExp; end: RegExp; shape: string }> = {
  vtt: { ...ARROW, shape: 'HH:MM:SS.mmm --> HH:MM:SS.mmm' },
  srt: { ...ARROW, shape: 'HH:MM:SS,mmm --> HH:MM:SS,mmm' },
  // YouTube: `0:00:03.900,0:00:08.460`.
  sbv: { is: (l) => /^\s*\d{1,3}:\d{2}:\d{2}\.\d{1,3},/.test(l), start: new RegExp(`^\\s*(${TIME}),`), end: new RegExp(`,${TIME}\\s*$`), shape: 'H:MM:SS.mmm,H:MM:SS.mmm' },
};
const VOICES = /<v(?:\.[^\s>]*)?\s+([^>]*)>/gi;


/** Whether text starts like an SRT file (a cue number, then a timing line) or an SBV file. */
export function looksLikeSrt(text: string): boolean {
  return /^\s*\d+[ \t]*\n[ \t]*\d{1,2}:\d{2}:\d{2},\d{1,3}[ \t]*-->/.test(text);
}

export function looksLikeSbv(text: string): boolean {
  return /^\s*\d{1,3}:\d{2}:\d{2}\.\d{1,3},\d{1,3}:\d{2}:\d{2}\.\d{1,3}[ \t]*\n/.test(text);
}

export function readSubtitles(text: string, file: string, format: CaptionFormat, warn: Warn): Transcript {
  const lines = text.split('\n');
  const meta: Meta = {};
  let i = 0;
  if (format === 'vtt' && /^WEBVTT\b/.test(lines[0] ?? '')) {
    // Header lines before the first blank line are free text; `key: value` ones are metadata.
    // A timing line ends the header too, where a file has no blank line before its first cue.
    for (i = 1; i < lines.length && (lines[i] ?? '').trim() !== '' && !(lines[i] ?? '').includes('-->'); i++) {
      const m = /^\s*([\p{L}][\p{L}\p{N}_ -]*?)\s*:\s*(.*?)\s*$/u.exec(lines[i] ?? '');
      if (m && m[2] !== '') meta[m[1]!.toLowerCase()] = m[2]!;
    }
  }
  const cues: Cue[] = [];
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    const blockStart = i;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
    if (blockStart < i) {
      const block = lines.slice(blockStart, i);
      const last = cues[cues.length - 1];
      // Google Meet ends a cue with `-` where another person speaks, and a blank line before their `(Name)`.
      if (format === 'vtt' && last && /\n-[ \t]*$/.test(last.text) && !block.slice(0, 2).some((l) => l.includes('-->'))) {
        last.text += `\n${'\n'.repeat(blockStart + 1 - last.line - (countNewlines(last.text) + 1))}${stripTags(block.join('\n')).trim()}`;
        continue;
      }
      for (const [from, to] of cueBlocks(block, format)) cues.push(...readCue(block.slice(from, to), blockStart + from + 1, format, warn));
    }
  }
  return { file, format, meta, cues };
}

/**
 * The cues of a block of lines with no blank line between them: a timing line past the block's
 * own starts another cue, with the cue number or id just before it, where a file lost its blank
 * lines (an edited SRT). [from, to) line ranges of the block.
 */
function cueBlocks(block: readonly string[], format: CaptionFormat): Array<[number, number]> {
  const timings = TIMINGS[format];
  const starts = [0];
  for (let k = 2; k < block.length; k++) {
    if (!timings.is(block[k]!)) continue;
    // A number (SRT's cue number, VTT's optional id) just before the timing belongs to its cue.
    const from = /^\s*\d+\s*$/.test(block[k - 1]!) && k - 1 > starts[starts.length - 1]! + 1 ? k - 1 : k;
    if (from > starts[starts.length - 1]! + 1) starts.push(from);
  }
  return starts.map((from, n) => [from, starts[n + 1] ?? block.length]);
}

function readCue(block: string[], firstLine: number, format: CaptionFormat, warn: Warn): Cue[] {
  const head = block[0] ?? '';
  if (format === 'vtt' && /^(NOTE|STYLE|REGION)\b/.test(head)) return [];
  const timings = TIMINGS[format];
  const timingIndex = block.findIndex((l, k) => k < 2 && timings.is(l));
  if (timingIndex < 0) {
    warn(firstLine, `cue has no timing line (\`${timings.shape}\`); its text is read without a start time`);
  }
  const timing = timingIndex >= 0 ? timings.start.exec(block[timingIndex] ?? '') : null;
  if (timingIndex >= 0 && !timing) {
    warn(firstLine + timingIndex, `cue timing is not \`${timings.shape}\`; its text is read without a start time`);
  } else if (timing && !timings.end.test(block[timingIndex]!)) {
    warn(firstLine + timingIndex, 'cue timing has no valid end time; the start time is kept');
  }
  const textLines = block.slice(timingIndex + 1);
  if (textLines.length === 0) return [];
  const raw = textLines.join('\n');
  const first = firstLine + timingIndex + 1;
  const start = timing ? normaliseTime(timing[1]!) : undefined;
  // `<v Jane>In Leeds.</v> <v Sam>Really?</v>`: each voice in a cue speaks its own words.
  const voices = [...raw.matchAll(VOICES)];
  const pieces: Array<{ text: string; at: number; speaker?: string | null }> = [{ text: raw.slice(0, voices[0]?.index ?? raw.length), at: 0 }];
  voices.forEach((v, k) => pieces.push({ text: raw.slice(v.index, voices[k + 1]?.index ?? raw.length), at: v.index, speaker: v[1]!.trim() || null }));
  const cues: Cue[] = [];
  for (const piece of pieces) {
    const text = stripTags(piece.text).trim();
    if (text === '') continue;
    const lead = piece.text.length - piece.text.trimStart().length;
    const cue: Cue = { text, line: first + countNewlines(raw, piece.at + lead) };
    if (start !== undefined) cue.start = start;
    if (piece.speaker !== undefined) cue.speaker = piece.speaker;
    cues.push(cue);
  }
  return cues;
}


/** Cue text without its tags, its character references (`&amp;`, `&lrm;`) read as the characters they stand for. */
function stripTags(text: string): string {
  const bare = text.replace(/<[^>]*>/g, '');
  // The marks of text direction are for display; a no-break space is a space.
  return bare.includes('&') ? entities().decodeHTMLStrict(bare).replace(/[\u200e\u200f]/g, '').replace(/\u00a0/g, ' ') : bare;
}

/** `1:02:03,5` and `02:03.500` both become `HH:MM:SS.mmm`, so start times sort and compare as text. */
export function normaliseTime(time: string): string {
  const [clock, fraction = '0'] = time.replace(',', '.').split('.');
  const parts = (clock ?? '').split(':').map((p) => p.padStart(2, '0'));
  while (parts.length < 3) parts.unshift('00');
  return `${parts.join(':')}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}
