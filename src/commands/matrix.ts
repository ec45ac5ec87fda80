// `obs matrix`: theme matrices for R, SPSS and Excel: groups x themes, documents x themes, co-occurrence.
import { Command, Option } from 'commander';
import { FigureCounter } from '../aggregate/figures.js';
import { ALL } from '../aggregate/groups.js';
import {
  COOCCUR_VALUES,
  COUNT_COLUMNS,
  CooccurrenceCounter,
  documentRows,
  MATRIX_VALUES,
  prefixClashes,
  themeColumnNames,
  wideRows,
  type CooccurValue,
  type Matrix,
  type MatrixValue,
} from '../aggregate/matrix.js';
import { runSummary } from '../aggregate/report.js';
import type { Meta } from '../corpus/types.js';
import { ObsError } from '../errors.js';
import { STDOUT, type Io } from '../io.js';
import { MATRIX_FORMATS, renderMatrix } from '../render/matrix.js';
import { openRun, warnMissing } from './corpus-run.js';
import { addExamples, addSharedOptions, formatFor, wholeNumber, type SharedOptions } from './options.js';

interface MatrixOptions extends SharedOptions {
  rows: string;
  cooccur?: boolean;
  value?: string;
  depth?: string;
  binary?: boolean;
  totals?: boolean;
}

export function matrixCommand(io: Io, colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('matrix')
    .description('theme matrices: groups x themes (default), documents x themes (--rows document), themes x themes (--cooccur)')
    .argument('<paths...>', 'transcript files or folders; - reads one transcript from standard input')
    .addOption(new Option('--rows <rows>', 'one row per group of the --by fields, or per document').choices(['group', 'document']).default('group'))
    .option('--cooccur', 'themes x themes: passages coded with both')
    .option('--value <value>', `cell value: ${MATRIX_VALUES.join('|')} (default passages); with --cooccur: ${COOCCUR_VALUES.join('|')}`)
    .option('--depth <n>', 'roll sub-themes up to this level (1: top-level themes only)')
    .option('--binary', '1 where the value is above 0, else 0')
    .option('--totals', 'CSV: end with the totals row, whose labels read (all) (JSON has it as `total`; the table and Markdown always show it)');
  addSharedOptions(command, MATRIX_FORMATS);
  addExamples(command, [
    ['areas x themes as CSV, for R, SPSS or Excel', 'obs matrix fixtures/big-local --meta fixtures/big-local-meta.csv --by area --out matrix.csv'],
    ['one row per document with its metadata, 1 where a theme is coded at all', 'obs matrix fixtures/big-local --meta fixtures/big-local-meta.csv --rows document --binary --out documents.csv'],
    ['which themes turn up in the same passages, as a table to read', 'obs matrix fixtures/big-local --cooccur --value jaccard --format table'],
  ]);
  return command.action(async (paths: string[], options: MatrixOptions) => done(await runMatrix(paths, options, io, colorLevel)));
}

export async function runMatrix(paths: string[], options: MatrixOptions, io: Io, colorLevel: 0 | 1 | 2 | 3): Promise<number> {
  const format = formatFor(options, MATRIX_FORMATS, 'csv', 'matrix');
  if (options.cooccur && options.rows === 'document') {
    throw new ObsError({ message: '--cooccur and --rows document do not go together', hint: 'co-occurrence is themes x themes; use --where to narrow it to some documents' });
  }
  const allowed: readonly string[] = options.cooccur ? COOCCUR_VALUES : MATRIX_VALUES;
  const value = options.value ?? 'passages';
  if (!allowed.includes(value)) {
    throw new ObsError({
      message: `--value must be one of ${allowed.join(', ')}${options.cooccur ? ' with --cooccur' : ''}, not "${value}"`,
      hint: options.cooccur ? 'jaccard and c are for --cooccur; the other values are for groups and documents' : 'jaccard and c need --cooccur',
    });
  }
  const depth = options.depth === undefined ? null : wholeNumber(options.depth, '--depth');
  if (depth === 0) throw new ObsError({ message: '--depth must be 1 or more', hint: '--depth 1 keeps top-level themes only' });

  const run = await openRun(paths, options, io, { needText: false });
  const { compiled, codebook, settings } = run;
  const kept = compiled.themes.filter((t) => depth === null || t.depth <= depth).map((t) => t.index);
  const byDocument = options.rows === 'document';
  const figures = new FigureCounter(byDocument ? [] : settings.by, compiled.themes, byDocument ? (p) => [String(p.doc)] : undefined);
  const cooccur = new CooccurrenceCounter(compiled.themes.length);
  const documents: Array<{ file: string; meta: Meta; coded: boolean }> = [];
  const documentCount = await run.each((passages, transcript) => {
    let coded = false;
    for (const { passage, coding } of passages) {
      if (!coding) continue;
      coded = true;
      figures.add(passage, coding);
      cooccur.add(coding);
    }
    documents.push({ file: transcript.file, meta: transcript.meta, coded });
  });
  if (!byDocument && !options.cooccur) warnMissing(run, figures, documentCount);

  const summary = runSummary(
    codebook,
    { documents: documentCount, ...figures.totals(), skipped: run.skipped() },
    options.cooccur || byDocument ? [] : settings.by,
    kept.map((t) => compiled.themes[t]!),
  );
  const ids = summary.themes.map((t) => t.id);
  let matrix: Matrix;
  if (options.cooccur) {
    matrix = {
      ...summary,
      kind: 'cooccur',
      value: value as CooccurValue,
      binary: options.binary ?? false,
      depth,
      labelColumns: ['theme'],
      countColumns: [],
      themeColumns: themeColumnNames(ids, ['theme']),
      rows: cooccur.rows(compiled.themes, kept, value as CooccurValue, options.binary ?? false),
    };
  } else {
    const cellSettings = { value: value as MatrixValue, binary: options.binary ?? false, themes: kept };
    // Documents whose every passage a --where filter left out are not rows; documents with no respondent text are.
    const shown = documents.map((d, doc) => ({ ...d, doc })).filter((d) => d.coded || settings.where.length === 0);
    const wide = wideRows(figures.rows(), compiled.themes.length, cellSettings, (group) => (group.length === 0 || group[0] === ALL ? [] : group));
    const { total } = wide;
    const { metaFields, rows: finalRows } = byDocument ? documentRows(wide.rows, shown, kept.length) : { metaFields: [], rows: wide.rows };
    // --by never names a count column (options.ts refuses it); a document's own fields may, and are renamed.
    const labelColumns = byDocument ? ['file', ...prefixClashes(metaFields, ['file', ...COUNT_COLUMNS], 'meta_')] : settings.by;
    matrix = {
      ...summary,
      kind: byDocument ? 'documents' : 'groups',
      value: value as MatrixValue,
      binary: options.binary ?? false,
      depth,
      labelColumns,
      countColumns: COUNT_COLUMNS,
      themeColumns: themeColumnNames(ids, [...labelColumns, ...COUNT_COLUMNS]),
      rows: finalRows,
      // Documents with no respondent text are rows too, so they count in the total.
      total: { ...total, counts: byDocument ? [finalRows.length, ...total.counts.slice(1)] : total.counts, labels: labelColumns.map((_, i) => (byDocument && i > 0 ? '' : ALL)) },
    };
  }
  await run.emit(renderMatrix(matrix, format, { colorLevel: options.out && options.out !== STDOUT ? 0 : colorLevel, totals: options.totals ?? false }));
  return 0;
}
