// quanteda-style YAML dictionaries: keys are categories, nested keys sub-categories, lists (or one string) the glob patterns.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { ObsError } from '../errors.js';
import { yamlProblem } from '../yaml-problem.js';
import { dictionaryImport, dictionaryKeyword, draftTheme, KeywordSink, type DraftTheme, type Imported } from './draft.js';
import { decodeBytes } from '../corpus/decode.js';

const MAX_NODES = 200_000;

export function readYamlDictionary(bytes: Uint8Array, file: string): Imported {
  const text = decodeBytes(bytes).text;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ObsError(doc.errors.map((e) => yamlProblem(e, file)));
  const sink = new KeywordSink(file);
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  let nodes = 0;
  const resolve = (node: unknown): YamlNode | null => {
    if (++nodes > MAX_NODES) throw new ObsError({ file, message: `expands to more than ${MAX_NODES} entries`, hint: 'YAML aliases (`*name`) may repeat a list many times; write the entries out' });
    if (isAlias(node)) return resolve(node.resolve(doc as Document));
    return (node as YamlNode | null) ?? null;
  };

  const readCategories = (node: YamlNode | null): DraftTheme[] => {
    if (!isMap(node)) return [];
    return node.items.map((pair) => {
      const key = resolve(pair.key);
      const theme = draftTheme(isScalar(key) && key.value !== null ? String(key.value) : 'category');
      const value = resolve(pair.value);
      if (isMap(value)) theme.themes = readCategories(value);
      else if (isSeq(value)) for (const item of value.items) addPattern(theme, resolve(item));
      else addPattern(theme, value);
      return theme;
    });
  };
  const addPattern = (theme: DraftTheme, node: YamlNode | null) => {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isScalar(node)) {
      sink.skip(`${theme.label}: a nested list is not a pattern; skipped`, lineOf(node), 'write each pattern as text; nest categories as keys');
      return;
    }
    const pattern = String(node.value);
    sink.add(theme, pattern, dictionaryKeyword(pattern, true), lineOf(node));
  };

  const root = resolve(doc.contents);
  if (!isMap(root)) throw new ObsError({ file, line: lineOf(root) ?? 1, message: 'is not a YAML dictionary: expected a mapping of categories to lists of patterns', hint: 'write `category: [word, "two words", prefix*]`, one key per category' });
  if (isMap(root) && root.has('themes') && root.has('name')) {
    throw new ObsError({ file, message: 'is already an obs codebook (it has `name` and `themes`), not a quanteda dictionary', hint: `use it as it is: obs code --codebook ${file} ...` });
  }
  return dictionaryImport(file, 'quanteda YAML', readCategories(root), sink, 'write `category: [word, "two words", prefix*]`, one key per category');
}
