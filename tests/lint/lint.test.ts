// obs lint: every check reported with its id and line in all three formats, exit codes, corpus checks.
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const EVERY = 'fixtures/codebooks/lint-every-check.yaml';
const SCHEMA = 'fixtures/codebooks/lint-schema.yaml';
const SYNTAX = 'fixtures/codebooks/lint-syntax.yaml';

// Each check once, where the fixtures' comments say.
const EXPECTED: Record<string, Array<[string, number, 'error' | 'warning']>> = {
  [EVERY]: [
    ['dead-exclude', 6, 'error'],
    ['duplicate-keyword', 15, 'error'],
    ['redundant-keyword', 17, 'warning'],
    ['stop-word', 18, 'warning'],
    ['short-prefix', 19, 'warning'],
    ['dead-exclude', 22, 'error'],
    ['shared-stem', 27, 'error'],
    ['no-keywords', 29, 'warning'],
    ['no-description', 32, 'warning'],
  ],
  [SCHEMA]: [
    ['schema', 7, 'error'],
    ['min-hits', 9, 'error'],
    ['duplicate-id', 10, 'error'],
    ['near-terms', 15, 'error'],
  ],
  [SYNTAX]: [['yaml-syntax', 5, 'error']],
};

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; severity: 1 | 2; message: string; line: number; column: number }>;
  errorCount: number;
  warningCount: number;
}

