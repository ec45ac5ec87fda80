// Markdown escaping for transcript text and table cells.

/**
 * Characters that would start Markdown syntax inside transcript text or table cells, and what
 * turns the start of a line into a list or a quote (`- we got`, `1. The money`).
 */
export function escapeMd(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_[\]<>|#~&])/g, '\\$1')
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
