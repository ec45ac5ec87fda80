// A document's coded passages packed into a few flat arrays for the trip from a worker: copying
// objects between threads costs more than coding them, so the passages travel as numbers.
import type { Meta } from '../corpus/types.js';
import type { Hit, ThemeCoding } from '../match/engine.js';
import type { CodedPassage } from '../pipeline.js';

export interface PackedPassages {
  count: number;
  file: string;
  lines: Int32Array;
  /** The last line of each passage; a document passage's, past any line, as -1. */
  ends: Int32Array;
  /** 1: an interviewer turn; 2: coded (a respondent passage the filters kept). */
  flags: Uint8Array;
  words: Int32Array;
  /** Index into `speakers`, -1 for none. */
  speakerOf: Int32Array;
  speakers: string[];
  starts: Array<string | null>;
  /** Index into `metas`: passages of one document mostly share one metadata object. */
  metaOf: Int32Array;
  metas: Meta[];
  texts: string[] | null;
  /** Per coded theme: passage, theme index, number of hits. */
  themes: Int32Array;
  /** With texts: per hit, first and last token, start and end offset, and the index of its term. */
  hits: Int32Array | null;
  terms: string[];
}

export function pack(passages: readonly CodedPassage[], file: string, keepText: boolean): PackedPassages {
  const n = passages.length;
  const speakers = new Map<string, number>();
  const metas = new Map<Meta, number>();
  const terms = new Map<string, number>();
  const themes: number[] = [];
  const hits: number[] = [];
  const packed: PackedPassages = {
    count: n,
    file,
    lines: new Int32Array(n),
    ends: new Int32Array(n),
    flags: new Uint8Array(n),
    words: new Int32Array(n),
    speakerOf: new Int32Array(n),
    speakers: [],
    starts: new Array<string | null>(n),
    metaOf: new Int32Array(n),
    metas: [],
    texts: keepText ? new Array<string>(n) : null,
    themes: new Int32Array(0),
    hits: null,
    terms: [],
  };
  const indexOf = <K>(map: Map<K, number>, list: K[], key: K) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = list.push(key) - 1));
    return i;
  };
  passages.forEach(({ passage: p, coding }, i) => {
    packed.lines[i] = p.line;
    packed.ends[i] = p.end > 0x7fffffff ? -1 : p.end;
    packed.flags[i] = (p.interviewer ? 1 : 0) | (coding ? 2 : 0);
    packed.words[i] = coding?.words ?? 0;
    packed.speakerOf[i] = p.speaker === null ? -1 : indexOf(speakers, packed.speakers, p.speaker);
    packed.starts[i] = p.start;
    packed.metaOf[i] = indexOf(metas, packed.metas, p.meta);
    if (packed.texts) packed.texts[i] = p.text;
    for (const [t, theme] of coding?.themes ?? []) {
      themes.push(i, t, theme.hits.length);
      if (keepText) for (const h of theme.hits) hits.push(h.first, h.last, h.start, h.end, indexOf(terms, packed.terms, h.term));
    }
  });
  packed.themes = Int32Array.from(themes);
  if (keepText) packed.hits = Int32Array.from(hits);
  return packed;
}

/**
 * Back to passages. Without texts, a theme's hits come back as an array of the right length with
 * nothing in it: enough for every count, and nothing reads them where no text is shown.
 */
export function unpack(packed: PackedPassages, doc: number): CodedPassage[] {
  const out: CodedPassage[] = new Array(packed.count);
  const themes: Array<Map<number, ThemeCoding>> = new Array(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const s = packed.speakerOf[i]!;
    out[i] = {
      passage: {
        doc,
        file: packed.file,
        line: packed.lines[i]!,
        end: packed.ends[i]! < 0 ? Number.MAX_SAFE_INTEGER : packed.ends[i]!,
        speaker: s < 0 ? null : packed.speakers[s]!,
        start: packed.starts[i]!,
        meta: packed.metas[packed.metaOf[i]!]!,
        text: packed.texts ? packed.texts[i]! : '',
        interviewer: (packed.flags[i]! & 1) === 1,
      },
    };
    if (packed.flags[i]! & 2) out[i]!.coding = { words: packed.words[i]!, themes: (themes[i] = new Map()) };
  }
  let h = 0;
  for (let k = 0; k < packed.themes.length; k += 3) {
    const count = packed.themes[k + 2]!;
    let coding: ThemeCoding;
    if (packed.hits) {
      const hits: Hit[] = [];
      for (let j = 0; j < count; j++, h += 5) {
        const x = packed.hits;
        hits.push({ first: x[h]!, last: x[h + 1]!, start: x[h + 2]!, end: x[h + 3]!, term: packed.terms[x[h + 4]!]! });
      }
      coding = { hits, terms: [...new Set(hits.map((hit) => hit.term))] };
    } else {
      coding = { hits: new Array<Hit>(count), terms: [] };
    }
    themes[packed.themes[k]!]!.set(packed.themes[k + 1]!, coding);
  }
  return out;
}
