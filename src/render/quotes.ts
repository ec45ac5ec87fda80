// Quotes in every format: the quote section of `obs code` and the whole output of `obs quotes`.
import { jsonMeta, jsonValue } from './json-value.js';
import { Chalk } from 'chalk';
import type { ContextPassage, ExtractPiece, Quote } from '../aggregate/quotes.js';
import type { QuoteSet } from '../aggregate/report.js';
import { prefixClashes } from '../aggregate/matrix.js';
import { isInterviewerLabel } from '../segment/speakers.js';
import { toCsv } from './csv.js';
import { inertName, oneLine } from './inert.js';
import { escapeMd } from './md-escape.js';

export interface QuoteTableOptions {
  colorLevel: 0 | 1 | 2 | 3;
  width?: number;
}

export const UNCODED_HEADING = 'uncoded';

/** Themes in codebook order (passages no theme caught last), each with its quotes in order. */
function sections(set: QuoteSet): Array<{ heading: string; label: string; quotes: Quote[] }> {
  const byTheme = new Map<string | null, Quote[]>();
  for (const q of set.quotes) byTheme.set(q.theme, [...(byTheme.get(q.theme) ?? []), q]);
  const out = set.themes.filter((t) => byTheme.has(t.id)).map((t) => ({ heading: t.id, label: t.label, quotes: byTheme.get(t.id)! }));
  const uncoded = byTheme.get(null);
  if (uncoded) out.push({ heading: UNCODED_HEADING, label: 'respondent passages no theme caught', quotes: uncoded });
  return out;
}

/** Walks quotes, calling `onGroup` where the group changes, so each group gets a heading once. */
function eachWithGroups(quotes: readonly Quote[], onGroup: (label: string) => void, onQuote: (q: Quote) => void): void {
  let previous = '';
  for (const q of quotes) {
    const key = JSON.stringify(q.group);
    if (q.group.length > 0 && key !== previous) onGroup(q.group.join(' · '));
    previous = key;
    onQuote(q);
  }
}

/** `name` shows the file and the speaker, `value` the area and year; each as it is by default. */
export function quoteSource(q: Quote, name: (s: string) => string = (s) => s, value: (s: string) => string = name): string {
  const parts = [`${name(q.file)}:${q.line}`];
  if (q.speaker) parts.push(name(q.speaker));
  if (q.meta.area) parts.push(value(q.meta.area));
  if (q.meta.year) parts.push(value(q.meta.year));
  return parts.join(', ');
}

/** Who spoke a context passage; an interviewer turn says so even where its label does not. */
function contextSpeaker(p: ContextPassage): string {
  const name = p.speaker ?? '(no speaker)';
  return p.interviewer && (p.speaker === null || !isInterviewerLabel(p.speaker)) ? `${name} (interviewer)` : name;
}

const plain = (pieces: readonly ExtractPiece[]) => pieces.map((p) => p.text).join('');

// In the terminal every piece of data goes out inert: names (file, speaker, theme label) with line
// breaks escaped, group values and passage text with them as spaces, since the lines are laid out here.
export function renderQuotesTable(set: QuoteSet, options: QuoteTableOptions, title = 'Quotes'): string {
  const c = new Chalk({ level: options.colorLevel });
  const width = options.width ?? 100;
  const out: string[] = [c.bold(title), ''];
  const highlight = (pieces: readonly ExtractPiece[]) =>
    pieces.map((p) => (p.hit ? (options.colorLevel > 0 ? c.bold.yellow(oneLine(p.text)) : `[${oneLine(p.text)}]`) : oneLine(p.text))).join('');
  const context = (p: ContextPassage) => {
    const head = `${inertName(contextSpeaker(p))}, line ${p.line} (context): `;
    out.push(...wrap(head + oneLine(plain(p.extract)), width - 6).map((l) => c.dim(`    ┆ ${l}`)));
  };
  for (const section of sections(set)) {
    out.push(c.bold(inertName(section.heading)) + c.dim(` · ${inertName(section.label)}`));
    eachWithGroups(
      section.quotes,
      (label) => out.push(`  ${c.underline(oneLine(label))}`),
      (q) => {
        q.before.forEach(context);
        const speaker = q.before.length + q.after.length > 0 && q.speaker ? `${inertName(q.speaker)}: ` : '';
        out.push(...wrap(`${speaker}“${highlight(q.extract)}”`, width - 4).map((l) => `    ${l}`));
        q.after.forEach(context);
        out.push(c.dim(`    — ${quoteSource(q, inertName, oneLine)}`), '');
      },
    );
  }
  return out.join('\n');
}

