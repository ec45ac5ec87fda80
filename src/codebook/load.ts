// Finds and reads a codebook file: --codebook, else ./codebook.yaml, else the built-in one.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { ObsError } from '../errors.js';
import { INPUT_LIMITS, readInputFile } from '../input.js';
import { packageRoot } from '../paths.js';
import { parseCodebookOrThrow } from './parse.js';
import type { Codebook } from './types.js';

export const BUILTIN_CODEBOOK = path.join(packageRoot(), 'codebooks', 'community-power.yaml');

export function resolveCodebookPath(given: string | undefined, cwd: string): string {
  if (given) return path.resolve(cwd, given);
  const local = path.resolve(cwd, 'codebook.yaml');
  // Anything of that name, a broken link included, is the codebook meant: reading it tells what is wrong.
  return lstatSync(local, { throwIfNoEntry: false }) ? local : BUILTIN_CODEBOOK;
}

/** `shown` is how messages name the file: as the user wrote it, or the built-in codebook's package path. */
export async function loadCodebook(file: string, shown: string): Promise<Codebook> {
  const read = readInputFile(file, INPUT_LIMITS.codebook);
  if ('error' in read) {
    const missing = read.error === 'not found';
    const folder = read.error.startsWith('is a folder');
    throw new ObsError({ file: shown, message: missing ? 'codebook not found' : read.error, hint: missing || folder ? 'give --codebook the path of a YAML codebook' : read.hint });
  }
  return parseCodebookOrThrow(read.bytes.toString('utf8').replace(/^\uFEFF/, ''), shown);
}
