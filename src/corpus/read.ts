// One file's bytes -> a Transcript: the format chosen by the file's name, or by its content where
// the name says nothing (standard input) or says .txt (Zoom saves captions so).
import path from 'node:path';
import { ObsError, type Problem } from '../errors.js';
import { decodeBytes, decodeCharset, foldLineEndings, hasBom, type Decoded } from './decode.js';
import { FORMATS, TEXT_SNIFFED_IN_TXT, TXT, containerOf, formatByExtension, type TextFormat, type TranscriptFormat } from './formats/index.js';
import type { Transcript } from './types.js';

export interface ReadOptions {
  strict?: boolean;
}

export interface ReadResult {
  transcript?: Transcript;
  warnings: Problem[];
}

export async function readTranscript(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const warnings: Problem[] = [];
  const ext = path.extname(file).toLowerCase();
  let format: TranscriptFormat | undefined = formatByExtension(ext);
  // No extension obs knows (standard input): a container is known by its first bytes.
  format ??= containerOf(bytes);
  if (format?.kind === 'document') {
    const container = format;
    return { transcript: await guarded(() => container.read(bytes, file), file), warnings };
  }

  const decoded = decode(bytes, format, file, options, warnings);
  if (!decoded) return { warnings };
  if (!format) format = FORMATS.find((f): f is TextFormat => f.kind === 'text' && f.sniff !== undefined && f.sniff(decoded.text)) ?? TXT;
  else if (format === TXT) format = TEXT_SNIFFED_IN_TXT.find((f) => f.sniff!(decoded.text)) ?? TXT;
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  const text = format as TextFormat;
  return { transcript: await guarded(() => text.read(decoded.text, file, warn), file), warnings };
}

/** A document nested thousands of levels deep overflows a reader's stack: that is the file's problem, not the run's. */
async function guarded(read: () => Transcript | Promise<Transcript>, file: string): Promise<Transcript> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new ObsError({ file, message: 'is nested too deeply to read (thousands of levels of tags or elements)', hint: 'save it again from the program that made it, or as plain text (.txt)' });
    }
    throw err;
  }
}

function decode(bytes: Uint8Array, format: TranscriptFormat | undefined, file: string, options: ReadOptions, warnings: Problem[]): Decoded | undefined {
  // A byte order mark says more than a charset the page declares.
  const charset = format?.kind === 'text' && !hasBom(bytes) ? format.charset?.(bytes) : undefined;
  if (charset !== undefined && charset !== 'utf-8') {
    return { text: foldLineEndings(decodeCharset(bytes, charset)), encoding: charset, binary: false };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.binary) {
    const container = containerOf(bytes);
    warnings.push({
      file,
      message: 'looks like a binary file, not text; skipped',
      hint: container ? `it looks like a ${container.extensions[0]} file: give it that extension` : 'export the transcript as plain text (.txt) first',
    });
    return undefined;
  }
  if (decoded.encoding === 'windows-1252') {
    warnings.push({ file, message: 'is not UTF-8; read as Windows-1252 (Latin-1), as Word and Notepad save "ANSI" text', hint: 'save it as UTF-8 to be sure of every character', note: true });
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
  return decoded;
}
