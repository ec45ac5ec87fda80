// Codebook YAML -> Codebook, or every problem found, each with line and column (and, for lint,
// the draft that could be read despite them).
import { createHash } from 'node:crypto';
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { ObsError, type Problem } from '../errors.js';
import { parseBounded, yamlAnchors } from '../yaml-bounded.js';
import { yamlProblem } from '../yaml-problem.js';
import { lostIn, type Draft } from './draft.js';
import type { Codebook, NearRule, Term, Theme } from './types.js';

export const CODEBOOK_KEYS = ['name', 'version', 'description', 'stem', 'ignore', 'allow_shared', 'themes'] as const;
export const THEME_KEYS = ['id', 'label', 'description', 'color', 'keywords', 'exclude', 'near', 'min_hits', 'stem', 'themes'] as const;
export const NEAR_KEYS = ['all', 'within'] as const;
export const MAX_DEPTH = 12;
export const MAX_TERM_LENGTH = 200;
/** Lists and mappings inside one another: sub-themes 12 deep take some 30, and deeper ones get the sub-theme limit's own message; the yaml package composes a few hundred levels safely on any thread. */
export const MAX_YAML_NESTING = 256;
/** Entries that aliases may add by repeating what an anchor holds: enough for any shared list, far short of a bomb. */
export const MAX_ALIAS_EXPANSION = 100_000;
/** Terms of every kind together; the 16 MB file limit alone would let through millions. */
export const MAX_TERMS = 1_000_000;

interface Ctx {
  file: string;
  doc: Document;
  lines: LineCounter;
  problems: Problem[];
  /** Entries added so far by following aliases. */
  expanded: number;
  terms: number;
  ids: Map<string, number>;
  /** Each alias's anchored node, found in one pass: the yaml package searches the whole document per alias. */
  anchors?: Map<Alias, YamlNode>;
  sizes: Map<YamlNode, number>;
  /** The fields dropped so far from the theme (or the codebook) being read, for the draft. */
  lost: Set<string>;
  lostFields: Map<Theme | Codebook, Set<string>>;
}

const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** A limit passed: the reading stops there, since what follows would only be errors made by the cut. */
class LimitPassed extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

export interface ParseResult {
  codebook?: Codebook;
  problems: Problem[];
  /**
   * With problems, where the YAML parsed and reading went to the end: what could be read, for lint.
   * None after a YAML error or a refused tag (there is no document to trust), a passed limit (the
   * reading stopped) or a root that is not a mapping (there is nothing to read).
   */
  draft?: Draft;
}

export function parseCodebook(text: string, file: string): ParseResult {
  // Nesting is measured before the yaml package composes the document, which it does by recursion.
  const parsed = parseBounded(text, MAX_YAML_NESTING);
  if (parsed.tooDeep) {
    const { line, col } = parsed.tooDeep;
    return {
      problems: [{ file, line, col, message: `nests lists or mappings more than ${MAX_YAML_NESTING} levels deep`, hint: `a codebook needs a few levels for each of its at most ${MAX_DEPTH} levels of sub-themes` }],
    };
  }
  const { doc, lines, errors } = parsed;
  const ctx: Ctx = { file, doc, lines, problems: [], expanded: 0, terms: 0, ids: new Map(), sizes: new Map(), lost: new Set(), lostFields: new Map() };
  for (const error of errors) {
    const problem = yamlProblem(error, file, 1, undefined, text);
    ctx.problems.push({ ...problem, message: `YAML: ${problem.message}` });
  }
  // An unknown tag (`!!js/function`, `!include`) is read as plain text by the yaml package; in a
  // codebook it can only be a mistake or an attempt to make data run, so it is refused.
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const problem = yamlProblem(warning, file, 1, 'codebooks hold plain text, lists and mappings; remove the `!` tag', text);
    ctx.problems.push({ ...problem, message: `YAML: ${problem.message}` });
  }
  if (ctx.problems.length > 0) return { problems: ctx.problems };
  try {
    return readCodebook(ctx, text);
  } catch (err) {
    if (err instanceof LimitPassed) return { problems: [err.problem] };
    throw err;
  }
}

