// One JSON object per passage, for analysis outside obs: what was read, what it was coded with and why.
import { leadingTheme } from '../aggregate/leading.js';
import { clockSeconds } from '../clock.js';
import type { CompiledTheme } from '../match/compile.js';
import type { CodedPassage } from '../pipeline.js';
import { jsonMeta } from './json-value.js';

export function passageLine(coded: CodedPassage, id: string, themes: readonly CompiledTheme[]): string {
  const { passage, coding } = coded;
  const counts: Record<string, number> = {};
  const hits: Array<{ theme: string; rule: string; text: string; start: number; end: number }> = [];
  const at = codePointOffsets(passage.text);
  // Themes in codebook order, whatever order the engine settled them in; a parent lists its sub-themes' hits too.
  for (const t of [...(coding?.themes.keys() ?? [])].sort((a, b) => a - b)) {
    const theme = coding!.themes.get(t)!;
    const name = themes[t]!.id;
    counts[name] = theme.hits.length;
    for (const h of theme.hits) hits.push({ theme: name, rule: h.term, text: passage.text.slice(h.start, h.end), start: at(h.start), end: at(h.end) });
  }
  const leading = leadingTheme(coding, themes);
  return `${lineSafe({
    id,
    file: passage.file,
    line: passage.line,
    speaker: passage.speaker,
    start: passage.start,
    start_seconds: clockSeconds(passage.start),
    words: coding?.words ?? 0,
    meta: jsonMeta(passage.meta),
    themes: counts,
    leading: leading === undefined ? null : themes[leading]!.id,
    hits,
    text: passage.text,
  })}\n`;
}

/**
 * JSON as JSON.stringify writes it, with U+2028, U+2029 and U+0085 escaped: JSON allows them raw
 * in a string, but Python's splitlines() and other readers that split on Unicode line breaks
 * would cut the line there.
 */
function lineSafe(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Offsets as Python and R count a string, by character (code point): JavaScript counts UTF-16
 * units, and an emoji takes two of them. Text with no such character maps each offset to itself.
 */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  return (offset) => Array.from(text.slice(0, offset)).length;
}
