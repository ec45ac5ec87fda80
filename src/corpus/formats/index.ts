// Every transcript format obs reads, in the order standard input is tried against them. A new
// format is one module in this folder and one entry here.
import { declaredCharset } from '../decode.js';
import type { Format, Transcript, Warn } from '../types.js';
import { readCsvTranscript, TEXT_COLUMNS } from './csv.js';
import { looksLikeSbv, looksLikeSrt, readSubtitles } from './subtitles.js';
import { isOdt, isOle, isRtf, isZip } from './signatures.js';
import { readText } from './text.js';


interface Common {
  format: Format;
  /** File name endings, lower case, with the dot. */
  extensions: readonly string[];
}

/** A format of text: the bytes are decoded first (UTF-8, UTF-16, Windows-1252, or a charset the file declares). */
export interface TextFormat extends Common {
  kind: 'text';
  /** Does text from standard input (or a .txt) look like this format? */
  sniff?: (text: string) => boolean;
  /** A charset the file names in itself, which wins over guessing. */
  charset?: (bytes: Uint8Array) => string | undefined;
  read(text: string, file: string, warn: Warn): Transcript | Promise<Transcript>;
}

/** A container (a zip, a Word binary): the reader takes the bytes. */
export interface DocumentFormat extends Common {
  kind: 'document';
  sniff?: (bytes: Uint8Array) => boolean;
  read(bytes: Uint8Array, file: string): Promise<Transcript>;
}

export type TranscriptFormat = TextFormat | DocumentFormat;


export const FORMATS: readonly TranscriptFormat[] = [
  { kind: 'document', format: 'odt', extensions: ['.odt'], sniff: isOdt, read: async (b, f) => (await import('./odt.js')).readOdt(b, f) },
  { kind: 'document', format: 'docx', extensions: ['.docx'], sniff: (b) => isZip(b) && !isOdt(b), read: async (b, f) => (await import('./docx.js')).readDocx(b, f) },
  { kind: 'document', format: 'doc', extensions: ['.doc'], sniff: isOle, read: async (b, f) => (await import('./doc.js')).readDoc(b, f) },
  { kind: 'document', format: 'rtf', extensions: ['.rtf'], sniff: isRtf, read: async (_b, f) => (await import('./rtf.js')).refuseRtf(f) },
  {
    kind: 'text',
    format: 'html',
    extensions: ['.html', '.htm', '.xhtml'],
    // A page, or a fragment of one: after an XML prolog, comments and a doctype, an element a page opens with.
    sniff: (t) => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html[^>]*>\s*)?<(?:html|head|body|p|div|table|h[1-6]|main|article)[\s>]/i.test(t.slice(0, 4096)),
    charset: declaredCharset,
    read: async (t, f) => (await import('./html.js')).readHtml(t, f),
  },
  { kind: 'text', format: 'vtt', extensions: ['.vtt'], sniff: (t) => /^WEBVTT(?:[ \t]|\n|$)/.test(t), read: (t, f, w) => readSubtitles(t, f, 'vtt', w) },
  { kind: 'text', format: 'srt', extensions: ['.srt'], sniff: looksLikeSrt, read: (t, f, w) => readSubtitles(t, f, 'srt', w) },
  { kind: 'text', format: 'sbv', extensions: ['.sbv'], sniff: looksLikeSbv, read: (t, f, w) => readSubtitles(t, f, 'sbv', w) },
  { kind: 'text', format: 'csv', extensions: ['.csv'], sniff: looksLikeCsvTranscript, read: (t, f, w) => readCsvTranscript(t, f, w) },
  { kind: 'text', format: 'md', extensions: ['.md', '.markdown'], read: (t, f) => readText(t, f, 'md') },
  { kind: 'text', format: 'txt', extensions: ['.txt'], read: (t, f) => readText(t, f, 'txt') },
];

/** A header line that names a text column among names separated by commas, semicolons or tabs. */
function looksLikeCsvTranscript(text: string): boolean {
  const header = text.slice(0, text.indexOf('\n') >>> 0).toLowerCase();
  const names = header.split(/[,;\t]/);
  return names.length > 1 && names.some((name) => TEXT_COLUMNS.includes(name.trim().replace(/^"|"$/g, '')));
}

export const TRANSCRIPT_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);
export const TXT = FORMATS.find((f) => f.format === 'txt') as TextFormat;

/** The container format some bytes are, by their first bytes: a zip, an OLE file, RTF. */
export function containerOf(bytes: Uint8Array): DocumentFormat | undefined {
  return FORMATS.find((f): f is DocumentFormat => f.kind === 'document' && f.sniff !== undefined && f.sniff(bytes));
}

export function formatByExtension(ext: string): TranscriptFormat | undefined {
  return FORMATS.find((f) => f.extensions.includes(ext));
}

/** Zoom and others save captions under a .txt name: a .txt is read as the caption format its text starts like. */
export const TEXT_SNIFFED_IN_TXT: readonly TextFormat[] = FORMATS.filter((f): f is TextFormat => f.kind === 'text' && (f.format === 'vtt' || f.format === 'srt' || f.format === 'sbv'));
