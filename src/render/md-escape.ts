// Markdown escaping for transcript text and table cells.
import { inertName } from './inert.js';

/**
 * Characters that would start Markdown syntax inside transcript text or table cells, and what
 * turns the start of a line into a list or a quote (`- we got`, `1. The money`). A line break of
 * any kind (CR alone too) would end a table row or a heading, so it reads as a space; other
 * controls are escaped first (see inert.ts), and their backslash escaped in turn so it shows.
 */
export function escapeMd(text: string): string {
  return inertName(text.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ').replace(/[\t\v\f]/g, ' '))
    .replace(/([\\`*_[\]<>|#~&])/g, '\\$1')
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
