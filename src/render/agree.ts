// Agreement tables: per comparison and theme, the confusion counts and the measures built on them.
import { Chalk } from 'chalk';
import type { Comparison, ThemeAgreement } from '../agree/compare.js';
import { toCsv } from './csv.js';
import { inertName } from './inert.js';
import { textTable } from './text-table.js';

export const AGREE_FORMATS = ['table', 'csv', 'json'] as const;
export type AgreeFormat = (typeof AGREE_FORMATS)[number];

export interface AgreeReport {
  codebook: { name: string; version: string; sha256: string };
  gold: string;
  themes: string[];
  comparisons: Comparison[];
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

const CSV_COLUMNS = ['coder_a', 'coder_b', 'theme', 'documents', 'passages', 'both', 'a_only', 'b_only', 'neither', 'precision', 'recall', 'f1', 'kappa', 'passages_coded', 'kappa_coded'];

function fields(c: Comparison, t: ThemeAgreement): Array<string | number | null> {
  const { all, coded } = t;
  // The overall row pools every theme's decisions, so its counts add up to passages x themes.
  return [c.a, c.b, t.theme, c.documents, c.passages, all.both, all.aOnly, all.bOnly, all.neither, round(all.precision), round(all.recall), round(all.f1), round(all.kappa), c.passagesCoded, round(coded.kappa)];
}

export function renderAgree(report: AgreeReport, format: AgreeFormat, colorLevel: 0 | 1 | 2 | 3): string {
  const rows = report.comparisons.flatMap((c) => [...c.themes, c.overall].map((t) => fields(c, t)));
  switch (format) {
    case 'csv':
      return toCsv(CSV_COLUMNS, rows.map((r) => r.map((v) => v ?? '')));
    case 'json':
      return `${JSON.stringify({ version: 1, codebook: report.codebook, gold: report.gold, themes: report.themes, rows: rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, r[i]]))) }, null, 2)}\n`;
    case 'table':
      return renderTable(report, colorLevel);
  }
}

function renderTable(report: AgreeReport, colorLevel: 0 | 1 | 2 | 3): string {
  const c = new Chalk({ level: colorLevel });
  const out: string[] = [];
  const num = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits));
  for (const comparison of report.comparisons) {
    const { a, b, overall } = comparison;
    out.push(
      c.bold(inertName(`${a} vs ${b}`)) +
        c.dim(` · ${comparison.documents} documents · ${comparison.passages} passages, ${comparison.passagesCoded} coded by either`),
      '',
    );
    const columns = [
      { header: 'theme', align: 'left' as const },
      { header: 'both', align: 'right' as const },
      { header: `${a} only`, align: 'right' as const },
      { header: `${b} only`, align: 'right' as const },
      { header: 'neither', align: 'right' as const },
      { header: 'precision', align: 'right' as const },
      { header: 'recall', align: 'right' as const },
      { header: 'F1', align: 'right' as const },
      { header: 'kappa', align: 'right' as const },
      { header: 'kappa (coded)', align: 'right' as const },
    ];
    const lines = [...comparison.themes, overall].map((t) => [
      t.theme,
      String(t.all.both),
      String(t.all.aOnly),
      String(t.all.bOnly),
      String(t.all.neither),
      num(t.all.precision),
      num(t.all.recall),
      num(t.all.f1),
      num(t.all.kappa),
      num(t.coded.kappa),
    ]);
    out.push(textTable(columns, lines, (i) => i === lines.length - 1));
  }
  return out.join('\n');
}
