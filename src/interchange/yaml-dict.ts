// quanteda-style YAML dictionaries: keys are categories, nested keys sub-categories, lists (or one string) the glob patterns.
import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { ObsError } from '../errors.js';
import { parseBounded, yamlAnchors } from '../yaml-bounded.js';
import { yamlProblem } from '../yaml-problem.js';
import { checkDepth, dictionaryImport, dictionaryKeyword, draftTheme, KeywordSink, MAX_IMPORT_DEPTH, type DraftTheme, type Imported } from './draft.js';
import { decodeBytes } from '../corpus/decode.js';

/** Entries that aliases may repeat: enough for any shared list, far short of a bomb. */
const MAX_REPEATED = 200_000;
/** Categories nest by mappings, one level each, and a list of patterns ends each: a little room beyond that. */
const MAX_YAML_DEPTH = MAX_IMPORT_DEPTH + 4;

export function readYamlDictionary(bytes: Uint8Array, file: string): Imported {
  const text = decodeBytes(bytes).text;
  const parsed = parseBounded(text, MAX_YAML_DEPTH);
  if (parsed.tooDeep) {
    throw new ObsError({
      file,
      line: parsed.tooDeep.line,
      col: parsed.tooDeep.col,
      message: `nests mappings or lists more than ${MAX_YAML_DEPTH} levels deep; categories may nest ${MAX_IMPORT_DEPTH} levels, the most an obs codebook holds`,
      hint: `flatten the dictionary to ${MAX_IMPORT_DEPTH} levels of categories or fewer, each a list of patterns`,
    });
  }
  const { doc, lines, errors } = parsed;
  if (errors.length > 0) throw new ObsError(errors.map((e) => yamlProblem(e, file, 1, undefined, text)));
  const sink = new KeywordSink(file);
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  // Only what aliases repeat counts toward the limit, so that a long dictionary written out in full
  // is read, while an alias bomb stops.
  const anchors = yamlAnchors(doc);
  const reached = new Set<YamlNode>();
  let repeated = 0;
  const resolve = (node: unknown): YamlNode | null => {
    const target = isAlias(node) ? anchors.get(node) : (node as YamlNode | null | undefined);
    if (!target) return null;
    if (reached.has(target)) {
      if (++repeated > MAX_REPEATED) throw new ObsError({ file, message: `YAML aliases repeat more than ${MAX_REPEATED.toLocaleString('en')} entries`, hint: 'an alias (`*name`) repeats everything under its anchor at each use; write the entries out' });
    } else reached.add(target);
    return target;
  };

  const readCategories = (node: YamlNode | null, depth: number): DraftTheme[] => {
    if (!isMap(node)) return [];
    return node.items.map((pair) => {
      const key = resolve(pair.key);
      const theme = draftTheme(isScalar(key) && key.value !== null ? String(key.value) : 'category');
      checkDepth(depth, file, theme.label, lineOf(key));
      const value = resolve(pair.value);
      if (isMap(value)) theme.themes = readCategories(value, depth + 1);
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
  return dictionaryImport(file, 'quanteda YAML', readCategories(root, 1), sink, 'write `category: [word, "two words", prefix*]`, one key per category');
}
