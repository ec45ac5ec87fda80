// WebVTT (Zoom, Teams) and SubRip: blank-line separated cues, each a timing line and text.
import type { Cue, Format, Meta, Transcript } from '../types.js';

const TIMING = /^\s*((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->/;
const END_TIME = /-->\s*(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?(?:\s|$)/;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]*)>/i;

export type Warn = (line: number, message: string) => void;

export function readSubtitles(text: string, file: string, format: Extract<Format, 'vtt' | 'srt'>, warn: Warn): Transcript {
  const lines = text.split('\n');
  const meta: Meta = {};
  let i = 0;
  if (format === 'vtt' && /^WEBVTT\b/.test(lines[0] ?? '')) {
    // Header lines before the first blank line are free text; `key: value` ones are metadata.
    for (i = 1; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
      const m = /^\s*([\p{L}][\p{L}\p{N}_ -]*?)\s*:\s*(.*?)\s*$/u.exec(lines[i] ?? '');
      if (m && m[2] !== '' && !(lines[i] ?? '').includes('-->')) meta[m[1]!.toLowerCase()] = m[2]!;
    }
  }
  const cues: Cue[] = [];
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    const blockStart = i;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
    if (blockStart < i) {
      const cue = readCue(lines.slice(blockStart, i), blockStart + 1, format, warn);
      if (cue) cues.push(cue);
    }
  }
  return { file, format, meta, cues };
}

function readCue(block: string[], firstLine: number, format: 'vtt' | 'srt', warn: Warn): Cue | undefined {
  const head = block[0] ?? '';
  if (format === 'vtt' && /^(NOTE|STYLE|REGION)\b/.test(head)) return undefined;
  const timingIndex = block.findIndex((l, k) => k < 2 && l.includes('-->'));
  if (timingIndex < 0) {
    warn(firstLine, 'cue has no timing line (`00:00:01.000 --> 00:00:04.000`); its text is read without a start time');
  }
  const timing = timingIndex >= 0 ? TIMING.exec(block[timingIndex] ?? '') : null;
  if (timingIndex >= 0 && !timing) {
    warn(firstLine + timingIndex, 'cue timing is not `HH:MM:SS.mmm --> HH:MM:SS.mmm`; its text is read without a start time');
  } else if (timing && !END_TIME.test(block[timingIndex]!)) {
    warn(firstLine + timingIndex, 'cue timing has no valid end time; the start time is kept');
  }
  const textLines = block.slice(timingIndex + 1);
  if (textLines.length === 0) return undefined;
  const raw = textLines.join('\n');
  const voice = VOICE.exec(raw);
  const cue: Cue = { text: stripTags(raw).trim(), line: firstLine + timingIndex + 1 };
  if (timing) cue.start = normaliseTime(timing[1]!);
  if (voice) cue.speaker = voice[1]!.trim() || null;
  return cue.text === '' ? undefined : cue;
}

function stripTags(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');
}

/** `1:02:03,5` and `02:03.500` both become `HH:MM:SS.mmm`, so start times sort and compare as text. */
export function normaliseTime(time: string): string {
  const [clock, fraction = '0'] = time.replace(',', '.').split('.');
  const parts = (clock ?? '').split(':').map((p) => p.padStart(2, '0'));
  while (parts.length < 3) parts.unshift('00');
  return `${parts.join(':')}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}