function readCodebook(ctx: Ctx, text: string): ParseResult {
  const { file, doc } = ctx;
  const root = doc.contents as YamlNode | null;
  if (!isMap(root)) {
    report(ctx, root, 'a codebook must be a YAML mapping with `name` and `themes`', 'start from the example in the README');
    return { problems: ctx.problems };
  }
  const codebookLost = ctx.lost;
  const fields = readMap(ctx, root, CODEBOOK_KEYS, 'codebook');
  const name = readString(ctx, fields.get('name'), 'name', root, true);
  const version = readString(ctx, fields.get('version'), 'version', root, false) ?? '';
  const description = readString(ctx, fields.get('description'), 'description', root, false);
  const stem = readBoolean(ctx, fields.get('stem'), 'stem') ?? true;
  // A `stem` the parser could not read (or an unknown key that looks like it) leaves stemming unknown
  // for every theme that would inherit it.
  const stemKnown = !codebookLost.has('stem');
  const ignore = readTerms(ctx, fields.get('ignore'), 'ignore');
  const allowShared = readTerms(ctx, fields.get('allow_shared'), 'allow_shared', 'allow_shared', true);
  const themesNode = fields.get('themes');
  if (themesNode === undefined) report(ctx, root, 'missing `themes`', 'list the themes under `themes:`');
  const themes = readThemes(ctx, themesNode, { stem, known: stemKnown }, 1);
  // `themes:` with no value is as empty as `themes: []`.
  const themesValue = themesNode === undefined ? undefined : resolve(ctx, themesNode);
  if (themesNode !== undefined && themes.length === 0 && (isSeq(themesValue) || themesValue === null || (isScalar(themesValue) && themesValue.value === null))) {
    report(ctx, themesNode, '`themes` is empty', 'add at least one theme with an id, a label and keywords');
  }
  const codebook: Codebook = {
    name: name ?? '',
    version,
    stem,
    ignore,
    allowShared,
    themes,
    source: { file, sha256: createHash('sha256').update(text).digest('hex') },
  };
  if (description !== undefined) codebook.description = description;
  if (ctx.problems.length === 0) return { codebook, problems: [] };
  ctx.lostFields.set(codebook, codebookLost);
  return { problems: byPosition(ctx.problems), draft: { codebook, lost: lostIn(ctx.lostFields) } };
}

/** Throws every problem at once: a researcher fixing a codebook wants the whole list. */
export function parseCodebookOrThrow(text: string, file: string): Codebook {
  const { codebook, problems } = parseCodebook(text, file);
  if (!codebook) throw new ObsError(problems);
  return codebook;
}

/** The stemming a theme inherits, and whether the parser could read it (in a draft it may not have). */
interface Inherited {
  stem: boolean;
  known: boolean;
}

function readThemes(ctx: Ctx, node: YamlNode | undefined, parentStem: Inherited, depth: number): Theme[] {
  if (node === undefined) return [];
  const seq = resolve(ctx, node);
  if (seq === null || (isScalar(seq) && seq.value === null)) return [];
  if (!isSeq(seq)) {
    drop(ctx, 'themes', node, '`themes` must be a list of themes', 'write each theme as a `- id: ...` item');
    return [];
  }
  if (depth > MAX_DEPTH) {
    drop(ctx, 'themes', node, `sub-themes nest deeper than ${MAX_DEPTH} levels`, 'flatten the codebook; deep trees are hard to code reliably');
    return [];
  }
  const out: Theme[] = [];
  for (const item of seq.items as YamlNode[]) {
    const theme = readTheme(ctx, item, parentStem, depth);
    if (theme) out.push(theme);
  }
  return out;
}

