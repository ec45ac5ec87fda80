// GitHub-flavoured Markdown: the frequency table and quotes, matched terms in bold.
import { ALL } from '../aggregate/groups.js';
import type { CodeReport } from '../aggregate/report.js';
import { figureCells, quoteSource } from './table.js';

/** Characters that would start Markdown syntax inside transcript text or table cells. */
export function escapeMd(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

export function renderMd(report: CodeReport): string {
  const { codebook, corpus } = report;
  const out: string[] = [
    `# ${escapeMd(codebook.name)}${codebook.version ? ` ${escapeMd(codebook.version)}` : ''}`,
    '',
    `${corpus.documents} documents, ${corpus.passages} passages, ${corpus.words} respondent words` +
      (corpus.skipped > 0 ? `, ${corpus.skipped} files skipped` : '') +
      '.',
    '',
  ];
  const header = [...report.by, 'theme', 'documents', 'passages', 'passages_total', 'share', 'hits', 'per_1k_words'];
  out.push(`| ${header.join(' | ')} |`);
  out.push(`|${header.map((_, i) => (i < report.by.length + 1 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of report.rows) {
    const cells = [
      ...r.group.map((v) => (v === ALL ? '**total**' : escapeMd(v))),
      escapeMd(r.theme),
      ...figureCells(r),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  if (report.quotes.length > 0) {
    out.push('## Quotes', '');
    for (const theme of report.themes) {
      const quotes = report.quotes.filter((q) => q.theme === theme.id);
      if (quotes.length === 0) continue;
      out.push(`### ${escapeMd(theme.id)}: ${escapeMd(theme.label)}`, '');
      for (const q of quotes) {
        const text = q.extract.map((p) => (p.hit ? `**${escapeMd(p.text)}**` : escapeMd(p.text))).join('');
        out.push(`> ${text}`, `>`, `> — ${escapeMd(quoteSource(q))}`, '');
      }
    }
  }
  return out.join('\n');
}
