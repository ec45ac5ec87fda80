// What every corpus command does around its own counting: read the codebook and corpus, code each
// transcript, warn as it goes, and write the output to stdout or --out.
import { loadCodebook, resolveCodebookPath } from '../codebook/load.js';
import type { Codebook } from '../codebook/types.js';
import { knownInputs } from '../corpus/discover.js';
import { openCorpus, sourceLimit } from '../corpus/load.js';
import type { Transcript } from '../corpus/types.js';
import { ObsError, quoteArg, type Problem } from '../errors.js';
import { STDOUT, checkOutputPath, openOutput, writeFileAtomic, type Io, type OutputSink } from '../io.js';
import { compileCodebook, type CompiledCodebook } from '../match/compile.js';
import { codeTranscript, type CodeOptions, type CodedPassage } from '../pipeline.js';
import { passageFilter, type Where } from '../aggregate/where.js';
import { BUILT_IN_FIELDS, META_PREFIX, isBuiltIn } from '../corpus/fields.js';
import type { Meta } from '../corpus/types.js';
import { closestNames } from '../suggest.js';
import { corpusSettings, type CorpusSettings, type SharedOptions } from './options.js';
import { warningPrinter } from '../warnings.js';
import { NO_PROGRESS, startProgress, type Progress } from '../progress.js';

export interface CorpusRun {
  settings: CorpusSettings;
  codebook: Codebook;
  compiled: CompiledCodebook;
  warn(problem: Problem): void;
  /** Codes every transcript in corpus order and hands over its passages; returns the number of documents read (with --where, of those with a passage kept). */
  each(visit: (passages: CodedPassage[], transcript: TranscriptInfo, doc: number) => void | Promise<void>): Promise<number>;
  /** Files left out: formats obs does not read, and unreadable files. */
  skipped(): number;
  /** The metadata fields some passage read had, to guess what a mistyped field meant. */
  fields(): ReadonlySet<string>;
  /** Writes to --out atomically, or to standard output. */
  emit(output: string): Promise<void>;
  /** The same, piece by piece, for output too long to hold (one line per passage). */
  stream(): Promise<OutputSink>;
}

/** What a command learns of a transcript besides its passages. */
export type TranscriptInfo = Pick<Transcript, 'file' | 'format' | 'meta'>;

/**
 * Text per worker, at the least, for a worker to be worth starting: each costs a few hundred
 * milliseconds to start and warm up, and the workers and the thread that merges their results
 * share the cores. On two cores, two workers first beat one thread at about 60 MB of text (1,000
 * transcripts of 30 MB: 1.10 s on one thread, 1.25 s on two; 2,000 of 60 MB: level; 10,000 of
 * 300 MB: 6.7 s against 4.7 s). OBS_WORKER_BYTES changes it.
 */
const BYTES_PER_WORKER = 32_000_000;

/** U+FEFF, which Excel on Windows needs at the head of a CSV file to read it as UTF-8 (--bom). */
const BOM = '\uFEFF';

export interface RunExtras {
  /** The command can do without groups (`--by none`). */
  ungrouped?: boolean;
  /** Input files besides the codebook, --meta and the transcripts, which --out must never name. */
  inputs?: string[];
  /** False where the command never shows passage text (matrices, agreement), so workers need not send it back. */
  needText?: boolean;
}

