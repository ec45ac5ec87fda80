// The options every corpus command shares, declared once and checked once.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { COUNT_COLUMNS } from '../aggregate/matrix.js';
import { FIGURE_COLUMNS } from '../aggregate/report.js';
import { parseWhere, type Where } from '../aggregate/where.js';
import { DATE_ORDERS, type DateOrder } from '../corpus/dates.js';
import { META_PREFIX } from '../corpus/fields.js';
import { ObsError } from '../errors.js';
import { STDOUT } from '../io.js';
import { UNITS, type Unit } from '../segment/types.js';

export interface SharedOptions {
  codebook?: string;
  by: string;
  unit: string;
  excludeSpeaker: string[];
  speakers: string[];
  findInterviewer?: boolean;
  stdinFilename?: string;
  meta?: string;
  pathPattern?: string;
  where: string[];
  format?: string;
  out?: string;
  jobs?: string;
  quiet?: boolean;
  strict?: boolean;
  dateOrder?: string;
  bom?: boolean;
}

export interface CorpusSettings {
  by: string[];
  unit: Unit;
  excludeSpeakers: string[];
  speakers: string[];
  findInterviewer: boolean;
  where: Where[];
  jobs: number;
}

/** For a repeatable, comma-separated option: every value given, in order. */
export const collect = (value: string, previous: string[]) => [...previous, ...splitList(value)];

/** How transcripts are read, for every command that reads them: speakers, interviewers, standard input. */
export function addReadingOptions(command: Command): Command {
  return command
    .option('--exclude-speaker <names>', 'also leave out these speakers, as interviewers (comma-separated; repeatable)', collect, [])
    .option('--speakers <names>', 'take these as speaker labels wherever they appear (comma-separated; repeatable)', collect, [])
    .option('--find-interviewer', 'in a file without interviewer labels, leave out the speaker who asks most of the questions')
    .option('--stdin-filename <name>', 'the name standard input (-) goes by, which also tells its format, e.g. interview.vtt');
}

/** `formats`: this command's --format values, the default first. */
export function addSharedOptions(command: Command, formats: readonly string[]): Command {
  return addReadingOptions(
    command
      .option('--codebook <file>', 'codebook YAML (default: ./codebook.yaml if present, else the built-in community-power codebook)')
      .option('--by <fields>', "group by these metadata fields, comma-separated; file and speaker are the passage's own, meta.NAME is always the metadata field NAME", 'area,year')
      .addOption(new Option('--unit <unit>', 'passage unit').choices(UNITS).default('turn')),
  )
    .option('--meta <file.csv>', 'metadata table with a `file` column (path relative to the corpus folder)')
    .option('--path-pattern <pattern>', 'metadata from paths, e.g. "{area}/{year}/*" or "{area}_{year}_*"')
    .option('--where <field=value>', 'only passages whose metadata match: area=Ramsey, area=Ramsey,Revoe, year=2019..2021 (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--format <format>', `output format: ${formats.join(', ')} (default: as --out's extension says, else ${formats[0]})`)
    .option('--out <file>', 'write output to this file (atomically) instead of standard output; - for standard output', outFile)
    .option('--jobs <n>', 'worker threads (default: the number of cores); output is the same whatever it is')
    .addOption(new Option('--date-order <order>', 'how --where reads a date of three numbers: dmy (14/03/2019) or mdy (03/14/2019)').choices(DATE_ORDERS).default('dmy'))
    .option('--bom', 'begin CSV output with the UTF-8 byte order mark, which Excel on Windows needs to read accents and curly quotes')
    .option('--strict', 'treat invalid UTF-8 as an error instead of a warning')
    .option('--quiet', 'no warnings on standard error');
}

/** `ungrouped`: the command can do without groups, and `--by none` asks for that. */
export function corpusSettings(options: SharedOptions, ungrouped = false): CorpusSettings {
  let by = splitList(options.by);
  if (ungrouped && by.length === 1 && by[0]!.toLowerCase() === 'none') by = [];
  else if (by.some((f) => f.toLowerCase() === 'none')) {
    throw new ObsError({
      message: ungrouped ? '--by none stands alone: it means no groups' : '--by none is for obs quotes and --passages; here every table has a totals row for the whole corpus',
      hint: ungrouped ? 'write --by none, or name the fields: --by area,year' : 'name the fields to group by, e.g. --by area',
    });
  } else if (by.length === 0) {
    throw new ObsError({ message: '--by needs at least one field', hint: `e.g. --by area,year or --by area${ungrouped ? ', or --by none for no groups' : ''}` });
  }
  by = by.map((f) => f.toLowerCase());
  checkByNames(by);
  let jobs = availableParallelism();
  if (options.jobs !== undefined) {
    jobs = Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new ObsError({ message: `--jobs must be a whole number of 1 or more, not "${options.jobs}"` });
  }
  return {
    by,
    unit: options.unit as Unit,
    excludeSpeakers: options.excludeSpeaker,
    speakers: options.speakers,
    findInterviewer: options.findInterviewer === true,
    where: parseWhere(options.where ?? [], (options.dateOrder ?? 'dmy') as DateOrder),
    jobs,
  };
}

/**
 * The columns each --by field stands beside in the figures of `obs code` and `obs matrix` (and so
 * in every format of them): a field of one of these names would give two columns of one name.
 */
export const TAKEN_COLUMNS: readonly string[] = [...new Set(['theme', ...FIGURE_COLUMNS, ...COUNT_COLUMNS])];

