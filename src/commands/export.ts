// `obs export`: an obs codebook as a REFI-QDA codebook (.qdc) or a LIWC dictionary (.dic).
import { addExamples, outFile } from './options.js';
import { Command, Option } from 'commander';
import { loadCodebook, resolveCodebookPath } from '../codebook/load.js';
import { formatWarning } from '../errors.js';
import { checkOutputPath, writeFileAtomic, type Io } from '../io.js';
import { EXPORT_FORMATS, type ExportFormat } from '../interchange/formats.js';
import { version } from '../version.js';

interface ExportOptions {
  to: ExportFormat;
  out?: string;
  quiet?: boolean;
}

export function exportCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('export')
    .description('write a codebook as a REFI-QDA codebook (--to qdc) or a LIWC dictionary (--to dic)')
    .argument('[codebook]', 'the codebook YAML (default: ./codebook.yaml if present, else the built-in one)')
    .addOption(new Option('--to <format>', 'the output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'write to this file (atomically) instead of standard output', outFile)
    .option('--quiet', 'no warnings on standard error')
    .action(async (codebook: string | undefined, options: ExportOptions) => done(await runExport(codebook, options, io)));
  return addExamples(command, [
    ['./codebook.yaml, else the built-in codebook, as a REFI-QDA codebook for MAXQDA, ATLAS.ti or NVivo', 'obs export --to qdc --out community-power.qdc'],
    ['a codebook as a LIWC dictionary', 'obs export codebooks/community-power.yaml --to dic --out community-power.dic'],
  ]);
}

export async function runExport(given: string | undefined, options: ExportOptions, io: Io): Promise<number> {
  const file = resolveCodebookPath(given, io.cwd);
  const shown = given ?? file;
  if (options.out) await checkOutputPath(options.out, [file], io.cwd);
  const codebook = await loadCodebook(file, shown);
  const { writeExport } = await import('../interchange/formats.js');
  const { text, warnings } = await writeExport(options.to, codebook, shown, `obs ${version()}`);
  if (!options.quiet) for (const w of warnings) io.stderr.write(`${formatWarning(w)}\n`);
  if (options.out) await writeFileAtomic(options.out, text, io);
  else io.stdout.write(text);
  return 0;
}
