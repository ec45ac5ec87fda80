// The command registry: parses argv with commander and turns every outcome into an exit code.
import { inertMessage, inertName } from './render/inert.js';
import { supportsColor } from 'chalk';
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, ObsError, formatProblem } from './errors.js';
import type { Io } from './io.js';
import { version } from './version.js';
import { addExamples } from './commands/options.js';

type CommandFactory = (io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void) => Command;

// Each command's module is loaded only when it runs (or for --help): `obs lint` need not load the coding engine.
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  code: async () => (await import('./commands/code.js')).codeCommand,
  matrix: async () => (await import('./commands/matrix.js')).matrixCommand,
  quotes: async () => (await import('./commands/quotes.js')).quotesCommand,
  agree: async () => (await import('./commands/agree.js')).agreeCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  speakers: async () => (await import('./commands/speakers.js')).speakersCommand,
  import: async () => {
    const { importCommand } = await import('./commands/import.js');
    return (io, _colorLevel, done) => importCommand(io, done);
  },
  export: async () => {
    const { exportCommand } = await import('./commands/export.js');
    return (io, _colorLevel, done) => exportCommand(io, done);
  },
};

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  let exitCode = 0;
  const done = (code: number) => {
    exitCode = code;
  };
  // Colour only on a terminal, as chalk decides (NO_COLOR, FORCE_COLOR, TERM); never in tests' captured output.
  // chalk reads FORCE_COLOR but not NO_COLOR (no-color.org), so that one is checked here.
  const noColor = !io.env.FORCE_COLOR && (io.env.NO_COLOR ?? '') !== '';
  const colorLevel = io.stdout === process.stdout && supportsColor && !noColor ? supportsColor.level : 0;

  const program = new Command('obs')
    .description('Code interview transcripts against a codebook of themes: frequencies, matrices and quotes.')
    .version(version(), '-V, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .showHelpAfterError('(run obs --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`obs: ${inertMessage(s.replace(/^error: /, ''))}`),
    });
  const first = args.find((a) => !a.startsWith('-'));
  const names = first !== undefined && first in COMMANDS ? [first] : Object.keys(COMMANDS);
  for (const name of names) program.addCommand((await COMMANDS[name]!())(io, colorLevel, done));
  // The same lines as the commands' own help shows, so the test that runs those runs these too.
  addExamples(program, [
    ['theme frequencies by area and year, then three quotes per theme', 'obs code fixtures/big-local --meta fixtures/big-local-meta.csv'],
    ['areas x themes as CSV, for R, SPSS or Excel', 'obs matrix fixtures/big-local --meta fixtures/big-local-meta.csv --by area --out matrix.csv'],
    ['./codebook.yaml, else the built-in codebook: nothing printed when all is well', 'obs lint'],
  ]);
  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError(`(run obs ${command.name()} --help for usage)`);
  }

  try {
    await program.parseAsync([...args], { from: 'user' });
    if (args.length === 0) program.outputHelp();
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : EXIT_USAGE;
    }
    if (err instanceof ObsError) {
      io.stderr.write(`${err.problems.map(formatProblem).join('\n')}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    io.stderr.write(`obs: unexpected error: ${inertName(e?.message ?? String(err))}\n`);
    io.stderr.write(debug ? `${e?.stack ?? ''}\n` : '  hint: run again with --debug for details, and report it with the input that caused it\n');
    return EXIT_USAGE;
  }
}
