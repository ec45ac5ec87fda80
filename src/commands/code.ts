// `obs code`: code the corpus, print theme frequencies per group and the best quotes.
import { Command } from 'commander';
import { FigureCounter } from '../aggregate/figures.js';
import { EXTRACT_WORDS, QuotePicker } from '../aggregate/quotes.js';
import { runSummary, type CodeReport } from '../aggregate/report.js';
import { ObsError } from '../errors.js';
import { STDOUT, type Io } from '../io.js';
import { REPORT_FORMATS, renderReport } from '../render/index.js';
import { passageLine } from '../render/jsonl.js';
import { passageTable } from '../render/passages-csv.js';
import { passageIds } from '../aggregate/passage-ids.js';
import { openRun, warnMissing } from './corpus-run.js';
import { addExamples, addSharedOptions, formatFor, outFormat, wholeNumber, type SharedOptions } from './options.js';

/** The most characters Excel holds in a cell. */
const EXCEL_CELL = 32_767;

const PASSAGE_FORMATS = ['jsonl', 'csv'] as const;

interface CodeOptions extends SharedOptions {
  passages?: boolean;
  quotes?: string;
  totals?: boolean;
}

export function codeCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('code')
    .description('code transcripts; print theme frequencies per group, then quote extracts')
    .argument('<paths...>', 'transcript files or folders; - reads one transcript from standard input')
    .option('--passages', 'one JSON line per passage instead of the table (--format jsonl), or with --format csv one row per passage')
    .option('--totals', 'CSV and JSON: add the totals rows, whose --by fields read (all) (the table and Markdown always have them)')
    .option('--quotes <n>', 'quotes per theme, 0 for none (default: 3)');
  addSharedOptions(command, REPORT_FORMATS);
  addExamples(command, [
    ['theme frequencies by area and year, then three quotes per theme', 'obs code fixtures/big-local --meta fixtures/big-local-meta.csv'],
    ['the figures by area as CSV for a spreadsheet (.csv, .json and .md choose the format)', 'obs code fixtures/big-local --meta fixtures/big-local-meta.csv --by area --out themes.csv'],
    ['one JSON line per coded passage, for analysis of your own', 'obs code fixtures/big-local --passages --out passages.jsonl'],
  ]);
  return command.action(async (paths: string[], options: CodeOptions) => done(await runCode(paths, options, io, colorLevel)));
}

export async function runCode(paths: string[], options: CodeOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  // JSON Lines are passages, never the figures: asked for without --passages, it is a slip to name.
  if (!options.passages && options.format === 'jsonl') {
    throw new ObsError({ message: '--format jsonl writes passages', hint: 'add --passages: obs code --passages --format jsonl ...' });
  }
  if (!options.passages && options.format === undefined && outFormat(options.out) === 'jsonl') {
    throw new ObsError({
      message: `--out ${options.out} names a JSON Lines file, which obs code writes only with --passages`,
      hint: `add --passages for one JSON line per passage, or name the file ${options.out!.replace(/\.jsonl$/i, '.json')} for the figures as JSON`,
    });
  }
  if (options.passages) {
    // Each is about the figures and their quotes: with --passages it would do nothing, unseen.
    const unused = [options.totals && '--totals', options.quotes !== undefined && '--quotes'].filter((o): o is string => typeof o === 'string');
    if (unused.length > 0) throw new ObsError({ message: `${unused.join(' and ')} ${unused.length > 1 ? 'are' : 'is'} for the figures, not --passages`, hint: `leave out ${unused.join(' and ')}: --passages writes every passage, each with its hits` });
  }
  const format = options.passages ? formatFor(options, PASSAGE_FORMATS, 'jsonl', 'code --passages') : formatFor(options, REPORT_FORMATS, 'table', 'code');
  const quoteLimit = wholeNumber(options.quotes ?? '3', '--quotes');

  // A passage needs no group, so --by none leaves the passage table without metadata columns.
  const run = await openRun(paths, options, io, { needText: options.passages || format !== 'csv', ungrouped: options.passages ?? false });
  const { compiled, codebook, settings } = run;
  const figures = new FigureCounter(settings.by, compiled.themes);
  // CSV and passage lines hold no quotes, so none are picked.
  const quotes = new QuotePicker(compiled.themes, { limit: format === 'csv' || options.passages ? 0 : quoteLimit, by: [], context: 0, words: EXTRACT_WORDS, themes: compiled.themes.map((t) => t.index), uncoded: false });
  // One line per passage goes out as it is made, so the corpus is never held in memory.
  const sink = options.passages ? await run.stream() : undefined;
  const table = options.passages && format === 'csv' ? passageTable(settings.by, compiled.themes) : undefined;
  let pending = table ? table.header : '';
  let longCell = false;
  let documents: number;
  try {
    documents = await run.each(async (passages) => {
      const ids = sink ? passageIds(passages) : [];
      passages.forEach((coded, i) => {
        if (!coded.coding) return;
        if (!sink) figures.add(coded.passage, coded.coding);
        else if (!table) pending += passageLine(coded, ids[i]!, compiled.themes);
        else {
          pending += table.row(coded, ids[i]!);
          if (!longCell && coded.passage.text.length > EXCEL_CELL) {
            longCell = true;
            run.warn({ file: coded.passage.file, line: coded.passage.line, message: `a passage of ${coded.passage.text.length} characters: Excel shows a cell's first ${EXCEL_CELL} only`, hint: 'R, pandas and SPSS read it whole; --unit paragraph or sentence makes shorter passages' });
          }
        }
      });
      quotes.addDocument(passages);
      if (sink && pending.length > 1 << 20) {
        await sink.write(pending);
        pending = '';
      }
    });
  } catch (err) {
    await sink?.abort();
    throw err;
  }
  if (sink) {
    await sink.write(pending);
    await sink.close();
    return 0;
  }
  warnMissing(run, figures, documents);
  const report: CodeReport = {
    ...runSummary(codebook, { documents, ...figures.totals(), skipped: run.skipped() }, settings.by, compiled.themes),
    rows: figures.rows(),
    quotes: quotes.quotes(),
  };
  await run.emit(renderReport(report, format as Exclude<typeof format, 'jsonl'>, { colorLevel: options.out && options.out !== STDOUT ? 0 : colorLevel, totals: options.totals ?? false }));
  return 0;
}
