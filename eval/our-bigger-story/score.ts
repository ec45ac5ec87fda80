// Scores a codebook against passages that an Our Bigger Story report files under one of the four
// features of powerful communities (agency, organisation, relationships, resources).
//
//   npx tsx eval/our-bigger-story/score.ts PASSAGES.csv [--codebook FILE] [--split all|tune|check]
//                                          [--rank leading|hits|tokens] [--misses] [--format table|json]
//
// PASSAGES.csv has the columns url, section, feature, text (see README.md: the text is not kept in
// this repository). Each passage is coded on its own, as one passage, by the engine's pure
// functions (loadCodebook, compileCodebook, codeText), exactly as `obs code --unit document` codes
// a one-passage transcript.
//
// Leading theme: obs's own (src/aggregate/leading.ts, the `leading` of `obs code --passages`): the
// top-level theme with the most hits (a parent's hits include its sub-themes', a span matched by
// both counted once), a tie going to the theme whose hits matched more words, then to the one first
// in the codebook; the number of passages still tied after the words is printed. A passage with no
// hit at all has no leading theme ("(none)"): it counts as a miss for recall and for the share, and
// towards no theme's precision.
//
// --rank hits (ties by codebook order, obs's rule before it weighed matched words) and --rank
// tokens (each hit weighs the words it matched) are what-ifs, not what obs does.
//
// --split: a fixed, seeded third of each feature's passages is the check set (kept aside while
// tuning the codebook); the rest is the tuning set. The draw depends only on the passage text, so
// adding passages does not move the others between halves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { BUILTIN_CODEBOOK, loadCodebook } from '../../src/codebook/load.js';
import { compileCodebook } from '../../src/match/compile.js';
import { codeText } from '../../src/match/engine.js';
import { leadingTheme } from '../../src/aggregate/leading.js';

export const FEATURES = ['agency', 'organisation', 'relationships', 'resources'] as const;
const NONE = '(none)';

interface Passage {
  url: string;
  section: string;
  feature: string;
  text: string;
}

interface Options {
  file: string;
  codebook: string;
  split: 'all' | 'tune' | 'check';
  rank: 'leading' | 'hits' | 'tokens';
  misses: boolean;
  format: 'table' | 'json';
}

