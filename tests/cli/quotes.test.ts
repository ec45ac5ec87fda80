// obs quotes: themes, --where, context, random samples and uncoded passages, on the example corpus.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const CORPUS = 'fixtures/big-local';
const META = ['--meta', 'fixtures/big-local-meta.csv'];

async function quotesJson(args: string[]) {
  const r = await runObs(['quotes', CORPUS, ...META, '--format', 'json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    quotes: Array<{
      theme: string | null;
      file: string;
      line: number;
      speaker: string | null;
      meta: Record<string, string>;
      terms: string[];
      words: number;
      text: string;
      group: Record<string, string>;
      before: Array<{ line: number; speaker: string | null; interviewer: boolean; text: string }>;
      after: Array<{ line: number; speaker: string | null; interviewer: boolean; text: string }>;
    }>;
  };
}

describe('obs quotes', () => {
  it('prints Ramsey resources quotes in Markdown with file:line, speaker and the turns around them', async () => {
    const r = await runObs(['quotes', CORPUS, ...META, '--theme', 'resources', '--where', 'area=Ramsey', '--context', '1', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## resources: Resources$/m);
    const groups = r.stdout.match(/^### .*$/gm)!;
    expect(groups).toEqual(['### Ramsey · 2016', '### Ramsey · 2019', '### Ramsey · 2022', '### Ramsey · 2025']);
    const sources = [...r.stdout.matchAll(/^> — (\S+):(\d+), ([^,]+), Ramsey, (\d{4})$/gm)];
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const [, file, line, speaker] of sources) {
      // The line named is where the speaker's turn starts in the file.
      const text = readFileSync(path.join(CORPUS, file!), 'utf8').split(/\r?\n/);
      expect(text.slice(Number(line) - 2, Number(line) + 1).join('\n')).toContain(speaker!.split(' ')[0]);
    }
    expect(r.stdout).toMatch(/^> \*Interviewer, line 11 \(context\):\* And what was that like\?$/m);
    expect(r.stdout).toMatch(/^> \*\*Resident:\*\* Terrifying! .*\*\*money\*\*/m);
  });

  it('takes context from the neighbouring turns, interviewer turns marked', async () => {
    const { quotes } = await quotesJson(['--theme', 'governance', '--context', '2', '--by', 'none', '--limit', '0']);
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) {
      const lines = [...q.before.map((b) => b.line), q.line, ...q.after.map((a) => a.line)];
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(q.before.length).toBeLessThanOrEqual(2);
    }
    expect(quotes.some((q) => q.before.some((b) => b.interviewer && b.speaker === 'Interviewer'))).toBe(true);

    const dir = tempCorpus({ 'a.txt': 'Sam: What about money?\n\nAnn: We got a grant.\n\nSam: And then?\n\nAnn: Nothing.\n' });
    const r = await runObs(['quotes', dir, '--exclude-speaker', 'Sam', '--context', '1', '--by', 'none']);
    expect(r.stdout).toContain('Sam (interviewer), line 1 (context): What about money?');
    expect(r.stdout).toContain('Ann: “We got a [grant].”');
    const whole = await runObs(['quotes', dir, '--exclude-speaker', 'Sam', '--context', '1', '--by', 'none', '--unit', 'document']);
    expect(whole.code).toBe(0);
    expect(whole.stderr).toContain('--context shows nothing with --unit document');
    expect(r.stderr).not.toContain('--context shows nothing');
  });

  it('gives context passages their time stamps in CSV and JSON, as quotes have theirs', async () => {
    const dir = tempCorpus({ 'a.txt': '[00:01:02] Host: What about money?\n\n[00:01:09] Ann: We got a grant.\n\n[00:02:00] Host: And then?\n\n[00:02:30] Ann: Nothing.\n' });
    const args = ['quotes', dir, '--exclude-speaker', 'Host', '--context', '1', '--by', 'none', '--theme', 'money'];
    const rows = parse((await runObs([...args, '--format', 'csv'])).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.role, r.line, r.start])).toEqual([
      ['before', '1', '00:01:02'],
      ['quote', '3', '00:01:09'],
      ['after', '5', '00:02:00'],
    ]);
    const json = JSON.parse((await runObs([...args, '--format', 'json'])).stdout) as { quotes: Array<{ before: Array<{ start: string }>; after: Array<{ start: string }> }> };
    expect([json.quotes[0]!.before[0]!.start, json.quotes[0]!.after[0]!.start]).toEqual(['00:01:02', '00:02:00']);
  });

  it('filters by any field, with value lists and ranges', async () => {
    const some = await quotesJson(['--where', 'area=Ramsey,revoe', '--where', 'year=2019..2022', '--limit', '0']);
    expect(new Set(some.quotes.map((q) => q.meta.area))).toEqual(new Set(['Ramsey', 'Revoe']));
    expect(new Set(some.quotes.map((q) => q.meta.year))).toEqual(new Set([2019, 2022]));
    const from = await quotesJson(['--where', 'year=2022..', '--limit', '0']);
    expect(new Set(from.quotes.map((q) => q.meta.year))).toEqual(new Set([2022, 2025]));
    const none = await runObs(['quotes', CORPUS, '--where', 'area=Nowhere']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('no passage matches --where area=Nowhere');
  });

  it('--limit 0 gives every coded passage of a theme, as obs code --passages counts them', async () => {
    const passages = (await runObs(['code', CORPUS, '--passages'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const { quotes } = await quotesJson(['--theme', 'leverage', '--limit', '0', '--by', 'none']);
    const want = passages.filter((p: { themes: Record<string, number> }) => 'leverage' in p.themes).map((p: { file: string; line: number }) => `${p.file}:${p.line}`);
    expect(quotes.map((q) => `${q.file}:${q.line}`).sort()).toEqual(want.sort());
  });

  it('--random SEED: the same sample every run, drawn from all the quotes, different for another seed', async () => {
    const args = ['--theme', 'money', '--by', 'area', '--limit', '2'];
    const a = await runObs(['quotes', CORPUS, ...META, ...args, '--random', '7']);
    const again = await runObs(['quotes', CORPUS, ...META, ...args, '--random', '7']);
    const b = await runObs(['quotes', CORPUS, ...META, ...args, '--random', 'other']);
    expect(a.stdout).toBe(again.stdout);
    expect(a.stdout).not.toBe(b.stdout);
    const sample = await quotesJson([...args, '--random', '7']);
    const all = new Set((await quotesJson(['--theme', 'money', '--limit', '0'])).quotes.map((q) => `${q.file}:${q.line}`));
    expect(sample.quotes.length).toBeGreaterThan(8);
    for (const q of sample.quotes) expect(all.has(`${q.file}:${q.line}`)).toBe(true);
    // A sample is drawn per passage, not by reading order: one area's quotes stay the same when another area's files are left out.
    const ramseyOnly = await quotesJson([...args, '--random', '7', '--where', 'area=Ramsey']);
    expect(ramseyOnly.quotes).toEqual(sample.quotes.filter((q) => q.meta.area === 'Ramsey'));
  });

  it('--random tells sentences of one line apart, and Markdown never turns a quote into a list', async () => {
    // Sentences of one line once shared a draw, so samples clustered: 16 of 40 held two from one line.
    let clustered = 0;
    for (let seed = 0; seed < 40; seed++) {
      const { quotes } = await quotesJson(['--unit', 'sentence', '--random', String(seed), '--limit', '3', '--by', 'none', '--theme', 'money']);
      if (new Set(quotes.map((q) => `${q.file}:${q.line}`)).size < quotes.length) clustered++;
    }
    expect(clustered).toBeLessThan(8);
    const dir = tempCorpus({ 'a.txt': 'Ann: - we got a grant\n\nAnn: 1. The money ~~x~~\n\nAnn: + funding\n' });
    const md = (await runObs(['quotes', dir, '--theme', 'money', '--by', 'none', '--format', 'md'])).stdout;
    const quoted = md.split('\n').filter((l) => l.startsWith('> ') && !l.startsWith('> —'));
    expect([...quoted].sort()).toEqual(['> \\- we got a **grant**', '> 1\\. The **money** \\~\\~x\\~\\~', '> \\+ **funding**'].sort());
  });

  it('--uncoded lists respondent passages no theme caught, longest first', async () => {
    const { quotes } = await quotesJson(['--uncoded', '--by', 'none', '--limit', '5']);
    expect(quotes).toHaveLength(5);
    for (const q of quotes) {
      expect(q.theme).toBeNull();
      expect(q.terms).toEqual([]);
    }
    expect(quotes.map((q) => q.words)).toEqual([...quotes.map((q) => q.words)].sort((x, y) => y - x));
    const passages = (await runObs(['code', CORPUS, '--passages'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const q of quotes) expect(passages.find((p: { file: string; line: number }) => p.file === q.file && p.line === q.line).themes).toEqual({});
  });

  it.each([
    [['--theme', 'power'], /--theme power: no such theme .*\n.*themes are: agency, organisation, governance/],
    [['--uncoded', '--theme', 'agency'], /do not go together/],
    [['--limit', '-1'], /--limit must be a whole number/],
    [['--context', 'x'], /--context must be a whole number/],
    [['--random', ''], /--random needs a seed/],
    [['--format', 'jsonl'], /--format must be one of table, md, csv, json/],
  ])('%j is a usage error', async (args, message) => {
    const r = await runObs(['quotes', CORPUS, ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
  });
});
