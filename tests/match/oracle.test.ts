// The matching engine against a deliberately naive counter (in the spirit of xsv's
// tests/test_frequency.rs): the counter below is written from the matching rules alone, tries
// every keyword at every token, brute-forces `near` windows, and picks hits by repeated scans.
// It must agree with the engine on seeded, generated codebooks (written as YAML, so the parser
// is exercised too) and passages. Nothing from src/match/ is used by the counter itself; only
// Porter's stemmer, which the rules name.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { compileCodebook } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';
import { scanFolded } from '../../src/match/tokenize.js';
import { prng, type Rng } from '../helpers/random.js';

// ---------------------------------------------------------------------------------------------
// A codebook as the generator builds it (and as the oracle reads it; the engine reads the YAML).

interface GenNear {
  all: string[];
  within: number;
}

interface GenTheme {
  id: string;
  stem?: boolean;
  minHits?: number;
  keywords: string[];
  exclude: string[];
  near: GenNear[];
  themes: GenTheme[];
}

interface GenCodebook {
  stem?: boolean;
  ignore: string[];
  themes: GenTheme[];
}

// ---------------------------------------------------------------------------------------------
// The naive counter.

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** Rule 1, character by character. */
function oracleTokens(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"');
  const chars = Array.from(folded); // code points, not UTF-16 units
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isWordChar(c)) {
      current += c;
    } else if (c === "'" && current !== '' && isWordChar(chars[i - 1]) && isWordChar(chars[i + 1])) {
      current += c;
    } else {
      if (current !== '') out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  return out.map((t) => (t.endsWith("'s") ? t.slice(0, -2) : t));
}

const stemCache = new Map<string, string>();
function porter(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    stemCache.set(word, s);
  }
  return s;
}

type Test = (token: string) => boolean;

/** Rule 2 and 3: a keyword (or exclude/ignore/near term) as one test per token of the phrase. */
function oracleTerm(text: string, stemming: boolean): Test[] {
  const wholeExact = text.startsWith('=');
  const tests: Test[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    const exact = wholeExact || raw.startsWith('=');
    const prefix = raw.endsWith('*');
    let word = raw;
    if (word.startsWith('=')) word = word.slice(1);
    if (word.endsWith('*')) word = word.slice(0, -1);
    const parts = oracleTokens(word);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (prefix && i === parts.length - 1) tests.push((t) => t.startsWith(part));
      else if (exact || !stemming) tests.push((t) => t === part);
      else tests.push((t) => porter(t) === porter(part));
    }
  }
  return tests;
}

/** Every occurrence of the phrase: [first, last] token spans, inclusive. */
function occurrences(tests: Test[], tokens: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (tests.length === 0) return out;
  for (let i = 0; i + tests.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < tests.length; k++) if (!tests[k]!(tokens[i + k]!)) ok = false;
    if (ok) out.push([i, i + tests.length - 1]);
  }
  return out;
}

/** Rule 5 by brute force. */
function oracleNear(terms: Array<Array<[number, number]>>, within: number, n: number): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  let boundary = -1;
  for (let e = 0; e < n; e++) {
    for (let s = e; s > boundary && e - s + 1 <= within; s--) {
      const all = terms.every((occ) => occ.some(([a, b]) => a >= s && b <= e));
      if (all) {
        hits.push([s, e]);
        boundary = e;
        break;
      }
    }
  }
  return hits;
}

interface OracleCandidate {
  first: number;
  last: number;
  term: string;
  /** Codebook order: [theme's depth-first index, rule index (keywords, then near rules)]. */
  theme: number;
  rule: number;
}

interface OracleThemeResult {
  coded: boolean;
  hits: Array<[number, number, string]>;
}

interface FlatTheme {
  gen: GenTheme;
  index: number;
  parent: number;
  stem: boolean;
  children: number[];
}

function flatten(cb: GenCodebook): FlatTheme[] {
  const flat: FlatTheme[] = [];
  const walk = (themes: GenTheme[], parent: number, stem: boolean) => {
    for (const gen of themes) {
      const effective = gen.stem ?? stem;
      const node: FlatTheme = { gen, index: flat.length, parent, stem: effective, children: [] };
      flat.push(node);
      if (parent >= 0) flat[parent]!.children.push(node.index);
      walk(gen.themes, node.index, effective);
    }
  };
  walk(cb.themes, -1, cb.stem ?? true);
  return flat;
}

