// Word-processor documents and web pages, once their container is read: paragraphs and tables.
// A table of turns (a speaker column and a text column, perhaps a time) is a turn a row; every
// other block is read as lines of text, where segmentation finds labels as in a .txt.
import { CLOCK } from '../clock.js';
import type { Body, Format, GivenSpeaker, Transcript } from './types.js';

const TIME_IN_CELL = new RegExp(`(${CLOCK})`);
const TIME_CELL = new RegExp(`^[\\[(#]?${CLOCK}(?:-\\d)?[\\])#]?$`);

export type Block =
  | { kind: 'paragraph'; text: string; /** A heading titles the document; it is nobody's words. */ heading?: boolean }
  | { kind: 'table'; rows: string[][] };

/**
 * A passage's `line` in a document is its paragraph: the paragraphs that hold text (headings
 * among them) and each table row are numbered in order.
 */
function documentBody(blocks: readonly Block[]): Body {
  const lines: string[] = [];
  const numbers: number[] = [];
  const given = new Map<number, GivenSpeaker>();
  let n = 0;
  const push = (text: string) => {
    for (const line of text.split('\n')) {
      lines.push(line);
      numbers.push(n);
    }
  };
  // A blank line after each paragraph keeps paragraphs apart, as in a text file.
  const end = () => push('');
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (block.text.trim() === '') continue;
      n++;
      if (!block.heading) {
        push(block.text);
        end();
      }
      continue;
    }
    const columns = turnColumns(block.rows);
    block.rows.forEach((row, r) => {
      if (row.every((cell) => cell.trim() === '')) return;
      // A header row (`Time | Speaker | Text`) names the columns; it is nobody's words.
      if (columns && r === columns.header) return;
      n++;
      if (columns && row.length === columns.width) {
        const speaker = row[columns.speaker]!.trim().replace(/\s*:$/, '');
        const time = columns.time === undefined ? undefined : TIME_IN_CELL.exec(row[columns.time]!)?.[1];
        // A row without a speaker goes on with the turn above it.
        if (speaker !== '') given.set(lines.length, time === undefined ? { speaker } : { speaker, start: time });
        push(row[columns.text]!);
        end();
      } else {
        // A title across the table, or any table that is not one of turns: its cells are text.
        for (const cell of row) {
          if (cell.trim() === '') continue;
          push(cell);
          end();
        }
      }
    });
  }
  const body: Body = { lines, firstLine: 1, numbers };
  if (given.size > 0) body.given = given;
  return body;
}

/** A nested table, or a cell of blocks, as text: its paragraphs and rows each a line. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? (b.heading ? '' : b.text) : b.rows.map((r) => r.join(' ')).join('\n')))
    .filter((t) => t !== '')
    .join('\n');
}

export function documentTranscript(blocks: readonly Block[], file: string, format: Format): Transcript {
  return { file, format, meta: {}, body: documentBody(blocks) };
}

interface TurnColumns {
  /** The number of cells of a row of turns; a row of another width is text. */
  width: number;
  time?: number;
  speaker: number;
  text: number;
  /** The index of the header row, or -1. */
  header: number;
}

const HEADER_NAMES: Array<[keyof Pick<TurnColumns, 'speaker' | 'time' | 'text'>, RegExp]> = [
  ['speaker', /^(?:speaker|name|participant|who|person)\b/i],
  ['time', /^(?:start\b|time\b|timestamp|time stamp|timecode)/i],
  ['text', /^(?:text|transcript|transcription|utterance|content|words|speech|dialogue|what was said)\b/i],
];

/** A label: short, one line, neither asking nor exclaiming (`Interviewer`, `Dr Patel`, `Jane:`). */
function labelCell(cell: string): boolean {
  const s = cell.trim();
  return s.length <= 63 && !s.includes('\n') && s.split(/\s+/).length <= 6 && !/[?!.]$/.test(s.replace(/\b(?:Dr|Mr|Mrs|Ms|Int)\.$/, ''));
}

/**
 * Which columns of a table hold speakers, their words and perhaps a time, if it is a table of
 * turns: by a header row's names (`Time | Speaker Name | Transcript`) where it has one, else by
 * what the cells hold: times, short labels that recur, and the longest text. A cover table of
 * `Interviewee | Jane Doe` rows, whose labels never recur, is text.
 */
function turnColumns(rows: readonly string[][]): TurnColumns | undefined {
  const filled = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.some((cell) => cell.trim() !== ''));
  // The width most rows share; a title row across the table has one cell.
  const widths = new Map<number, number>();
  for (const { row } of filled) if (row.length >= 2) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  const width = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  if (width === undefined) return undefined;
  const wide = filled.filter(({ row }) => row.length === width);
  const first = wide[0]!;
  const named = new Map<string, number>();
  if (first.row.every((cell) => cell.trim() === '' || HEADER_NAMES.some(([, re]) => re.test(cell.trim())))) {
    first.row.forEach((cell, c) => {
      const role = HEADER_NAMES.find(([, re]) => re.test(cell.trim()))?.[0];
      if (role && !named.has(role)) named.set(role, c);
    });
  }
  const header = named.size > 0 ? first.index : -1;
  const body = wide.filter(({ index }) => index !== header).map(({ row }) => row);
  if (body.length < 2) return undefined;
  // Each column's filled cells, whether they all hold times, and their mean length.
  const cells = [...Array(width).keys()].map((c) => body.map((row) => row[c]!.trim()).filter((cell) => cell !== ''));
  const times = cells.map((column) => column.length > 0 && column.every((cell) => TIME_CELL.test(cell)));
  const lengths = cells.map((column) => column.reduce((sum, cell) => sum + cell.length, 0) / Math.max(1, column.length));
  const columns = [...cells.keys()];
  const time = named.get('time') ?? columns.find((c) => times[c]);
  const text = named.get('text') ?? columns.filter((c) => c !== time && !times[c]).sort((a, b) => lengths[b]! - lengths[a]!)[0];
  const speaker =
    named.get('speaker') ?? columns.find((c) => c !== time && c !== text && !times[c] && !/^\d+$/.test(cells[c]![0] ?? '') && cells[c]!.every(labelCell));
  if (text === undefined || speaker === undefined || speaker === text) return undefined;
  const speakers = cells[speaker]!;
  // Most rows name their speaker, each a label, and some speaker speaks more than once.
  if (speakers.length * 2 < body.length || !speakers.every(labelCell)) return undefined;
  if (new Set(speakers.map((s) => s.replace(/\s*:$/, '').toLowerCase())).size === speakers.length) return undefined;
  return time === undefined ? { width, speaker, text, header } : { width, time, speaker, text, header };
}
