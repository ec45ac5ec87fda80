// GitHub-flavoured Markdown: the frequency table and quotes, matched terms in bold.
import type { CodeReport } from '../aggregate/report.js';
import { escapeMd } from './md-escape.js';
import { renderQuotesMd } from './quotes.js';
import { summaryLine } from './summary.js';
import { figureCells } from './table.js';

export { escapeMd };

export function renderMd(report: CodeReport): string {
  const { codebook, corpus } = report;
  const out: string[] = [
    `# ${escapeMd(codebook.name)}${codebook.version ? ` ${escapeMd(codebook.version)}` : ''}`,
    '',
    `${summaryLine(report, ', ')}.`,
    '',
  ];
  const header = [...report.by.map(escapeMd), 'theme', 'documents', 'passages', 'passages_total', 'share', 'hits', 'per_1k_words'];
  out.push(`| ${header.join(' | ')} |`);
  out.push(`|${header.map((_, i) => (i < report.by.length + 1 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of report.rows) {
    const cells = [
      ...r.group.map((v) => (r.total ? '**total**' : escapeMd(v))),
      escapeMd(r.theme),
      ...figureCells(r),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  if (report.quotes.length > 0) out.push('## Quotes', '', renderQuotesMd(report, 3));
  return out.join('\n');
}
