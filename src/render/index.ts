// One formatter per --format value for `obs code`.
import type { CodeReport } from '../aggregate/report.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMd } from './md.js';
import { renderTable, type TableOptions } from './table.js';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: CodeReport, format: ReportFormat, options: TableOptions): string {
  switch (format) {
    case 'csv':
      return renderCsv(report);
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMd(report);
    case 'table':
      return renderTable(report, options);
  }
}
