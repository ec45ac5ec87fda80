// Group keys from the --by fields, and the one order groups are shown in.
import { META_PREFIX, getField } from '../corpus/fields.js';
import type { Passage } from '../segment/types.js';

export const UNKNOWN = '(unknown)';
export const ALL = '(all)';

/**
 * `file` and `speaker` are the passage's own, whatever its metadata says; any other name is a
 * metadata field, and `meta.NAME` is always the metadata field NAME.
 */
export function fieldValue(passage: Passage, field: string): string | undefined {
  if (field.startsWith(META_PREFIX)) return getField(passage.meta, field.slice(META_PREFIX.length));
  if (field === 'file') return passage.file;
  if (field === 'speaker') return passage.speaker ?? undefined;
  return getField(passage.meta, field);
}

export function groupKey(passage: Passage, by: readonly string[]): string[] {
  return by.map((field) => fieldValue(passage, field) ?? UNKNOWN);
}

/** Numbers as numbers, text by code point, `(unknown)` last: the same order on every machine. */
export function compareValues(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNKNOWN) return 1;
  if (b === UNKNOWN) return -1;
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : 1;
}

export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareValues(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}
