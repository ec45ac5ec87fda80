// A line break inside a metadata value cannot break a row of the terminal table.
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const corpus = tempCorpus({
  'corpus/a.txt': ['---', 'area: "North\\nEast"', 'year: 2020', '---', 'Interviewer: How was it?', '', 'Ann: The grant paid for the community garden.', '', 'Interviewer: And then?', '', 'Ann: More funding came.', ''].join('\n'),
});

describe('terminal tables', () => {
  for (const args of [['code'], ['matrix', '--format', 'table'], ['matrix', '--rows', 'document', '--format', 'table'], ['quotes', '--format', 'table']]) {
    it(`${args.join(' ')} shows the value on one line`, async () => {
      const r = await runObs([...args, 'corpus'], { cwd: corpus });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('North East');
      expect(r.stdout.split('\n').some((l) => l.startsWith('East'))).toBe(false);
    });
  }
});
