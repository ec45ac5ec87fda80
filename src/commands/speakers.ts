// `obs speakers`: what obs read from each transcript, speaker by speaker, before a figure is trusted.
import { Command } from 'commander';
import { speakerRows, type SpeakerRow } from '../aggregate/speakers.js';
import { knownInputs } from '../corpus/discover.js';
import { openCorpus } from '../corpus/load.js';
import { ObsError, type Problem } from '../errors.js';
import { checkOutputPath, writeFileAtomic, STDOUT, type Io } from '../io.js';
import { readingProblems } from '../pipeline.js';
import { SPEAKER_FORMATS, renderSpeakers, type SpeakerFormat } from '../render/speakers.js';
import { readTurns } from '../segment/turns.js';
import { addExamples, addReadingOptions, formatFor, outFile } from './options.js';
import { warningPrinter } from '../warnings.js';

interface SpeakersOptions {
  format?: string;
  speakers: string[];
  excludeSpeaker: string[];
  findInterviewer?: boolean;
  stdinFilename?: string;
  out?: string;
  strict?: boolean;
  quiet?: boolean;
}

export function speakersCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = addReadingOptions(
    new Command('speakers')
      .description('what obs read: per file and speaker, the layout found, turns, words, and interviewer or respondent and why')
      .argument('<paths...>', 'transcript files or folders; - reads one transcript from standard input')
      .option('--format <format>', `output format: ${SPEAKER_FORMATS.join(', ')} (default: as --out's extension says, else table)`),
  )
    .option('--out <file>', 'write output to this file (atomically) instead of standard output', outFile)
    .option('--strict', 'treat invalid UTF-8 as an error instead of a warning')
    .option('--quiet', 'no warnings on standard error')
    .action(async (paths: string[], options: SpeakersOptions) => done(await runSpeakers(paths, options, io, colorLevel)));
  return addExamples(command, [
    ['per file and speaker: turns, words, and who obs takes for the interviewer, and why', 'obs speakers fixtures/big-local'],
    ['one transcript, before its figures are trusted', 'obs speakers fixtures/big-local/lawrence-weston-2022-teams.vtt'],
    ['the same for the whole corpus as CSV, to sort in a spreadsheet', 'obs speakers fixtures/big-local --out speakers.csv'],
  ]);
}

export async function runSpeakers(paths: string[], options: SpeakersOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  const format = formatFor(options, SPEAKER_FORMATS, 'table', 'speakers');
  const printer = warningPrinter((text) => io.stderr.write(text), options.quiet);
  try {
    return await speakers(paths, options, io, colorLevel, format, printer.warn);
  } finally {
    printer.flush();
  }
}

async function speakers(paths: string[], options: SpeakersOptions, io: Io, colorLevel: 0 | 1 | 2 | 3, format: SpeakerFormat, warn: (p: Problem) => void): Promise<number> {
  const corpus = await openCorpus({
    paths,
    cwd: io.cwd,
    strict: options.strict,
    ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
    readStdin: io.readStdin,
    warn,
    // An earlier output of this very command, saved in the folder it reads.
    ...(options.out && options.out !== STDOUT ? { out: options.out } : {}),
  });
  if (options.out) {
    const files = knownInputs(corpus.files);
    await checkOutputPath(options.out, files.paths, io.cwd, files.known);
  }
  const policy = { speakers: options.speakers, excludeSpeakers: options.excludeSpeaker, findInterviewer: options.findInterviewer === true };
  const rows: SpeakerRow[] = [];
  let read = 0;
  for await (const transcript of corpus.transcripts()) {
    read++;
    const reading = readTurns(transcript, policy);
    readingProblems(transcript.file, reading).forEach(warn);
    rows.push(...speakerRows(transcript, reading));
  }
  if (read === 0) throw new ObsError({ message: 'no transcript could be read', hint: 'see the warnings above' });
  const output = renderSpeakers(rows, format, options.out && options.out !== STDOUT ? 0 : colorLevel);
  if (options.out) await writeFileAtomic(options.out, output, io);
  else io.stdout.write(output);
  return 0;
}
