// One JSON object per passage, for analysis outside obs.
import { leadingTheme } from '../aggregate/leading.js';
import type { CompiledTheme } from '../match/compile.js';
import type { CodedPassage } from '../pipeline.js';

export function passageLine(coded: CodedPassage, themes: readonly CompiledTheme[]): string {
  const { passage, coding } = coded;
  const hits: Record<string, number> = {};
  if (coding) for (const [t, c] of coding.themes) hits[themes[t]!.id] = c.hits.length;
  const leading = leadingTheme(coding, themes);
  return `${JSON.stringify({
    file: passage.file,
    line: passage.line,
    speaker: passage.speaker,
    start: passage.start,
    words: coding?.words ?? 0,
    meta: passage.meta,
    themes: hits,
    leading: leading === undefined ? null : themes[leading]!.id,
    text: passage.text,
  })}\n`;
}
