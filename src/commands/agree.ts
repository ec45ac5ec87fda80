// `obs agree`: how far obs's coding agrees with human coders', and how far they agree with each other.
import { inertName } from '../render/inert.js';
import path from 'node:path';
import { Command } from 'commander';
import { OBS, compare, placeGold, type CodedDocument } from '../agree/compare.js';
import { parseGold } from '../agree/gold.js';
import { EXIT_FINDINGS, ObsError } from '../errors.js';
import { INPUT_LIMITS, readInputFile } from '../input.js';
import { STDOUT, type Io } from '../io.js';
import { AGREE_FORMATS, renderAgree } from '../render/agree.js';
import { openRun } from './corpus-run.js';
import { addExamples, addSharedOptions, formatFor, type SharedOptions } from './options.js';
import { codebookInfo } from '../aggregate/report.js';

interface AgreeOptions extends SharedOptions {
  gold: string;
  failUnder?: string;
}

export function agreeCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('agree')
    .description("agreement of obs's coding with human coding: per theme precision, recall, F1 and Cohen's kappa")
    .argument('<paths...>', 'the transcripts the human coding refers to (files or folders)')
    .requiredOption('--gold <file.csv>', 'human coding: one row per coded passage, columns file,line,theme and optionally coder')
    .option('--fail-under <kappa>', "exit 1 when any theme's kappa over coded passages (obs vs a human) is below this");
  addSharedOptions(command, AGREE_FORMATS);
  addExamples(command, [
    ["obs's coding against a researcher's, theme by theme", 'obs agree fixtures/big-local --gold fixtures/big-local-gold.csv'],
    ['the same as CSV, to keep beside the codebook version', 'obs agree fixtures/big-local --gold fixtures/big-local-gold.csv --out agreement.csv'],
    ["in CI: exit 1 when any theme's kappa falls below 0.5", 'obs agree fixtures/big-local --gold fixtures/big-local-gold.csv --fail-under 0.5 --quiet'],
  ]);
  return command.action(async (paths: string[], options: AgreeOptions) => done(await runAgree(paths, options, io, colorLevel)));
}

export async function runAgree(paths: string[], options: AgreeOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  const format = formatFor(options, AGREE_FORMATS, 'table', 'agree');
  let failUnder: number | undefined;
  if (options.failUnder !== undefined) {
    failUnder = Number(options.failUnder);
    if (options.failUnder.trim() === '' || !Number.isFinite(failUnder) || failUnder < -1 || failUnder > 1) {
      throw new ObsError({ message: `--fail-under must be a kappa between -1 and 1, not "${options.failUnder}"`, hint: 'e.g. --fail-under 0.6' });
    }
  }
  const read = readInputFile(path.resolve(io.cwd, options.gold), INPUT_LIMITS.table);
  if ('error' in read) {
    const missing = read.error === 'not found';
    throw new ObsError({ file: options.gold, message: missing ? 'no such file' : read.error, hint: missing || read.error.startsWith('is a folder') ? 'give --gold the CSV of human coding' : read.hint });
  }
  const gold = parseGold(read.bytes.toString('utf8'), options.gold);

  const run = await openRun(paths, options, io, { inputs: [options.gold], needText: false });
  const { compiled, codebook } = run;
  const goldFiles = new Set(gold.map((g) => g.file));
  const documents: CodedDocument[] = [];
  await run.each((passages, transcript) => {
    // Only the documents someone coded by hand are compared; keeping only those keeps memory small.
    if (!goldFiles.has(transcript.file)) return;
    documents.push({
      file: transcript.file,
      passages: passages.map(({ passage, coding }) => ({
        line: passage.line,
        last: passage.end,
        respondent: coding !== undefined,
        themes: new Set(coding ? [...coding.themes.keys()].map((t) => compiled.themes[t]!.id) : []),
      })),
    });
  });

  const known = new Set(compiled.themes.map((t) => t.id));
  const goldThemes = new Set(gold.map((g) => g.theme));
  const unknown = [...goldThemes].filter((t) => !known.has(t));
  if (unknown.length > 0) {
    run.warn({ file: options.gold, message: `themes not in the codebook are left out: ${unknown.join(', ')}`, hint: `the codebook's themes are: ${[...known].join(', ')}` });
  }
  const themes = compiled.themes.map((t) => t.id).filter((id) => goldThemes.has(id));
  if (themes.length === 0) throw new ObsError({ file: options.gold, message: 'no theme of the human coding is in the codebook', hint: 'theme ids in the CSV must be the codebook ids' });
  const placed = placeGold(documents, gold, options.gold, run.warn);
  const comparisons = compare(documents, themes, placed);
  if (comparisons.every((c) => c.documents === 0)) {
    if (documents.length > 0) throw new ObsError({ file: options.gold, message: 'none of its codes is on a respondent passage', hint: 'see the warnings above; give each code the first line of its passage, as `obs code --passages` gives it' });
    throw new ObsError({ file: options.gold, message: 'none of the files it names is among the transcripts read', hint: 'give obs agree the folder the human coding refers to' });
  }

  await run.emit(renderAgree({ codebook: codebookInfo(codebook), gold: options.gold, themes, comparisons }, format, options.out && options.out !== STDOUT ? 0 : colorLevel));

  if (failUnder === undefined) return 0;
  const below = comparisons
    .filter((c) => c.a === OBS)
    .flatMap((c) => c.themes.filter((t) => t.coded.kappa !== null && t.coded.kappa < failUnder!).map((t) => `${t.theme} ${t.coded.kappa!.toFixed(2)} (vs ${c.b})`));
  if (below.length === 0) return 0;
  io.stderr.write(`obs: kappa over coded passages below ${failUnder}: ${inertName(below.join(', '))}\n`);
  return EXIT_FINDINGS;
}