function readTheme(ctx: Ctx, raw: YamlNode, parentStem: Inherited, depth: number): Theme | undefined {
  const node = resolve(ctx, raw);
  if (!isMap(node)) {
    // Lost from the parent's (or the codebook's) `themes`: ctx.lost is still the parent's here.
    drop(ctx, 'themes', raw, 'a theme must be a mapping with `id`, `label` and `keywords`', 'write `- id: agency` and indent the other keys under it');
    return undefined;
  }
  // What this theme loses is its own; its sub-themes record theirs in sets of their own.
  const outerLost = ctx.lost;
  const lost = (ctx.lost = new Set<string>());
  const fields = readMap(ctx, node, THEME_KEYS, 'theme');
  const id = readString(ctx, fields.get('id'), 'id', node, true);
  const label = readString(ctx, fields.get('label'), 'label', node, true);
  const { line, col } = position(ctx, node);
  // An empty id is reported once, as empty (readString), not again as a bad or repeated name.
  if (id) {
    // Combining marks belong to letters: Devanagari vowel signs, and `café` written decomposed (NFD).
    if (!/^[\p{L}\p{N}][\p{L}\p{M}\p{N}_.-]*$/u.test(id)) {
      report(ctx, fields.get('id'), `theme id \`${id}\` must be letters, digits, \`_\`, \`-\` or \`.\``, 'ids become column names in CSV output; use e.g. `money-and-time`');
    }
    const seen = ctx.ids.get(id);
    if (seen !== undefined) report(ctx, fields.get('id'), `theme id \`${id}\` is already used at line ${seen}`, 'theme ids must be unique across the whole codebook');
    else ctx.ids.set(id, position(ctx, fields.get('id')!).line);
  }
  const ownStem = readBoolean(ctx, fields.get('stem'), 'stem');
  const stem = ownStem ?? parentStem.stem;
  // Its own `stem` unread, or none of its own and the one it inherits unread: its matching is unknown.
  if (ownStem === undefined && fields.get('stem') === undefined && !lost.has('stem') && !parentStem.known) lost.add('stem');
  const stemKnown = !lost.has('stem');
  const minHits = readInteger(ctx, fields.get('min_hits'), 'min_hits', 1) ?? 1;
  const color = readString(ctx, fields.get('color'), 'color', node, false);
  if (color !== undefined && !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
    report(ctx, fields.get('color'), `color \`${color}\` is not a hex colour`, 'write it as "#4e79a7" (quoted, since # starts a YAML comment)');
  }
  const theme: Theme = {
    // Only a draft can lack an id (a valid codebook has one for every theme): it gets a name that
    // says where the theme is, so lint's messages about it can be followed.
    id: id || `(no id, line ${line})`,
    label: label ?? '',
    keywords: readTerms(ctx, fields.get('keywords'), 'keywords'),
    exclude: readTerms(ctx, fields.get('exclude'), 'exclude'),
    near: readNear(ctx, fields.get('near')),
    minHits,
    stem,
    themes: readThemes(ctx, fields.get('themes'), { stem, known: stemKnown }, depth + 1),
    line,
    col,
  };
  const description = readString(ctx, fields.get('description'), 'description', node, false);
  if (description !== undefined) theme.description = description;
  if (color !== undefined) theme.color = color;
  ctx.lost = outerLost;
  if (lost.size > 0) ctx.lostFields.set(theme, lost);
  return theme;
}

function readNear(ctx: Ctx, node: YamlNode | undefined): NearRule[] {
  if (node === undefined) return [];
  const seq = resolve(ctx, node);
  if (!isSeq(seq)) {
    drop(ctx, 'near', node, '`near` must be a list of rules', 'write `near: [{ all: [decision, make], within: 5 }]`');
    return [];
  }
  const rules: NearRule[] = [];
  for (const raw of seq.items as YamlNode[]) {
    const item = resolve(ctx, raw);
    if (!isMap(item)) {
      drop(ctx, 'near', raw, 'a `near` rule must be a mapping with `all` and `within`', 'write `{ all: [decision, make], within: 5 }`');
      continue;
    }
    const fields = readMap(ctx, item, NEAR_KEYS, '`near` rule', 'near');
    const all = readTerms(ctx, fields.get('all'), 'all', 'near');
    if (fields.get('all') === undefined) report(ctx, item, 'a `near` rule needs `all`, the terms that must occur together');
    const within = readInteger(ctx, fields.get('within'), 'within', 1);
    if (fields.get('within') === undefined) report(ctx, item, 'a `near` rule needs `within`, the window in tokens');
    // Terms are counted as written: an entry reported as not text is still a term the rule holds
    // once it is fixed, so it neither makes the rule too short nor lets a window be too small.
    const allList = fields.get('all') === undefined ? undefined : resolve(ctx, fields.get('all'));
    const written = isSeq(allList) ? allList.items.length : undefined;
    if (written !== undefined && written < 2) report(ctx, fields.get('all'), '`near` needs at least two terms', 'use a keyword for a single term');
    if (within !== undefined && written !== undefined && written >= 2 && within < written) {
      report(ctx, fields.get('within'), `\`within: ${within}\` is smaller than the ${written} terms it must hold`, `use within: ${written} or more`);
    }
    const { line, col } = position(ctx, item);
    rules.push({ all, within: within ?? all.length, line, col });
  }
  return rules;
}

/**
 * `field`: what the theme loses when an entry cannot be read (a `near` rule's `all` is its `near`).
 * `plain`: for `allow_shared`, where an entry only names keywords, the draft keeps a number or
 * true/false as the text it would be quoted (`5` as "5"), and an entry with nothing to match
 * allows nothing: neither leaves the list unknown, so the pairs no readable entry allows are
 * still reported.
 */
