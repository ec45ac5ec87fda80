// --where filters: which passages a run looks at, by any metadata field (or file, speaker).
import { readDate, type DateOrder } from '../corpus/dates.js';
import { ObsError, type Problem } from '../errors.js';
import type { Passage } from '../segment/types.js';
import { fieldValue } from './groups.js';

export interface Where {
  field: string;
  /** As the user wrote it, for messages. */
  text: string;
  /** Any of these values (case-insensitive), or within the range. */
  values?: string[];
  range?: Range;
}

interface Range {
  from?: string;
  to?: string;
  /** How `14/03/2019` is read, in the bounds and in the values: carried here so workers read alike. */
  order: DateOrder;
  /**
   * When each bound reads as a date (`2019`, `2019-03`, `14/03/2019`, `March 2019`): the first day
   * the range takes in and the last, YYYY-MM-DD. A bound of a month or a year runs to its end.
   */
  days?: { first?: string; last?: string };
}

/** `area=Ramsey`, `area=Ramsey,Revoe`, `year=2019..2021`, `year=2019..`, `date=..2020-06-30`, `date=March 2019..June 2019`. */
export function parseWhere(list: readonly string[], order: DateOrder = 'dmy'): Where[] {
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
      const range: Range = { order };
      if (from !== '') range.from = from;
      if (to !== '') range.to = to;
      const days = dayBounds(range);
      if (days) range.days = days;
      if (from !== '' && to !== '' && backwards(from, to, days)) {
        throw new ObsError({ message: `--where "${text}": the range runs backwards`, hint: `write the smaller bound first: ${field}=${to}..${from}` });
      }
      return { field, text, range };
    }
    return { field, text, values: value.split(',').map((v) => v.trim().toLowerCase()).filter((v) => v !== '') };
  });
}

function backwards(from: string, to: string, days: Range['days']): boolean {
  if (isNumber(from) && isNumber(to)) return Number(from) > Number(to);
  if (days) return days.first! > days.last!;
  return from > to;
}

/** The days of a range whose every bound is a date; undefined if any is not. */
function dayBounds(range: Range): Range['days'] {
  const from = range.from === undefined ? undefined : readDate(range.from, range.order);
  const to = range.to === undefined ? undefined : readDate(range.to, range.order);
  if ((range.from !== undefined && !from) || (range.to !== undefined && !to)) return undefined;
  return { ...(from ? { first: from.first } : {}), ...(to ? { last: to.last } : {}) };
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

/**
 * Why a passage that has the field is left out of a range of dates, when its value is no date
 * (`spring 2019`): for the caller to tell once in a run, as obs cannot know which of a
 * researcher's dates it misread. Undefined when no such range leaves it out.
 */
export function unreadDate(passage: Passage, wheres: readonly Where[]): (Problem & { once: string }) | undefined {
  for (const w of wheres) {
    if (!w.range || !isDateRange(w.field, w.range)) continue;
    const value = fieldValue(passage, w.field);
    if (value === undefined || !byDays(value, w.range) || readDate(value, w.range.order)) continue;
    return {
      file: passage.file,
      message: `${w.field} \`${value}\` is not a date obs can read; it is left out of --where ${w.text}, as is any other such ${w.field}`,
      hint: monthFirst(value, w.range.order)
        ? `it reads as month first: add --date-order mdy if the corpus writes dates so`
        : `write dates as 2019-03-14, ${w.range.order === 'dmy' ? '14/03/2019' : '03/14/2019'}, 14 March 2019 or March 2019`,
      once: `unread date ${w.field}`,
    };
  }
  return undefined;
}

/** `03/14/2019` read day first: no date, but one with the month first. */
function monthFirst(value: string, order: DateOrder): boolean {
  return order === 'dmy' && readDate(value, 'mdy') !== undefined;
}

/**
 * A range of dates: of a field named for dates (`date`, `interview_date`), or with a bound written
 * as a date. `count=1000..2000` reads its bounds as years too, but a count that is no number is no
 * misread date.
 */
function isDateRange(field: string, range: Range): boolean {
  if (!range.days) return false;
  return /date$/.test(field) || !numericBounds(range);
}

/**
 * Numbers compare as numbers. A date compares by its days, whatever way it is written: it is in
 * the range when every day it may mean is (`March 2019` is in 2019-03-01..2019-03-31, not in
 * 2019-03-10..); a range of years takes in the dates of those years. Anything else compares by
 * code point.
 */
function inRange(value: string, range: Range): boolean {
  if (!byDays(value, range)) return compare(value, range);
  const date = readDate(value, range.order);
  if (!date) return false;
  if (range.days.first !== undefined && date.first < range.days.first) return false;
  if (range.days.last !== undefined && date.last > range.days.last) return false;
  return true;
}

/** A year in a range of years (`year=2019..2021`) is a number; anything else in a range of dates is a date. */
function byDays(value: string, range: Range): range is Range & { days: object } {
  return range.days !== undefined && !(isNumber(value) && numericBounds(range));
}

function numericBounds(range: Range): boolean {
  return [range.from, range.to].every((b) => b === undefined || isNumber(b));
}

function compare(value: string, range: Range): boolean {
  const numeric = numericBounds(range);
  // `unknown` or `spring` is in no numeric range.
  if (numeric && !isNumber(value)) return false;
  const cmp = (a: string, b: string) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);
  if (range.from !== undefined && cmp(value, range.from) < 0) return false;
  if (range.to !== undefined && cmp(value, range.to) > 0) return false;
  return true;
}

function isNumber(v: string): boolean {
  return v.trim() !== '' && Number.isFinite(Number(v));
}

/**
 * The filter a run applies, or undefined without --where: a passage left out for a date obs cannot
 * read is told to `warn` (the warning says once per run that every such date is left out).
 */
export function passageFilter(wheres: readonly Where[], warn: (p: Problem & { once: string }) => void): ((passage: Passage) => boolean) | undefined {
  if (wheres.length === 0) return undefined;
  return (passage) => {
    if (passes(passage, wheres)) return true;
    const unread = unreadDate(passage, wheres);
    if (unread) warn(unread);
    return false;
  };
}
