// Finds and reads a codebook file: --codebook, else ./codebook.yaml, else the built-in one.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ObsError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { parseCodebookOrThrow } from './parse.js';
import type { Codebook } from './types.js';

export const BUILTIN_CODEBOOK = path.join(packageRoot(), 'codebooks', 'community-power.yaml');

export function resolveCodebookPath(given: string | undefined, cwd: string): string {
  if (given) return path.resolve(cwd, given);
  const local = path.resolve(cwd, 'codebook.yaml');
  return existsSync(local) ? local : BUILTIN_CODEBOOK;
}

/** `shown` is how messages name the file: as the user wrote it, or the built-in codebook's package path. */
export async function loadCodebook(file: string, shown: string): Promise<Codebook> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ObsError({
      file: shown,
      message: code === 'ENOENT' ? 'codebook not found' : code === 'EISDIR' ? 'is a folder, not a codebook file' : `cannot read codebook (${code})`,
      hint: 'give --codebook the path of a YAML codebook',
    });
  }
  return parseCodebookOrThrow(text.replace(/^\uFEFF/, ''), shown);
}
