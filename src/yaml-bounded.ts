// YAML read in time and stack bounded by its size. The yaml package composes nested collections
// by recursion, so thousands of levels overflow the stack, at a depth that differs between the main
// thread and a worker; and its `uniqueKeys` check compares each key with every key before it.
// Here the nesting is measured first, by the package's own parser, which keeps an explicit stack,
// and duplicate keys are found with a set.
import { isAlias, isMap, isNode, isScalar, isSeq, Lexer, LineCounter, parseDocument, Parser, YAMLParseError, type Alias, type Document, type Node as YamlNode } from 'yaml';

export interface TooDeep {
  /** 1-based line of the source, and column, where the collection past the limit starts. */
  line: number;
  col: number;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

export type BoundedParse = { tooDeep: TooDeep } | { tooDeep?: undefined; doc: Document; lines: LineCounter; errors: YAMLParseError[] };

/**
 * `source` parsed, its errors in source order with every key written twice in one mapping among
 * them; or, where it nests collections more than `depth` levels deep, only where, and no document.
 */
export function parseBounded(source: string, depth: number, options: { intAsBigInt?: boolean } = {}): BoundedParse {
  const tooDeep = yamlTooDeep(source, depth);
  if (tooDeep) return { tooDeep };
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false, intAsBigInt: options.intAsBigInt ?? false });
  const errors = [...doc.errors, ...duplicateKeyErrors(doc, lines)].sort((a, b) => a.pos[0] - b.pos[0]);
  return { doc, lines, errors };
}

/**
 * Where `source` first nests collections (mappings, lists) more than `limit` levels deep, or
 * undefined. Stops there, so the parser's stack never holds more than some `limit` entries.
 */
function yamlTooDeep(source: string, limit: number): TooDeep | undefined {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(source)) {
    for (const _token of parser.next(lexeme)) {
      // Finished documents; only the stack of the one being built is of interest.
    }
    // The stack holds the document, each open collection, and a scalar or two: only more than
    // `limit` entries can hold more than `limit` collections.
    if (parser.stack.length > limit) {
      let depth = 0;
      for (const token of parser.stack) {
        if (!COLLECTIONS.has(token.type)) continue;
        depth++;
        if (depth > limit) return position(source, token.offset);
      }
    }
  }
  return undefined;
}

function position(source: string, offset: number): TooDeep {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * Every node under the document's root, in document order (a pair's key before its value),
 * without following aliases and without recursion.
 */
export function* yamlNodes(doc: Document): Generator<YamlNode> {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isNode(node)) continue;
    yield node;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]!.value, node.items[i]!.key);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]);
    }
  }
}

/**
 * Each alias's node: the last one before it anchored with its name, as YAML defines, found in one
 * pass. The yaml package's own `Alias.resolve` searches the whole document at each call.
 */
export function yamlAnchors(doc: Document): Map<Alias, YamlNode> {
  const anchors = new Map<Alias, YamlNode>();
  const latest = new Map<string, YamlNode>();
  for (const node of yamlNodes(doc)) {
    if (isAlias(node)) {
      const target = latest.get(node.source);
      if (target) anchors.set(node, target);
    } else if (node.anchor) latest.set(node.anchor, node);
  }
  return anchors;
}

/**
 * A key twice in one mapping, as the yaml package's `uniqueKeys` reports it (same code, same
 * message, its line and column), found in one pass: parse with `uniqueKeys: false`, then this.
 * Keys are the same as the package has them: the same node, or scalars of equal value.
 */
function duplicateKeyErrors(doc: Document, lines: LineCounter): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  for (const node of yamlNodes(doc)) {
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const value = isScalar(key) ? key.value : key;
      // NaN is never equal to itself; the package never calls two `.nan` keys the same.
      if (!seen.has(value) || (typeof value === 'number' && Number.isNaN(value))) {
        seen.add(value);
        continue;
      }
      const range = key?.range ?? node.range;
      if (!range) continue;
      const error = new YAMLParseError([range[0], range[1]], 'DUPLICATE_KEY', 'Map keys must be unique');
      error.linePos = [lines.linePos(range[0]), lines.linePos(range[1])];
      errors.push(error);
    }
  }
  return errors;
}
