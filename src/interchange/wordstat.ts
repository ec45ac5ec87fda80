// WordStat .cat dictionaries: categories and entries nested by leading tabs; an entry ends in its weight, ` (1)`.
import { checkDepth, dictionaryImport, dictionaryInput, dictionaryKeyword, draftTheme, type DraftTheme, type Imported } from './draft.js';

const ENTRY = /^(.*?)\s*\((\d+)\)$/;

export function readWordstat(bytes: Uint8Array, file: string): Imported {
  const { lines, sink } = dictionaryInput(bytes, file);
  const top: DraftTheme[] = [];
  const stack: Array<{ depth: number; theme: DraftTheme }> = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    // Tabs count the level; some files put spaces before them (quanteda's issue-459.cat).
    const depth = (/^\s*/.exec(raw)![0].match(/\t/g) ?? []).length;
    const text = raw.trim();
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const owner = stack[stack.length - 1]?.theme;
    const entry = ENTRY.exec(text);
    if (entry) {
      if (!owner) {
        sink.skip(`entry "${text}" stands before any category; skipped`, i + 1, 'indent entries with tabs under a category line');
        return;
      }
      // WordStat writes entries in capitals and joins the words of a phrase with `_`.
      const pattern = entry[1]!.toLowerCase().replace(/_/g, ' ');
      sink.add(owner, entry[1]!, dictionaryKeyword(pattern), i + 1);
      return;
    }
    checkDepth(stack.length + 1, file, text, i + 1);
    const theme = draftTheme(text);
    (owner ? owner.themes : top).push(theme);
    stack.push({ depth, theme });
  });
  return dictionaryImport(file, 'WordStat', top, sink, 'a WordStat .cat has category lines, with entries like "WORD* (1)" indented under them by tabs');
}