function usage(message: string): never {
  process.stderr.write(`score: ${message}\nusage: npx tsx eval/our-bigger-story/score.ts PASSAGES.csv [--codebook FILE] [--split all|tune|check] [--rank leading|hits|tokens] [--misses] [--format table|json]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Partial<Options> = { codebook: BUILTIN_CODEBOOK, split: 'all', rank: 'leading', misses: false, format: 'table' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--codebook') o.codebook = path.resolve(value());
    else if (a === '--split') o.split = value() as Options['split'];
    else if (a === '--rank') o.rank = value() as Options['rank'];
    else if (a === '--format') o.format = value() as Options['format'];
    else if (a === '--misses') o.misses = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!o.file) o.file = path.resolve(a);
    else usage(`one passages file only (got ${a})`);
  }
  if (!o.file) usage('give the passages CSV');
  if (!['all', 'tune', 'check'].includes(o.split!)) usage('--split is all, tune or check');
  if (!['leading', 'hits', 'tokens'].includes(o.rank!)) usage('--rank is leading, hits or tokens');
  if (!['table', 'json'].includes(o.format!)) usage('--format is table or json');
  return o as Options;
}

/** FNV-1a of the text: a fixed, platform-independent order for the split. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Per feature, the passages sorted by hash; every third (positions 0, 3, 6, ...) is the check set. */
export function checkSet(passages: Passage[]): Set<Passage> {
  const out = new Set<Passage>();
  for (const f of FEATURES) {
    const mine = passages.filter((p) => p.feature === f).sort((a, b) => hash(a.text) - hash(b.text) || a.text.localeCompare(b.text));
    mine.forEach((p, i) => i % 3 === 0 && out.add(p));
  }
  return out;
}

export function readPassages(file: string): Passage[] {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Array<Record<string, string>>;
  const passages = rows.map((r, i) => {
    for (const k of ['url', 'section', 'feature', 'text']) if (r[k] === undefined) usage(`${file}: row ${i + 2} has no ${k} column`);
    return { url: r.url!, section: r.section!, feature: r.feature!.toLowerCase(), text: r.text! };
  });
  for (const p of passages) if (!(FEATURES as readonly string[]).includes(p.feature)) usage(`${file}: unknown feature "${p.feature}"`);
  return passages;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const fmt = (x: number | null) => (x === null ? '   - ' : x.toFixed(2).padStart(5));

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const all = readPassages(o.file);
  const check = checkSet(all);
  const passages = o.split === 'all' ? all : all.filter((p) => (o.split === 'check') === check.has(p));

  const codebook = await loadCodebook(o.codebook, path.relative(process.cwd(), o.codebook) || o.codebook);
  const compiled = compileCodebook(codebook);
  const top = compiled.themes.filter((t) => t.parent < 0);
  const topIds = top.map((t) => t.id);
  for (const f of FEATURES) if (!topIds.includes(f)) usage(`the codebook has no top-level theme "${f}"`);

  let ties = 0;
  const results = passages.map((p) => {
    const coding = codeText(compiled, p.text);
    const scores = top.map((t) => {
      const c = coding.themes.get(t.index);
      if (!c) return 0;
      const tokens = c.hits.reduce((s, h) => s + (h.last - h.first + 1), 0);
      if (o.rank === 'hits') return c.hits.length;
      if (o.rank === 'tokens') return tokens;
      return c.hits.length * 10000 + tokens; // obs's own order: hits, then matched words
    });
    const best = Math.max(...scores);
    const leaders = best > 0 ? top.filter((_, i) => scores[i] === best).map((t) => t.id) : [];
    if (leaders.length > 1) ties++;
    const lead = leaders[0] ?? NONE; // codebook order breaks what ties remain
    // The figures are obs's own: the rank above is the leading theme obs writes with --passages.
    if (o.rank === 'leading') {
      const own = leadingTheme(coding, compiled.themes);
      if ((own === undefined ? NONE : compiled.themes[own]!.id) !== lead) throw new Error(`score: the leading theme differs from obs's for "${p.text.slice(0, 40)}"`);
    }
    const terms: Record<string, string[]> = {};
    top.forEach((t) => {
      const c = coding.themes.get(t.index);
      if (c) terms[t.id] = c.hits.map((h) => h.term);
    });
    return { p, lead, leaders, scores: Object.fromEntries(topIds.map((id, i) => [id, scores[i]!])), terms };
  });

  const labels = [...topIds, NONE];
  const confusion: Record<string, Record<string, number>> = {};
  for (const f of FEATURES) confusion[f] = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const r of results) confusion[r.p.feature]![r.lead]!++;

  const perFeature = FEATURES.map((f) => {
    const tp = confusion[f]![f]!;
    const filed = Object.values(confusion[f]!).reduce((a, b) => a + b, 0);
    const led = FEATURES.reduce((s, g) => s + confusion[g]![f]!, 0);
    const precision = led ? tp / led : null;
    const recall = filed ? tp / filed : null;
    const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null && recall === null ? null : 0;
    return { feature: f, filed, led, correct: tp, precision, recall, f1 };
  });
  const f1s = perFeature.map((r) => r.f1 ?? 0);
  const macroF1 = f1s.reduce((a, b) => a + b, 0) / f1s.length;
  const correct = perFeature.reduce((s, r) => s + r.correct, 0);
  const share = passages.length ? correct / passages.length : 0;
  const none = results.filter((r) => r.lead === NONE).length;

  if (o.format === 'json') {
    process.stdout.write(
      JSON.stringify(
        {
          passages: passages.length,
          split: o.split,
          rank: o.rank,
          codebook: path.relative(process.cwd(), o.codebook),
          share: round(share),
          macro_f1: round(macroF1),
          ties,
          no_hit: none,
          features: perFeature.map((r) => ({ ...r, precision: r.precision === null ? null : round(r.precision), recall: r.recall === null ? null : round(r.recall), f1: r.f1 === null ? null : round(r.f1) })),
          confusion,
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }

  const w = (s: string, n: number) => s.padEnd(n);
  const out: string[] = [];
  const ranking = { leading: "obs's leading theme: hits, ties by matched words", hits: 'hits per top-level theme, ties by codebook order (what-if)', tokens: 'matched words per top-level theme (what-if)' }[o.rank];
  out.push(`${passages.length} passages (split: ${o.split}; ranking: ${ranking}; codebook: ${path.relative(process.cwd(), o.codebook)})`);
  out.push('');
  out.push(`${w('feature', 14)} filed   led  right  precision  recall     F1`);
  for (const r of perFeature) out.push(`${w(r.feature, 14)} ${String(r.filed).padStart(5)} ${String(r.led).padStart(5)} ${String(r.correct).padStart(6)}      ${fmt(r.precision)}   ${fmt(r.recall)}  ${fmt(r.f1)}`);
  out.push('');
  out.push(`macro-F1 ${macroF1.toFixed(2)} · leading theme = filed feature for ${correct}/${passages.length} (${(share * 100).toFixed(0)}%) · ${none} with no hit · ${ties} tied (broken by codebook order)`);
  out.push('');
  out.push('confusion (rows: the report\'s feature; columns: leading theme)');
  out.push(`${w('', 14)} ${labels.map((l) => l.slice(0, 13).padStart(14)).join('')}`);
  for (const f of FEATURES) out.push(`${w(f, 14)} ${labels.map((l) => String(confusion[f]![l]).padStart(14)).join('')}`);
  if (o.misses) {
    out.push('');
    out.push('misses:');
    for (const r of results) {
      if (r.lead === r.p.feature) continue;
      const t = Object.entries(r.terms).map(([id, ts]) => `${id}[${ts.join(', ')}]`).join(' ');
      out.push(`- ${r.p.feature} -> ${r.lead}${r.leaders.length > 1 ? ` (tie: ${r.leaders.join('/')})` : ''}: ${r.p.text.slice(0, 90).replace(/\s+/g, ' ')}…`);
      out.push(`    ${t || '(no hits)'}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((err) => {
  process.stderr.write(`score: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
