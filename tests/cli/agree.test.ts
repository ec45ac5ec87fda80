// obs agree: kappa, F1 and friends against human coding, checked against arithmetic done by hand.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const CODEBOOK = 'name: t\nthemes:\n  - id: money\n    label: Money\n    keywords: [grant]\n  - id: meet\n    label: Meetings\n    keywords: [met]\n';
// Ten respondent turns (lines 2-11); obs codes money where "grant" is said (2, 3, 4, 5) and meet at 10.
const TRANSCRIPT = [
  'Interviewer: Tell me about it.',
  'Ann: We got a grant.',
  'Bob: The grant helped.',
  'Ann: Another grant came.',
  'Bob: A grant for nothing.',
  'Ann: We raised funds ourselves.',
  'Bob: The council paid.',
  'Ann: Nice weather.',
  'Bob: The kids played.',
  'Ann: We met on Tuesdays.',
  'Bob: It rained.',
  '',
].join('\n');
// alice codes money at 2, 3, 4, 6, 7 and meet at 10; bea codes money at 2, 3, 5, 6 and meet at 10.
const GOLD = [
  'file,line,theme,coder',
  ...[2, 3, 4, 6, 7].map((l) => `a.txt,${l},money,alice`),
  'a.txt,10,meet,alice',
  ...[2, 3, 5, 6].map((l) => `a.txt,${l},money,bea`),
  'a.txt,10,meet,bea',
].join('\n');

function corpus(gold = GOLD, transcript = TRANSCRIPT) {
  return tempCorpus({ 'codebook.yaml': CODEBOOK, 'corpus/a.txt': transcript, 'gold.csv': gold });
}

type Row = Record<string, string | number | null>;
async function agree(dir: string, args: string[] = []): Promise<{ code: number; rows: Row[]; stderr: string }> {
  const r = await runObs(['agree', '--gold', 'gold.csv', 'corpus', '--format', 'json', ...args], { cwd: dir });
  return { code: r.code, rows: r.stdout ? (JSON.parse(r.stdout).rows as Row[]) : [], stderr: r.stderr };
}
const find = (rows: Row[], a: string, b: string, theme: string) => rows.find((r) => r.coder_a === a && r.coder_b === b && r.theme === theme)!;

