// The formats obs imports and exports, found by extension; each reader is loaded only when its format is used.
import path from 'node:path';
import type { Codebook } from '../codebook/types.js';
import { decodeBytes } from '../corpus/decode.js';
import { ObsError, type Problem } from '../errors.js';
import type { Imported } from './draft.js';

export const IMPORT_FORMATS = ['qdc', 'qdpx', 'dic', 'yaml-dict', 'cat', 'lc3', 'ykd'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['qdc', 'dic'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.qdc': 'qdc',
  '.qde': 'qdc',
  '.qdpx': 'qdpx',
  '.dic': 'dic',
  '.yml': 'yaml-dict',
  '.yaml': 'yaml-dict',
  '.cat': 'cat',
  '.lc3': 'lc3',
  '.ykd': 'ykd',
};

export function importFormat(file: string, given: string | undefined): ImportFormat {
  if (given !== undefined) return given as ImportFormat;
  const format = BY_EXTENSION[path.extname(file).toLowerCase()];
  if (format) return format;
  throw new ObsError({
    file,
    message: `cannot tell the format from the extension "${path.extname(file)}"`,
    hint: `name the format with --format ${IMPORT_FORMATS.join('|')}, or use one of the extensions ${Object.keys(BY_EXTENSION).join(' ')}`,
  });
}

export async function readImport(format: ImportFormat, bytes: Uint8Array, file: string): Promise<Imported> {
  switch (format) {
    case 'qdc':
      return (await import('./qdc.js')).readQdc(decodeBytes(bytes).text, file);
    case 'qdpx':
      return (await import('./qdpx.js')).readQdpx(bytes, file);
    case 'dic':
      return (await import('./liwc.js')).readLiwc(bytes, file);
    case 'yaml-dict':
      return (await import('./yaml-dict.js')).readYamlDictionary(bytes, file);
    case 'cat':
      return (await import('./wordstat.js')).readWordstat(bytes, file);
    case 'lc3':
      return (await import('./lexicoder.js')).readLexicoder(bytes, file);
    case 'ykd':
      return (await import('./yoshikoder.js')).readYoshikoder(bytes, file);
  }
}

export async function writeExport(format: ExportFormat, codebook: Codebook, shown: string, origin: string): Promise<{ text: string; warnings: Problem[] }> {
  switch (format) {
    case 'qdc':
      return (await import('./qdc.js')).writeQdc(codebook, shown, origin);
    case 'dic':
      return (await import('./liwc.js')).writeLiwc(codebook, shown);
  }
}
