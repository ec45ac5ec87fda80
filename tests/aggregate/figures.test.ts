// The frequency counters count each document once per group and theme, however its passages arrive:
// one after another (as a corpus run gives them) or interleaved with other documents' passages.
import { describe, expect, it } from 'vitest';
import { FigureCounter } from '../../src/aggregate/figures.js';
import type { Meta } from '../../src/corpus/types.js';
import type { CompiledTheme } from '../../src/match/compile.js';
import type { Hit, PassageCoding, ThemeCoding } from '../../src/match/engine.js';
import type { Passage } from '../../src/segment/types.js';
import { prng } from '../helpers/random.js';

const THEMES = ['agency', 'organisation', 'resources'].map((id) => ({ id }) as CompiledTheme);
const AREAS = ['Barrowfield', 'Lawrence Weston', 'Ramsey'];

interface Added {
  passage: Passage;
  themes: number[];
}

function passages(seed: number, interleaved: boolean): Added[] {
  const rng = prng(seed);
  const out: Added[] = [];
  for (let doc = 0; doc < 40; doc++) {
    // A document's metadata is one object, shared by its passages, as a corpus run gives it.
    const meta: Meta = rng.chance(0.2) ? {} : { area: rng.pick(AREAS) };
    for (let k = rng.int(0, 6); k > 0; k--) {
      const passage: Passage = { doc, file: `d${doc}.txt`, line: k, end: k, speaker: rng.pick(['Ann', 'Bo', null]), start: null, meta, text: '', interviewer: false };
      out.push({ passage, themes: [0, 1, 2].filter(() => rng.chance(0.4)) });
    }
  }
  return interleaved ? rng.shuffle(out) : out;
}

function coding(themes: number[]): PassageCoding {
  const hit: Hit = { term: 'x', first: 0, last: 0, start: 0, end: 1 };
  return { words: 10, themes: new Map<number, ThemeCoding>(themes.map((t) => [t, { hits: [hit], terms: ['x'] }])) };
}

/** The same figures worked out plainly: every passage's document put in a set, as often as it comes. */
function expected(added: Added[]): Map<string, { documents_total: number; documents: number }> {
  const all = new Map<string, Set<number>>();
  const byTheme = new Map<string, Set<number>>();
  const put = (m: Map<string, Set<number>>, key: string, doc: number) => m.set(key, (m.get(key) ?? new Set()).add(doc));
  for (const { passage, themes } of added) {
    const area = passage.meta.area ?? '(unknown)';
    for (const group of [area, '(all)']) {
      put(all, group, passage.doc);
      for (const t of themes) put(byTheme, `${group}\u0000${THEMES[t]!.id}`, passage.doc);
    }
  }
  const out = new Map<string, { documents_total: number; documents: number }>();
  for (const group of all.keys()) {
    for (const theme of THEMES) out.set(`${group}\u0000${theme.id}`, { documents_total: all.get(group)!.size, documents: byTheme.get(`${group}\u0000${theme.id}`)?.size ?? 0 });
  }
  return out;
}

describe('document counts', () => {
  for (const interleaved of [false, true]) {
    it(`count each document once per group and theme, passages ${interleaved ? 'interleaved' : 'in corpus order'}`, () => {
      for (let seed = 1; seed <= 50; seed++) {
        const added = passages(seed, interleaved);
        const counter = new FigureCounter(['area'], THEMES);
        for (const { passage, themes } of added) counter.add(passage, coding(themes));
        const want = expected(added);
        const rows = counter.rows();
        expect(rows.length).toBe(want.size);
        for (const r of rows) {
          expect({ documents_total: r.documents_total, documents: r.documents }, `seed ${seed}, ${r.group[0]} ${r.theme}`).toEqual(want.get(`${r.group[0]}\u0000${r.theme}`));
        }
        // Documents without an area are told of once each, however many passages they have.
        const unknown = new Set(added.filter((a) => a.passage.meta.area === undefined).map((a) => a.passage.doc)).size;
        expect(counter.missing()).toEqual(unknown > 0 ? [['area', unknown]] : []);
      }
    });
  }
});
