// Paths on the command line -> the transcript files under them, in a fixed order: regular files
// only, each once however often it is reached, each under a name no other file of the run has.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { ObsError, type Problem } from '../errors.js';
import { REGULAR_ONLY, fileIdentity as identity, specialKind } from '../input.js';
import { TRANSCRIPT_EXTENSIONS } from './formats/index.js';


export interface SourceFile {
  /** Absolute path, or '-' for standard input. */
  path: string;
  /** The name the run gives it: `rel`, or where two files would share that, the path as given on the command line. */
  file: string;
  /** Relative to the folder named on the command line (a file named directly: its name), `/` separators. */
  rel: string;
  /** Bytes on disk when the folder was read; 0 for standard input. */
  size: number;
  /** Device and inode when the folder was read (fileIdentity); none for standard input. */
  identity?: string;
}

export interface Discovery {
  files: SourceFile[];
  /** Files left out because obs does not read their format, counted by extension. */
  skipped: Map<string, number>;
  warnings: Problem[];
}

/** A file inside a folder given that the run must not read as a transcript: one of its own inputs or outputs. */
export interface Excluded {
  path: string;
  /**
   * Why, for a warning, or undefined where after all it is to be read; asked only once a folder is
   * found to hold the file. None: a file the user gave for what it is (--meta, --gold), left out silently.
   */
  why?: (file: string) => string | undefined;
}

/** Where a file came from on the command line. */
interface Origin {
  given: string;
  /** Named itself, not found in a folder. */
  direct: boolean;
}

/** Special files a folder holds are told one by one up to this many, then as one count. */
const SPECIALS_TOLD = 3;

