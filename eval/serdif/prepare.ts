// Turns the SERDIF usability study (../shared/data/gold-coded/serdif-usability) into what obs agree
// reads: transcripts whose paragraphs are labelled turns, and a file,line,theme CSV of the human coding.
//
//   npx tsx eval/serdif/prepare.ts OUT_DIR [SERDIF_DIR]
//
// The study's plain-text transcripts hold one paragraph per line: task prompts (no tab), the
// participant's speech (tab-indented, no label) and the moderator's ("MODERATOR: ..."). Each
// paragraph becomes a turn of its own, `TASK:`, `PARTICIPANT:` or `MODERATOR:`, with a blank line
// between, so obs's passages are the paragraphs the human coders highlighted.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** The study's tags that the eval codebook has a theme for. */
export const TAG_THEMES: Record<string, string> = {
  'System issue': 'system-issue',
  'Visualization useful': 'visualization',
  'Search feature simple': 'search',
  'Simple export': 'export',
  'Export (meta)data useful': 'export',
  'Data table features useful': 'data-table',
};

export interface Prepared {
  highlights: number;
  placed: number;
  unplaced: Array<{ document: string; content: string }>;
  /** Highlighted paragraphs that are the moderator's or a task prompt: never coded, so not compared. */
  notSpeech: number;
  goldRows: number;
  documents: number;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function prepare(serdif: string, out: string): Prepared {
  const corpusDir = path.join(out, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  // Per document: each paragraph's line in the written transcript, and its text for finding highlights.
  const docs = new Map<string, Array<{ line: number; text: string; speech: boolean }>>();
  const txtDir = path.join(serdif, 'transcripts-txt');
  for (const name of readdirSync(txtDir).filter((n) => /^P\d+_.*\.txt$/.test(n)).sort()) {
    const lines: string[] = [];
    const paragraphs: Array<{ line: number; text: string; speech: boolean }> = [];
    for (const raw of readFileSync(path.join(txtDir, name), 'utf8').split(/\r?\n/)) {
      const text = raw.trim();
      if (text === '') continue;
      const indent = raw.slice(0, raw.length - raw.trimStart().length);
      const label = /^MODERATOR:/i.test(text) ? '' : indent.includes('\t') ? 'PARTICIPANT: ' : 'TASK: ';
      paragraphs.push({ line: lines.length + 1, text, speech: label === 'PARTICIPANT: ' });
      lines.push(`${label}${text}`, '');
    }
    writeFileSync(path.join(corpusDir, name), lines.join('\n'));
    docs.set(name.replace(/\.txt$/, ''), paragraphs);
  }

  const tags = parse(readFileSync(path.join(serdif, 'tags', 'all_tags_20220303.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
  const gold = new Set<string>();
  const result: Prepared = { highlights: 0, placed: 0, unplaced: [], notSpeech: 0, goldRows: 0, documents: docs.size };
  for (const row of tags) {
    const theme = TAG_THEMES[row.tag!.trim()];
    if (!theme) continue;
    result.highlights++;
    const stem = row.document!.replace(/\.odt$/, '');
    const paragraphs = docs.get(stem);
    const lines = paragraphs ? locate(paragraphs, row.content!) : [];
    if (lines.length === 0) {
      result.unplaced.push({ document: row.document!, content: row.content! });
      continue;
    }
    result.placed++;
    for (const p of lines) {
      if (p.speech) gold.add(JSON.stringify([`${stem}.txt`, p.line, theme]));
      else result.notSpeech++;
    }
  }
  const rows = [...gold].map((g) => JSON.parse(g) as [string, number, string]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : 1)));
  writeFileSync(path.join(out, 'gold.csv'), stringify([['file', 'line', 'theme'], ...rows]));
  result.goldRows = rows.length;
  return result;
}

/** The paragraphs a highlight covers: the whole highlight first, else its opening words. */
function locate<P extends { line: number; text: string }>(paragraphs: readonly P[], content: string): P[] {
  let joined = '';
  const starts: number[] = [];
  for (const p of paragraphs) {
    starts.push(joined.length);
    joined += `${squash(p.text)} `;
  }
  const wanted = squash(content);
  let at = wanted === '' ? -1 : joined.indexOf(wanted);
  let length = wanted.length;
  if (at < 0) {
    const opening = wanted.slice(0, 40);
    at = opening.length < 15 ? -1 : joined.indexOf(opening);
    length = opening.length;
  }
  if (at < 0) return [];
  return paragraphs.filter((_, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : joined.length;
    return starts[i]! < at + length && end > at;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [out, serdif = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/data/gold-coded/serdif-usability')] = process.argv.slice(2);
  if (!out) {
    console.error('usage: npx tsx eval/serdif/prepare.ts OUT_DIR [SERDIF_DIR]');
    process.exit(2);
  }
  const r = prepare(serdif, out);
  console.log(
    `${r.documents} transcripts; ${r.placed} of ${r.highlights} highlights of the compared tags placed; ` +
      `${r.goldRows} gold rows in ${path.join(out, 'gold.csv')} (${r.notSpeech} highlighted moderator or task paragraphs left out)`,
  );
  for (const u of r.unplaced) console.log(`  not placed: ${u.document}: ${u.content.slice(0, 70)}`);
}
