// Paths on the command line -> the transcript files under them, in a fixed order.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ObsError } from '../errors.js';
import { TRANSCRIPT_EXTENSIONS } from './formats/index.js';


export interface SourceFile {
  /** Absolute path, or '-' for standard input. */
  path: string;
  /** Relative to the folder named on the command line (a file named directly: its name), `/` separators. */
  file: string;
}

export interface Discovery {
  files: SourceFile[];
  /** Files left out because obs does not read their format, counted by extension. */
  skipped: Map<string, number>;
  warnings: string[];
}

/** `stdinName`: the name standard input's transcript goes by (`--stdin-filename`), which also tells its format. */
export async function discover(paths: readonly string[], cwd: string, stdinName = 'stdin'): Promise<Discovery> {
  const result: Discovery = { files: [], skipped: new Map(), warnings: [] };
  for (const given of paths) {
    if (given === '-') {
      if (result.files.some((f) => f.path === '-')) throw new ObsError({ message: '`-` (standard input) is given twice', hint: 'standard input can be read once; give `-` once' });
      result.files.push({ path: '-', file: stdinName });
      continue;
    }
    const abs = path.resolve(cwd, given);
    const stat = await fs.stat(abs).catch((err: NodeJS.ErrnoException) => {
      throw new ObsError({ file: given, message: err.code === 'ENOENT' ? 'no such file or folder' : `cannot read (${err.code})`, hint: 'check the path' });
    });
    if (stat.isDirectory()) {
      await walk(abs, abs, result, new Set([await fs.realpath(abs)]));
    } else {
      addFile(abs, path.basename(abs), result);
    }
  }
  return result;
}

async function walk(dir: string, root: string, result: Discovery, seen: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    result.warnings.push(`${rel(root, dir)}: cannot read folder (${(err as NodeJS.ErrnoException).code}); skipped`);
    return;
  }
  // Code-point order, not locale order, so the file order is the same on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const stat = await fs.stat(full).catch(() => undefined);
      if (!stat) {
        result.warnings.push(`${rel(root, full)}: broken link; skipped`);
        continue;
      }
      isDir = stat.isDirectory();
      isFile = stat.isFile();
    }
    if (isDir) {
      const real = await fs.realpath(full).catch(() => full);
      if (seen.has(real)) {
        result.warnings.push(`${rel(root, full)}: links back to a folder already read; skipped`);
        continue;
      }
      seen.add(real);
      await walk(full, root, result, seen);
      seen.delete(real);
    } else if (isFile) {
      addFile(full, rel(root, full), result);
    }
  }
}

function addFile(abs: string, file: string, result: Discovery): void {
  const ext = path.extname(abs).toLowerCase();
  if (TRANSCRIPT_EXTENSIONS.includes(ext)) {
    result.files.push({ path: abs, file });
  } else {
    const key = ext === '' ? '(no extension)' : ext;
    result.skipped.set(key, (result.skipped.get(key) ?? 0) + 1);
  }
}

function rel(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join('/');
}