function readTerms(ctx: Ctx, node: YamlNode | undefined, key: string, field = key, plain = false): Term[] {
  if (node === undefined) return [];
  const seq = resolve(ctx, node);
  if (isScalar(seq) && seq.value === null) return [];
  if (!isSeq(seq)) {
    drop(ctx, field, node, `\`${key}\` must be a list`, `write \`${key}: [one, "two words"]\` or one \`- item\` per line`);
    return [];
  }
  const terms: Term[] = [];
  for (const raw of seq.items as YamlNode[]) {
    if (++ctx.terms > MAX_TERMS) {
      stop(ctx, raw, `the codebook has more than ${MAX_TERMS.toLocaleString('en')} terms (keywords, exclude, ignore, allow_shared and near entries together)`, 'obs reads codebooks up to that size; split the codebook into several and code with each');
    }
    const item = resolve(ctx, raw);
    const { line, col } = position(ctx, raw);
    if (!isScalar(item) || typeof item.value !== 'string') {
      const shown = isScalar(item) ? String(item.value) : isSeq(item) ? 'a list' : 'a mapping';
      if (plain && isScalar(item)) {
        report(ctx, raw, `${key} entry ${shown} is not text`, `put it in quotes: "${shown}"`);
        if (item.value !== null) terms.push({ text: String(item.value), line, col });
        continue;
      }
      drop(ctx, field, raw, `${key} entry ${shown} is not text`, isScalar(item) ? `put it in quotes: "${shown}"` : 'write each entry as text');
      continue;
    }
    const text = item.value.trim();
    const problem = termProblem(text);
    if (problem) {
      const shown = (text.length > 60 ? `${text.slice(0, 60)}…` : text).replace(LINE_BREAKS, '\\n');
      if (plain && !/[\p{L}\p{N}]/u.test(text)) {
        report(ctx, raw, `${key} entry "${shown}" ${problem.message}`, problem.hint);
        continue;
      }
      drop(ctx, field, raw, `${key} entry "${shown}" ${problem.message}`, problem.hint);
      continue;
    }
    terms.push({ text, line, col });
  }
  return terms;
}

/** What makes a keyword unusable: nothing to match, or wildcards where the rules give them no meaning. */
export function termProblem(text: string): Problem | undefined {
  if (text === '') return { message: 'is empty', hint: 'remove it' };
  // Matching reads a passage's words across its lines, but a keyword on several lines cannot be
  // written into other programs' codebooks (QDC) and back, nor shown on one line of a table.
  if (/[\n\r\u0085\u2028\u2029]/.test(text)) return { message: 'holds a line break', hint: 'a keyword is one line: write each line as a keyword of its own, or join them with a space (a `|` block keeps line breaks; `>` joins lines)' };
  if (text.length > MAX_TERM_LENGTH) return { message: `is longer than ${MAX_TERM_LENGTH} characters`, hint: 'keywords are words or short phrases' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { message: 'has no letters or digits', hint: 'keywords match words; punctuation alone never matches' };
  for (const word of text.split(/\s+/)) {
    if (/\*./.test(word)) return { message: 'has `*` inside a word', hint: '`*` may only end a word (`empower*`); obs has no other wildcards' };
    if (/.=/.test(word)) return { message: 'has `=` inside a word', hint: '`=` may only start a word (`=CIC`)' };
    if (word === '*' || word === '=') return { message: `has a lone \`${word}\``, hint: 'attach it to a word: `empower*`, `=CIC`' };
  }
  return undefined;
}

/** `partOf`: the field an unknown key is lost from when the mapping is inside one (a `near` rule's keys are its `near`'s). */
function readMap(ctx: Ctx, node: YamlNode, allowed: readonly string[], what: string, partOf?: string): Map<string, YamlNode> {
  const fields = new Map<string, YamlNode>();
  if (!isMap(node)) return fields;
  for (const pair of node.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!allowed.includes(key)) {
      const near = closest(key, allowed);
      // Held against the field it looks like a misspelling of; a key like no field drops nothing.
      const field = partOf ?? near;
      const message = `unknown ${what} key \`${key}\``;
      const hint = near ? `did you mean \`${near}\`? Allowed: ${allowed.join(', ')}` : `allowed: ${allowed.join(', ')}`;
      if (field) drop(ctx, field, keyNode, message, hint);
      else report(ctx, keyNode, message, hint);
      continue;
    }
    fields.set(key, (pair.value as YamlNode | null) ?? nullNode(ctx, keyNode));
  }
  return fields;
}

