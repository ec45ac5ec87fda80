// The SERDIF usability study's human coding, prepared for obs agree: every highlight placed, and a run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepare } from '../../eval/serdif/prepare.js';
import { runObs } from '../helpers/run.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const present = hasSharedData('gold-coded', 'serdif-usability');
const out = mkdtempSync(path.join(tmpdir(), 'obs-serdif-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.runIf(present)('SERDIF usability study against obs', () => {
  it('places every highlight of the compared tags on a paragraph, and obs agree compares all 17 transcripts', async () => {
    const prepared = prepare(sharedData('gold-coded', 'serdif-usability'), out);
    expect(prepared.documents).toBe(17);
    expect(prepared.highlights).toBeGreaterThan(450);
    expect(prepared.unplaced).toEqual([]);
    const gold = readFileSync(path.join(out, 'gold.csv'), 'utf8').trim().split('\n');
    expect(gold[0]).toBe('file,line,theme');
    expect(gold.length - 1).toBe(prepared.goldRows);

    const r = await runObs(['agree', '--gold', path.join(out, 'gold.csv'), path.join(out, 'corpus'), '--codebook', 'eval/serdif/codebook.yaml', '--exclude-speaker', 'TASK', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout).rows as Array<{ theme: string; documents: number; kappa: number; f1: number }>;
    expect(rows.map((x) => x.theme)).toEqual(['system-issue', 'visualization', 'search', 'export', 'data-table', '(overall)']);
    for (const row of rows) {
      expect(row.documents).toBe(17);
      expect(row.kappa).toBeGreaterThan(-1);
      expect(row.kappa).toBeLessThanOrEqual(1);
    }
  });
});
