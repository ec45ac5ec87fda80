// A dependency loaded on first use: for code that only some files need, where loading it on every
// run costs more than it saves (iconv-lite's charset tables are half a megabyte of code to parse).
// A plain require() would be bundled into a chunk that every run loads; this one stays a runtime call.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function lazy<T>(id: string): () => T {
  let module: T | undefined;
  return () => (module ??= load(id) as T);
}