function better(a: OracleCandidate, b: OracleCandidate): boolean {
  const la = a.last - a.first;
  const lb = b.last - b.first;
  if (la !== lb) return la > lb;
  if (a.first !== b.first) return a.first < b.first;
  if (a.theme !== b.theme) return a.theme < b.theme;
  return a.rule < b.rule;
}

/** Rule 6: repeatedly take the best candidate that overlaps nothing taken so far. */
function selectNaive(pool: OracleCandidate[]): OracleCandidate[] {
  const chosen: OracleCandidate[] = [];
  for (;;) {
    let best: OracleCandidate | undefined;
    for (const c of pool) {
      if (chosen.some((h) => c.first <= h.last && h.first <= c.last)) continue;
      if (best === undefined || better(c, best)) best = c;
    }
    if (best === undefined) return chosen;
    chosen.push(best);
  }
}

interface OracleResult {
  words: number;
  themes: OracleThemeResult[];
  /** Counters for the coverage check. */
  dropped: number;
  nearHits: number;
}

function oracle(cb: GenCodebook, text: string): OracleResult {
  const tokens = oracleTokens(text);
  const n = tokens.length;
  const flat = flatten(cb);

  const ignored = new Set<number>();
  for (const phrase of cb.ignore) {
    for (const [a, b] of occurrences(oracleTerm(phrase, cb.stem ?? true), tokens)) for (let k = a; k <= b; k++) ignored.add(k);
  }
  // Tokens excluded for each theme: its own exclude phrases (with its stem setting) and its ancestors'.
  const ownExcluded = flat.map((t) => {
    const set = new Set<number>();
    for (const phrase of t.gen.exclude) {
      for (const [a, b] of occurrences(oracleTerm(phrase, t.stem), tokens)) for (let k = a; k <= b; k++) set.add(k);
    }
    return set;
  });
  const excludedFor = (t: number): Set<number> => {
    const set = new Set<number>();
    for (let p = t; p >= 0; p = flat[p]!.parent) for (const k of ownExcluded[p]!) set.add(k);
    return set;
  };

  let dropped = 0;
  let nearHits = 0;
  const allowed: OracleCandidate[][] = flat.map((t) => {
    const candidates: OracleCandidate[] = [];
    t.gen.keywords.forEach((keyword, rule) => {
      for (const [first, last] of occurrences(oracleTerm(keyword, t.stem), tokens)) {
        candidates.push({ first, last, term: keyword, theme: t.index, rule });
      }
    });
    t.gen.near.forEach((near, r) => {
      const terms = near.all.map((term) => occurrences(oracleTerm(term, t.stem), tokens));
      for (const [first, last] of oracleNear(terms, near.within, n)) {
        nearHits++;
        candidates.push({ first, last, term: `near(${near.all.join(', ')}; ${near.within})`, theme: t.index, rule: t.gen.keywords.length + r });
      }
    });
    const excluded = excludedFor(t.index);
    return candidates.filter((c) => {
      for (let k = c.first; k <= c.last; k++) {
        if (ignored.has(k) || excluded.has(k)) {
          dropped++;
          return false;
        }
      }
      return true;
    });
  });

  // Rule 7: a theme's pool is its own allowed candidates and every descendant's.
  const pool = (t: number): OracleCandidate[] => [...allowed[t]!, ...flat[t]!.children.flatMap(pool)];
  const hits = flat.map((t) => selectNaive(pool(t.index)));
  // Rule 8.
  const coded = (t: number): boolean => hits[t]!.length >= (flat[t]!.gen.minHits ?? 1) || flat[t]!.children.some(coded);

  return {
    words: n,
    themes: flat.map((t) => ({
      coded: n > 0 && coded(t.index),
      hits: hits[t.index]!.map((h): [number, number, string] => [h.first, h.last, h.term]).sort(bySpan),
    })),
    dropped,
    nearHits,
  };
}

