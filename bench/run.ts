// npm run bench: obs against the scripts researchers write today, on the same generated corpora in
// the same run: wall time, peak memory, the ratios, and a check that the counts agree. Two corpora:
// spoken English as Word transcripts have it (curly quotes, dashes, ellipses), and made-up ASCII
// words, the fast path's ceiling; and the spoken corpus typed plain, to show what typography costs.
//
//   npm run bench -- [--sizes 100,1000] [--words 5000] [--memory 10000] [--peers tidytext,nltk,rg] [--corpora spoken,made-up] [--startup 15]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { generateCorpus, generateSpokenCorpus, writeRules, type BenchCorpus } from './corpus.js';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const CACHE = path.join(ROOT, 'bench', '.cache');

interface Options {
  sizes: number[];
  words: number;
  memory: number;
  peers: string[];
  corpora: string[];
  startup: number;
}

function options(argv: string[]): Options {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
  };
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  return {
    sizes: list(get('sizes', '100,1000')).map(Number),
    words: Number(get('words', '5000')),
    memory: Number(get('memory', '10000')),
    peers: list(get('peers', 'tidytext,nltk,rg')),
    corpora: list(get('corpora', 'spoken,made-up')),
    startup: Number(get('startup', '15')),
  };
}

interface Timing {
  seconds: number;
  peakMb: number;
}

/** GNU time gives wall time and the peak resident memory of the whole process tree's largest process. */
function timings(command: string, args: string[], runs: number, env: Record<string, string> = {}): Timing[] {
  const samples: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
    const [seconds, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    samples.push({ seconds: seconds!, peakMb: kb! / 1024 });
  }
  return samples;
}

/** The run of median wall time. */
function medianOf(samples: readonly Timing[]): Timing {
  return [...samples].sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)]!;
}

function timed(command: string, args: string[], runs: number, env: Record<string, string> = {}): Timing {
  return medianOf(timings(command, args, runs, env));
}

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Installs the peers from Debian's packages where they are missing, saying so; a peer that cannot be had is skipped. */
function ensurePeers(peers: string[]): string[] {
  const checks: Record<string, { ok: () => boolean; packages: string[] }> = {
    time: { ok: () => existsSync('/usr/bin/time'), packages: ['time'] },
    tidytext: { ok: () => has('Rscript', ['-e', 'suppressMessages({library(tidytext); library(SnowballC); library(dplyr)})']), packages: ['r-cran-tidytext', 'r-cran-snowballc', 'r-cran-dplyr'] },
    nltk: { ok: () => has('/usr/bin/python3', ['-c', 'import nltk']), packages: ['python3-nltk'] },
    rg: { ok: () => has('rg', ['--version']), packages: ['ripgrep'] },
  };
  const missing = ['time', ...peers].filter((p) => checks[p] && !checks[p].ok());
  if (missing.length > 0) {
    const packages = missing.flatMap((p) => checks[p]!.packages);
    if (process.getuid?.() === 0) {
      console.log(`installing from Debian's packages: ${packages.join(' ')}`);
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } else {
      console.log(`missing: ${packages.join(' ')}; install them with: sudo apt-get install ${packages.join(' ')}`);
    }
  }
  if (!checks.time!.ok()) throw new Error('GNU time (/usr/bin/time) is needed to measure peak memory: apt-get install time');
  return peers.filter((p) => {
    if (checks[p]?.ok()) return true;
    console.log(`skipping ${p}: not installed and could not be installed`);
    return false;
  });
}

/** The corpora, by name: how each is made and what the table calls it. */
const KINDS: Record<string, { title: string; make: (dir: string, files: number, words: number) => BenchCorpus; cache: string }> = {
  spoken: { title: 'spoken English', make: (d, f, w) => generateSpokenCorpus(d, f, w, true), cache: 'spoken' },
  plain: { title: 'the same, typed plain', make: (d, f, w) => generateSpokenCorpus(d, f, w, false), cache: 'plain' },
  'made-up': { title: 'made-up ASCII words', make: generateCorpus, cache: 'corpus' },
};

function corpus(kind: string, files: number, words: number): { dir: string; mb: number; words: number } {
  const dir = path.join(CACHE, `${KINDS[kind]!.cache}-${files}x${words}`);
  const stamp = path.join(dir, '.done');
  if (!existsSync(stamp)) {
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`generating ${files} transcripts of ${words} words (${KINDS[kind]!.title}) ... `);
    const made = KINDS[kind]!.make(path.join(dir, 'corpus'), files, words);
    writeFileSync(stamp, JSON.stringify({ bytes: made.bytes, words: made.words }));
    console.log('done');
  }
  const info = JSON.parse(readFileSync(stamp, 'utf8')) as { bytes: number; words: number };
  return { dir: path.join(dir, 'corpus'), mb: info.bytes / 1e6, words: info.words };
}

