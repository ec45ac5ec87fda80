// Plain text tables for the terminal: columns padded to their widest cell, numbers right-aligned.

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

const BREAKS = /\r\n|[\n\r\t\v\f\u2028\u2029]/g;

/** A line break or tab inside a value (metadata can hold one) would break a row or a heading: shown as a space. */
export function oneLine(s: string): string {
  return s.replace(BREAKS, ' ');
}

export function textTable(columns: readonly Column[], given: ReadonlyArray<ReadonlyArray<string>>, rule: (row: number) => boolean = () => false): string {
  const rows = given.map((r) => r.map(oneLine));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(cell));
        return columns[i]!.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const separator = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [line(columns.map((c) => c.header)), separator];
  rows.forEach((r, i) => {
    if (rule(i)) out.push(separator);
    out.push(line(r));
  });
  return `${out.join('\n')}\n`;
}
