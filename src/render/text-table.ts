// Plain text tables for the terminal: columns padded to their widest cell, numbers right-aligned.
import { oneLine } from './inert.js';

export { oneLine };

export interface Column {
  header: string;
  align: 'left' | 'right';
}

/** Width on screen: combining marks take none, East Asian wide characters two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    if (/\p{M}/u.test(ch)) continue;
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  }
  return w;
}

/** Colours a cell after it was made inert: the only control sequences in a table are the ones painted here. */
export type Paint = (cell: string, row: number, column: number) => string;

/**
 * Every cell and header is data, so each is made one line and inert (see oneLine) before it is
 * measured; colour, if any, comes from `paint`, never from a cell's own text.
 */
export function textTable(columns: readonly Column[], given: ReadonlyArray<ReadonlyArray<string>>, rule: (row: number) => boolean = () => false, paint?: Paint): string {
  const headers = columns.map((c) => oneLine(c.header));
  const rows = given.map((r) => r.map(oneLine));
  const widths = columns.map((_, i) => Math.max(displayWidth(headers[i]!), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: ReadonlyArray<string>, row?: number) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(cell));
        const shown = paint && row !== undefined ? paint(cell, row, i) : cell;
        return columns[i]!.align === 'right' ? pad + shown : shown + pad;
      })
      .join('  ')
      .trimEnd();
  const separator = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [line(headers), separator];
  rows.forEach((r, i) => {
    if (rule(i)) out.push(separator);
    out.push(line(r, i));
  });
  return `${out.join('\n')}\n`;
}
