// "Lints clean" for an imported codebook: obs lint finds no error in it (warnings allowed), and it
// parses into a codebook whose ids are unique and whose themes all have a label.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { flattenThemes, type Codebook } from '../../src/codebook/types.js';
import { lintText } from '../../src/lint/index.js';
import { runObs, tempCorpus } from '../helpers/run.js';

export function expectCleanCodebook(yaml: string): Codebook {
  const lint = lintText(yaml, 'imported.yaml').result;
  expect(lint.messages.filter((m) => m.severity === 'error')).toEqual([]);
  const { codebook, problems } = parseCodebook(yaml, 'imported.yaml');
  expect(problems).toEqual([]);
  const themes = flattenThemes(codebook!.themes);
  expect(new Set(themes.map((t) => t.id)).size).toBe(themes.length);
  for (const theme of themes) {
    expect(theme.label.trim()).not.toBe('');
    const words = theme.keywords.map((k) => k.text);
    expect(new Set(words).size, `a keyword twice in ${theme.id}`).toBe(words.length);
  }
  return codebook!;
}

/** Codes the example corpus with the codebook and returns obs code's exit code and output. */
export async function codeExample(yaml: string) {
  const dir = tempCorpus({ 'codebook.yaml': yaml });
  return runObs(['code', path.resolve('fixtures/big-local'), '--codebook', path.join(dir, 'codebook.yaml'), '--format', 'json', '--quotes', '0']);
}

/** Imports a file through the CLI into a temporary folder and returns the YAML. */
export async function importFile(file: string, extra: string[] = []) {
  const dir = tempCorpus({});
  const out = path.join(dir, 'imported.yaml');
  const r = await runObs(['import', file, '--out', out, ...extra]);
  return { ...r, out, dir };
}

export function writeTemp(name: string, content: string | Buffer): string {
  const dir = tempCorpus({});
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
