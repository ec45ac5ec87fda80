// One file's bytes -> a Transcript, choosing the reader by extension and, for .txt, by content.
import path from 'node:path';
import { ObsError, type Problem } from '../errors.js';
import { decodeBytes } from './decode.js';
import { readCsvTranscript } from './formats/csv.js';
import { readSubtitles } from './formats/subtitles.js';
import { readText } from './formats/text.js';
import type { Format, Transcript } from './types.js';

export interface ReadOptions {
  strict?: boolean;
}

export interface ReadResult {
  transcript?: Transcript;
  warnings: Problem[];
}

export function readTranscript(bytes: Uint8Array, file: string, options: ReadOptions = {}): ReadResult {
  const warnings: Problem[] = [];
  const decoded = decodeBytes(bytes);
  if (decoded.binary) {
    warnings.push({ file, message: 'looks like a binary file, not text; skipped', hint: 'export the transcript as plain text (.txt) first' });
    return { warnings };
  }
  if (decoded.invalidByteOffset !== undefined) {
    const problem: Problem = {
      file,
      message: `invalid UTF-8 at byte ${decoded.invalidByteOffset}${options.strict ? '' : '; read with the bad bytes replaced by U+FFFD'}`,
      hint: 're-save the file as UTF-8',
    };
    if (options.strict) throw new ObsError(problem);
    warnings.push(problem);
  }
  const format = detectFormat(file, decoded.text);
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  let transcript: Transcript;
  switch (format) {
    case 'vtt':
    case 'srt':
      transcript = readSubtitles(decoded.text, file, format, warn);
      break;
    case 'csv':
      transcript = readCsvTranscript(decoded.text, file, warn);
      break;
    default:
      transcript = readText(decoded.text, file, format);
  }
  return { transcript, warnings };
}

/** Zoom saves WebVTT under a .txt name too, so a .txt that starts like WebVTT is read as one. */
export function detectFormat(file: string, text: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.vtt' || /^WEBVTT(?:[ \t]|\n|$)/.test(text)) return 'vtt';
  if (ext === '.srt') return 'srt';
  if (ext === '.csv') return 'csv';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return 'txt';
}
