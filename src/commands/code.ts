// `obs code`: code the corpus, print theme frequencies per group and the best quotes.
import { Command, Option } from 'commander';
import { FigureCounter } from '../aggregate/figures.js';
import { QuoteCollector } from '../aggregate/quotes.js';
import type { CodeReport } from '../aggregate/report.js';
import { loadCodebook, resolveCodebookPath } from '../codebook/load.js';
import { openCorpus } from '../corpus/load.js';
import { ObsError, formatWarning, type Problem } from '../errors.js';
import { checkOutputPath, writeFileAtomic, type Io } from '../io.js';
import { compileCodebook } from '../match/compile.js';
import { codeTranscript } from '../pipeline.js';
import { REPORT_FORMATS, renderReport } from '../render/index.js';
import { passageLine } from '../render/jsonl.js';
import { addSharedOptions, checkFormat, corpusSettings, type SharedOptions } from './options.js';

interface CodeOptions extends SharedOptions {
  passages?: boolean;
  quotes: string;
}

export function codeCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('code')
    .description('code transcripts; print theme frequencies per group, then quote extracts')
    .argument('<paths...>', 'transcript files or folders; - reads one transcript from standard input')
    .option('--passages', 'one JSON line per passage instead of the table (--format jsonl)')
    .addOption(new Option('--quotes <n>', 'quotes per theme (0 for none)').default('3'));
  addSharedOptions(command);
  return command.action(async (paths: string[], options: CodeOptions) => done(await runCode(paths, options, io, colorLevel)));
}

export async function runCode(paths: string[], options: CodeOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  const settings = corpusSettings(options);
  const format = options.passages ? checkFormat(options.format, ['jsonl'] as const, 'jsonl') : checkFormat(options.format, REPORT_FORMATS, 'table');
  if (!options.passages && options.format === 'jsonl') {
    throw new ObsError({ message: '--format jsonl writes passages', hint: 'add --passages: obs code --passages --format jsonl ...' });
  }
  const quoteLimit = Number(options.quotes);
  if (!Number.isInteger(quoteLimit) || quoteLimit < 0) throw new ObsError({ message: `--quotes must be a whole number, not "${options.quotes}"` });

  const warn = (p: Problem) => {
    if (!options.quiet) io.stderr.write(`${formatWarning(p)}\n`);
  };
  const codebookPath = resolveCodebookPath(options.codebook, io.cwd);
  const codebook = await loadCodebook(codebookPath, options.codebook ?? codebookPath);
  const compiled = compileCodebook(codebook);
  const corpus = await openCorpus({
    paths,
    cwd: io.cwd,
    meta: options.meta,
    pathPattern: options.pathPattern,
    strict: options.strict,
    readStdin: io.readStdin,
    warn,
  });
  // Before any coding, so a bad --out fails at once and can never name an input.
  if (options.out) {
    const inputs = [codebookPath, ...(options.meta ? [options.meta] : []), ...corpus.files.map((f) => f.path).filter((p) => p !== '-')];
    await checkOutputPath(options.out, inputs, io.cwd);
  }

  const figures = new FigureCounter(settings.by, compiled.themes);
  const quotes = new QuoteCollector(compiled.themes, quoteLimit);
  const lines: string[] = [];
  let documents = 0;
  for await (const transcript of corpus.transcripts()) {
    const doc = documents++;
    const onLostLabel = (line: number, speaker: string) =>
      warn({
        file: transcript.file,
        line,
        message: `\`${speaker}:\` starts only this line, so it is read as part of the interviewer's turn and not coded`,
        hint: `if ${speaker} is a speaker, add --speakers "${speaker}"`,
      });
    const passages = codeTranscript(transcript, doc, compiled, { unit: settings.unit, speakers: settings.speakers, excludeSpeakers: settings.excludeSpeakers, onLostLabel });
    if (!passages.some((p) => p.coding)) warn({ file: transcript.file, message: 'has no respondent text to code' });
    for (const coded of passages) {
      if (!coded.coding) continue;
      figures.add(coded.passage, coded.coding);
      quotes.add(coded.passage, coded.coding);
      if (options.passages) lines.push(passageLine(coded, compiled.themes));
    }
  }
  if (documents === 0) throw new ObsError({ message: 'no transcript could be read', hint: 'see the warnings above' });
  // Passages are not grouped, so a missing group field only matters to the table.
  for (const [field, count] of options.passages ? [] : figures.missing()) {
    warn({
      message: `${count} of ${documents} documents have no \`${field}\`; they are grouped as (unknown)`,
      hint: field === 'speaker' ? 'passages without a speaker label are grouped as (unknown)' : 'set it in front matter, --meta or --path-pattern',
    });
  }

  let output: string;
  if (format === 'jsonl') output = lines.join('');
  else {
    const report: CodeReport = {
      codebook: { name: codebook.name, version: codebook.version, sha256: codebook.source.sha256 },
      corpus: { documents, ...figures.totals(), skipped: corpus.skipped },
      by: settings.by,
      themes: compiled.themes.map((t) => ({ id: t.id, label: t.label, depth: t.depth })),
      rows: figures.rows(),
      quotes: quotes.quotes(),
    };
    output = renderReport(report, format, { colorLevel: options.out ? 0 : colorLevel });
  }
  if (options.out) await writeFileAtomic(options.out, output, io.cwd);
  else io.stdout.write(output);
  return 0;
}
