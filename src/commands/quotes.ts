// `obs quotes`: quote extracts for chosen themes, per group, filtered by metadata, with context.
import { Command } from 'commander';
import { EXTRACT_WORDS, QuotePicker } from '../aggregate/quotes.js';
import { runSummary, type QuoteSet } from '../aggregate/report.js';
import { ObsError } from '../errors.js';
import { STDOUT, type Io } from '../io.js';
import type { CompiledTheme } from '../match/compile.js';
import { renderQuotesCsv, renderQuotesJson, renderQuotesMd, renderQuotesTable } from '../render/quotes.js';
import { summaryLine } from '../render/summary.js';
import { FigureCounter } from '../aggregate/figures.js';
import { openRun, warnMissing } from './corpus-run.js';
import { addExamples, addSharedOptions, collect, formatFor, wholeNumber, type SharedOptions } from './options.js';

interface QuotesOptions extends SharedOptions {
  theme: string[];
  limit: string;
  context: string;
  words: string;
  random?: string;
  uncoded?: boolean;
}

const QUOTE_FORMATS = ['table', 'md', 'csv', 'json'] as const;

export function quotesCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('quotes')
    .description('quote extracts per theme and group: the best ones, or a seeded random sample')
    .argument('<paths...>', 'transcript files or folders; - reads one transcript from standard input')
    .option('--theme <ids>', 'only these themes (comma-separated; repeatable); default: all', collect, [])
    .option('--limit <n>', 'quotes per theme and group (0: all)', '3')
    .option('--context <n>', 'passages to show before and after each quote, interviewer turns included', '0')
    .option('--words <n>', 'words per extract (0: whole passages)', String(EXTRACT_WORDS))
    .option('--random <seed>', 'a reproducible random sample instead of the top-ranked quotes')
    .option('--uncoded', 'respondent passages that no theme caught, longest first: what to read to grow the codebook');
  addSharedOptions(command, QUOTE_FORMATS);
  addExamples(command, [
    ['the three best quotes on money in each area', 'obs quotes fixtures/big-local --meta fixtures/big-local-meta.csv --theme money --by area'],
    ['a random sample of five per theme from 2019 on, seeded to come out the same again, with a passage either side', 'obs quotes fixtures/big-local --meta fixtures/big-local-meta.csv --where year=2019.. --by none --random 42 --limit 5 --context 1'],
    ['what no theme caught, to read when growing the codebook, as Markdown', 'obs quotes fixtures/big-local --uncoded --by none --out uncoded.md'],
  ]);
  return command.action(async (paths: string[], options: QuotesOptions) => done(await runQuotes(paths, options, io, colorLevel)));
}

export async function runQuotes(paths: string[], options: QuotesOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  const format = formatFor(options, QUOTE_FORMATS, 'table', 'quotes');
  const limit = wholeNumber(options.limit, '--limit');
  const context = wholeNumber(options.context, '--context');
  const words = wholeNumber(options.words, '--words');
  if (options.random !== undefined && options.random.trim() === '') throw new ObsError({ message: '--random needs a seed', hint: 'any word or number, e.g. --random 42; the same seed gives the same sample' });
  if (options.uncoded && options.theme.length > 0) {
    throw new ObsError({ message: '--uncoded and --theme do not go together', hint: '--uncoded shows the passages no theme caught' });
  }

  const run = await openRun(paths, options, io, { ungrouped: true });
  const { compiled, codebook, settings } = run;
  if (context > 0 && settings.unit === 'document') {
    run.warn({ message: '--context shows nothing with --unit document: each document is one passage, with no neighbours', hint: 'use --unit turn (the default) or paragraph to see the passages around a quote' });
  }
  const themes = options.theme.length === 0 ? compiled.themes : options.theme.map((id) => findTheme(compiled.themes, id, options.codebook));
  const picker = new QuotePicker(compiled.themes, {
    limit: limit === 0 ? Infinity : limit,
    by: settings.by,
    ...(options.random !== undefined ? { seed: options.random } : {}),
    context,
    words,
    themes: themes.map((t) => t.index),
    uncoded: options.uncoded ?? false,
  });
  const figures = new FigureCounter(settings.by, compiled.themes);
  const documents = await run.each((coded) => {
    for (const { passage, coding } of coded) if (coding) figures.add(passage, coding);
    picker.addDocument(coded);
  });
  warnMissing(run, figures, documents);

  const set: QuoteSet = {
    ...runSummary(codebook, { documents, ...figures.totals(), skipped: run.skipped() }, settings.by, compiled.themes),
    quotes: picker.quotes(),
  };
  let output: string;
  switch (format) {
    case 'csv':
      output = renderQuotesCsv(set);
      break;
    case 'json':
      output = renderQuotesJson(set);
      break;
    case 'md':
      output = `${summaryLine(set, ', ')}.\n\n${renderQuotesMd(set, 2)}`;
      break;
    case 'table':
      output = renderQuotesTable(set, { colorLevel: options.out && options.out !== STDOUT ? 0 : colorLevel }, `Quotes · ${summaryLine(set)}`);
      break;
  }
  if (set.quotes.length === 0) run.warn({ message: options.uncoded ? 'every respondent passage is coded with a theme' : 'no passage is coded with the chosen themes' });
  await run.emit(output);
  return 0;
}

function findTheme(themes: readonly CompiledTheme[], id: string, codebook: string | undefined): CompiledTheme {
  const found = themes.find((t) => t.id === id) ?? themes.find((t) => t.id.toLowerCase() === id.toLowerCase());
  if (found) return found;
  throw new ObsError({
    message: `--theme ${id}: no such theme in ${codebook ?? 'the codebook'}`,
    hint: `themes are: ${themes.map((t) => t.id).join(', ')}`,
  });
}
