// The engine against a deliberately naive counter written here from SPEC.md alone: every keyword
// tried at every position, every rule checked by brute force. They must agree on generated corpora.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { compileCodebook } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';

// ---- the naive counter ----

interface NaiveTheme {
  id: string;
  stem: boolean;
  keywords: string[];
  exclude: string[];
  near: Array<{ all: string[]; within: number }>;
  minHits: number;
  children: NaiveTheme[];
  parent?: NaiveTheme;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);

function naiveTokens(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'");
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (isWordChar(c) || (c === "'" && word !== '' && isWordChar(s[i + 1]))) word += c;
    else {
      if (word !== '') out.push(word);
      word = '';
    }
  }
  if (word !== '') out.push(word);
  return out.map((w) => (w.length > 2 && w.endsWith("'s") ? w.slice(0, -2) : w));
}

type WordRule = (token: string) => boolean;

const stems = new Map<string, string>();
const porter = (w: string) => stems.get(w) ?? (stems.set(w, PorterStemmer.stem(w)), stems.get(w)!);

function naivePattern(keyword: string, stemming: boolean): WordRule[] {
  const allExact = keyword.startsWith('=');
  const rules: WordRule[] = [];
  for (const raw of keyword.split(/\s+/).filter(Boolean)) {
    const exact = allExact || raw.startsWith('=');
    const prefix = raw.endsWith('*');
    const parts = naiveTokens(raw.replace(/^=/, '').replace(/\*$/, ''));
    parts.forEach((part, i) => {
      if (prefix && i === parts.length - 1) rules.push((t) => t.startsWith(part));
      else if (exact || !stemming) rules.push((t) => t === part);
      else rules.push((t) => porter(t) === porter(part));
    });
  }
  return rules;
}

function occurrences(tokens: string[], pattern: WordRule[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + pattern.length <= tokens.length; i++) {
    if (pattern.every((rule, k) => rule(tokens[i + k]!))) out.push([i, i + pattern.length - 1]);
  }
  return out;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

function naiveNear(tokens: string[], terms: WordRule[][], within: number): Array<[number, number]> {
  const occ = terms.map((t) => occurrences(tokens, t));
  const hits: Array<[number, number]> = [];
  let boundary = -1;
  for (let e = 0; e < tokens.length; e++) {
    // The largest start such that every term occurs whole inside [s, e].
    for (let s = e; s > boundary; s--) {
      if (occ.every((list) => list.some(([a, b]) => a >= s && b <= e))) {
        if (e - s + 1 <= within) {
          hits.push([s, e]);
          boundary = e;
        }
        break;
      }
    }
  }
  return hits;
}

interface Cand {
  span: [number, number];
  order: number;
}

function naiveCode(themes: NaiveTheme[], ignore: string[], codebookStem: boolean, text: string) {
  const tokens = naiveTokens(text);
  const flat: NaiveTheme[] = [];
  const walk = (list: NaiveTheme[]) => list.forEach((t) => (flat.push(t), walk(t.children)));
  walk(themes);
  const ignored = ignore.flatMap((p) => occurrences(tokens, naivePattern(p, codebookStem)));
  const own = new Map<NaiveTheme, Cand[]>();
  flat.forEach((theme, ti) => {
    const excluded: Array<[number, number]> = [];
    for (let t: NaiveTheme | undefined = theme; t; t = t.parent) for (const e of t.exclude) excluded.push(...occurrences(tokens, naivePattern(e, t.stem)));
    const cands: Cand[] = [];
    theme.keywords.forEach((k, r) => occurrences(tokens, naivePattern(k, theme.stem)).forEach((span) => cands.push({ span, order: ti * 1000 + r })));
    theme.near.forEach((n, r) =>
      naiveNear(tokens, n.all.map((a) => naivePattern(a, theme.stem)), n.within).forEach((span) => cands.push({ span, order: ti * 1000 + theme.keywords.length + r })),
    );
    own.set(theme, cands.filter((c) => !ignored.some((x) => overlaps(c.span, x)) && !excluded.some((x) => overlaps(c.span, x))));
  });
  const pool = (t: NaiveTheme): Cand[] => [...own.get(t)!, ...t.children.flatMap(pool)];
  const result = new Map<string, Array<[number, number]>>();
  const coded = (t: NaiveTheme): boolean => {
    const sorted = [...pool(t)].sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]) || a.span[0] - b.span[0] || a.order - b.order);
    const chosen: Cand[] = [];
    for (const c of sorted) if (!chosen.some((d) => overlaps(c.span, d.span))) chosen.push(c);
    const childCoded = t.children.map(coded).some(Boolean);
    const yes = chosen.length >= t.minHits || childCoded;
    if (yes) result.set(t.id, chosen.map((c) => c.span).sort((a, b) => a[0] - b[0]));
    return yes;
  };
  themes.forEach(coded);
  return result;
}

