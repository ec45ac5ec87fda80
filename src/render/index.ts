// One formatter per --format value for `obs code`.
import type { CodeReport } from '../aggregate/report.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMd } from './md.js';
import { renderTable, type TableOptions } from './table.js';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: CodeReport, format: ReportFormat, options: TableOptions & { totals?: boolean }): string {
  // CSV and JSON are data for R, pandas and Excel: a totals row among them would be summed twice.
  const data = options.totals ? report : { ...report, rows: report.rows.filter((r) => !r.total) };
  switch (format) {
    case 'csv':
      return renderCsv(data);
    case 'json':
      return renderJson(data);
    case 'md':
      return renderMd(report);
    case 'table':
      return renderTable(report, options);
  }
}
