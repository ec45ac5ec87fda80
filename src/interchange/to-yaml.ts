// A draft codebook -> obs codebook YAML: valid, unique ids, written by the yaml package, checked by obs's own parser.
import { isMap, isScalar, isSeq, Document, Scalar } from 'yaml';
import { MAX_TERMS, parseCodebook } from '../codebook/parse.js';
import { ObsError } from '../errors.js';
import { allDrafts, type DraftCodebook, type DraftTheme } from './draft.js';

const VALID_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** An id made from a label: lower case, runs of other characters as one `-`, e.g. `Another category` -> `another-category`. */
export function idFromLabel(label: string): string {
  const id = label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[_.-]+|[_.-]+$/g, '');
  return id === '' ? 'theme' : id;
}

/**
 * Gives every theme a valid id, unique in the codebook: the source's own id where it has a valid
 * one not yet taken, else one made from the label, numbered `-2`, `-3` where that is taken too.
 * Returns the themes whose own id could not be kept.
 */
export function assignIds(themes: readonly DraftTheme[]): Array<{ theme: DraftTheme; wanted: string }> {
  const taken = new Set<string>();
  const changed: Array<{ theme: DraftTheme; wanted: string }> = [];
  // Ids the source gives win over ids made from labels, wherever they stand.
  const all = allDrafts(themes);
  for (const theme of all) {
    if (theme.id === undefined) continue;
    if (VALID_ID.test(theme.id) && !taken.has(theme.id.toLowerCase())) taken.add(theme.id.toLowerCase());
    else {
      changed.push({ theme, wanted: theme.id });
      delete theme.id;
    }
  }
  // The number each label's ids were last tried at: `taken` only grows, so the first free number
  // never lies below it, and a thousand themes of one label do not each try every number before.
  const tried = new Map<string, number>();
  for (const theme of all) {
    if (theme.id !== undefined) continue;
    const base = idFromLabel(theme.label);
    let id = base;
    let n = tried.get(base) ?? 1;
    while (taken.has(id)) id = `${base}-${++n}`;
    tried.set(base, n);
    taken.add(id);
    theme.id = id;
  }
  return changed;
}

/** The YAML text of a draft whose ids are assigned; `comment` goes above it; `file` names the source in a refusal. */
export function codebookYaml(codebook: DraftCodebook, comment: string | undefined, file = 'the imported codebook'): string {
  const plain: Record<string, unknown> = { name: codebook.name.trim() || 'Imported codebook' };
  if (codebook.description) plain.description = codebook.description;
  if (codebook.stem !== undefined) plain.stem = codebook.stem;
  const shared = sharedWords(codebook.themes);
  checkSize(codebook, shared.length, file);
  if (shared.length > 0) plain.allow_shared = shared;
  plain.themes = codebook.themes.map(plainTheme);
  const doc = new Document(plain);
  if (comment) doc.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
  styleNodes(doc.contents);
  const text = doc.toString({ lineWidth: 100 });
  check(text);
  return text;
}

/**
 * Words the source puts in two categories that are not one inside the other. A dictionary does
 * that on purpose (a word of care and of morality in general), so the codebook allows it, and
 * obs lint's shared-stem check passes it.
 */
function sharedWords(themes: readonly DraftTheme[]): string[] {
  const parent = new Map<DraftTheme, DraftTheme>();
  const depth = new Map<DraftTheme, number>();
  const all = allDrafts(themes);
  for (const t of all) {
    const p = parent.get(t);
    depth.set(t, p ? depth.get(p)! + 1 : 0);
    for (const c of t.themes) parent.set(c, t);
  }
  // Each word's themes, the deepest first met kept apart: the word is shared unless every one of
  // its themes is that deepest theme or a parent of it, one line down the tree.
  const owners = new Map<string, { deepest: DraftTheme; all: DraftTheme[] }>();
  for (const t of all) {
    for (const k of t.keywords) {
      const key = k.replace(/^=/, '').toLowerCase();
      const entry = owners.get(key);
      if (!entry) owners.set(key, { deepest: t, all: [t] });
      else {
        entry.all.push(t);
        if (depth.get(t)! > depth.get(entry.deepest)!) entry.deepest = t;
      }
    }
  }
  const out: string[] = [];
  for (const [word, { deepest, all: list }] of owners) {
    if (list.length < 2) continue;
    const line = new Set<DraftTheme>();
    for (let t: DraftTheme | undefined = deepest; t; t = parent.get(t)) line.add(t);
    if (list.some((t) => !line.has(t))) out.push(word);
  }
  return out.sort();
}

/** A codebook obs would refuse to read is refused here, with the source named, rather than written. */
function checkSize(codebook: DraftCodebook, shared: number, file: string): void {
  let terms = shared;
  for (const t of allDrafts(codebook.themes)) terms += t.keywords.length + (t.exclude?.length ?? 0) + (t.near ?? []).reduce((n, rule) => n + rule.all.length, 0);
  if (terms <= MAX_TERMS) return;
  throw new ObsError({
    file,
    message: `would make a codebook of ${terms.toLocaleString('en')} terms (keywords, and words in more than one category listed once more under allow_shared), over the ${MAX_TERMS.toLocaleString('en')} an obs codebook holds`,
    hint: 'split the dictionary into several files, some categories in each, and import each',
  });
}

function plainTheme(theme: DraftTheme): Record<string, unknown> {
  const out: Record<string, unknown> = { id: theme.id, label: theme.label };
  if (theme.description) out.description = theme.description;
  if (theme.color) out.color = theme.color;
  if (theme.stem !== undefined) out.stem = theme.stem;
  if (theme.minHits !== undefined && theme.minHits !== 1) out.min_hits = theme.minHits;
  if (theme.keywords.length > 0) out.keywords = theme.keywords;
  if (theme.exclude && theme.exclude.length > 0) out.exclude = theme.exclude;
  if (theme.near && theme.near.length > 0) out.near = theme.near.map((n) => ({ all: n.all, within: n.within }));
  if (theme.themes.length > 0) out.themes = theme.themes.map(plainTheme);
  return out;
}

/** Written as the built-in codebook is: `near` rules on one line each, long descriptions as folded blocks. */
function styleNodes(node: unknown): void {
  if (isSeq(node)) for (const item of node.items) styleNodes(item);
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (key === 'near' && isSeq(pair.value)) {
      for (const rule of pair.value.items) if (isMap(rule)) rule.flow = true;
    } else if (key === 'description' && isScalar(pair.value) && String(pair.value.value).length > 80) {
      pair.value.type = Scalar.BLOCK_FOLDED;
    } else styleNodes(pair.value);
  }
}

/** An import that writes a codebook obs cannot read is obs's own bug: stop rather than hand it over. */
function check(text: string): void {
  const { codebook, problems } = parseCodebook(text, 'imported codebook');
  if (!codebook) throw new Error(`the imported codebook does not parse: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
}
