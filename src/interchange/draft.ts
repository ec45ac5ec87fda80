// What every reader of another tool's codebook produces: plain themes, before they get obs ids and become YAML.
import path from 'node:path';
import { MAX_DEPTH, termProblem } from '../codebook/parse.js';
import { ObsError, type Problem } from '../errors.js';
import { dictionaryLines } from './text.js';

export interface DraftNear {
  all: string[];
  within: number;
}

export interface DraftTheme {
  /** The id the source gives (obs's own, from a .qdc it wrote); otherwise one is made from the label. */
  id?: string;
  label: string;
  description?: string;
  color?: string;
  keywords: string[];
  exclude?: string[];
  near?: DraftNear[];
  minHits?: number;
  stem?: boolean;
  themes: DraftTheme[];
}

export interface DraftCodebook {
  name: string;
  description?: string;
  /** Dictionaries match words as written, so their codebooks turn stemming off. */
  stem?: boolean;
  themes: DraftTheme[];
}

/** What a reader returns: the codebook and what it had to leave out, each with file and line. */
export interface Imported {
  codebook: DraftCodebook;
  warnings: Problem[];
  /** Entries read but not kept (bad wildcards, characters obs cannot match), counted for the summary. */
  skipped: number;
  /** The format's name as a researcher knows it, for messages and the YAML's header comment. */
  format: string;
  /** Why the imported codebook matches as it does, written as a comment above it. */
  note?: string;
}

export function draftTheme(label: string): DraftTheme {
  return { label, keywords: [], themes: [] };
}

/** Themes in order, parents before their sub-themes. */
export function allDrafts(themes: readonly DraftTheme[]): DraftTheme[] {
  const out: DraftTheme[] = [];
  const pending = [...themes].reverse();
  for (let theme = pending.pop(); theme; theme = pending.pop()) {
    out.push(theme);
    for (let i = theme.themes.length - 1; i >= 0; i--) pending.push(theme.themes[i]!);
  }
  return out;
}

/**
 * How many levels of categories an import may nest: as many as an obs codebook may hold, so the
 * codebook it writes can be read, and every reader's work stays within a small stack.
 */
export const MAX_IMPORT_DEPTH = MAX_DEPTH;

/**
 * The refusal of a category (a code, in a QDA codebook) at `depth`, top-level ones being at 1,
 * when that is past the limit.
 */
export function checkDepth(depth: number, file: string, label: string, line?: number, source: 'dictionary' | 'codebook' = 'dictionary'): void {
  if (depth <= MAX_IMPORT_DEPTH) return;
  const items = source === 'dictionary' ? 'categories' : 'codes';
  throw new ObsError({
    file,
    ...(line === undefined ? {} : { line }),
    message: `${items} nest more than ${MAX_IMPORT_DEPTH} levels deep (here at "${label.length > 60 ? `${label.slice(0, 60)}…` : label}"), the most an obs codebook holds`,
    hint: `flatten the ${source} to ${MAX_IMPORT_DEPTH} levels or fewer, moving the deepest ${items} up, and import it again`,
  });
}

/**
 * Collects keywords for one reader: checks each against obs's keyword rules, skips with a warning
 * what obs cannot match, and keeps each keyword once per theme.
 */
export class KeywordSink {
  readonly warnings: Problem[] = [];
  skipped = 0;
  /** Each theme's keywords as matching compares them, so that a keyword is checked once, not against every other. */
  private readonly folded = new WeakMap<DraftTheme, { keys: Set<string>; count: number }>();

  constructor(readonly file: string) {}

  /** `entry` as the source wrote it, `keyword` in obs syntax (or a reason it has none). */
  add(theme: DraftTheme, entry: string, keyword: string | { problem: string; hint?: string }, line?: number): void {
    const problem = typeof keyword === 'string' ? termProblem(keyword) : { message: keyword.problem, hint: keyword.hint };
    if (problem || typeof keyword !== 'string') {
      this.skip(`entry "${entry}" of ${theme.label} ${problem?.message ?? ''}; skipped`, line, problem?.hint);
      return;
    }
    // Matching ignores case, so `Art` and `art` are one keyword.
    const folded = foldKeyword(keyword);
    let seen = this.folded.get(theme);
    // A reader may have put keywords in the theme itself: the set is made again when the list has changed behind it.
    if (!seen || seen.count !== theme.keywords.length) {
      seen = { keys: new Set(theme.keywords.map(foldKeyword)), count: theme.keywords.length };
      this.folded.set(theme, seen);
    }
    if (seen.keys.has(folded)) return;
    seen.keys.add(folded);
    theme.keywords.push(keyword);
    seen.count++;
  }

  skip(message: string, line?: number, hint?: string): void {
    this.skipped++;
    this.warn(message, line, hint);
  }

  warn(message: string, line?: number, hint?: string): void {
    const problem: Problem = { file: this.file, message };
    if (line !== undefined) problem.line = line;
    if (hint) problem.hint = hint;
    this.warnings.push(problem);
  }
}

function foldKeyword(keyword: string): string {
  return keyword.normalize('NFKC').toLowerCase();
}

/**
 * A dictionary pattern (LIWC, WordStat, Lexicoder, Yoshikoder, quanteda glob) as an obs keyword.
 * A trailing `*` is a prefix in both; obs has no `*` elsewhere and no `?` (a glob's one letter),
 * so those are reported.
 * A pattern that starts with `=` would read as obs's exact marker, which matches the same word
 * when stemming is off, so it needs no change.
 */
export function dictionaryKeyword(pattern: string, glob = false): string | { problem: string; hint?: string } {
  const text = pattern.trim().replace(/\s+/g, ' ');
  for (const word of text.split(' ')) {
    if (/\*./.test(word) || word.startsWith('*')) {
      return { problem: 'has `*` before the end of a word', hint: 'obs matches a `*` only at the end of a word (a prefix); add the forms you need to the codebook by hand' };
    }
    if (glob && word.includes('?')) return { problem: 'has a `?` wildcard', hint: 'obs has no one-letter wildcard; list the spellings you need in the codebook by hand' };
  }
  return text;
}

/** A line-based dictionary's lines, and the sink that collects its keywords (with any decoding warning). */
export function dictionaryInput(bytes: Uint8Array, file: string): { lines: string[]; sink: KeywordSink } {
  const { lines, warnings } = dictionaryLines(bytes, file);
  const sink = new KeywordSink(file);
  sink.warnings.push(...warnings);
  return { lines, sink };
}

/**
 * A dictionary's categories as an import. Dictionary tools match words as written and `word*` as
 * a prefix, never by stem, so the codebook turns stemming off to code as they do.
 * `empty` is the hint for a file without categories.
 */
export function dictionaryImport(file: string, tool: string, themes: DraftTheme[], sink: KeywordSink, empty: string, name?: string): Imported {
  if (themes.length === 0) throw new ObsError({ file, message: `holds no categories; is it a ${tool} dictionary?`, hint: empty });
  const base = path.basename(file);
  return {
    codebook: { name: name ?? base.replace(/\.[^.]+$/, ''), description: `Imported from the ${tool} dictionary ${base}.`, stem: false, themes },
    warnings: sink.warnings,
    skipped: sink.skipped,
    format: `${tool} dictionary`,
    note: `${tool} matches a word as written and \`word*\` as a prefix, never by stem, so stem is false.`,
  };
}