type Counts = Map<string, { passages: number; hits: number; total: number }>;

function readCounts(file: string, themes: Set<string>): Counts {
  const rows = parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
  const out: Counts = new Map();
  for (const r of rows) {
    if (!themes.has(r.theme!) || r.area === '(all)' || Number(r.passages) === 0) continue;
    out.set(`${r.area}|${r.year}|${r.theme}`, { passages: Number(r.passages), hits: Number(r.hits), total: Number(r.passages_total) });
  }
  return out;
}

function compareCounts(obs: Counts, peer: Counts): string {
  const keys = new Set([...obs.keys(), ...peer.keys()]);
  const diffs = [...keys].filter((k) => JSON.stringify(obs.get(k)) !== JSON.stringify(peer.get(k)));
  if (diffs.length === 0) return `same (${keys.size} group x theme counts)`;
  return `DIFFER in ${diffs.length} of ${keys.size}, e.g. ${diffs[0]}: obs ${JSON.stringify(obs.get(diffs[0]!))} vs ${JSON.stringify(peer.get(diffs[0]!))}`;
}

/** Median wall time in milliseconds of `runs` runs, each a fresh process. */
function startupMs(command: string, args: string[], runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(command, args, { stdio: 'ignore' });
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status})`);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Start-up: how long obs takes before it does any work, against node doing nothing at all. */
function startup(runs: number, obsBin: string, smallCodebook: string): void {
  const cases: Array<[string, string, string[]]> = [
    ["node -e ''", 'node', ['-e', '']],
    ['obs --version', 'node', [obsBin, '--version']],
    ['obs lint (bench codebook, 6 themes)', 'node', [obsBin, 'lint', smallCodebook]],
    ['obs lint (built-in codebook)', 'node', [obsBin, 'lint', path.join(ROOT, 'codebooks', 'community-power.yaml')]],
  ];
  const times = cases.map(([, command, args]) => startupMs(command, args, runs));
  console.log(`\nstart-up, median of ${runs} runs:`);
  cases.forEach(([name], i) => console.log(`  ${name.padEnd(38)} ${times[i]!.toFixed(0).padStart(4)} ms${i > 0 ? `  (node + ${(times[i]! - times[0]!).toFixed(0)} ms)` : ''}`));
}

function main(): void {
  const opts = options(process.argv.slice(2));
  const peers = ensurePeers(opts.peers);
  mkdirSync(CACHE, { recursive: true });
  const rules = writeRules(CACHE);
  const themes = new Set((parse(readFileSync(rules.rules), { columns: true }) as Array<Record<string, string>>).map((r) => r.theme!));
  const obsBin = path.join(ROOT, 'bin', 'obs.js');
  const out = (name: string) => path.join(CACHE, `${name}.csv`);
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`);
  let failed = false;
  const rows: string[][] = [];
  const obsPeak = new Map<string, number>();
  const obsTime = new Map<string, number>();
  const sizes = [...new Set([...opts.sizes, ...(opts.memory > 0 ? [opts.memory] : [])])].sort((a, b) => a - b);
  // The spoken corpus typed plain, once, at 1,000 files: what typography costs.
  const runs = opts.corpora.flatMap((kind) => [...sizes.map((size) => ({ kind, size })), ...(kind === 'spoken' ? [{ kind: 'plain', size: 1000 }] : [])]);
  for (const { kind, size } of runs) {
    const c = corpus(kind, size, opts.words);
    const label = `${KINDS[kind]!.title}, ${size} x ${opts.words} (${c.mb.toFixed(0)} MB)`;
    const runObs = () => timings('node', [obsBin, 'code', c.dir, '--codebook', rules.codebook, '--format', 'csv', '--out', out('obs')], 3);
    // obs is timed again after each slow peer, and each ratio is taken against the obs runs just
    // before and after that peer: a peer runs for a minute, and a shared machine's load drifts in that time.
    const obsRuns: Timing[][] = [runObs()];
    const obsCounts = readCounts(out('obs'), themes);
    const obsRow = rows.push([]) - 1;
    const peerSizes = opts.sizes.includes(size) && kind !== 'plain';
    for (const peer of peerSizes ? peers : peers.filter((p) => p === 'rg')) {
      let t: Timing;
      let check = '';
      if (peer === 'tidytext') {
        t = timed('Rscript', [path.join(ROOT, 'bench/peers/tidytext.R'), c.dir, rules.rules, out('tidytext')], 1);
        check = compareCounts(obsCounts, readCounts(out('tidytext'), themes));
      } else if (peer === 'nltk') {
        t = timed('/usr/bin/python3', [path.join(ROOT, 'bench/peers/nltk_porter.py'), c.dir, rules.rules, out('nltk')], 1);
        check = compareCounts(obsCounts, readCounts(out('nltk'), themes));
      } else {
        t = timed('sh', ['-c', `rg -c -i -w -f '${rules.patterns}' '${c.dir}' > /dev/null`], 3);
        check = 'scans only (no stems, no passages)';
      }
      if (check.startsWith('DIFFER')) failed = true;
      if (peer !== 'rg') obsRuns.push(runObs());
      const around = medianOf(obsRuns.slice(peer === 'rg' ? -1 : -2).flat()).seconds;
      const name = { tidytext: 'R tidytext + SnowballC', nltk: 'Python NLTK Porter', rg: 'rg -c -i -w -f' }[peer] ?? peer;
      const ratio = t.seconds >= around ? `obs ${(t.seconds / around).toFixed(1)}x faster` : `obs ${(around / t.seconds).toFixed(1)}x slower`;
      rows.push([label, name, t.seconds.toFixed(2), t.peakMb.toFixed(0), ratio, check]);
    }
    const obs = medianOf(obsRuns.flat());
    obsPeak.set(`${kind} ${size}`, obs.peakMb);
    obsTime.set(`${kind} ${size}`, obs.seconds);
    rows[obsRow] = [label, `obs code --format csv${obsRuns.length > 1 ? ` (${obsRuns.length * 3} runs)` : ''}`, obs.seconds.toFixed(2), obs.peakMb.toFixed(0), '', 'reference'];
  }
  const header = ['corpus', 'tool', 'wall s', 'peak MB', 'obs vs this tool', 'counts vs obs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((x, i) => (i >= 2 && i <= 4 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log('');
  if (obsTime.has('spoken 1000') && obsTime.has('plain 1000')) {
    // Timed again in turns, one of each at a time: the two rows above are minutes apart, and on a
    // shared machine the load drifts more than that between them.
    const typed = corpus('spoken', 1000, opts.words);
    const plain = corpus('plain', 1000, opts.words);
    const run = (dir: string) => timed('node', [obsBin, 'code', dir, '--codebook', rules.codebook, '--format', 'csv', '--out', out('obs')], 1).seconds;
    const pairs = Array.from({ length: 5 }, () => [run(typed.dir), run(plain.dir)] as const);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const a = median(pairs.map(([t]) => t));
    const b = median(pairs.map(([, p]) => p));
    const ratio = a / b;
    console.log(`obs on spoken English, typographic against typed plain, 1000 transcripts, 5 runs each in turns: ${a.toFixed(2)} s against ${b.toFixed(2)} s, ${ratio.toFixed(2)}x (target: within 1.3x)`);
    if (ratio > 1.3) failed = true;
  }
  // obs codes a small corpus on one thread and a large one on workers too, each with a heap of its
  // own: the growth that matters is the corpus's, so 1,000 files are measured again on as many
  // workers as the large corpus had.
  for (const kind of opts.corpora) {
    const big = obsPeak.get(`${kind} ${opts.memory}`);
    const base = obsPeak.get(`${kind} 1000`);
    if (opts.memory > 0 && opts.memory !== 1000 && big !== undefined && base !== undefined) {
      const c = corpus(kind, 1000, opts.words);
      const workers = timed('node', [obsBin, 'code', c.dir, '--codebook', rules.codebook, '--format', 'csv', '--out', out('obs')], 3, { OBS_WORKER_BYTES: '1' });
      const ratio = big / workers.peakMb;
      console.log(`obs peak memory on ${KINDS[kind]!.title}, ${opts.memory} vs 1000 transcripts on worker threads: ${big.toFixed(0)} vs ${workers.peakMb.toFixed(0)} MB, ${ratio.toFixed(2)}x (target: within 1.5x; 1000 on one thread: ${base.toFixed(0)} MB)`);
      if (ratio > 1.5) failed = true;
    }
  }
  if (opts.startup > 0) startup(opts.startup, obsBin, rules.codebook);
  if (failed) {
    console.log('\nFAILED: see above');
    process.exitCode = 1;
  }
}

main();
