// Markdown escaping for transcript text and table cells.

/** Characters that would start Markdown syntax inside transcript text or table cells. */
export function escapeMd(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}
