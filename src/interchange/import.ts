// Another tool's codebook or dictionary -> obs codebook YAML, with what could not be kept said as warnings.
import path from 'node:path';
import type { Problem } from '../errors.js';
import { allDrafts } from './draft.js';
import { readImport, type ImportFormat } from './formats.js';
import { assignIds, codebookYaml } from './to-yaml.js';

export interface ImportResult {
  yaml: string;
  warnings: Problem[];
  format: string;
  themes: number;
  keywords: number;
  skipped: number;
}

export async function importCodebook(format: ImportFormat, bytes: Uint8Array, file: string): Promise<ImportResult> {
  const imported = await readImport(format, bytes, file);
  const warnings = [...imported.warnings];
  for (const { theme, wanted } of assignIds(imported.codebook.themes)) {
    warnings.push({ file, message: `theme "${theme.label}": id "${wanted}" is not a valid obs id or is taken; it is "${theme.id}"` });
  }
  const comment = [`Imported by obs import from ${path.basename(file)} (${imported.format}).`, ...(imported.note ? [imported.note] : [])].join('\n');
  const themes = allDrafts(imported.codebook.themes);
  return {
    yaml: codebookYaml(imported.codebook, comment, file),
    warnings,
    format: imported.format,
    themes: themes.length,
    keywords: themes.reduce((n, t) => n + t.keywords.length, 0),
    skipped: imported.skipped,
  };
}