export function renderQuotesMd(set: QuoteSet, level = 2): string {
  const h = (n: number) => '#'.repeat(n);
  const out: string[] = [];
  const bold = (pieces: readonly ExtractPiece[]) => pieces.map((p) => (p.hit ? `**${escapeMd(p.text)}**` : escapeMd(p.text))).join('');
  const context = (p: ContextPassage) => out.push(`> *${escapeMd(contextSpeaker(p))}, line ${p.line} (context):* ${escapeMd(plain(p.extract))}`, '>');
  for (const section of sections(set)) {
    out.push(`${h(level)} ${escapeMd(section.heading)}: ${escapeMd(section.label)}`, '');
    eachWithGroups(
      section.quotes,
      (label) => out.push(`${h(level + 1)} ${escapeMd(label)}`, ''),
      (q) => {
        q.before.forEach(context);
        const speaker = q.before.length + q.after.length > 0 && q.speaker ? `**${escapeMd(q.speaker)}:** ` : '';
        out.push(`> ${speaker}${bold(q.extract)}`, '>');
        q.after.forEach(context);
        out.push(`> — ${escapeMd(quoteSource(q))}`, '');
      },
    );
  }
  return out.join('\n');
}

/** One row per quote and one per context passage, linked by the quote's number, so a spreadsheet can filter either. */
export function renderQuotesCsv(set: QuoteSet): string {
  const fixed = ['quote', 'role', 'theme', 'file', 'line', 'speaker', 'interviewer', 'start', 'terms', 'hits', 'text'];
  const header = ['quote', 'role', 'theme', ...prefixClashes(set.by, fixed, 'meta_'), ...fixed.slice(3)];
  const rows: Array<Array<string | number>> = [];
  set.quotes.forEach((q, i) => {
    const theme = q.theme ?? UNCODED_HEADING;
    const context = (role: string) => (p: ContextPassage) =>
      rows.push([i + 1, role, theme, ...q.group, p.file, p.line, p.speaker ?? '', p.interviewer ? 'yes' : 'no', p.start ?? '', '', '', plain(p.extract)]);
    q.before.forEach(context('before'));
    rows.push([i + 1, 'quote', theme, ...q.group, q.file, q.line, q.speaker ?? '', 'no', q.start ?? '', q.terms.join('; '), q.hits, plain(q.extract)]);
    q.after.forEach(context('after'));
  });
  return toCsv(header, rows);
}

export function quoteJson(q: Quote): Record<string, unknown> {
  return {
    theme: q.theme,
    file: q.file,
    line: q.line,
    speaker: q.speaker,
    start: q.start,
    meta: jsonMeta(q.meta),
    terms: q.terms,
    hits: q.hits,
    words: q.words,
    text: plain(q.extract),
  };
}

export function renderQuotesJson(set: QuoteSet): string {
  const contextJson = (p: ContextPassage) => ({ file: p.file, line: p.line, speaker: p.speaker, start: p.start, interviewer: p.interviewer, text: plain(p.extract) });
  const body = {
    version: 1,
    codebook: set.codebook,
    corpus: set.corpus,
    by: set.by,
    quotes: set.quotes.map((q) => ({
      ...quoteJson(q),
      group: Object.fromEntries(set.by.map((f, i) => [f, jsonValue(q.group[i]!)])),
      before: q.before.map(contextJson),
      after: q.after.map(contextJson),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Wraps on spaces by visible width, so highlighted words wrap like plain ones. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of text.split(' ')) {
    const w = word.replace(/\x1b\[[0-9;]*m/g, '').length;
    if (visible > 0 && visible + 1 + w > width) {
      lines.push(line);
      line = word;
      visible = w;
    } else {
      line = visible > 0 || line !== '' ? `${line} ${word}` : word;
      visible += (visible > 0 ? 1 : 0) + w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
