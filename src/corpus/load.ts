// Paths -> transcripts with their metadata, read one at a time in corpus order.
import path from 'node:path';
import { ObsError, type Problem } from '../errors.js';
import { INPUT_LIMITS, readInputFile } from '../input.js';
import { discover, type Excluded, type SourceFile } from './discover.js';
import { FORMATS, formatByExtension } from './formats/index.js';
import { ownOutputKind } from './own-output.js';
import { compilePathPattern, mergeMeta, parseMetaTable, shadowedField, shadowedFields, type MetaTable } from './metadata.js';
import { readTranscript } from './read.js';
import type { Meta, Transcript } from './types.js';

/** The formats obs reads, for hints: each by its first extension (.rtf is only refused, with a message). */
const READABLE = FORMATS.filter((f) => f.format !== 'rtf')
  .map((f) => f.extensions[0])
  .join(', ');

export interface CorpusOptions {
  paths: readonly string[];
  cwd: string;
  meta?: string;
  pathPattern?: string;
  strict?: boolean;
  /** The name standard input's transcript goes by, which also tells its format (`--stdin-filename`). */
  stdinFilename?: string;
  readStdin: () => Promise<Buffer>;
  warn: (p: Problem) => void;
  /** Other inputs of the run (--gold), left out silently should a folder given hold them. */
  inputs?: readonly string[];
  /** The run's --out file, left out should a folder given hold it and it be an earlier obs output. */
  out?: string;
}

/** One file to read, with the metadata that comes from outside it (the --meta row, the path pattern). */
export interface FileJob {
  source: SourceFile;
  row?: Meta;
  fromPath?: Meta;
}

export type FileOutcome = { transcript: Transcript; warnings: Problem[] } | { transcript?: undefined; warnings: Problem[] };

/**
 * Bytes (or the reason they could not be read) -> the transcript, or why it is skipped. A file that
 * cannot be read as a transcript is skipped, so one stray file does not stop a corpus; with
 * `strict` it throws instead.
 */
export async function openFile(job: FileJob, read: { bytes: Uint8Array } | { error: string; hint?: string }, strict: boolean | undefined): Promise<FileOutcome> {
  const { source } = job;
  if ('error' in read) return { warnings: [{ file: source.file, message: `${read.error}; skipped`, ...(read.hint ? { hint: read.hint } : {}) }] };
  if (source.path === '-' && read.bytes.length === 0) {
    return { warnings: [{ file: source.file, message: 'standard input is empty; skipped', hint: 'pipe a transcript in: obs code - < interview.txt' }] };
  }
  const own = ownOutputKind(read.bytes, source.file);
  if (own) {
    return { warnings: [{ file: source.file, message: `is an output of ${own}, not a transcript; skipped`, hint: 'keep obs outputs outside the folders it reads' }] };
  }
  let parsed: Awaited<ReturnType<typeof readTranscript>>;
  try {
    parsed = await readTranscript(read.bytes, source.file, { strict });
  } catch (err) {
    if (!(err instanceof ObsError) || strict) throw err;
    return { warnings: err.problems.map((p) => ({ ...p, message: `${p.message}; skipped` })) };
  }
  const { transcript, warnings } = parsed;
  if (!transcript) return { warnings };
  for (const name of shadowedFields(transcript.meta)) warnings.push(shadowedField(name, source.file, 'field'));
  transcript.meta = mergeMeta(transcript.meta, job.row, job.fromPath);
  const year = transcript.meta.year;
  // A year that is not a number still groups, but sorts as text and drops out of year ranges.
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    warnings.push({ file: source.file, message: `year \`${year}\` is not a four-digit year; it is grouped as written and left out of --where year ranges`, hint: 'write the year as digits, e.g. year: 2020' });
  }
  return { transcript, warnings };
}

export interface Corpus {
  files: SourceFile[];
  /** The files with their outside metadata, for readers elsewhere (worker threads). */
  jobs: FileJob[];
  /** Counts a file that a reader elsewhere had to skip. */
  skip(): void;
  /** Files left out: formats obs does not read (by extension), and unreadable or binary files. */
  skipped: number;
  transcripts(): AsyncGenerator<Transcript>;
}