function readString(ctx: Ctx, node: YamlNode | undefined, key: string, parent: YamlNode, required: boolean): string | undefined {
  if (node === undefined) {
    if (required) report(ctx, parent, `missing \`${key}\``, key === 'id' ? 'give every theme a short unique id, e.g. `id: agency`' : undefined);
    return undefined;
  }
  const value = resolve(ctx, node);
  if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
    // A version like 1.10 must stay 1.10, not become the number 1.1.
    const text = typeof value.value === 'string' ? value.value : (value.source ?? String(value.value));
    if (text.trim() === '' && required) report(ctx, node, `\`${key}\` is empty`);
    return text.trim();
  }
  drop(ctx, key, node, `\`${key}\` must be text, not ${describe(value)}`);
  return undefined;
}

function readBoolean(ctx: Ctx, node: YamlNode | undefined, key: string): boolean | undefined {
  if (node === undefined) return undefined;
  const value = resolve(ctx, node);
  if (isScalar(value) && typeof value.value === 'boolean') return value.value;
  drop(ctx, key, node, `\`${key}\` must be true or false, not ${describe(value)}`);
  return undefined;
}

function readInteger(ctx: Ctx, node: YamlNode | undefined, key: string, min: number): number | undefined {
  if (node === undefined) return undefined;
  const value = resolve(ctx, node);
  if (isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value)) {
    if (value.value < min) {
      drop(ctx, key, node, `\`${key}\` must be ${min} or more, not ${value.value}`);
      return undefined;
    }
    return value.value;
  }
  drop(ctx, key, node, `\`${key}\` must be a whole number, not ${describe(value)}`);
  return undefined;
}

/**
 * Follows an alias, counting what it repeats: every entry under its anchor, at each use. Only what
 * aliases add counts, so an alias bomb stops while a long codebook written out in full does not.
 */
function resolve(ctx: Ctx, node: YamlNode | null | undefined): YamlNode | null {
  if (!node) return null;
  if (!isAlias(node)) return node;
  const target = anchorOf(ctx, node);
  if (!target) return null;
  ctx.expanded += sizeOf(ctx, target);
  if (ctx.expanded > MAX_ALIAS_EXPANSION) {
    stop(ctx, node, `YAML aliases expand the codebook by more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} entries`, 'an alias (`*name`) repeats everything under its anchor at each use; write the entries out, or use fewer aliases');
  }
  return target;
}

/** The node an alias stands for: the last anchor of its name before it, as YAML defines. */
function anchorOf(ctx: Ctx, alias: Alias): YamlNode | undefined {
  ctx.anchors ??= yamlAnchors(ctx.doc);
  return ctx.anchors.get(alias);
}

/** Entries under a node, itself included, without following aliases (each is counted where it is used). */
function sizeOf(ctx: Ctx, node: YamlNode): number {
  let size = ctx.sizes.get(node);
  if (size === undefined) {
    size = 0;
    visit(node, {
      Node() {
        size!++;
      },
    });
    ctx.sizes.set(node, size);
  }
  return size;
}

function position(ctx: Ctx, node: YamlNode | null | undefined): { line: number; col: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, col: 1 };
  return ctx.lines.linePos(offset);
}

function report(ctx: Ctx, node: YamlNode | null | undefined, message: string, hint?: string): void {
  ctx.problems.push(problemAt(ctx, node, message, hint));
}

/** A problem that leaves `field` out of the draft: checks that judge by absence then say nothing of it. */
function drop(ctx: Ctx, field: string, node: YamlNode | null | undefined, message: string, hint?: string): void {
  ctx.lost.add(field);
  report(ctx, node, message, hint);
}

function stop(ctx: Ctx, node: YamlNode | null | undefined, message: string, hint: string): never {
  throw new LimitPassed(problemAt(ctx, node, message, hint));
}

function problemAt(ctx: Ctx, node: YamlNode | null | undefined, message: string, hint?: string): Problem {
  const { line, col } = position(ctx, node);
  const problem: Problem = { file: ctx.file, line, col, message };
  if (hint) problem.hint = hint;
  return problem;
}

function nullNode(ctx: Ctx, keyNode: YamlNode): YamlNode {
  const node = ctx.doc.createNode(null) as YamlNode;
  node.range = keyNode.range ?? null;
  return node;
}

function describe(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) return node.value === null ? 'empty' : `${typeof node.value} ${String(node.value)}`;
  return 'something else';
}

/** In file order, as an editor shows them; the checks run in the order of the schema, not the file. */
function byPosition(problems: Problem[]): Problem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.col ?? 0) - (b.p.col ?? 0) || a.i - b.i).map(({ p }) => p);
}

function closest(word: string, options: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const stemmed = options.find((o) => lower.startsWith(o) || (lower.length >= 3 && o.startsWith(lower)));
  if (stemmed) return stemmed;
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
