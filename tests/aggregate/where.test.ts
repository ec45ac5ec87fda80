// --where: values, lists, ranges of numbers and of dates, and the fields every passage has.
import { describe, expect, it } from 'vitest';
import { parseWhere, passes } from '../../src/aggregate/where.js';
import { ObsError } from '../../src/errors.js';
import type { Passage } from '../../src/segment/types.js';

const passage = (meta: Record<string, string>, speaker: string | null = 'Ann'): Passage => ({
  doc: 0,
  file: 'ramsey/2019.txt',
  line: 3,
  end: 3,
  speaker,
  start: null,
  meta,
  text: 'text',
  interviewer: false,
});
const check = (where: string[], meta: Record<string, string>, speaker?: string | null) => passes(passage(meta, speaker), parseWhere(where));

describe('--where', () => {
  it('matches values without regard to case, and any of a list', () => {
    expect(check(['area=ramsey'], { area: 'Ramsey' })).toBe(true);
    expect(check(['AREA=Ramsey, Revoe'], { area: 'Revoe' })).toBe(true);
    expect(check(['area=Ramsey'], { area: 'Ramsey Heights' })).toBe(false);
    expect(check(['area=Ramsey'], {})).toBe(false);
  });

  it('needs every condition', () => {
    expect(check(['area=Ramsey', 'year=2019'], { area: 'Ramsey', year: '2019' })).toBe(true);
    expect(check(['area=Ramsey', 'year=2020'], { area: 'Ramsey', year: '2019' })).toBe(false);
  });

  it('compares numeric ranges as numbers, open at either end, and never takes words into them', () => {
    expect(check(['year=2019..2021'], { year: '2021' })).toBe(true);
    expect(check(['year=2019..2021'], { year: '2022' })).toBe(false);
    expect(check(['year=900..2021'], { year: '2019' })).toBe(true);
    expect(check(['year=2019..'], { year: '2025' })).toBe(true);
    expect(check(['year=..2018'], { year: '2019' })).toBe(false);
    expect(check(['year=2019..'], { year: 'unknown' })).toBe(false);
    expect(check(['year=2019..'], { year: 'twenty-twenty' })).toBe(false);
  });

  it('takes a range of years to mean the dates in those years', () => {
    expect(check(['date=2019..2020'], { date: '2019-03-14' })).toBe(true);
    expect(check(['date=2019..'], { date: '2021-12-31' })).toBe(true);
    expect(check(['date=2019..2020'], { date: '2021-01-01' })).toBe(false);
  });

  it('orders ISO dates in a range', () => {
    expect(check(['date=2019-01-01..2019-06-30'], { date: '2019-03-15' })).toBe(true);
    expect(check(['date=2019-01-01..2019-06-30'], { date: '2019-07-01' })).toBe(false);
  });

  it('knows file and speaker as fields', () => {
    expect(check(['speaker=ann'], {})).toBe(true);
    expect(check(['speaker=Bob'], {})).toBe(false);
    expect(check(['speaker=Ann'], {}, null)).toBe(false);
    expect(check(['file=ramsey/2019.txt'], {})).toBe(true);
  });

  it.each(['area', '=Ramsey', 'area=', 'year=..', 'year=1..2..3', 'year=2021..2019', 'date=2020-12-31..2020-01-01'])('refuses %j with a usage error', (bad) => {
    expect(() => parseWhere([bad])).toThrow(ObsError);
  });
});
