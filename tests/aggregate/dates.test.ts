// Dates as researchers write them: read into ISO days, compared as days by --where, and giving the year.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWhere, passes, unreadDate } from '../../src/aggregate/where.js';
import { readDate } from '../../src/corpus/dates.js';
import { mergeMeta } from '../../src/corpus/metadata.js';
import { ObsError } from '../../src/errors.js';
import type { Passage } from '../../src/segment/types.js';
import { runObs, tempCorpus } from '../helpers/run.js';

const WRITTEN_2019 = ['2019-03-14', '2019-3-14', '14/03/2019', '14.03.2019', '14-03-2019', 'March 2019', '14 March 2019', 'March 14, 2019', 'Mar 2019'];

describe('readDate', () => {
  it.each([
    ['2019-03-14', '2019-03-14'],
    ['2019-3-14', '2019-03-14'],
    ['2019/03/14', '2019-03-14'],
    ['2019-03-14T10:30:00Z', '2019-03-14'],
    ['2019-03-14 10:30', '2019-03-14'],
    ['14/03/2019', '2019-03-14'],
    ['4/3/2019', '2019-03-04'],
    ['14.03.2019', '2019-03-14'],
    ['14-03-2019', '2019-03-14'],
    ['14 March 2019', '2019-03-14'],
    ['14th March 2019', '2019-03-14'],
    ['Thursday 14 March 2019', '2019-03-14'],
    ['14 Mar. 2019', '2019-03-14'],
    ['March 14, 2019', '2019-03-14'],
    ['march 14th 2019', '2019-03-14'],
    ['March 2019', '2019-03'],
    ['Mar 2019', '2019-03'],
    ['Sept 2019', '2019-09'],
    ['2019-03', '2019-03'],
    ['2019', '2019'],
    ['29/02/2020', '2020-02-29'],
  ])('reads %j as %s', (value, iso) => {
    expect(readDate(value)?.iso).toBe(iso);
  });

  it.each(['spring 2019', 'unknown', '', '14/03/19', '31/04/2019', '29/02/2019', '13/13/2019', '2019/2020', '2019-20', '14/03-2019', 'Marc 2019', 'March 2019 or so'])('reads %j as no date', (value) => {
    expect(readDate(value)).toBeUndefined();
  });

  it('gives a month or a year as its first and last day', () => {
    expect(readDate('Feb 2020')).toEqual({ iso: '2020-02', first: '2020-02-01', last: '2020-02-29' });
    expect(readDate('2019')).toEqual({ iso: '2019', first: '2019-01-01', last: '2019-12-31' });
  });

  it('reads three numbers day first, or month first when told', () => {
    expect(readDate('03/04/2019')?.iso).toBe('2019-04-03');
    expect(readDate('03/04/2019', 'mdy')?.iso).toBe('2019-03-04');
    expect(readDate('03/14/2019', 'mdy')?.iso).toBe('2019-03-14');
    expect(readDate('03/14/2019')).toBeUndefined();
    expect(readDate('2019-03-04', 'mdy')?.iso).toBe('2019-03-04');
  });
});

const passage = (meta: Record<string, string>): Passage => ({ doc: 0, file: 'a.md', line: 1, end: 1, speaker: 'Ann', start: null, meta, text: 'text', interviewer: false });
const check = (where: string, date: string) => passes(passage({ date }), parseWhere([where]));

