// A `date` value as researchers write it (14/03/2019, March 2019, 14 March 2019) -> an ISO date.

/** Which comes first in a date of three numbers: the day (UK, the default) or the month (US). */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** The days a date value may stand for: one day, or each day of a month or a year. */
export interface DateSpan {
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the value was. */
  iso: string;
  /** YYYY-MM-DD, the first and last day the value may mean. */
  first: string;
  last: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A month's name, its first three letters, or `Sept`, with or without a full stop.
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
// A weekday before a written date ("Thursday 14 March 2019") is allowed and not checked.
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
// A time after a date (2019-03-14T10:00, 2019-03-14 10:30) does not change the day.
const TIME = '(?:[T\\s].*)?';

const ISO_DAY = new RegExp(`^${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`);
const ISO_MONTH = new RegExp(`^${YEAR}[-/.](\\d{1,2})$`);
const NUMERIC = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2${YEAR}${TIME}$`);
const DAY_MONTH = new RegExp(`^${WEEKDAY}${DAY}[\\s-]+(?:of\\s+)?${MONTH}[\\s,-]+${YEAR}$`, 'i');
const MONTH_DAY = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}$`, 'i');
const MONTH_YEAR = new RegExp(`^${MONTH},?\\s+${YEAR}$`, 'i');
const YEAR_ONLY = new RegExp(`^${YEAR}$`);

/**
 * Reads `value` as a date, or gives undefined for what is not one (`spring 2019`, `31/02/2019`,
 * `14/03/19`: a two-figure year could be of either century). Three numbers are day first unless
 * `order` says the month comes first; a year first is always year-month-day.
 */
export function readDate(value: string, order: DateOrder = 'dmy'): DateSpan | undefined {
  const text = value.trim();
  let m: RegExpExecArray | null;
  if ((m = ISO_DAY.exec(text))) return span(m[1]!, m[3]!, m[4]);
  if ((m = ISO_MONTH.exec(text))) return span(m[1]!, m[2]!);
  if ((m = NUMERIC.exec(text))) return order === 'dmy' ? span(m[4]!, m[3]!, m[1]) : span(m[4]!, m[1]!, m[3]);
  if ((m = DAY_MONTH.exec(text))) return span(m[3]!, monthOf(m[2]!), m[1]);
  if ((m = MONTH_DAY.exec(text))) return span(m[3]!, monthOf(m[1]!), m[2]);
  if ((m = MONTH_YEAR.exec(text))) return span(m[2]!, monthOf(m[1]!));
  if ((m = YEAR_ONLY.exec(text))) return span(m[1]!);
  return undefined;
}

function monthOf(name: string): string {
  return String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1);
}

function span(year: string, month?: string, day?: string): DateSpan | undefined {
  if (month === undefined) return { iso: year, first: `${year}-01-01`, last: `${year}-12-31` };
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  const mm = pad(m);
  const days = daysIn(Number(year), m);
  if (day === undefined) return { iso: `${year}-${mm}`, first: `${year}-${mm}-01`, last: `${year}-${mm}-${pad(days)}` };
  const d = Number(day);
  if (d < 1 || d > days) return undefined;
  const iso = `${year}-${mm}-${pad(d)}`;
  return { iso, first: iso, last: iso };
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
