// `obs lint`: codebook consistency checks for CI. Quiet when all is well; exit 1 on errors.
import path from 'node:path';
import { Command, Option } from 'commander';
import { resolveCodebookPath } from '../codebook/load.js';
import { EXIT_FINDINGS, ObsError } from '../errors.js';
import { readRequiredFile } from '../input.js';
import type { Io } from '../io.js';
import { lintText, toResult } from '../lint/index.js';
import type { LintResult } from '../lint/rule.js';
import { github } from '../lint/format/github.js';
import { json } from '../lint/format/json.js';
import { stylish } from '../lint/format/stylish.js';
import { addExamples, collect } from './options.js';

interface LintOptions {
  corpus: string[];
  maxShare: string;
  maxWarnings?: string;
  format: string;
  unit: string;
  speakers: string[];
  excludeSpeaker: string[];
  quiet?: boolean;
}

const FORMATS = ['stylish', 'json', 'github'] as const;

export function lintCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('lint')
    .description('check codebooks for mistakes: exit 0 when clean (warnings allowed), 1 on errors')
    .argument('[codebooks...]', 'codebook files (default: ./codebook.yaml, else the built-in codebook)')
    .option('--corpus <paths>', 'also check against these transcripts: dead keywords, too broad and co-occurring themes (repeatable)', collect, [])
    .option('--max-share <share>', 'with --corpus: warn about a theme coding more than this share of passages', '0.5')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .addOption(new Option('--format <format>', 'stylish (for people), json (the results schema) or github (annotations)').choices(FORMATS).default('stylish'))
    .addOption(new Option('--unit <unit>', 'with --corpus: passage unit').choices(['turn', 'paragraph', 'sentence', 'document']).default('turn'))
    .option('--speakers <names>', 'with --corpus: labels to believe even where they start only one line', collect, [])
    .option('--exclude-speaker <names>', 'with --corpus: also leave out these speakers', collect, [])
    .action(async (codebooks: string[], options: LintOptions) => done(await runLint(codebooks, options, io, colorLevel)));
  return addExamples(command, [
    ['./codebook.yaml, else the built-in codebook: nothing printed when all is well', 'obs lint'],
    ['a codebook against transcripts: keywords that never match, themes that catch too much', 'obs lint codebooks/community-power.yaml --corpus fixtures/big-local'],
    ['in GitHub Actions: each problem as an annotation on its line of the YAML', 'obs lint codebooks/community-power.yaml --format github'],
  ]);
}

export async function runLint(codebooks: string[], options: LintOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  const maxShare = Number(options.maxShare);
  if (!(maxShare > 0 && maxShare <= 1)) throw new ObsError({ message: `--max-share must be a share between 0 and 1, not "${options.maxShare}"`, hint: 'e.g. --max-share 0.5 for half the passages' });
  let maxWarnings: number | undefined;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new ObsError({ message: `--max-warnings must be a whole number, not "${options.maxWarnings}"` });
  }
  const files = codebooks.length > 0 ? codebooks : [path.relative(io.cwd, resolveCodebookPath(undefined, io.cwd)) || 'codebook.yaml'];
  const results: LintResult[] = [];
  for (const file of files) {
    // A regular file of at most the codebook limit: a FIFO or a device named here is refused at once.
    const text = readRequiredFile(path.resolve(io.cwd, file), file, 'codebook', 'give obs lint the path of a YAML codebook').toString('utf8');
    const { result, codebook } = lintText(text, file);
    if (codebook && options.corpus.length > 0) {
      // Only a corpus check needs the coding engine and the readers: load them then.
      const { corpusFindings } = await import('../lint/corpus-run.js');
      results.push(toResult(file, [...result.messages, ...(await corpusFindings(codebook, file, options.corpus, { unit: options.unit, speakers: options.speakers, excludeSpeakers: options.excludeSpeaker, maxShare }, io, options.quiet ?? false))]));
    } else results.push(result);
  }
  const format = options.format as (typeof FORMATS)[number];
  io.stdout.write(format === 'json' ? json(results) : format === 'github' ? github(results) : stylish(results, colorLevel));
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`obs: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return 0;
}
