// A deterministic benchmark corpus: interview transcripts with front matter, interviewer and
// respondent turns, and words drawn with a Zipf-like spread, plus the codebook the peers share.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  const cumulative: number[] = [];
  let total = 0;
  words.forEach((_, r) => cumulative.push((total += 1 / (r + 1))));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

export function generateCorpus(dir: string, files: number, wordsPerFile: number, seed = 2026): BenchCorpus {
  const rng = prng(seed);
  const draw = zipf(vocabulary(rng));
  const ruleWords = Object.values(RULES).flatMap((r) => r.words.flatMap((w) => FORMS[w]!));
  const phrases = Object.values(RULES).flatMap((r) => r.phrases);
  let words = 0;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const area = AREAS[f % AREAS.length]!;
    const year = YEARS[Math.floor(f / AREAS.length) % YEARS.length]!;
    const name = rng.pick(NAMES);
    const out = ['---', `area: ${area}`, `year: ${year}`, `interviewer: Researcher ${String.fromCharCode(65 + (f % 4))}`, '---', ''];
    let count = 0;
    while (count < wordsPerFile) {
      const question = sentence(rng, draw, rng.int(6, 16), ruleWords, phrases, 0.01);
      const answer: string[] = [];
      const length = rng.int(20, 160);
      let n = 0;
      while (n < length) {
        const size = rng.int(5, 20);
        answer.push(sentence(rng, draw, size, ruleWords, phrases, 0.02));
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
