// One JSON object per passage, for analysis outside obs.
import type { CompiledTheme } from '../match/compile.js';
import type { CodedPassage } from '../pipeline.js';

export function passageLine(coded: CodedPassage, themes: readonly CompiledTheme[]): string {
  const { passage, coding } = coded;
  const hits: Record<string, number> = {};
  if (coding) for (const [t, c] of coding.themes) hits[themes[t]!.id] = c.hits.length;
  return `${JSON.stringify({
    file: passage.file,
    line: passage.line,
    speaker: passage.speaker,
    start: passage.start,
    words: coding?.words ?? 0,
    meta: passage.meta,
    themes: hits,
    text: passage.text,
  })}\n`;
}