export async function openRun(paths: string[], options: SharedOptions, io: Io, extras: RunExtras = {}): Promise<CorpusRun> {
  const settings = corpusSettings(options, extras.ungrouped);
  // The progress line on a terminal (see progress.ts) is erased while a warning is written.
  let progress: Progress = NO_PROGRESS;
  let outputOnTerminal = false;
  const printer = warningPrinter((text) => progress.aside(() => io.stderr.write(text)), options.quiet);
  const warn = printer.warn;
  const codebookPath = resolveCodebookPath(options.codebook, io.cwd);
  const codebook = await loadCodebook(codebookPath, options.codebook ?? codebookPath);
  const compiled = compileCodebook(codebook);
  const corpus = await openCorpus({
    paths,
    cwd: io.cwd,
    meta: options.meta,
    pathPattern: options.pathPattern,
    strict: options.strict,
    ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
    readStdin: io.readStdin,
    warn,
    // A folder given may hold this run's own files: the --gold table, an earlier --out file.
    ...(extras.inputs ? { inputs: extras.inputs } : {}),
    ...(options.out && options.out !== STDOUT ? { out: options.out } : {}),
  }).finally(printer.flush);
  // Before any coding, so a bad --out fails at once and can never name an input.
  if (options.out) {
    const files = knownInputs(corpus.files);
    const inputs = [codebookPath, ...(options.meta ? [options.meta] : []), ...(extras.inputs ?? []), ...files.paths];
    await checkOutputPath(options.out, inputs, io.cwd, files.known);
  }
  const include = passageFilter(settings.where, warn);
  // One object for the whole run: V8 compiles the reading and coding for the shape it sees, and a
  // fresh object a file may not keep that shape.
  const codeOptions: CodeOptions = { ...settings, ...(include ? { include } : {}) };
  const fields = new Set<string>();

  return {
    settings,
    codebook,
    compiled,
    warn,
    skipped: () => corpus.skipped,
    fields: () => fields,
    async each(visit) {
      progress = await startProgress(corpus.files.length, io.stderr, io.env, { quiet: options.quiet, outputOnTerminal });
      try {
        return await codeAll(visit);
      } finally {
        progress.stop();
        progress = NO_PROGRESS;
        printer.flush();
      }
    },
    async stream() {
      outputOnTerminal = (!options.out || options.out === STDOUT) && io.stdout.isTTY === true;
      const sink = await openOutput(options.out, io);
      if (options.bom) await sink.write(BOM);
      return {
        write: (chunk) => sink.write(chunk),
        close: () => {
          printer.flush();
          return sink.close();
        },
        abort: () => sink.abort(),
      };
    },
    async emit(output) {
      printer.flush();
      const text = options.bom ? BOM + output : output;
      if (options.out) await writeFileAtomic(options.out, text, io);
      else io.stdout.write(text);
    },
  };

  async function codeAll(visit: Parameters<CorpusRun['each']>[0]): Promise<number> {
    let documents = 0;
    let kept = 0;
    // Files in which no speaker was found, told of at the end where other files had speakers.
    const speakerless: string[] = [];
    let withSpeakers = 0;
    const skippedBefore = corpus.skipped;
    const take = async (passages: CodedPassage[], transcript: TranscriptInfo) => {
      const doc = documents++;
      for (const name of Object.keys(transcript.meta)) fields.add(name);
      // A document's passages mostly share one record; a CSV transcript's rows may add columns of their own.
      let seen: Meta | undefined = transcript.meta;
      for (const p of passages) {
        p.passage.doc = doc;
        if (p.passage.meta === seen) continue;
        seen = p.passage.meta;
        for (const name of Object.keys(seen)) fields.add(name);
      }
      if (passages.every((p) => p.passage.interviewer)) warn({ file: transcript.file, message: 'has no respondent text to code' });
      if (passages.some((p) => p.passage.speaker !== null)) withSpeakers++;
      else if (passages.length > 0) speakerless.push(transcript.file);
      if (passages.some((p) => p.coding)) kept++;
      await visit(passages, transcript, doc);
    };
    const workers = settings.jobs > 1 && !corpus.files.some((f) => f.path === '-') ? Math.min(settings.jobs, Math.floor(corpusBytes(corpus.files) / bytesPerWorker(io))) : 0;
    if (workers > 1) {
      const { codeInWorkers } = await import('../work/pool.js');
      const { unpack } = await import('../work/codec.js');
      const setup = { codebookPath, codebookShown: options.codebook ?? codebookPath, unit: settings.unit, speakers: settings.speakers, excludeSpeakers: settings.excludeSpeakers, findInterviewer: settings.findInterviewer, where: settings.where, strict: options.strict, keepText: extras.needText ?? true };
      for await (const result of codeInWorkers(corpus.jobs, setup, workers)) {
        if (result.crash) throw new Error(result.crash);
        if (result.fatal) throw new ObsError(result.fatal);
        result.warnings.forEach(warn);
        if (!result.transcript) corpus.skip();
        else await take(unpack(result.passages!, documents), result.transcript);
        progress.update(documents + corpus.skipped - skippedBefore);
      }
    } else {
      for await (const transcript of corpus.transcripts()) {
        const coded = codeTranscript(transcript, documents, compiled, codeOptions);
        coded.problems.forEach(warn);
        await take(coded.passages, transcript);
        progress.update(documents + corpus.skipped - skippedBefore);
      }
    }
    if (documents === 0) throw new ObsError({ message: 'no transcript could be read', hint: 'see the warnings above' });
    if (withSpeakers > 0) {
      for (const file of speakerless) {
        warn({ file, message: `no speaker was found, where ${withSpeakers} other file${withSpeakers === 1 ? ' has' : 's have'} speakers: all its text is counted, any interviewer's questions too`, hint: `see what was read with: obs speakers ${quoteArg(file)}; --speakers NAME takes a label obs did not believe` });
      }
    }
    if (include && kept === 0) warn(noMatch(settings.where, fields));
    // Under --where, every figure is one of the passages kept: so is the number of documents.
    return include ? kept : documents;
  }
}