// ---- generated codebooks and passages ----

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = ['connect', 'connected', 'connection', 'connecting', 'organise', 'organised', 'fund', 'funding', 'funds', 'group', 'groups', "council's", 'council', "don't", 'self-esteem', 'match', 'grant', 'grants', 'time', 'spare', 'trust', 'local', 'big', 'decision', 'make', 'made', 'community-led', 'CIC', 'cics', 'empower', 'empowered'];
const FILLER = ['the', 'and', 'we', 'it', 'was', 'a', 'of', 'really', 'so'];

function generate(seed: number) {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const word = () => {
    const w = pick(VOCAB);
    const roll = r();
    if (roll < 0.1 && /^[a-z]{3,}/.test(w)) return `${w.replace(/[^a-z].*$/, '').slice(0, 3 + Math.floor(r() * 3))}*`;
    if (roll < 0.2) return `=${w}`;
    return w;
  };
  const phrase = () => Array.from({ length: 1 + Math.floor(r() * 3) }, word).join(' ');
  let id = 0;
  const theme = (depth: number): string => {
    const ind = '  '.repeat(depth * 2 + 1);
    const lines = [`${ind}- id: t${id++}`, `${ind}  label: T`, `${ind}  keywords: ${JSON.stringify(Array.from({ length: 1 + Math.floor(r() * 4) }, phrase))}`];
    if (r() < 0.4) lines.push(`${ind}  exclude: ${JSON.stringify([phrase()])}`);
    if (r() < 0.3) {
      const all = Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(VOCAB));
      lines.push(`${ind}  near: [{ all: ${JSON.stringify(all)}, within: ${all.length + Math.floor(r() * 5)} }]`);
    }
    if (r() < 0.3) lines.push(`${ind}  min_hits: ${1 + Math.floor(r() * 3)}`);
    if (r() < 0.2) lines.push(`${ind}  stem: ${r() < 0.5}`);
    if (depth < 2 && r() < 0.4) lines.push(`${ind}  themes:`, ...Array.from({ length: 1 + Math.floor(r() * 2) }, () => theme(depth + 1)));
    return lines.join('\n');
  };
  const yaml = [`name: generated ${seed}`, `stem: ${r() < 0.8}`, `ignore: ${JSON.stringify(r() < 0.5 ? [phrase()] : [])}`, 'themes:', ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => theme(0))].join('\n');
  const passages = Array.from({ length: 25 }, () => {
    const n = Math.floor(r() * 40);
    const words = Array.from({ length: n }, () => {
      const w = r() < 0.65 ? pick(VOCAB) : pick(FILLER);
      const cased = r() < 0.15 ? w.toUpperCase() : w;
      return r() < 0.05 ? cased.replace("'", '’') : cased;
    });
    return words.map((w) => w + (r() < 0.1 ? pick([',', '.', ';', ' -', '!']) : '')).join(' ');
  });
  return { yaml, passages };
}

/** The naive counter reads the codebook YAML through the real parser: parsing has tests of its own. */
function toNaive(yaml: string) {
  const codebook = parseCodebookOrThrow(yaml, 'generated.yaml');
  const convert = (t: (typeof codebook.themes)[number], parent?: NaiveTheme): NaiveTheme => {
    const n: NaiveTheme = { id: t.id, stem: t.stem, keywords: t.keywords.map((k) => k.text), exclude: t.exclude.map((e) => e.text), near: t.near.map((x) => ({ all: x.all.map((a) => a.text), within: x.within })), minHits: t.minHits, children: [] };
    if (parent) n.parent = parent;
    n.children = t.themes.map((c) => convert(c, n));
    return n;
  };
  return { codebook, themes: codebook.themes.map((t) => convert(t)) };
}

describe('the engine agrees with a naive counter', () => {
  it('on 300 generated codebooks of 25 passages each', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { yaml, passages } = generate(seed);
      const { codebook, themes } = toNaive(yaml);
      const compiled = compileCodebook(codebook);
      for (const text of passages) {
        const expected = naiveCode(themes, codebook.ignore.map((i) => i.text), codebook.stem, text);
        const got = new Map<string, Array<[number, number]>>();
        for (const [t, coding] of codeText(compiled, text).themes) got.set(compiled.themes[t]!.id, coding.hits.map((h) => [h.first, h.last]));
        expect(Object.fromEntries(got), `seed ${seed}\n${yaml}\npassage: ${text}`).toEqual(Object.fromEntries(expected));
        compared++;
      }
    }
    expect(compared).toBe(7500);
  });
});
