// Porter stems through natural's module path (its package root loads everything and runs dotenv).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();
/** Enough for any interview vocabulary; a corpus of endless distinct tokens (ids, numbers) starts the cache afresh. */
const MAX_CACHED = 500_000;

/** Each distinct word is stemmed once per process; interview vocabularies are small. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, s);
  }
  return s;
}
