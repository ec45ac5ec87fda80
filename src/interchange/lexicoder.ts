// Lexicoder .lc3 dictionaries: a `+Category` line, then that category's words and phrases, one a line.
import { dictionaryImport, dictionaryInput, dictionaryKeyword, draftTheme, type DraftTheme, type Imported } from './draft.js';

export function readLexicoder(bytes: Uint8Array, file: string): Imported {
  const { lines, sink } = dictionaryInput(bytes, file);
  const themes: DraftTheme[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    if (text.startsWith('+')) {
      themes.push(draftTheme(text.slice(1).trim() || `category ${themes.length + 1}`));
      return;
    }
    const theme = themes[themes.length - 1];
    if (theme) sink.add(theme, text, dictionaryKeyword(text), i + 1);
    else sink.skip(`"${text}" stands before any +category line; skipped`, i + 1, 'start each category with a line "+Name"');
  });
  return dictionaryImport(file, 'Lexicoder', themes, sink, 'a Lexicoder .lc3 starts each category with a line "+Name"');
}