/** `stdinName`: the name standard input's transcript goes by (`--stdin-filename`), which also tells its format. */
export async function discover(paths: readonly string[], cwd: string, stdinName = 'stdin', excluded: readonly Excluded[] = []): Promise<Discovery> {
  const state = new Walk(excluded);
  for (const given of paths) {
    if (given === '-') {
      if (state.files.some((f) => f.path === '-')) throw new ObsError({ message: '`-` (standard input) is given twice', hint: 'standard input can be read once; give `-` once' });
      state.files.push({ path: '-', file: stdinName, rel: stdinName, size: 0 });
      state.origins.push({ given, direct: true });
      continue;
    }
    const abs = path.resolve(cwd, given);
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ObsError({ file: given, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code})`, hint: 'check the path' });
    }
    const before = state.repeats.length;
    if (stat.isDirectory()) {
      const first = state.folders.get(identity(stat));
      if (first !== undefined) {
        state.warnings.push({ file: given, message: first === given ? 'is given twice; read once' : `is the same folder as ${first}; read once` });
        continue;
      }
      state.folders.set(identity(stat), given);
      state.walk(abs, '', given, new Set([realpathSync(abs)]));
      state.addLinked();
    } else if (stat.isFile()) {
      state.addFile({ path: abs, file: path.basename(abs), rel: path.basename(abs), size: stat.size }, { given, direct: true }, stat);
    } else {
      state.warnings.push({ file: given, message: `is ${specialKind(stat)}, not a regular file; skipped`, hint: REGULAR_ONLY });
    }
    state.tellRepeats(given, before, !stat.isDirectory());
  }
  state.tellSpecials();
  uniqueNames(state.files, state.origins, state.warnings);
  return { files: state.files, skipped: state.skipped, warnings: state.warnings };
}

class Walk {
  readonly files: SourceFile[] = [];
  /** Where each of `files` came from, by index. */
  readonly origins: Origin[] = [];
  readonly skipped = new Map<string, number>();
  readonly warnings: Problem[] = [];
  /** Folders given on the command line, by identity, with the path they were given as. */
  readonly folders = new Map<string, string>();
  /** Files met again: the name met under and the name first read as. */
  readonly repeats: Array<{ again: string; first: string }> = [];
  private readonly read = new Map<string, string>();
  private readonly specials: Array<{ name: string; kind: string }> = [];
  private readonly excluded = new Map<string, Excluded>();
  /** Links to files met in the folder being walked: read after its files, so a file and a link to it read under the file's own name. */
  private readonly linked: Array<{ source: SourceFile; given: string; stat: Stats }> = [];

  constructor(excluded: readonly Excluded[]) {
    for (const e of excluded) {
      try {
        this.excluded.set(identity(statSync(e.path)), e);
      } catch {
        // A file that is not there cannot be found in a folder either.
      }
    }
  }

  /**
   * Synchronous: a folder's listing and a file's stat are each one quick call, and each asynchronous
   * one waits a turn of the thread pool. `inside`: the folder's path below the one given, `/` between.
   */
  walk(dir: string, inside: string, given: string, seen: Set<string>): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      this.warnings.push({ file: shown(given, inside), message: `cannot read folder (${(err as NodeJS.ErrnoException).code}); skipped` });
      return;
    }
    // Code-point order, not locale order, so the file order is the same on every machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const name = inside === '' ? entry.name : `${inside}/${entry.name}`;
      let stat: Stats | undefined;
      // A link is followed; so is an entry whose type the file system does not say.
      if (entry.isSymbolicLink() || !(entry.isDirectory() || entry.isFile() || specialEntryKind(entry))) {
        stat = statOrNone(full);
        if (!stat) {
          this.warnings.push({ file: name, message: entry.isSymbolicLink() ? 'broken link; skipped' : 'cannot read; skipped' });
          continue;
        }
      }
      const kind = stat ? (specialKind(stat) ?? 'a file') : entry.isDirectory() ? 'a folder' : entry.isFile() ? 'a file' : specialEntryKind(entry)!;
      if (kind === 'a folder') {
        const real = realOrSelf(full);
        if (seen.has(real)) {
          this.warnings.push({ file: name, message: 'links back to a folder already read; skipped' });
          continue;
        }
        seen.add(real);
        this.walk(full, name, given, seen);
        seen.delete(real);
      } else if (kind !== 'a file') {
        this.specials.push({ name, kind });
      } else if (!hasTranscriptExtension(full)) {
        // Not read whatever it holds: only its extension is counted, so no stat is spent on it.
        this.countSkipped(full);
      } else {
        try {
          stat ??= statSync(full);
        } catch (err) {
          this.warnings.push({ file: name, message: `cannot read (${(err as NodeJS.ErrnoException).code}); skipped` });
          continue;
        }
        // Swapped for a pipe or device since the folder was listed, it is refused when read.
        const source = { path: full, file: name, rel: name, size: stat.size };
        if (entry.isSymbolicLink()) this.linked.push({ source, given, stat });
        else this.addFile(source, { given, direct: false }, stat);
      }
    }
  }

  /** The links the folder just walked holds, each read unless its file already was. */
  addLinked(): void {
    for (const { source, given, stat } of this.linked.splice(0)) this.addFile(source, { given, direct: false }, stat);
  }

  addFile(source: SourceFile, origin: Origin, stat: Stats): void {
    if (!hasTranscriptExtension(source.path)) {
      this.countSkipped(source.path);
      return;
    }
    const id = identity(stat);
    source.identity = id;
    // Only what a folder holds is left out: a file named on its own is what the user asked for,
    // and if it is the --out file, the check on --out says so.
    const excluded = origin.direct ? undefined : this.excluded.get(id);
    const why = excluded?.why?.(source.path);
    if (excluded && (!excluded.why || why)) {
      if (why) this.warnings.push({ file: source.file, message: why });
      return;
    }
    const first = this.read.get(id);
    if (first !== undefined) {
      this.repeats.push({ again: source.file, first });
      return;
    }
    this.read.set(id, source.file);
    this.files.push(source);
    this.origins.push(origin);
  }

  /** One warning for each path given that led to files already read, however many. */
  tellRepeats(given: string, from: number, direct: boolean): void {
    const repeats = this.repeats.slice(from);
    if (repeats.length === 0) return;
    const { again, first } = repeats[0]!;
    const n = repeats.length;
    this.warnings.push(
      direct
        ? { file: given, message: `names a file already read${first === given ? '' : ` as ${first}`}; it is read once` }
        : { file: given, message: `holds ${n} file${n === 1 ? '' : 's'} already read (first: ${again}${first === again ? '' : `, read as ${first}`}); ${n === 1 ? 'it is' : 'each is'} read once` },
    );
  }

  tellSpecials(): void {
    if (this.specials.length <= SPECIALS_TOLD) {
      for (const s of this.specials) this.warnings.push({ file: s.name, message: `is ${s.kind}, not a regular file; skipped`, hint: REGULAR_ONLY });
      return;
    }
    const [first] = this.specials;
    this.warnings.push({ file: first!.name, message: `is ${first!.kind}, not a regular file; skipped, as are ${this.specials.length - 1} more pipes, sockets or devices in the folders given`, hint: REGULAR_ONLY });
  }

  private countSkipped(abs: string): void {
    const ext = path.extname(abs).toLowerCase();
    const key = ext === '' ? '(no extension)' : ext;
    this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
  }
}

/**
 * Where two folders given hold the same relative path (A/x.txt, B/x.txt), or two files named
 * directly have one name, each of those files is named by its path as given on the command line,
 * so no two files of a run share a `file`. A file whose name is its own keeps it, so a single
 * folder's files, and the --meta and --gold rows that name them, are named as they always were.
 */
function uniqueNames(files: SourceFile[], origins: readonly Origin[], warnings: Problem[]): void {
  const count = (names: Iterable<string>) => {
    const n = new Map<string, number>();
    for (const name of names) n.set(name, (n.get(name) ?? 0) + 1);
    return n;
  };
  const shared = count(files.map((f) => f.rel));
  const renamed: SourceFile[] = [];
  files.forEach((f, i) => {
    if (shared.get(f.rel)! < 2 || f.path === '-') return;
    const { given, direct } = origins[i]!;
    f.file = direct ? slashes(path.normalize(given)) : shown(given, f.rel);
    renamed.push(f);
  });
  if (renamed.length === 0) return;
  // Still shared (a path given as `a/../b` beside `b`, through a link): the absolute path is unique.
  const taken = count(files.map((f) => f.file));
  for (const f of renamed) if (taken.get(f.file)! > 1) f.file = slashes(f.path);
  warnings.push({
    message: `${renamed.length === 1 ? '1 file has a name that a file from another path given has' : `${renamed.length} files have a name that a file from another path given has`} too (${renamed.slice(0, 2).map((f) => f.file).join(', ')}${renamed.length > 2 ? ', ...' : ''}): ${renamed.length === 1 ? 'it is' : 'each is'} named by its path as given`,
    hint: '--meta and --gold rows name these files so too',
    note: true,
  });
}

/** A file's path as the command line gave it: the folder given, then the path inside it. */
function shown(given: string, inside: string): string {
  return slashes(path.normalize(path.join(given, inside)));
}

function slashes(p: string): string {
  return p.split(path.sep).join('/').replace(/(.)\/$/, '$1');
}

function statOrNone(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

function hasTranscriptExtension(file: string): boolean {
  return TRANSCRIPT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** What a folder entry that is neither file, folder nor link is, as its listing tells; undefined for those. */
function specialEntryKind(entry: Dirent): string | undefined {
  return entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice() ? specialKind(entry) : undefined;
}

/** A corpus's files as --out is checked against them: those already known by identity, and the paths of the rest (standard input). */
export function knownInputs(files: readonly SourceFile[]): { paths: string[]; known: Set<string> } {
  const paths: string[] = [];
  const known = new Set<string>();
  for (const f of files) {
    if (f.identity === undefined) paths.push(f.path);
    else known.add(f.identity);
  }
  return { paths, known };
}