/** Every --by field becomes a column: one name each, and none of the figures' own. */
function checkByNames(by: readonly string[]): void {
  const twice = by.filter((f, i) => by.indexOf(f) !== i);
  if (twice.length > 0) {
    throw new ObsError({ message: `--by names \`${twice[0]}\` twice (fields are named without case)`, hint: 'name each field once' });
  }
  const taken = by.filter((f) => TAKEN_COLUMNS.includes(f));
  if (taken.length > 0) {
    throw new ObsError({
      message: `--by ${taken.map((f) => `\`${f}\``).join(', ')}: ${taken.length === 1 ? 'the name of an output column' : 'names of output columns'} (${TAKEN_COLUMNS.join(', ')})`,
      hint: `for a metadata field of that name, write ${taken.map((f) => `${META_PREFIX}${f}`).join(', ')} in its place`,
    });
  }
}

/** What a file name's extension says it holds, as --format names it. */
const EXTENSION_FORMATS: Readonly<Record<string, string>> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.md': 'md', '.html': 'html' };
const FORMAT_NAMES: Readonly<Record<string, string>> = { csv: 'CSV', json: 'JSON', jsonl: 'JSON Lines', md: 'Markdown', html: 'HTML', table: 'the terminal table' };
/** "a CSV file", "an HTML file". */
const fileOf = (format: string) => `${format === 'html' ? 'an' : 'a'} ${FORMAT_NAMES[format]} file`;

/** The format --out's extension names, if it names one (`x.txt`, `x` and standard output name none). */
export function outFormat(out: string | undefined): string | undefined {
  if (out === undefined || out === STDOUT) return undefined;
  return EXTENSION_FORMATS[path.extname(out).toLowerCase()];
}

/**
 * --format, or else the format --out's extension names, so `--out themes.csv` holds CSV and not the
 * terminal table. A name that says one format and a --format that says another are refused, as is
 * a name saying a format the command does not write: either way the file would not hold what its
 * name says. `command` is the command as the user typed it, for the message.
 */
export function formatFor<T extends string>(options: { format?: string; out?: string; bom?: boolean }, allowed: readonly T[], fallback: T, command: string): T {
  const format = formatNamed(options, allowed, fallback, command);
  // The mark tells Excel the CSV is UTF-8; at the head of JSON or Markdown it is a stray character.
  if (options.bom && format !== 'csv') {
    throw new ObsError({ message: `--bom is for CSV, and this writes ${FORMAT_NAMES[format] ?? format}`, hint: (allowed as readonly string[]).includes('csv') ? 'add --format csv, or leave out --bom' : 'leave out --bom' });
  }
  return format;
}

function formatNamed<T extends string>(options: { format?: string; out?: string }, allowed: readonly T[], fallback: T, command: string): T {
  const named = outFormat(options.out);
  if (named === undefined) return checkFormat(options.format, allowed, fallback);
  const out = options.out!;
  const given = options.format === undefined ? undefined : checkFormat(options.format, allowed, fallback);
  const writes = (allowed as readonly string[]).includes(named);
  if (given !== undefined && given !== named) {
    throw new ObsError({
      message: `--out ${out} names ${fileOf(named)}, but --format ${given} writes ${FORMAT_NAMES[given] ?? given}`,
      hint: `${writes ? `leave out --format to write ${FORMAT_NAMES[named]}, or ` : ''}name the file ${renamed(out, given)}`,
    });
  }
  if (!writes) {
    const others = allowed.filter((f) => f !== 'table').map((f) => renamed(out, f));
    throw new ObsError({
      message: `--out ${out} names ${fileOf(named)}, which obs ${command} does not write`,
      hint: `obs ${command} writes ${allowed.join(', ')}: name the file ${others.join(' or ')}${allowed.includes('table' as T) ? ' (a name with another extension holds the table)' : ''}`,
    });
  }
  return named as T;
}

/** `out` with the extension of `format` in place of its own. */
function renamed(out: string, format: string): string {
  return `${out.slice(0, out.length - path.extname(out).length)}.${format === 'table' ? 'txt' : format}`;
}

export function checkFormat<T extends string>(format: string | undefined, allowed: readonly T[], fallback: T): T {
  const f = (format ?? fallback) as T;
  if (!allowed.includes(f)) {
    throw new ObsError({ message: `--format must be one of ${allowed.join(', ')}, not "${format}"` });
  }
  return f;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function wholeNumber(value: string, option: string): number {
  // Digits only: Number() would also take 0x3 and 1e2.
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim())) throw new ObsError({ message: `${option} must be a whole number, not "${value}"` });
  return n;
}

/** --out's value: an empty one (an unset shell variable, `--out "$F"`) must not quietly become standard output. */
export function outFile(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('is empty: give a file name, e.g. --out results.csv, or - for standard output');
  return value;
}

/**
 * Ends a command's --help with examples, each under what it does. They run as written in a copy of
 * obs's repository, on its example corpus (fixtures/big-local), and a test runs every one.
 */
export function addExamples(command: Command, examples: ReadonlyArray<readonly [what: string, line: string]>): Command {
  const lines = examples.map(([what, line]) => `  # ${what}\n  $ ${line}\n`).join('');
  const corpus = examples.some(([, line]) => line.includes('fixtures/')) ? "  (fixtures/ is the example corpus in obs's repository)\n" : '';
  return command.addHelpText('after', `\nExamples:\n${lines}${corpus}`);
}
