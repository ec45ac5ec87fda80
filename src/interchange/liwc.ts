// LIWC .dic dictionaries: `%`, one `number<TAB>name` line per category (tabs before the number nest it), `%`, then `word<TAB>numbers`.
import { ObsError, type Problem } from '../errors.js';
import { flattenThemes, type Codebook, type Theme } from '../codebook/types.js';
import { checkDepth, dictionaryImport, dictionaryInput, dictionaryKeyword, draftTheme, type DraftTheme, type Imported } from './draft.js';
import { lostInExport } from './lost.js';

const CATEGORY = /^(\t*)\s*(\d+)\s+(\S.*?)\s*$/;
const VALID_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

export function readLiwc(bytes: Uint8Array, file: string): Imported {
  const { lines, sink } = dictionaryInput(bytes, file);
  const marks = lines.flatMap((l, i) => (l.trim() === '%' ? [i] : []));
  if (marks.length < 2) {
    throw new ObsError({
      file,
      message: 'is not a LIWC dictionary: no list of categories between two `%` lines',
      hint: 'a LIWC .dic starts with a `%` line, one "number<TAB>name" line per category, another `%` line, then one "word<TAB>numbers" line per word',
    });
  }
  const [open, close] = [marks[0]!, marks[1]!];

  const byNumber = new Map<number, DraftTheme>();
  const parentOf = new Map<DraftTheme, DraftTheme>();
  const top: DraftTheme[] = [];
  const stack: Array<{ depth: number; theme: DraftTheme }> = [];
  for (let i = open + 1; i < close; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const m = CATEGORY.exec(line);
    if (!m) {
      sink.warn(`"${line.trim()}" is not a category line ("number<TAB>name"); skipped`, i + 1);
      continue;
    }
    const [depth, number, name] = [m[1]!.length, Number(m[2]), m[3]!];
    if (byNumber.has(number)) {
      sink.warn(`category number ${number} is used twice; "${name}" skipped`, i + 1, 'give every category its own number');
      continue;
    }
    const theme = draftTheme(name);
    // LIWC category names are column names, like obs ids: keep them where obs accepts them.
    if (VALID_ID.test(name)) theme.id = name;
    byNumber.set(number, theme);
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    checkDepth(stack.length + 1, file, name, i + 1);
    const parent = stack[stack.length - 1]?.theme;
    if (parent) {
      parent.themes.push(theme);
      parentOf.set(theme, parent);
    } else top.push(theme);
    stack.push({ depth, theme });
  }

  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.includes('<of>')) {
      sink.skip(`"${line}" uses LIWC's <of> rule, which obs does not have; skipped`, i + 1);
      continue;
    }
    const entry = splitEntry(line);
    if (!entry) {
      if (!line.startsWith('#') && !line.startsWith('//')) sink.skip(`"${line}" has no category numbers; skipped`, i + 1, 'write the word, a tab, then its category numbers');
      continue;
    }
    if (entry.conditional) sink.warn(`"${entry.word}" has conditional category codes (LIWC 2007), which obs does not have; only its plain category numbers are kept`, i + 1);
    const keyword = dictionaryKeyword(entry.word);
    for (const number of entry.numbers) {
      const theme = byNumber.get(number);
      if (theme) sink.add(theme, entry.word, keyword, i + 1);
      else sink.warn(`"${entry.word}": category ${number} is not in the list at the top; left out of it`, i + 1);
    }
  }

  // A LIWC parent lists its sub-categories' words again; obs counts them for the parent already.
  const below = new Map<DraftTheme, Set<string>>();
  for (const [child, parent] of parentOf) {
    for (let p: DraftTheme | undefined = parent; p; p = parentOf.get(p)) {
      let words = below.get(p);
      if (!words) below.set(p, (words = new Set()));
      for (const k of child.keywords) words.add(k);
    }
  }
  for (const [p, words] of below) p.keywords = p.keywords.filter((k) => !words.has(k));

  return dictionaryImport(file, 'LIWC', top, sink, 'add one "number<TAB>name" line per category between the `%` lines');
}

