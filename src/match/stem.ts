// Porter stems through natural's module path (its package root loads everything and runs dotenv).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();

/** Each distinct word is stemmed once per process; interview vocabularies are small. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    cache.set(word, s);
  }
  return s;
}
