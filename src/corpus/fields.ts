// Metadata fields by name, whatever the name: `constructor`, `__proto__` and `toString` are fields a
// file may or may not have, never JavaScript's own. A record may have crossed to a worker thread and
// back, which gives it Object's prototype again, so reads test for own keys rather than trust the
// prototype, and writes define the key rather than assign it (assigning `__proto__` sets the prototype).
import type { Meta } from './types.js';

/** The passage's own fields: --by and --where read these, whatever a file's metadata says. */
export const BUILT_IN_FIELDS = {
  file: "the transcript's path",
  speaker: "the passage's speaker",
} as const;

/** `meta.NAME` names the metadata field NAME even where obs has a field of that name itself. */
export const META_PREFIX = 'meta.';

export function isBuiltIn(name: string): name is keyof typeof BUILT_IN_FIELDS {
  return Object.hasOwn(BUILT_IN_FIELDS, name);
}

export function newMeta(): Meta {
  return Object.create(null) as Meta;
}

export function getField(meta: Meta, name: string): string | undefined {
  return Object.hasOwn(meta, name) ? meta[name] : undefined;
}

export function setField(meta: Meta, name: string, value: string): void {
  Object.defineProperty(meta, name, { value, writable: true, enumerable: true, configurable: true });
}

/** A record's fields, `__proto__` included, as a fresh record. */
export function copyMeta(from: Meta | undefined, into: Meta = newMeta()): Meta {
  if (from) for (const name of Object.keys(from)) setField(into, name, from[name]!);
  return into;
}
