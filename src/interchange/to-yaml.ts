// A draft codebook -> obs codebook YAML: valid, unique ids, written by the yaml package, checked by obs's own parser.
import { isMap, isScalar, isSeq, Document, Scalar } from 'yaml';
import { parseCodebook } from '../codebook/parse.js';
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
  for (const theme of all) {
    if (theme.id !== undefined) continue;
    const base = idFromLabel(theme.label);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    theme.id = id;
  }
  return changed;
}

/** The YAML text of a draft whose ids are assigned; `comment` goes above it. */
export function codebookYaml(codebook: DraftCodebook, comment: string | undefined): string {
  const plain: Record<string, unknown> = { name: codebook.name.trim() || 'Imported codebook' };
  if (codebook.description) plain.description = codebook.description;
  if (codebook.stem !== undefined) plain.stem = codebook.stem;
  const shared = sharedWords(codebook.themes);
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
  const owners = new Map<string, DraftTheme[]>();
  const walk = (list: readonly DraftTheme[]) => {
    for (const t of list) {
      for (const k of t.keywords) {
        const key = k.replace(/^=/, '').toLowerCase();
        owners.set(key, [...(owners.get(key) ?? []), t]);
      }
      walk(t.themes);
    }
  };
  walk(themes);
  const within = (a: DraftTheme, b: DraftTheme): boolean => a.themes.some((c) => c === b || within(c, b));
  const out: string[] = [];
  for (const [word, list] of owners) {
    if (list.some((a, i) => list.some((b, j) => i < j && a !== b && !within(a, b) && !within(b, a)))) out.push(word);
  }
  return out.sort();
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
