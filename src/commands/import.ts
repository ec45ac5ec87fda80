// `obs import`: a codebook from REFI-QDA, LIWC, WordStat, Lexicoder, Yoshikoder or quanteda YAML, as obs codebook YAML.
import { addExamples, outFile } from './options.js';
import path from 'node:path';
import { Command, Option } from 'commander';
import { formatWarning } from '../errors.js';
import { readRequiredFile } from '../input.js';
import { checkOutputPath, writeFileAtomic, type Io } from '../io.js';
import { IMPORT_FORMATS, importFormat } from '../interchange/formats.js';

interface ImportOptions {
  format?: string;
  out?: string;
  quiet?: boolean;
}

export function importCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('import')
    .description('read a codebook or dictionary (.qdc, .qdpx, LIWC .dic, WordStat .cat, .lc3, .ykd, quanteda YAML) and write an obs codebook')
    .argument('<file>', 'the codebook or dictionary to read')
    .addOption(new Option('--format <format>', 'the input format (default: from the extension)').choices(IMPORT_FORMATS))
    .option('--out <file>', 'write the codebook YAML to this file (atomically) instead of standard output', outFile)
    .option('--quiet', 'no warnings on standard error')
    .action(async (file: string, options: ImportOptions) => done(await runImport(file, options, io)));
  return addExamples(command, [
    ['a REFI-QDA codebook to try it on (MAXQDA, ATLAS.ti and NVivo export these too)', 'obs export --to qdc --out power.qdc'],
    // Not ./codebook.yaml: obs would take that in place of the built-in codebook from then on.
    ['read it as an obs codebook: the extension tells the format', 'obs import power.qdc --out imported.yaml'],
    ['code with it', 'obs code fixtures/big-local --codebook imported.yaml'],
  ]);
}

export async function runImport(file: string, options: ImportOptions, io: Io): Promise<number> {
  const format = importFormat(file, options.format);
  if (options.out) await checkOutputPath(options.out, [file], io.cwd);
  const bytes = await readInput(file, io.cwd);
  const { importCodebook } = await import('../interchange/import.js');
  const result = await importCodebook(format, bytes, file);
  if (!options.quiet) {
    for (const w of result.warnings) io.stderr.write(`${formatWarning(w)}\n`);
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const skipped = result.skipped > 0 ? `; ${count(result.skipped, 'entry', 'entries')} skipped (see the warnings above)` : '';
    io.stderr.write(`obs: imported ${count(result.themes, 'theme', 'themes')} and ${count(result.keywords, 'keyword', 'keywords')} from ${file} (${result.format})${skipped}\n`);
  }
  if (options.out) await writeFileAtomic(options.out, result.yaml, io);
  else io.stdout.write(result.yaml);
  return 0;
}

/** Only a regular file, up to the import limit: a FIFO or device is refused at once, a huge file before it is read. */
export async function readInput(file: string, cwd: string): Promise<Buffer> {
  return readRequiredFile(path.resolve(cwd, file), file, 'import');
}
