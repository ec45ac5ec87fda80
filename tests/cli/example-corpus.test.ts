// The bundled example corpus and the built-in codebook, as the README's first command runs them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODEBOOK } from '../../src/codebook/load.js';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { compileCodebook } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';
import { runObs } from '../helpers/run.js';

const builtin = parseCodebookOrThrow(readFileSync(BUILTIN_CODEBOOK, 'utf8'), 'community-power.yaml');
const countEntries = (t: (typeof builtin.themes)[number]): number => t.keywords.length + t.near.length + t.themes.reduce((n, s) => n + countEntries(s), 0);

describe('the built-in codebook', () => {
  it('has the four features of powerful communities, each with a description and 40 or more rules', () => {
    expect(builtin.themes.map((t) => t.id)).toEqual(['agency', 'organisation', 'relationships', 'resources']);
    for (const theme of builtin.themes) {
      expect(theme.description, theme.id).toBeTruthy();
      expect(countEntries(theme), theme.id).toBeGreaterThanOrEqual(40);
    }
  });

  it('never counts programme and organisation names as theme hits', () => {
    const compiled = compileCodebook(builtin);
    const text = 'Big Local, Local Trust, the Ramsey Million, the National Lottery Community Fund and Our Bigger Story.';
    expect([...codeText(compiled, text).themes.keys()]).toEqual([]);
    // The same words outside the names are hits.
    expect(codeText(compiled, 'We trust the local fund and the partnership.').themes.size).toBeGreaterThan(0);
  });
});

describe('obs code on the example corpus', () => {
  it('reads all 32 transcripts in every format without a warning, across 8 areas and 4 years', async () => {
    const { code, stdout, stderr } = await runObs(['code', 'fixtures/big-local', '--meta', 'fixtures/big-local-meta.csv', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.corpus).toMatchObject({ documents: 32, skipped: 0 });
    const rows = json.rows as Array<{ area: string; year: number; theme: string; documents: number }>;
    expect([...new Set(rows.map((r) => r.area))]).toEqual(['Catton Grove', 'Lawrence Weston', 'Northfleet', 'Radstock and Westfield', 'Ramsey', 'Revoe', 'Three Parishes', 'Whitley Bay']);
    expect([...new Set(rows.map((r) => r.year))].sort()).toEqual([2016, 2019, 2022, 2025]);
    const withTotals = await runObs(['code', 'fixtures/big-local', '--meta', 'fixtures/big-local-meta.csv', '--format', 'json', '--totals']);
    const totals = (JSON.parse(withTotals.stdout).rows as typeof rows).filter((r) => r.area === '(all)');
    for (const theme of ['agency', 'organisation', 'relationships', 'resources']) {
      expect(totals.find((r) => r.theme === theme)!.documents, theme).toBeGreaterThanOrEqual(5);
    }
  });

  it('takes each document\'s area and year from its own front matter, VTT header or CSV columns where it has them', async () => {
    const { stdout } = await runObs(['code', 'fixtures/big-local', '--passages']);
    const byFile = new Map<string, Record<string, string | number>>();
    for (const line of stdout.trim().split('\n')) {
      const p = JSON.parse(line) as { file: string; meta: Record<string, string | number> };
      byFile.set(p.file, p.meta);
    }
    expect(byFile.get('ramsey-2022-zoom.vtt')).toMatchObject({ area: 'Ramsey', year: 2022 });
    expect(byFile.get('revoe-2025-group.csv')).toMatchObject({ area: 'Revoe', year: 2025 });
    expect(byFile.get('ramsey-2019-partnership-chair.md')).toMatchObject({ area: 'Ramsey', year: 2019 });
    expect(byFile.get('ramsey-2025-worker.srt')).toEqual({});
  });
});