describe('obs lint', () => {
  it('passes the built-in codebook without a word', async () => {
    const r = await runObs(['lint', 'codebooks/community-power.yaml']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports every check with its id, line and severity in the JSON results', async () => {
    const r = await runObs(['lint', EVERY, SCHEMA, SYNTAX, '--format', 'json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results.map((x) => x.filePath)).toEqual([EVERY, SCHEMA, SYNTAX]);
    for (const result of results) {
      expect(result.messages.map((m) => [m.ruleId, m.line, m.severity === 2 ? 'error' : 'warning'])).toEqual(EXPECTED[result.filePath]);
      expect(result.errorCount).toBe(EXPECTED[result.filePath]!.filter((e) => e[2] === 'error').length);
      expect(result.warningCount).toBe(EXPECTED[result.filePath]!.filter((e) => e[2] === 'warning').length);
    }
    // Every check obs lint has appears once in the fixtures.
    const ids = Object.values(EXPECTED).flat().map((e) => e[0]);
    expect(new Set(ids).size).toBe(13);
  });

  it('prints the same findings for people, with a total', async () => {
    const r = await runObs(['lint', EVERY, SCHEMA, SYNTAX]);
    expect(r.code).toBe(1);
    for (const [file, expected] of Object.entries(EXPECTED)) {
      const section = r.stdout.split(`${file}\n`)[1]!.split('\n\n')[0]!;
      const lines = section.split('\n');
      expect(lines).toHaveLength(expected.length);
      expected.forEach(([id, line, severity], i) => expect(lines[i]).toMatch(new RegExp(`^  ${line}:\\d+\\s+${severity}\\s+.+\\s${id}$`)));
    }
    expect(r.stdout).toContain('✖ 14 problems (9 errors, 5 warnings)');
  });

  it('writes GitHub annotations, escaped as workflow commands require', async () => {
    const r = await runObs(['lint', EVERY, SCHEMA, SYNTAX, '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    const want = Object.entries(EXPECTED).flatMap(([file, list]) => list.map(([id, line, severity]) => [severity, file, line, id]));
    expect(lines).toHaveLength(want.length);
    want.forEach(([severity, file, line, id], i) => expect(lines[i]).toMatch(new RegExp(`^::${severity} file=${file},line=${line},col=\\d+,title=obs lint ${id}::\\S`)));
    // Only properties escape `:` and `,`; the message keeps them.
    expect(r.stdout).toContain('::error file=fixtures/codebooks/lint-syntax.yaml,line=5,col=5,title=obs lint yaml-syntax::YAML: Flow sequence');
  });

  it('finds an exclude phrase that shares a word with a keyword but can never line up with it', async () => {
    const dir = tempCorpus({
      'cb.yaml': 'name: c\nthemes:\n  - id: money\n    label: Money\n    description: d\n    keywords: [pay for]\n    exclude: [pay attention, pay for it, for sure]\n',
    });
    const r = await runObs(['lint', 'cb.yaml', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    // `pay attention` needs `attention` where `pay for` needs `for`; `pay for it` and `for sure` can share a token with it.
    expect(result!.messages.map((m) => [m.ruleId, m.message])).toEqual([['dead-exclude', 'exclude phrase `pay attention` can never overlap a keyword it applies to, so it never changes the coding']]);
  });

  it('refuses a near rule with no terms at all, which would never match', async () => {
    const dir = tempCorpus({ 'cb.yaml': 'name: n\nthemes:\n  - id: t\n    label: T\n    description: d\n    keywords: [grant]\n    near: [{ all: [], within: 3 }]\n' });
    const r = await runObs(['lint', 'cb.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as JsonResult[])[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['near-terms', 7]]);
  });

  it('exits 0 on warnings alone, 1 with more than --max-warnings, 2 for what it cannot read', async () => {
    const dir = tempCorpus({ 'warn.yaml': 'name: w\nthemes:\n  - id: t\n    label: T\n    keywords: [grant]\n' });
    const warned = await runObs(['lint', 'warn.yaml'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('no-description');
    expect((await runObs(['lint', 'warn.yaml', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    const strict = await runObs(['lint', 'warn.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warnings, more than --max-warnings 0');
    const missing = await runObs(['lint', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: not found');
    expect((await runObs(['lint', 'warn.yaml', '--format', 'xml'], { cwd: dir })).code).toBe(2);
    expect((await runObs(['lint', 'warn.yaml', '--max-share', '2'], { cwd: dir })).code).toBe(2);
  });

  it('lists the dead keywords of the built-in codebook on the example corpus', async () => {
    const r = await runObs(['lint', '--corpus', 'fixtures/big-local', 'codebooks/community-power.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    const dead = result!.messages.filter((m) => m.ruleId === 'dead-keyword').map((m) => m.message);
    expect(dead.length).toBeGreaterThan(20);
    expect(dead).toContain('`self-belief` (theme `agency`) never matches the corpus');
    // Words the example corpus does use are not dead.
    for (const live of ['confidence', 'grant', 'council', 'volunteer*']) expect(dead.some((d) => d.startsWith(`\`${live}\``))).toBe(false);
  });

  it('counts a rule as alive where it matches, even in passages its theme does not reach min_hits in', async () => {
    const dir = tempCorpus({
      'cb.yaml': 'name: c\nthemes:\n  - id: money\n    label: Money\n    description: d\n    min_hits: 2\n    keywords: [grant, budget, lottery, donation]\n',
      'corpus/a.txt': 'Ann: a grant and a budget.\n\nAnn: only the lottery here.\n',
    });
    const r = await runObs(['lint', 'cb.yaml', '--corpus', 'corpus', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    // `lottery` matches once, in a passage money does not reach min_hits in: alive all the same.
    expect(result!.messages.map((m) => m.message)).toEqual(['`donation` (theme `money`) never matches the corpus']);
  });

  it('warns about a theme that codes most passages, and two themes always coded together', async () => {
    const dir = tempCorpus({
      'cb.yaml': 'name: c\nthemes:\n  - id: talk\n    label: Talk\n    description: d\n    keywords: [said]\n  - id: money\n    label: Money\n    description: d\n    keywords: [grant]\n  - id: cash\n    label: Cash\n    description: d\n    keywords: [funding]\n',
      'corpus/a.txt': 'Ann: I said a grant and funding.\n\nAnn: I said so.\n\nAnn: Grant funding again, I said.\n\nAnn: Nothing.\n',
    });
    const r = await runObs(['lint', 'cb.yaml', '--corpus', 'corpus', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    expect(result!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['broad-theme', 3],
      ['cooccurring-themes', 11],
    ]);
    expect(result!.messages[0]!.message).toBe('theme `talk` codes 75.0% of 4 passages, more than 50%');
    expect(result!.messages[1]!.message).toBe('themes `money` and `cash` are coded together in 100% of the 2 passages either is coded in');
    expect((await runObs(['lint', 'cb.yaml', '--corpus', 'corpus', '--max-share', '0.8'], { cwd: dir })).stdout).not.toContain('broad-theme');
  });
});