function bySpan(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// The engine, reduced to the same shape.

type Compiled = ReturnType<typeof compileCodebook>;

function compileYaml(yaml: string): Compiled {
  return compileCodebook(parseCodebookOrThrow(yaml, 'oracle.yaml'));
}

function engine(compiled: Compiled, text: string): { words: number; themes: OracleThemeResult[] } {
  const coding = codeText(compiled, text);
  return {
    words: coding.words,
    themes: compiled.themes.map((_, i) => {
      const t = coding.themes.get(i);
      return t ? { coded: true, hits: t.hits.map((h): [number, number, string] => [h.first, h.last, h.term]).sort(bySpan) } : { coded: false, hits: [] };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Seeded generation.


// Words whose stems collide (connect*, organis*, fund*, group*, council*), an inner apostrophe,
// hyphenated phrases, and plain words.
const VOCAB = [
  'connect', 'connected', 'connection', 'connecting', 'connects',
  'organise', 'organised', 'organising',
  'fund', 'funding', 'funds', 'funded',
  'group', 'groups',
  'council', 'councils', "council's",
  "don't", 'self-esteem', 'self', 'esteem', 'community-led', 'community', 'led',
  'confidence', 'trust', 'local', 'big', 'decision', 'make', 'making', 'people', 'young',
  'support', 'supported', 'help', 'money', 'time',
] as const;
const FAMILIES: ReadonlyArray<readonly string[]> = [
  ['connect', 'connected', 'connection', 'connecting', 'connects'],
  ['organise', 'organised', 'organising'],
  ['fund', 'funding', 'funds', 'funded'],
  ['group', 'groups'],
  ['council', 'councils'],
  ['make', 'making'],
  ['support', 'supported'],
];
const ALPHA = VOCAB.filter((w) => /^[a-z]+$/.test(w));
const FILLER = ['the', 'and', 'a', 'we', 'it', 'was', 'really', 'so', 'i', 'they', 'that', 'of', 'to', 'in', 'is', '2024', '3rd', 'ok'];
// The same words in forms only NFKC and lower-casing reconcile.
const UNICODE_FORMS = ['ＦＵＮＤ', 'conﬁdence', 'ｃｏｕｎｃｉｌ', 'Ｇｒｏｕｐｓ', 'caf\u00e9', 'cafe\u0301', 'nai\u0308ve', 'na\u00efve', 'ＴＲＵＳＴ', 'ﬁnance'];

function casing(rng: Rng, word: string): string {
  const r = rng.next();
  if (r < 0.12) return word.charAt(0).toUpperCase() + word.slice(1);
  if (r < 0.18) return word.toUpperCase();
  return word;
}

/** A word of a keyword: plain, `=exact`, or `prefix*` of at least three letters. */
function genWord(rng: Rng, allowPrefix: boolean, allowExact: boolean): string {
  const r = rng.next();
  if (allowPrefix && r < 0.15) {
    const w = rng.pick(ALPHA);
    return `${w.slice(0, rng.int(3, w.length))}*`;
  }
  if (allowExact && r < 0.28) return `=${casing(rng, rng.pick(VOCAB))}`;
  return casing(rng, rng.pick(VOCAB));
}

function genTerm(rng: Rng, opts: { maxWords: number; prefix: boolean }): string {
  const words = rng.chance(0.35) ? rng.int(2, opts.maxWords) : 1;
  if (words === 1) return genWord(rng, opts.prefix, true);
  // A leading `=` makes the whole phrase exact; never combined with `*` (the rules give that no meaning).
  if (rng.chance(0.2)) return `=${Array.from({ length: words }, () => casing(rng, rng.pick(VOCAB))).join(' ')}`;
  return Array.from({ length: words }, (_, i) => genWord(rng, opts.prefix && i === words - 1, i > 0)).join(' ');
}

let themeCounter = 0;

function genTheme(rng: Rng, depth: number): GenTheme {
  const id = `t${themeCounter++}${rng.pick(['', '-x', '_y', '.z'])}`;
  const theme: GenTheme = {
    id,
    keywords: Array.from({ length: rng.int(rng.chance(0.1) ? 0 : 1, 4) }, () => genTerm(rng, { maxWords: 3, prefix: true })),
    exclude: rng.chance(0.4) ? Array.from({ length: rng.int(1, 2) }, () => genTerm(rng, { maxWords: 2, prefix: true })) : [],
    near: rng.chance(0.35)
      ? Array.from({ length: rng.int(1, 2) }, () => {
          const all = Array.from({ length: rng.int(2, 3) }, () => (rng.chance(0.1) ? genTerm(rng, { maxWords: 2, prefix: false }) : genWord(rng, true, true)));
          return { all, within: all.length + rng.int(0, 6) };
        })
      : [],
    themes: [],
  };
  if (rng.chance(0.35)) theme.stem = rng.chance(0.5);
  if (rng.chance(0.4)) theme.minHits = rng.int(1, 3);
  if (depth < 3 && rng.chance(0.45)) theme.themes = Array.from({ length: rng.int(1, 3) }, () => genTheme(rng, depth + 1));
  return theme;
}

function genCodebook(rng: Rng): GenCodebook {
  themeCounter = 0; // ids depend on the seed alone
  const cb: GenCodebook = {
    ignore: rng.chance(0.45) ? Array.from({ length: rng.int(1, 2) }, () => genTerm(rng, { maxWords: 2, prefix: true })) : [],
    themes: Array.from({ length: rng.int(1, 4) }, () => genTheme(rng, 1)),
  };
  if (rng.chance(0.5)) cb.stem = rng.chance(0.5);
  return cb;
}

/** YAML: lists mostly as JSON flow sequences, sometimes as block lists of plain scalars. */
function toYaml(cb: GenCodebook, rng: Rng): string {
  const lines: string[] = ['name: "oracle"', 'version: "1"'];
  const plainOk = (s: string) => /^[=a-zA-Z][a-zA-Z' -]*\*?$/.test(s);
  const list = (key: string, items: string[], indent: string) => {
    if (items.length === 0) {
      if (rng.chance(0.5)) lines.push(`${indent}${key}: []`);
      return;
    }
    if (rng.chance(0.3) && items.every(plainOk)) {
      lines.push(`${indent}${key}:`);
      for (const item of items) lines.push(`${indent}  - ${item}`);
    } else {
      lines.push(`${indent}${key}: ${JSON.stringify(items)}`);
    }
  };
  if (cb.stem !== undefined) lines.push(`stem: ${cb.stem}`);
  list('ignore', cb.ignore, '');
  const themes = (list_: GenTheme[], indent: string) => {
    for (const t of list_) {
      lines.push(`${indent}- id: ${JSON.stringify(t.id)}`);
      const inner = `${indent}  `;
      lines.push(`${inner}label: ${JSON.stringify(`Theme ${t.id}`)}`);
      if (t.stem !== undefined) lines.push(`${inner}stem: ${t.stem}`);
      if (t.minHits !== undefined) lines.push(`${inner}min_hits: ${t.minHits}`);
      list('keywords', t.keywords, inner);
      list('exclude', t.exclude, inner);
      if (t.near.length > 0) {
        lines.push(`${inner}near:`);
        for (const r of t.near) lines.push(`${inner}  - { all: ${JSON.stringify(r.all)}, within: ${r.within} }`);
      }
      if (t.themes.length > 0) {
        lines.push(`${inner}themes:`);
        themes(t.themes, `${inner}  `);
      }
    }
  };
  lines.push('themes:');
  themes(cb.themes, '  ');
  return `${lines.join('\n')}\n`;
}

/** A term as it might be written in a transcript: `=` gone, `*` completed with some letters. */
function plant(rng: Rng, term: string): string {
  return term
    .split(/\s+/)
    .map((w) => {
      let word = w.replace(/^=/, '');
      const family = FAMILIES.find((f) => f.includes(word.toLowerCase()));
      if (family && rng.chance(0.3)) word = rng.pick(family);
      if (word.endsWith('*')) word = word.slice(0, -1) + rng.pick(['', '', 's', 'ed', 'ing', 'ation', 'x']);
      return word;
    })
    .join(' ');
}

const SEPARATORS = [' ', ' ', ' ', ' ', ' ', ' ', ', ', '. ', '-', ' - ', ' \u2013 ', '; ', ' (', ') ', ' \u201C', '\u201D ', '! ', '\n', '  ', '/', '? ', "'", '\u2019', ' "', ': '];

function genPassage(rng: Rng, cb: GenCodebook): string {
  const terms: string[] = [...cb.ignore];
  const visit = (list_: GenTheme[]) => {
    for (const t of list_) {
      terms.push(...t.keywords, ...t.exclude, ...t.near.flatMap((r) => r.all));
      visit(t.themes);
    }
  };
  visit(cb.themes);
  const target = rng.chance(0.05) ? 0 : rng.int(1, 60);
  const pieces: string[] = [];
  let count = 0;
  while (count < target) {
    const r = rng.next();
    let piece: string;
    if (r < 0.15 && terms.length > 0) piece = plant(rng, rng.pick(terms));
    else if (r < 0.6) piece = rng.pick(VOCAB);
    else if (r < 0.66) piece = rng.pick(UNICODE_FORMS);
    else piece = rng.pick(FILLER);
    piece = casing(rng, piece);
    if (rng.chance(0.5)) piece = piece.replace(/'/g, '\u2019');
    if (rng.chance(0.07)) piece += rng.pick(["'s", '\u2019s', "'S"]);
    pieces.push(piece);
    count += piece.split(/[\s-]+/).length;
  }
  let text = rng.chance(0.2) ? rng.pick(['"', '\u201C', '(', '- ', '\u2018']) : '';
  pieces.forEach((p, i) => {
    text += (i > 0 ? rng.pick(SEPARATORS) : '') + p;
  });
  if (rng.chance(0.4)) text += rng.pick(['.', '?', '!', '\u201D', '...', "'", '\u2019']);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Comparison.

function describeMismatch(seed: number, yaml: string, text: string, what: string): string {
  return [
    `oracle and engine disagree (${what})`,
    `seed: ${seed}`,
    `passage: ${JSON.stringify(text)}`,
    `tokens (oracle): ${JSON.stringify(oracleTokens(text))}`,
    'codebook:',
    yaml,
  ].join('\n');
}

function compareOne(seed: number, cb: GenCodebook, yaml: string, compiled: Compiled, text: string): OracleResult {
  const want = oracle(cb, text);
  const got = engine(compiled, text);
  if (got.words !== want.words) expect(got.words, describeMismatch(seed, yaml, text, 'words')).toBe(want.words);
  const ids = flatten(cb).map((t) => t.gen.id);
  expect(compiled.themes.map((t) => t.id)).toEqual(ids);
  want.themes.forEach((w, i) => {
    const g = got.themes[i]!;
    const same = g.coded === w.coded && (!w.coded || JSON.stringify(g.hits) === JSON.stringify(w.hits));
    if (!same) {
      const label = `theme ${ids[i]}: coded, hit count and hit spans [first, last, term]`;
      const shown = (r: OracleThemeResult) => ({ coded: r.coded, count: r.coded ? r.hits.length : 0, hits: r.coded ? r.hits : [] });
      expect(shown(g), describeMismatch(seed, yaml, text, label)).toEqual(shown(w));
    }
  });
  return want;
}

/**
 * The same passage as Word would type it: accents composed, ligatures spelt out, and typographic
 * punctuation where plain was (curly apostrophes, dashes, ellipses, no-break spaces): text the
 * engine reads folded to bytes rather than through the full normalization.
 */
function toTypographic(text: string, rng: Rng): string {
  return text
    .normalize('NFC')
    .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
    .replace(/'/g, () => (rng.chance(0.7) ? '\u2019' : "'"))
    .replace(/ - /g, ' \u2013 ')
    .replace(/\.\.\./g, '\u2026')
    .replace(/ /g, () => (rng.chance(0.05) ? '\u00a0' : rng.chance(0.03) ? ' \u2014 ' : ' '));
}

/** Curly quotes straightened, anything else beyond ASCII made a space. */
function toAscii(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[^\x00-\x7f]/g, ' ');
}

const CODEBOOKS = 30;
const PASSAGES_PER_CODEBOOK = 40;
const BASE_SEED = 20240611;

function shuffledCodebook(rng: Rng, cb: GenCodebook): GenCodebook {
  const theme = (t: GenTheme): GenTheme => ({
    ...t,
    keywords: rng.shuffle(t.keywords),
    exclude: rng.shuffle(t.exclude),
    near: rng.shuffle(t.near),
    themes: rng.shuffle(t.themes).map(theme),
  });
  return { ...cb, ignore: rng.shuffle(cb.ignore), themes: rng.shuffle(cb.themes).map(theme) };
}

describe('the engine agrees with a naive counter', () => {
  it(`on ${CODEBOOKS} random codebooks x ${PASSAGES_PER_CODEBOOK} random passages`, () => {
    let passages = 0;
    let themeChecks = 0;
    let hits = 0;
    let coded = 0;
    let dropped = 0;
    let nearHits = 0;
    let phraseHits = 0;
    for (let c = 0; c < CODEBOOKS; c++) {
      const seed = BASE_SEED + c;
      const rng = prng(seed);
      const cb = genCodebook(rng);
      const yaml = toYaml(cb, rng);
      const compiled = compileYaml(yaml);
      for (let p = 0; p < PASSAGES_PER_CODEBOOK; p++) {
        const text = genPassage(rng, cb);
        const r = compareOne(seed, cb, yaml, compiled, text);
        passages++;
        themeChecks += r.themes.length;
        for (const t of r.themes) {
          if (t.coded) coded++;
          hits += t.hits.length;
          phraseHits += t.hits.filter(([a, b]) => b > a).length;
        }
        dropped += r.dropped;
        nearHits += r.nearHits;
      }
    }
    expect(passages).toBe(CODEBOOKS * PASSAGES_PER_CODEBOOK);
    // The corpora must actually exercise the rules, or agreement means little.
    expect(coded).toBeGreaterThan(themeChecks / 5);
    expect(hits).toBeGreaterThan(2000);
    expect(phraseHits).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(100);
    expect(nearHits).toBeGreaterThan(50);
    expect(themeChecks).toBeGreaterThan(passages * 2);
  });

  it('on the same kind of passages kept to ASCII, which the engine reads as bytes', () => {
    let hits = 0;
    let phraseHits = 0;
    let possessives = 0;
    for (let c = 0; c < CODEBOOKS; c++) {
      const seed = BASE_SEED + 2000 + c;
      const rng = prng(seed);
      const cb = genCodebook(rng);
      const yaml = toYaml(cb, rng);
      const compiled = compileYaml(yaml);
      for (let p = 0; p < PASSAGES_PER_CODEBOOK; p++) {
        const text = toAscii(genPassage(rng, cb));
        if (/'s\b/i.test(text)) possessives++;
        for (const t of compareOne(seed, cb, yaml, compiled, text).themes) {
          hits += t.coded ? t.hits.length : 0;
          phraseHits += t.coded ? t.hits.filter(([a, b]) => b > a).length : 0;
        }
      }
    }
    expect(hits).toBeGreaterThan(2000);
    expect(phraseHits).toBeGreaterThan(100);
    expect(possessives).toBeGreaterThan(50);
  });

  it('on the same kind of passages as Word types them, which the engine reads folded to bytes', () => {
    let hits = 0;
    let foldedPassages = 0;
    let typographic = 0;
    for (let c = 0; c < CODEBOOKS; c++) {
      const seed = BASE_SEED + 3000 + c;
      const rng = prng(seed);
      const cb = genCodebook(rng);
      const yaml = toYaml(cb, rng);
      const compiled = compileYaml(yaml);
      for (let p = 0; p < PASSAGES_PER_CODEBOOK; p++) {
        const text = toTypographic(genPassage(rng, cb), rng);
        if (/[^\x00-\x7f]/.test(text)) typographic++;
        if (scanFolded(text)) foldedPassages++;
        for (const t of compareOne(seed, cb, yaml, compiled, text).themes) hits += t.coded ? t.hits.length : 0;
      }
    }
    expect(hits).toBeGreaterThan(2000);
    // Most passages hold typographic punctuation, and nearly all of those fold (fullwidth letters fold too).
    expect(typographic).toBeGreaterThan((CODEBOOKS * PASSAGES_PER_CODEBOOK) / 2);
    expect(foldedPassages).toBeGreaterThan(typographic * 0.9);
  });

  it('gives the same hits whatever the order of themes, keywords, near rules, excludes and ignores', () => {
    for (let c = 0; c < CODEBOOKS; c++) {
      const seed = BASE_SEED + 1000 + c;
      const rng = prng(seed);
      const cb = genCodebook(rng);
      const yaml = toYaml(cb, rng);
      const shuffled = toYaml(shuffledCodebook(rng, cb), rng);
      const a = compileYaml(yaml);
      const b = compileYaml(shuffled);
      const byId = (compiled: Compiled, text: string) => {
        const coding = codeText(compiled, text);
        const out: Record<string, { count: number; spans: string }> = {};
        for (const [i, t] of coding.themes) {
          out[compiled.themes[i]!.id] = { count: t.hits.length, spans: t.hits.map((h) => `${h.first}-${h.last}`).sort().join(' ') };
        }
        return out;
      };
      for (let p = 0; p < 15; p++) {
        const text = genPassage(rng, cb);
        expect(byId(b, text), `seed ${seed}\npassage: ${JSON.stringify(text)}\n--- codebook:\n${yaml}\n--- shuffled:\n${shuffled}`).toEqual(byId(a, text));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written cases: each checked against literal expectations, by the oracle and by the engine,
// so that the oracle itself is pinned to the rules.

function theme(id: string, fields: Partial<Omit<GenTheme, 'id'>> = {}): GenTheme {
  return { id, keywords: [], exclude: [], near: [], themes: [], ...fields };
}

function both(cb: GenCodebook, text: string): Record<string, { count: number; spans: Array<[number, number]> }> {
  const rng = prng(1);
  const yaml = toYaml(cb, rng);
  const compiled = compileYaml(yaml);
  const want = compareOne(0, cb, yaml, compiled, text);
  const ids = flatten(cb).map((t) => t.gen.id);
  const out: Record<string, { count: number; spans: Array<[number, number]> }> = {};
  want.themes.forEach((t, i) => {
    if (t.coded) out[ids[i]!] = { count: t.hits.length, spans: t.hits.map(([a, b]) => [a, b]) };
  });
  return out;
}

describe('the naive counter on hand-written cases', () => {
  it('tokenises by the rules', () => {
    expect(oracleTokens('We don’t; the Council’s community-led “plan” 2024')).toEqual(['we', "don't", 'the', 'council', 'community', 'led', 'plan', '2024']);
    expect(oracleTokens("'tis rock 'n' roll's end-")).toEqual(['tis', 'rock', 'n', 'roll', 'end']);
    expect(oracleTokens('ＦＵＮＤ conﬁdence cafe\u0301')).toEqual(['fund', 'confidence', 'café']);
    expect(oracleTokens('')).toEqual([]);
  });

  it('a phrase nested in a longer phrase: the longer one wins', () => {
    const cb: GenCodebook = { ignore: [], themes: [theme('a', { keywords: ['big local', 'big local trust'] })] };
    expect(both(cb, 'the big local trust met')).toEqual({ a: { count: 1, spans: [[1, 3]] } });
    // Punctuation is not a token: a comma does not break a phrase, a word does.
    expect(both(cb, 'big local, trust')).toEqual({ a: { count: 1, spans: [[0, 2]] } });
    expect(both(cb, 'big local and trust')).toEqual({ a: { count: 1, spans: [[0, 1]] } });
  });

  it('stems collide when stemming is on, not when it is off or the word is =exact', () => {
    const text = 'connect, connected; Connection and connecting';
    expect(both({ ignore: [], themes: [theme('a', { keywords: ['connection'] })] }, text)).toEqual({ a: { count: 4, spans: [[0, 0], [1, 1], [2, 2], [4, 4]] } });
    expect(both({ ignore: [], themes: [theme('a', { keywords: ['connection'], stem: false })] }, text)).toEqual({ a: { count: 1, spans: [[2, 2]] } });
    expect(both({ ignore: [], themes: [theme('a', { keywords: ['=connected'] })] }, text)).toEqual({ a: { count: 1, spans: [[1, 1]] } });
    expect(both({ ignore: [], themes: [theme('a', { keywords: ['conn*'] })] }, text)).toEqual({ a: { count: 4, spans: [[0, 0], [1, 1], [2, 2], [4, 4]] } });
    // Sub-themes inherit stem: false.
    const nested: GenCodebook = { ignore: [], themes: [theme('p', { stem: false, themes: [theme('c', { keywords: ['funds'] })] })] };
    expect(both(nested, 'fund funds funding')).toEqual({ p: { count: 1, spans: [[1, 1]] }, c: { count: 1, spans: [[1, 1]] } });
  });

  it("a trailing 's is dropped, an inner apostrophe is kept, curly ones fold", () => {
    const cb: GenCodebook = { ignore: [], themes: [theme('a', { keywords: ['=council', "don't"] })] };
    expect(both(cb, 'The council’s plan; I DON’T know')).toEqual({ a: { count: 2, spans: [[1, 1], [4, 4]] } });
  });

  it('hyphenated keywords are phrases; a leading = makes the whole phrase exact', () => {
    const cb: GenCodebook = { ignore: [], themes: [theme('a', { keywords: ['self-esteem'] }), theme('b', { keywords: ['=young people'] })] };
    expect(both(cb, 'self esteem, Self-Esteem; young peoples, young people')).toEqual({
      a: { count: 2, spans: [[0, 1], [2, 3]] },
      b: { count: 1, spans: [[6, 7]] },
    });
  });

  it('exclude applies to the theme and its sub-themes; ignore to every theme', () => {
    const cb: GenCodebook = {
      ignore: ['big local'],
      themes: [theme('p', { exclude: ['young people'], keywords: ['local'], themes: [theme('c', { keywords: ['people'] })] }), theme('o', { keywords: ['people', 'local'] })],
    };
    expect(both(cb, 'young people and people; big local and local')).toEqual({
      p: { count: 2, spans: [[3, 3], [7, 7]] },
      c: { count: 1, spans: [[3, 3]] },
      o: { count: 3, spans: [[1, 1], [3, 3], [7, 7]] },
    });
  });

  it('exclude phrases follow the theme\'s stem setting, ignore phrases the codebook\'s', () => {
    const keywords = ['=fund', '=funds', '=funding'];
    expect(both({ ignore: ['funds'], themes: [theme('a', { keywords })] }, 'fund funds funding')).toEqual({});
    expect(both({ stem: false, ignore: ['funds'], themes: [theme('a', { keywords })] }, 'fund funds funding')).toEqual({ a: { count: 2, spans: [[0, 0], [2, 2]] } });
    expect(both({ ignore: [], themes: [theme('a', { keywords: ['group*'], exclude: ['groups'] })] }, 'group groups')).toEqual({});
    expect(both({ ignore: [], themes: [theme('a', { stem: false, keywords: ['group*'], exclude: ['groups'] })] }, 'group groups')).toEqual({ a: { count: 1, spans: [[0, 0]] } });
  });

  it('near: one hit per window, the next window starts after the last', () => {
    const cb: GenCodebook = { ignore: [], themes: [theme('a', { near: [{ all: ['decision', 'make'], within: 3 }] })] };
    // [0..2] is the first window (decision x make); the next one needs both terms after token 2.
    expect(both(cb, 'decision x make decision make x x decision x x make')).toEqual({ a: { count: 2, spans: [[0, 2], [3, 4]] } });
    // The window takes the latest start: "decision decision make" is one hit over [1, 2].
    expect(both(cb, 'decision decision make')).toEqual({ a: { count: 1, spans: [[1, 2]] } });
  });

  it('min_hits, and a parent coded through its sub-theme; parent hits are the longest-first union', () => {
    const cb: GenCodebook = {
      ignore: [],
      themes: [theme('p', { minHits: 3, keywords: ['money'], themes: [theme('c', { keywords: ['money time'] })] })],
    };
    expect(both(cb, 'money time, money')).toEqual({ p: { count: 2, spans: [[0, 1], [2, 2]] }, c: { count: 1, spans: [[0, 1]] } });
    expect(both(cb, 'money money')).toEqual({});
  });
});