describe('obs agree', () => {
  it('gives the kappa worked out by hand', async () => {
    const { code, rows } = await agree(corpus());
    expect(code).toBe(0);
    // obs vs alice, money, all 10 passages: both 3 (2,3,4), obs only 1 (5), alice only 2 (6,7), neither 4.
    // po = 7/10 = 0.7; obs says yes 4/10, alice 5/10; pe = 0.4*0.5 + 0.6*0.5 = 0.5;
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4. Precision 3/4, recall 3/5, F1 = 2*3 / (2*3 + 1 + 2) = 0.6667.
    expect(find(rows, 'obs', 'alice', 'money')).toMatchObject({ documents: 1, passages: 10, both: 3, a_only: 1, b_only: 2, neither: 4, precision: 0.75, recall: 0.6, f1: 0.6667, kappa: 0.4 });
    // Over the 7 passages either side coded with a theme (2-7 and 10): neither = 1 (line 10);
    // po = 4/7; pe = (4/7)(5/7) + (3/7)(2/7) = 26/49; kappa = (28/49 - 26/49) / (23/49) = 2/23 = 0.087.
    expect(find(rows, 'obs', 'alice', 'money')).toMatchObject({ passages_coded: 7, kappa_coded: 0.087 });
    // meet: both say yes at 10 only: po = 1, pe = 0.1*0.1 + 0.9*0.9 = 0.82, kappa = 0.18 / 0.18 = 1.
    expect(find(rows, 'obs', 'alice', 'meet')).toMatchObject({ both: 1, neither: 9, kappa: 1 });
    // Pooled over both themes (20 decisions): both 4, obs only 1, alice only 2, neither 13; po = 0.85;
    // pe = 0.25*0.3 + 0.75*0.7 = 0.6; kappa = 0.25 / 0.4 = 0.625.
    expect(find(rows, 'obs', 'alice', '(overall)')).toMatchObject({ both: 4, a_only: 1, b_only: 2, neither: 13, kappa: 0.625 });
  });

  it('with two coders, also gives the human-human kappa', async () => {
    const { rows } = await agree(corpus());
    expect(rows.map((r) => `${r.coder_a}/${r.coder_b}`)).toEqual([...Array(3).fill('obs/alice'), ...Array(3).fill('obs/bea'), ...Array(3).fill('alice/bea')]);
    // alice vs bea, money: both 3 (2,3,6), alice only 2 (4,7), bea only 1 (5), neither 4;
    // po = 0.7, pe = 0.5*0.4 + 0.5*0.6 = 0.5, kappa = 0.4.
    expect(find(rows, 'alice', 'bea', 'money')).toMatchObject({ both: 3, a_only: 2, b_only: 1, neither: 4, kappa: 0.4 });
    // obs vs bea, money: both 3 (2,3,5), obs only 1 (4), bea only 1 (6), neither 5; po = 0.8,
    // pe = 0.4*0.4 + 0.6*0.6 = 0.52, kappa = 0.28 / 0.48 = 0.5833.
    expect(find(rows, 'obs', 'bea', 'money')).toMatchObject({ both: 3, a_only: 1, b_only: 1, neither: 5, kappa: 0.5833 });
  });

  it('places a human code on the passage that holds its line, and says so where no respondent passage does', async () => {
    const transcript = 'Interviewer: Hello.\n\nAnn: First line,\nstill Ann with a grant.\n\nAnn: And again.\n';
    const dir = corpus('file,line,theme\na.txt,4,money\na.txt,1,money\n', transcript);
    const { rows, stderr } = await agree(dir);
    expect(find(rows, 'obs', 'human', 'money')).toMatchObject({ both: 1, a_only: 0, b_only: 0, neither: 1 });
    expect(stderr).toContain('gold.csv:3: a.txt:1 is not in a respondent passage; this code is left out');
  });

  it('--fail-under exits 1 when obs falls below it on a theme, naming it', async () => {
    const dir = corpus();
    expect((await agree(dir, ['--fail-under', '0.05'])).code).toBe(0);
    const r = await runObs(['agree', '--gold', 'gold.csv', 'corpus', '--fail-under', '0.5'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kappa over coded passages below 0.5: money 0.09 (vs alice)');
    expect(r.stdout).toContain('obs vs alice');
  });

  it('writes CSV with one row per comparison and theme, and a table for people', async () => {
    const dir = corpus();
    const csv = parse((await runObs(['agree', '--gold', 'gold.csv', 'corpus', '--format', 'csv'], { cwd: dir })).stdout, { columns: true }) as Row[];
    expect(csv).toHaveLength(9);
    expect(csv[0]).toMatchObject({ coder_a: 'obs', coder_b: 'alice', theme: 'money', kappa: '0.4' });
    const table = (await runObs(['agree', '--gold', 'gold.csv', 'corpus'], { cwd: dir })).stdout;
    expect(table).toMatch(/^obs vs alice · 1 documents · 10 passages, 7 coded by either$/m);
    expect(table).toMatch(/^money\s+3\s+1\s+2\s+4\s+0\.75\s+0\.60\s+0\.67\s+0\.40\s+0\.09$/m);
  });

  it('warns about themes and files it cannot compare, and refuses what it cannot read', async () => {
    const dir = corpus('file,line,theme\na.txt,2,money\na.txt,2,power\nb.txt,1,money\n');
    const { code, stderr } = await agree(dir);
    expect(code).toBe(0);
    expect(stderr).toContain('themes not in the codebook are left out: power');
    expect(stderr).toContain('gold.csv:4: b.txt is not among the transcripts read');

    const bad = await runObs(['agree', '--gold', 'gold.csv', 'corpus'], { cwd: corpus('file,theme\na.txt,money\n') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('gold.csv:1: the human coding needs a header with `line` column');
    const badLine = await runObs(['agree', '--gold', 'gold.csv', 'corpus'], { cwd: corpus('file,line,theme\na.txt,two,money\na.txt,0,money\n') });
    expect(badLine.code).toBe(2);
    expect(badLine.stderr).toContain('gold.csv:2: line "two" is not a line number');
    expect(badLine.stderr).toContain('gold.csv:3: line "0" is not a line number');
    expect(badLine.stdout).toBe('');
    const missing = await runObs(['agree', '--gold', 'nope.csv', 'corpus'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: no such file');
    const badKappa = await runObs(['agree', '--gold', 'gold.csv', 'corpus', '--fail-under', 'high'], { cwd: dir });
    expect(badKappa.code).toBe(2);
  });

  it('runs on the hand-coded part of the example corpus', async () => {
    const r = await runObs(['agree', '--gold', 'fixtures/big-local-gold.csv', 'fixtures/big-local', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout).rows as Row[];
    expect(rows.map((x) => x.theme)).toEqual(['agency', 'organisation', 'relationships', 'resources', '(overall)']);
    expect(rows.every((x) => x.documents === 4 && x.passages === 38)).toBe(true);
  });
});