function bytesPerWorker(io: Io): number {
  const given = Number(io.env.OBS_WORKER_BYTES);
  return io.env.OBS_WORKER_BYTES !== undefined && Number.isFinite(given) && given > 0 ? given : BYTES_PER_WORKER;
}

/**
 * The text the corpus will give the coders, by the sizes found when its folders were read: a file
 * over the size obs reads counts nothing (the reader reports it), so files that are only skipped
 * start no workers.
 */
function corpusBytes(files: ReadonlyArray<{ path: string; size: number }>): number {
  let total = 0;
  for (const f of files) if (f.size <= sourceLimit(f.path)) total += f.size;
  return total;
}

/** Says once per --by field how many documents lack it, since they are grouped as (unknown). */
export function warnMissing(run: CorpusRun, figures: { missing(): Array<[string, number]> }, documents: number): void {
  const missing = figures.missing();
  // Each mistyped field is guessed at once, so that the --by shown is right in every field.
  const guessed = new Map(missing.map(([field]) => [field, isUnknownField(field, run.fields()) ? guessField(field, run.fields()) : []]));
  const fixed = run.settings.by.map((f) => guessed.get(f)?.[0] ?? f).join(',');
  for (const [field, count] of missing) {
    const guesses = guessed.get(field)!;
    run.warn({
      message: `${count} of ${documents} documents have no \`${field}\`; they are grouped as (unknown)`,
      hint: guesses.length > 0 ? `${didYouMean(guesses)} --by ${fixed}` : field === 'speaker' ? 'passages without a speaker label are grouped as (unknown)' : 'set it in front matter, --meta or --path-pattern',
    });
  }
}

/** Why --where kept nothing: a field no document has (a typing slip, most often), or values none has. */
function noMatch(where: readonly Where[], fields: ReadonlySet<string>): Problem {
  const filters = where.map((w) => `--where ${w.text}`).join(' ');
  const unknown = [...new Set(where.map((w) => w.field))].filter((f) => isUnknownField(f, fields));
  if (unknown.length === 0) return { message: `no passage matches ${filters}`, hint: 'values compare without case; a range is FROM..TO, e.g. year=2019..2021' };
  const guesses = unknown.flatMap((f) => {
    const names = guessField(f, fields);
    return names.length === 0 ? [] : [`${unknown.length > 1 ? `\`${f}\`: ` : ''}${didYouMean(names)}`];
  });
  const shown = [...fields].sort();
  return {
    message: `no passage matches ${filters}: no document has ${unknown.map((f) => `\`${f}\``).join(' or ')}`,
    hint: guesses.length > 0 ? guesses.join(' ') : `the fields are: ${[...Object.keys(BUILT_IN_FIELDS), ...shown.slice(0, 20)].join(', ')}${shown.length > 20 ? ` and ${shown.length - 20} more` : ''}`,
  };
}

/** No passage has the field: file and speaker are every passage's own, unless meta.NAME asks for metadata. */
function isUnknownField(field: string, fields: ReadonlySet<string>): boolean {
  if (field.startsWith(META_PREFIX)) return !fields.has(field.slice(META_PREFIX.length));
  return !isBuiltIn(field) && !fields.has(field);
}

/** The fields the documents have that are closest to a mistyped one; meta.NAME is guessed as meta.NAME. */
function guessField(field: string, fields: ReadonlySet<string>): string[] {
  const meta = field.startsWith(META_PREFIX);
  const names = closestNames(meta ? field.slice(META_PREFIX.length) : field, meta ? fields : [...fields, ...Object.keys(BUILT_IN_FIELDS)]);
  return names.map((n) => (meta ? `${META_PREFIX}${n}` : n));
}

function didYouMean(names: readonly string[]): string {
  return `did you mean ${names.map((n) => `\`${n}\``).join(' or ')}?`;
}
