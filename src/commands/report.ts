// `obs report`: the coded corpus as one self-contained HTML page of charts, tables and quotes.
import { Command } from 'commander';
import { FigureCounter, type FigureRow } from '../aggregate/figures.js';
import { UNKNOWN, compareValues } from '../aggregate/groups.js';
import { CooccurrenceCounter } from '../aggregate/matrix.js';
import { EXTRACT_WORDS, QuotePicker } from '../aggregate/quotes.js';
import type { Io } from '../io.js';
import type { LineChart } from '../render/charts.js';
import { renderReportHtml, type ReportTheme } from '../render/report-html.js';
import { version } from '../version.js';
import { openRun } from './corpus-run.js';
import { addExamples, addSharedOptions, formatFor, wholeNumber, type SharedOptions } from './options.js';
import { codebookInfo } from '../aggregate/report.js';

interface ReportOptions extends SharedOptions {
  title?: string;
  lines: string;
  quotes: string;
}

export function reportCommand(io: Io, _colorLevel: 0 | 1 | 2 | 3, done: (code: number) => void): Command {
  const command = new Command('report')
    .description('one self-contained HTML page: themes by area, trends by year, co-occurrence and quotes')
    .argument('<paths...>', 'transcript files or folders')
    .option('--title <text>', 'the page title', 'Themes in the transcripts')
    .option('--lines <n>', 'areas drawn in each trend chart, the largest first', '6')
    .option('--quotes <n>', 'quotes per theme', '3');
  addSharedOptions(command, ['html']);
  addExamples(command, [
    ['the whole corpus on one page, by area and year; open it in a browser', 'obs report fixtures/big-local --meta fixtures/big-local-meta.csv --out report.html'],
    ['the conversations from 2019 on, under a title of your own', 'obs report fixtures/big-local --meta fixtures/big-local-meta.csv --where year=2019.. --title "Big Local since 2019" --out since-2019.html'],
  ]);
  return command.action(async (paths: string[], options: ReportOptions) => done(await runReport(paths, options, io)));
}

export async function runReport(paths: string[], options: ReportOptions, io: Io): Promise<number> {
  formatFor(options, ['html'] as const, 'html', 'report');
  const lines = wholeNumber(options.lines, '--lines');
  const quoteLimit = wholeNumber(options.quotes, '--quotes');
  const run = await openRun(paths, options, io);
  const { compiled, codebook, settings } = run;
  // Groups are the first --by field (area by default); time is the year.
  const field = settings.by.find((f) => f !== 'year') ?? settings.by[0]!;
  const byGroup = new FigureCounter([field], compiled.themes);
  const byGroupYear = new FigureCounter([field, 'year'], compiled.themes);
  const byYear = new FigureCounter(['year'], compiled.themes);
  const cooccur = new CooccurrenceCounter(compiled.themes.length);
  const quotes = new QuotePicker(compiled.themes, { limit: quoteLimit, by: [], context: 0, words: EXTRACT_WORDS, themes: compiled.themes.map((t) => t.index), uncoded: false });
  const documents = await run.each((passages) => {
    for (const { passage, coding } of passages) {
      if (!coding) continue;
      byGroup.add(passage, coding);
      byGroupYear.add(passage, coding);
      byYear.add(passage, coding);
      cooccur.add(coding);
    }
    quotes.addDocument(passages);
  });

  const themes = compiled.themes;
  const groupRows = byGroup.rows().filter((r) => !r.total);
  const groups = [...new Set(groupRows.map((r) => r.group[0]!))];
  const cell = (rows: FigureRow[], key: (r: FigureRow) => boolean) => rows.find(key);
  const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
  // Sub-themes are marked, since leading spaces collapse in SVG text.
  const indent = (t: (typeof themes)[number]) => `${'› '.repeat(t.depth - 1)}${t.label}`;
  const heatmap = {
    id: 'heatmap',
    title: `Share of respondent passages coded with each theme, by ${field}`,
    description: `A grid of ${themes.length} themes by ${groups.length} values of ${field}; darker cells mean a larger share of the group's respondent passages. Each cell shows the share.`,
    rows: themes.map(indent),
    columns: groups,
    values: themes.map((t) => groups.map((g) => cell(groupRows, (r) => r.theme === t.id && r.group[0] === g)?.share ?? 0)),
    labels: themes.map((t) => groups.map((g) => pct(cell(groupRows, (r) => r.theme === t.id && r.group[0] === g)?.share ?? 0))),
  };
  const co = cooccur.rows(themes, themes.map((t) => t.index), 'jaccard', false);
  const cooccurMap = {
    id: 'cooccur',
    title: 'How often two themes are coded in the same passage (Jaccard)',
    description: 'For each pair of themes, the passages coded with both as a share of the passages coded with either; a sub-theme always sits inside its parent.',
    rows: themes.map(indent),
    columns: themes.map((t) => t.id),
    values: co.map((r) => r.cells.map((c) => c.value)),
    labels: co.map((r) => r.cells.map((c) => c.value.toFixed(2))),
  };

  const yearRows = byYear.rows().filter((r) => !r.total);
  const years = [...new Set(yearRows.map((r) => r.group[0]!))].filter((y) => y !== UNKNOWN).sort(compareValues);
  const gyRows = byGroupYear.rows().filter((r) => !r.total);
  // The largest groups by respondent passages get a line each; the overall trend is drawn in bold.
  const largest = groups
    .map((g) => ({ g, n: groupRows.find((r) => r.group[0] === g)?.passages_total ?? 0 }))
    .sort((a, b) => b.n - a.n || compareValues(a.g, b.g))
    .slice(0, lines)
    .map((x) => x.g);
  const allQuotes = quotes.quotes();
  const reportThemes: ReportTheme[] = themes.map((t) => {
    const trend: LineChart = {
      id: `trend-${t.index}`,
      title: `${t.label}: share of passages by year`,
      description: `The share of respondent passages coded with ${t.label} in each year, overall (bold) and for the ${largest.length} largest values of ${field}.`,
      xs: years,
      series: [
        { name: 'all', bold: true, values: years.map((y) => yearRows.find((r) => r.theme === t.id && r.group[0] === y)?.share ?? null) },
        ...largest.map((g) => ({ name: g, values: years.map((y) => gyRows.find((r) => r.theme === t.id && r.group[0] === g && r.group[1] === y)?.share ?? null) })),
      ],
    };
    return {
      id: t.id,
      label: t.label,
      depth: t.depth,
      description: t.theme.description ?? '',
      keywords: [...t.theme.keywords.map((k) => k.text), ...t.theme.near.map((n) => `near(${n.all.map((a) => a.text).join(', ')}; ${n.within})`)],
      quotes: allQuotes.filter((q) => q.theme === t.id),
      trend,
    };
  });
  const totals = byGroup.totals();
  await run.emit(
    renderReportHtml({
      title: options.title ?? 'Themes in the transcripts',
      generated: { obsVersion: version(), codebook: codebookInfo(codebook) },
      corpus: { documents, passages: totals.passages, words: totals.words, skipped: run.skipped() },
      groupField: field,
      heatmap,
      cooccur: cooccurMap,
      themes: reportThemes,
    }),
  );
  return 0;
}
