// Word-processor documents and web pages, once their container is read: paragraphs and tables.
// A table whose rows are `speaker | text` or `time | speaker | text` is a turn a row; every other
// block is read as lines of text, where segmentation finds labels as in a .txt.
import type { Body, Format, GivenSpeaker, Transcript } from './types.js';

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const TIME_IN_CELL = new RegExp(`(${CLOCK})`);

export type Block =
  | { kind: 'paragraph'; text: string; /** A heading titles the document; it is nobody's words. */ heading?: boolean }
  | { kind: 'table'; rows: string[][] };

/** A passage's `line` in a document is its paragraph: each paragraph, and each table row, is numbered in order. */
export function documentBody(blocks: readonly Block[]): Body {
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
      n++;
      if (!block.heading && block.text.trim() !== '') {
        push(block.text);
        end();
      }
      continue;
    }
    const columns = turnColumns(block.rows);
    block.rows.forEach((row, r) => {
      // A header row (`Time | Speaker | Text`) names the columns; it is nobody's words.
      if (columns && r === 0 && columns.header) return;
      n++;
      if (columns) {
        const speaker = (row[columns.speaker] ?? '').trim();
        const time = columns.time === undefined ? undefined : TIME_IN_CELL.exec(row[columns.time] ?? '')?.[1];
        // A row without a speaker goes on with the turn above it.
        if (speaker !== '') given.set(lines.length, time === undefined ? { speaker } : { speaker, start: time });
        push(row[columns.text] ?? '');
        end();
      } else {
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

export function documentTranscript(blocks: readonly Block[], file: string, format: Format): Transcript {
  return { file, format, meta: {}, body: documentBody(blocks) };
}

interface TurnColumns {
  time?: number;
  speaker: number;
  text: number;
  header: boolean;
}

const HEADER = /^(?:speaker|name|participant|who|person|time|timestamp|start|text|transcript|utterance|content|words|speech|dialogue|turn)s?:?$/i;
const TIME_CELL = new RegExp(`^[\\[(]?${CLOCK}[\\])]?$`);

/**
 * Which columns of a table hold speakers and their words, if it is a table of turns: rows of two
 * cells (speaker, text) or three (time, speaker, text), the speaker cell a short label in most rows.
 */
function turnColumns(rows: readonly string[][]): TurnColumns | undefined {
  const header = rows.length > 0 && rows[0]!.every((cell) => cell.trim() === '' || HEADER.test(cell.trim()));
  const body = rows.slice(header ? 1 : 0).filter((row) => row.some((cell) => cell.trim() !== ''));
  if (body.length < 2) return undefined;
  const width = body[0]!.length;
  if ((width !== 2 && width !== 3) || body.some((row) => row.length !== width)) return undefined;
  const columns: TurnColumns = width === 2 ? { speaker: 0, text: 1, header } : { time: 0, speaker: 1, text: 2, header };
  let labels = 0;
  for (const row of body) {
    const speaker = row[columns.speaker]!.trim();
    if (columns.time !== undefined && row[columns.time]!.trim() !== '' && !TIME_CELL.test(row[columns.time]!.trim())) return undefined;
    if (speaker === '') continue;
    // A label is short and one line; a cell of speech runs longer or asks and exclaims.
    if (speaker.length > 63 || speaker.includes('\n') || speaker.split(/\s+/).length > 6 || /[?!]$/.test(speaker)) return undefined;
    labels++;
  }
  // Most rows name their speaker; a few go on with the one above.
  return labels * 2 >= body.length ? columns : undefined;
}
