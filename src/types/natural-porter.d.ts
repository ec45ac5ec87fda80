// natural ships no types for its per-module paths; the package root must not be imported
// (it loads every stemmer and runs dotenv), so the one module obs uses is declared here.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