describe('--where date= compares dates, however written', () => {
  it.each(WRITTEN_2019)('keeps %j in date=2019..2019', (date) => {
    expect(check('date=2019..2019', date)).toBe(true);
    expect(check('date=2020..', date)).toBe(false);
    expect(check('date=2019-03-01..2019-03-31', date)).toBe(true);
  });

  it('takes in a month only when all of it is in the range', () => {
    expect(check('date=2019-03-10..', 'March 2019')).toBe(false);
    expect(check('date=2019-03..2019-03', 'March 2019')).toBe(true);
    expect(check('date=2019-03..2019-03', '31/03/2019')).toBe(true);
    expect(check('date=2019-03..2019-03', '01/04/2019')).toBe(false);
  });

  it('reads bounds written as dates, and compares them as days', () => {
    expect(check('date=March 2019..June 2019', '14/05/2019')).toBe(true);
    expect(check('date=01/03/2019..30/06/2019', '2019-07-01')).toBe(false);
    expect(check('date=2019..2020-06-30', '30 June 2020')).toBe(true);
    expect(() => parseWhere(['date=March 2019..June 2019'])).not.toThrow();
    expect(() => parseWhere(['date=June 2019..March 2019'])).toThrow(ObsError);
    expect(() => parseWhere(['date=14/03/2019..01/03/2019'])).toThrow(ObsError);
  });

  it('keeps years, numbers and text comparing as before', () => {
    expect(passes(passage({ year: '2021' }), parseWhere(['year=2019..2021']))).toBe(true);
    expect(passes(passage({ year: 'twenty-twenty' }), parseWhere(['year=2019..']))).toBe(false);
    expect(passes(passage({ count: '150' }), parseWhere(['count=100..200']))).toBe(true);
    expect(passes(passage({ area: 'Ramsey' }), parseWhere(['area=A..M']))).toBe(false);
  });

  it('leaves out a date it cannot read, and says why once for the caller to tell', () => {
    const wheres = parseWhere(['date=2019..2019']);
    expect(passes(passage({ date: 'spring 2019' }), wheres)).toBe(false);
    const problem = unreadDate(passage({ date: 'spring 2019' }), wheres);
    expect(problem).toMatchObject({ file: 'a.md', once: 'unread date date' });
    expect(problem!.message).toBe('date `spring 2019` is not a date obs can read; it is left out of --where date=2019..2019, as is any other such date');
    expect(unreadDate(passage({ date: '14/03/2019' }), wheres)).toBeUndefined();
    expect(unreadDate(passage({}), wheres)).toBeUndefined();
    expect(unreadDate(passage({ count: 'n/a' }), parseWhere(['count=1000..2000']))).toBeUndefined();
    expect(unreadDate(passage({ date: 'spring 2019' }), parseWhere(['area=Ramsey']))).toBeUndefined();
  });
});

describe('year from date', () => {
  it.each([...WRITTEN_2019, 'spring 2019'])('gives %j the year 2019', (date) => {
    expect(mergeMeta({ date }, undefined, undefined).year).toBe('2019');
  });

  it('leaves a year given elsewhere alone', () => {
    expect(mergeMeta({ date: '14/03/2019' }, { year: '2020' }, undefined).year).toBe('2020');
  });
});

describe('obs code --where date=2019..2019', () => {
  it('keeps each written form of a 2019 date, and only those', async () => {
    const files: Record<string, string> = { 'codebook.yaml': 'name: T\nversion: 1.0.0\nthemes:\n  - id: hall\n    label: Hall\n    keywords: [hall]\n' };
    WRITTEN_2019.forEach((date, i) => (files[`corpus/f${i}.md`] = `---\ndate: ${date}\n---\nInterviewer: Where?\nRespondent: We met at the hall.\n`));
    files['corpus/later.md'] = '---\ndate: 14/03/2020\n---\nInterviewer: Where?\nRespondent: We met at the hall.\n';
    const dir = tempCorpus(files);
    const before = Object.fromEntries(Object.keys(files).map((f) => [f, readFileSync(path.join(dir, f))]));
    const r = await runObs(['code', '--codebook', 'codebook.yaml', 'corpus', '--where', 'date=2019..2019', '--passages'], { cwd: dir });
    expect(r.code).toBe(0);
    const kept = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { meta: { date: string } }).meta.date);
    expect(kept.sort()).toEqual([...WRITTEN_2019].sort());
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(path.join(dir, f))).toEqual(bytes);
    expect(readdirSync(dir).filter((f) => f.startsWith('.obs-tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'corpus'))).toBe(true);
  });
});

describe('a date obs cannot read, under a date range', () => {
  it('is left out with one warning per run, the same on worker threads', async () => {
    const dir = tempCorpus({
      'c/a.md': '---\ndate: spring 2019\n---\nAnn: a grant\n\nBob: more money\n',
      'c/b.md': '---\ndate: 14/03/2019\n---\nAnn: a grant\n\nBob: more money\n',
      'c/d.md': '---\ndate: sometime\n---\nAnn: a grant\n\nBob: more money\n',
    });
    const args = ['code', 'c', '--where', 'date=2019..2019', '--passages'];
    const one = await runObs(args, { cwd: dir });
    const two = await runObs([...args, '--jobs', '2'], { cwd: dir, env: { OBS_WORKER_BYTES: '1' } });
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(['b.md', 'b.md']);
    expect(one.stderr.match(/is not a date obs can read/g)).toHaveLength(1);
    expect(one.stderr).toContain('obs: warning: a.md: date `spring 2019` is not a date obs can read; it is left out of --where date=2019..2019, as is any other such date');
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });
});
