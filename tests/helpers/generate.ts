// A seeded corpus of interview transcripts with front matter, for tests that check figures end to end.
import { prng } from './random.js';

const AREAS = ['Ramsey', 'Revoe', 'Whitley Bay', 'Northfleet'];
const YEARS = ['2016', '2019', '2022'];
// Words and phrases of the built-in codebook's themes and sub-themes, and words of none.
const THEMED = [
  'confidence', 'skills', 'empowered', 'committee', 'governance', 'constitution', 'succession', 'legacy',
  'council', 'councillors', 'partnership', 'relationship', 'grant', 'grants', 'funding', 'match funding',
  'leverage', 'ten years', 'volunteers', 'exhausted', 'budget', 'money', 'trust', 'networks',
];
const PLAIN = ['we', 'the', 'estate', 'really', 'people', 'kids', 'park', 'and', 'it', 'was', 'so', 'then', 'a', 'lot', 'of', 'summer', 'shop', 'bus'];
const NAMES = ['Sam', 'Priya', 'Malcolm', 'Joan'];

export function generatedCorpus(seed: number, documents: number): Record<string, string> {
  const rng = prng(seed);
  const files: Record<string, string> = {};
  for (let d = 0; d < documents; d++) {
    const area = rng.pick(AREAS);
    const year = rng.pick(YEARS);
    const name = rng.pick(NAMES);
    const lines = ['---', `area: ${area}`, `year: ${year}`, '---', ''];
    const turns = rng.int(2, 8);
    for (let t = 0; t < turns; t++) {
      // Interviewers use theme words too; they must never be counted.
      lines.push(`Interviewer: Tell me about the ${rng.pick(THEMED)} side of it?`, '');
      const words: string[] = [];
      const length = rng.int(3, 40);
      const themed = rng.chance(0.8);
      for (let w = 0; w < length; w++) words.push(themed && rng.chance(0.2) ? rng.pick(THEMED) : rng.pick(PLAIN));
      lines.push(`${name}: ${words.join(' ')}.`, '');
    }
    files[`${area.toLowerCase().replace(/ /g, '-')}/${year}-${String(d).padStart(3, '0')}.txt`] = lines.join('\n');
  }
  return files;
}
