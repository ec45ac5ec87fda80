// For people: per file, each finding as line:col, severity, message and check id, then a total.
import { Chalk } from 'chalk';
import { inertName } from '../../render/inert.js';
import { textTable } from '../../render/text-table.js';
import type { LintResult } from '../rule.js';

export function stylish(results: readonly LintResult[], colorLevel: 0 | 1 | 2 | 3): string {
  const c = new Chalk({ level: colorLevel });
  const out: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push(c.underline(inertName(r.filePath)));
    // Messages quote keywords and labels from the codebook: the table makes them inert, and colour is
    // painted on afterwards, so only obs's own colours reach the terminal.
    const rows = r.messages.map((m) => [`  ${m.line}:${m.column}`, m.severity, inertName(m.message), m.ruleId]);
    const paint = (cell: string, _row: number, column: number) =>
      column === 1 ? (cell === 'error' ? c.red(cell) : c.yellow(cell)) : column === 3 ? c.dim(cell) : cell;
    const table = textTable(
      [
        { header: '', align: 'left' },
        { header: '', align: 'left' },
        { header: '', align: 'left' },
        { header: '', align: 'left' },
      ],
      rows,
      undefined,
      paint,
    );
    // The table's header and rule lines are for figures; findings read better without them.
    out.push(...table.split('\n').slice(2).filter((l) => l !== ''), '');
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors + warnings > 0) {
    const total = `✖ ${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push((errors > 0 ? c.red.bold : c.yellow.bold)(total), '');
  }
  return out.join('\n');
}