export async function openCorpus(options: CorpusOptions): Promise<Corpus> {
  // A metadata table kept inside the corpus folder describes the transcripts; it is not one.
  const excluded: Excluded[] = [...(options.meta ? [options.meta] : []), ...(options.inputs ?? [])].map((input) => ({ path: path.resolve(options.cwd, input) }));
  if (options.out && options.out !== '-') excluded.push({ path: path.resolve(options.cwd, options.out), why: earlierOutput });
  const found = await discover(options.paths, options.cwd, options.stdinFilename, excluded);
  found.warnings.forEach(options.warn);
  let skipped = [...found.skipped.values()].reduce((a, b) => a + b, 0);
  if (skipped > 0) {
    const detail = [...found.skipped.entries()].map(([ext, n]) => `${ext} ${n}`).join(', ');
    options.warn({ message: `${skipped} file${skipped === 1 ? '' : 's'} skipped, not a transcript format (${detail})`, hint: `obs reads ${READABLE}` });
  }
  if (found.files.length === 0) {
    throw new ObsError({ message: `no transcripts found in ${options.paths.join(', ')}`, hint: `obs reads ${READABLE} files, in folders recursively` });
  }
  const table = options.meta ? readMetaTable(options.meta, options.cwd, options.warn) : undefined;
  const fromPath = options.pathPattern ? compilePathPattern(options.pathPattern) : undefined;
  if (table) warnUnmatchedMeta(table, found.files, options);

  const jobs: FileJob[] = found.files.map((source) => {
    const job: FileJob = { source };
    const row = table?.get(source.file);
    if (row) job.row = row;
    // The pattern describes the folders under the one given, whatever name the file is shown by.
    const meta = fromPath?.(source.rel);
    if (meta) job.fromPath = meta;
    return job;
  });

  return {
    files: found.files,
    jobs,
    get skipped() {
      return skipped;
    },
    skip: () => {
      skipped++;
    },
    async *transcripts() {
      for (const job of jobs) {
        const read = job.source.path === '-' ? { bytes: await options.readStdin() } : readSource(job.source);
        const outcome = await openFile(job, read, options.strict);
        outcome.warnings.forEach(options.warn);
        if (!outcome.transcript) {
          skipped++;
          continue;
        }
        yield outcome.transcript;
      }
    },
  };
}

/**
 * A transcript's bytes, or why they could not be had: a regular file only, up to the size its kind
 * may have. Read at once rather than through the thread pool: a transcript is small, and each
 * asynchronous read costs several trips through the event loop.
 */
export function readSource(source: SourceFile): { bytes: Uint8Array } | { error: string; hint: string } {
  return readInputFile(source.path, sourceLimit(source.path));
}

/** The largest a transcript file of this name may be: a Word or OpenDocument file holds pictures too. */
export function sourceLimit(file: string): number {
  return formatByExtension(path.extname(file).toLowerCase())?.kind === 'document' ? INPUT_LIMITS.document : INPUT_LIMITS.transcript;
}

/**
 * Why the --out file, found in a folder read, is left out: it is obs's own earlier output, about to
 * be replaced. Anything else stays an input, so that the check on --out refuses to write over it.
 */
function earlierOutput(file: string): string | undefined {
  const read = readInputFile(file, INPUT_LIMITS.transcript);
  const kind = 'bytes' in read ? ownOutputKind(read.bytes, file) : undefined;
  return kind ? `is this run's --out file, an output of ${kind}; it is not read, and is replaced` : undefined;
}

function readMetaTable(file: string, cwd: string, warn: (p: Problem) => void): MetaTable {
  const read = readInputFile(path.resolve(cwd, file), INPUT_LIMITS.table);
  if ('error' in read) throw new ObsError({ file, message: `--meta file ${read.error}`, hint: read.hint });
  return parseMetaTable(read.bytes.toString('utf8'), file, warn);
}

/** A row that names no transcript is usually a typo or a path from another folder: say so once. */
function warnUnmatchedMeta(table: MetaTable, files: readonly SourceFile[], options: CorpusOptions): void {
  const names = new Set(files.map((f) => f.file));
  const unmatched = [...table.keys()].filter((k) => !names.has(k));
  if (unmatched.length > 0) {
    // A name two folders given share is ambiguous, so those files go by their paths as given.
    const renamed = files.find((f) => f.file !== f.rel && unmatched.includes(f.rel));
    options.warn({
      file: options.meta,
      message: `${unmatched.length} row${unmatched.length === 1 ? '' : 's'} name no transcript read (first: ${renamed?.rel ?? unmatched[0]})`,
      hint: renamed
        ? `${renamed.rel} is in more than one path given, so each is named by its path as given: write ${renamed.file}`
        : 'the `file` column is the path relative to the folder given on the command line',
    });
  }
}