/** `word<TAB>1 2`; without a tab, the trailing numbers are the categories (MFD 1.0 pads with spaces). */
function splitEntry(line: string): { word: string; numbers: number[]; conditional: boolean } | undefined {
  let word: string;
  let codes: string;
  const tab = line.indexOf('\t');
  if (tab >= 0) {
    word = line.slice(0, tab).trim();
    codes = line.slice(tab + 1);
  } else {
    const m = /^(.+?)((?:\s+\d+)+)$/.exec(line);
    if (!m) return undefined;
    word = m[1]!.trim();
    codes = m[2]!;
  }
  // LIWC 2007's `(02 134)125/464`: a category that depends on the word before; only plain numbers are kept.
  const plain = codes.replace(/\([^)]*\)\S*/g, ' ');
  const tokens = plain.split(/\s+/).filter((t) => t !== '');
  const numbers = tokens.filter((t) => /^\d+$/.test(t)).map(Number);
  const conditional = plain !== codes || numbers.length < tokens.length;
  if (word === '' || (numbers.length === 0 && !conditional)) return undefined;
  return { word, numbers, conditional };
}

/**
 * A codebook as a LIWC dictionary. Sub-themes nest under their parent with tabs, as LIWC 2015
 * writes its hierarchy, and each word is listed under its theme and every parent of it, so LIWC
 * counts a parent the way obs does.
 */
export function writeLiwc(codebook: Codebook, shown: string): { text: string; warnings: Problem[] } {
  const themes = flattenThemes(codebook.themes);
  const number = new Map(themes.map((t, i) => [t, i + 1]));
  const parent = new Map<Theme, Theme>();
  for (const t of themes) for (const c of t.themes) parent.set(c, t);
  const depth = (t: Theme): number => (parent.has(t) ? 1 + depth(parent.get(t)!) : 0);

  const header = themes.map((t) => `${'\t'.repeat(depth(t))}${number.get(t)}\t${t.id}`);
  const words = new Map<string, Set<number>>();
  const warnings: Problem[] = [];
  const stemmed: string[] = [];
  for (const theme of themes) {
    for (const keyword of theme.keywords) {
      const { word, stems } = liwcWord(keyword.text, theme.stem);
      if (stems) stemmed.push(keyword.text);
      if (/\s\d+$/.test(word)) {
        warnings.push({ file: shown, line: keyword.line, col: keyword.col, message: `"${word}" ends in a number: obs reads it back, but LIWC readers that split on spaces (quanteda) take the number for a category` });
      }
      const numbers = words.get(word) ?? new Set<number>();
      for (let t: Theme | undefined = theme; t; t = parent.get(t)) numbers.add(number.get(t)!);
      words.set(word, numbers);
    }
  }
  if (stemmed.length > 0) {
    const shownWords = stemmed.slice(0, 5).join(', ') + (stemmed.length > 5 ? ', …' : '');
    warnings.push({
      file: shown,
      message: `${stemmed.length} keywords match by stem in obs (${shownWords}); LIWC does not stem, so they are written as exact words`,
      hint: 'where a prefix is meant, write it with `*` in the codebook (`skill*`) and export again',
    });
  }
  warnings.push(...lostInExport(codebook, shown, 'LIWC', { labels: true, descriptions: true, colours: true, rules: true }));
  const body = [...words].map(([word, numbers]) => `${word}\t${[...numbers].sort((a, b) => a - b).join('\t')}`);
  return { text: ['%', ...header, '%', ...body, ''].join('\n'), warnings };
}

/** `=CIC` -> `CIC`: a LIWC word is always exact. `stems`: obs would have matched some word of it by stem. */
function liwcWord(text: string, stem: boolean): { word: string; stems: boolean } {
  const whole = text.startsWith('=');
  let stems = false;
  const words = text.split(/\s+/).map((w) => {
    if (stem && !whole && !w.startsWith('=') && !w.endsWith('*')) stems = true;
    return w.replace(/^=/, '');
  });
  return { word: words.join(' '), stems };
}
