// --where filters: which passages a run looks at, by any metadata field (or file, speaker).
import { ObsError } from '../errors.js';
import type { Passage } from '../segment/types.js';
import { fieldValue } from './groups.js';

export interface Where {
  field: string;
  /** As the user wrote it, for messages. */
  text: string;
  /** Any of these values (case-insensitive), or within the range. */
  values?: string[];
  range?: { from?: string; to?: string };
}

/** `area=Ramsey`, `area=Ramsey,Revoe`, `year=2019..2021`, `year=2019..`, `date=..2020-06-30`. */
export function parseWhere(list: readonly string[]): Where[] {
  return list.map((text) => {
    const eq = text.indexOf('=');
    const field = eq > 0 ? text.slice(0, eq).trim().toLowerCase() : '';
    const value = eq > 0 ? text.slice(eq + 1).trim() : '';
    if (field === '' || value === '') {
      throw new ObsError({ message: `--where "${text}" is not FIELD=VALUE`, hint: 'e.g. --where area=Ramsey, --where year=2019..2021, --where area=Ramsey,Revoe' });
    }
    const dots = value.indexOf('..');
    if (dots >= 0) {
      const from = value.slice(0, dots).trim();
      const to = value.slice(dots + 2).trim();
      if ((from === '' && to === '') || to.includes('..')) {
        throw new ObsError({ message: `--where "${text}": a range needs a start, an end or both`, hint: 'e.g. year=2019..2021, year=2019.. or year=..2021' });
      }
      if (from !== '' && to !== '' && isNumber(from) && isNumber(to) ? Number(from) > Number(to) : from !== '' && to !== '' && from > to) {
        throw new ObsError({ message: `--where "${text}": the range runs backwards`, hint: `write the smaller bound first: ${field}=${to}..${from}` });
      }
      const range: { from?: string; to?: string } = {};
      if (from !== '') range.from = from;
      if (to !== '') range.to = to;
      return { field, text, range };
    }
    return { field, text, values: value.split(',').map((v) => v.trim().toLowerCase()).filter((v) => v !== '') };
  });
}

export function passes(passage: Passage, wheres: readonly Where[]): boolean {
  for (const w of wheres) {
    const value = fieldValue(passage, w.field);
    if (value === undefined) return false;
    if (w.values && !w.values.includes(value.toLowerCase())) return false;
    if (w.range && !inRange(value, w.range)) return false;
  }
  return true;
}

/** Numbers compare as numbers; anything else by code point, which orders ISO dates (2019-06-30) correctly. */
function inRange(value: string, range: { from?: string; to?: string }): boolean {
  const bounds = [range.from, range.to].filter((b): b is string => b !== undefined);
  const numeric = bounds.every(isNumber);
  if (numeric && !isNumber(value)) {
    // date=2019..2020 means the dates of those years; `unknown` or `spring` is in no numeric range.
    const year = /^(\d{4})-\d{2}(?:-\d{2})?(?:$|[T ])/.exec(value)?.[1];
    if (year === undefined) return false;
    value = year;
  }
  const cmp = (a: string, b: string) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);
  if (range.from !== undefined && cmp(value, range.from) < 0) return false;
  if (range.to !== undefined && cmp(value, range.to) > 0) return false;
  return true;
}

function isNumber(v: string): boolean {
  return v.trim() !== '' && Number.isFinite(Number(v));
}
