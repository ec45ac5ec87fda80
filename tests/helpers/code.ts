// Code one text against a codebook written inline, the way the tests state a rule.
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { compileCodebook } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';

export function compile(yaml: string) {
  return compileCodebook(parseCodebookOrThrow(yaml, 'test.yaml'));
}

/** Hits per coded theme id; a theme that is not coded is absent. */
export function hitsFor(yaml: string, text: string): Record<string, number> {
  const compiled = compile(yaml);
  const { themes } = codeText(compiled, text);
  const out: Record<string, number> = {};
  for (const [t, coding] of themes) out[compiled.themes[t]!.id] = coding.hits.length;
  return out;
}

/** The matched stretches of the original text for one theme. */
export function matchedText(yaml: string, text: string, id: string): string[] {
  const compiled = compile(yaml);
  const index = compiled.themes.findIndex((t) => t.id === id);
  const coding = codeText(compiled, text).themes.get(index);
  return coding ? coding.hits.map((h) => text.slice(h.start, h.end)) : [];
}

/** A one-theme codebook with the given keywords and extra theme lines. */
export function oneTheme(keywords: string[], extra = '', top = ''): string {
  return `name: t\n${top}themes:\n  - id: a\n    label: A\n    keywords: ${JSON.stringify(keywords)}\n${extra}`;
}
