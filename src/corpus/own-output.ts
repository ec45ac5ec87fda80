// obs's own outputs, known by their content: a report saved into the corpus folder is not a
// transcript, and read as one its quotes and figures would be counted again as respondents' words.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { COUNT_COLUMNS } from '../aggregate/matrix.js';
import { FIGURE_COLUMNS } from '../aggregate/report.js';
import { SPEAKER_COLUMNS } from '../aggregate/speakers.js';
import { PASSAGE_HEAD, PASSAGE_TAIL } from '../render/passages-csv.js';

/** As render/quotes.ts writes them, around the --by fields that come after `theme`. */
const QUOTE_HEAD = ['quote', 'role', 'theme'];
const QUOTE_TAIL = ['file', 'line', 'speaker', 'interviewer', 'start', 'terms', 'hits', 'text'];
/** As render/agree.ts writes them. */
const AGREE_COLUMNS = ['coder_a', 'coder_b', 'theme', 'documents', 'passages', 'both', 'a_only', 'b_only', 'neither', 'precision', 'recall', 'f1', 'kappa', 'passages_coded', 'kappa_coded'];

/** How far into a file its marks are looked for: the report page's inline style comes before its first line of text. */
const HEAD_BYTES = 64 * 1024;

/** The line every table, Markdown and terminal report of code, quotes and matrix opens with (render/summary.ts). */
const SUMMARY = /\b\d+ documents(?: · |, )\d+ passages(?: · |, )\d+ respondent words\b/;
const AGREE_TABLE = /^obs vs .+ · \d+ documents · \d+ passages, \d+ coded by either$/;
const SPEAKERS_TABLE = /^speaker +role +turns +words +share +from +layout +why *$/;
const REPORT_PAGE = /<p>Coded with <b>[^<]*<\/b>[^<]* by obs [^<\s]+\.<\/p>/;
/** Colour, should a terminal report have been saved with it. */
const SGR = /\x1b\[[0-9;]*m/g;

/** Which obs output these bytes are (e.g. "`obs quotes --format csv`"), or undefined for anything else. */
export function ownOutputKind(bytes: Uint8Array, file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return csvKind(headText(bytes, 2));
  if (ext === '.html' || ext === '.htm') return REPORT_PAGE.test(headText(bytes, 0)) ? '`obs report`' : undefined;
  if (ext === '.md' || ext === '.markdown' || ext === '.txt') {
    const lines = headText(bytes, 6).replace(SGR, '').split('\n', 6);
    if (lines.some((l) => SUMMARY.test(l))) return `an obs report (\`obs code\`, \`quotes\` or \`matrix\`)`;
    if (AGREE_TABLE.test(lines[0] ?? '')) return '`obs agree`';
    if (SPEAKERS_TABLE.test(lines[1] ?? '')) return '`obs speakers`';
  }
  return undefined;
}

/**
 * The text of the file's first `lines` lines (0: all), within its first HEAD_BYTES: a transcript is looked
 * at for its opening lines only, so the rest of it is not decoded twice. A line feed byte is never
 * part of another UTF-8 character, so the lines can be found before decoding.
 */
function headText(bytes: Uint8Array, lines: number): string {
  const limit = Math.min(bytes.length, HEAD_BYTES);
  let end = lines > 0 ? -1 : limit;
  for (let k = 0; k < lines; k++) {
    end = bytes.indexOf(10, end + 1);
    if (end < 0 || end >= limit) {
      end = limit;
      break;
    }
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8');
}

function csvKind(head: string): string | undefined {
  const rows = firstRows(head);
  // As a spreadsheet may save it again: headers in another case, `;` or tabs between fields.
  const header = rows[0]?.map((h) => h.replace(/^'/, '').trim().toLowerCase());
  if (!header || header.length < 2) return undefined;
  const is = (columns: readonly string[]) => columns.length === header.length && columns.every((c, i) => header[i] === c);
  const endsWith = (columns: readonly string[]) => columns.length <= header.length && columns.every((c, i) => header[header.length - columns.length + i] === c);
  const startsWith = (columns: readonly string[]) => columns.every((c, i) => header[i] === c);
  if (endsWith(['theme', ...FIGURE_COLUMNS])) return '`obs code --format csv`';
  if (startsWith(QUOTE_HEAD) && endsWith(QUOTE_TAIL)) return '`obs quotes --format csv`';
  if (header.some((_, i) => COUNT_COLUMNS.every((c, j) => header[i + j] === c))) return '`obs matrix --format csv`';
  if (startsWith(PASSAGE_HEAD) && endsWith(PASSAGE_TAIL)) return '`obs code --passages --format csv`';
  if (is(SPEAKER_COLUMNS)) return '`obs speakers --format csv`';
  if (is(AGREE_COLUMNS)) return '`obs agree --format csv`';
  // Themes x themes: a row per theme, named as the columns are, in the same order, holding numbers.
  const row = rows[1];
  if (header[0] === 'theme' && row && row[0] === header[1] && row.length === header.length && row.slice(1).every((v) => v !== '' && Number.isFinite(Number(v)))) return '`obs matrix --cooccur --format csv`';
  return undefined;
}

/** The header and the first row, each parsed alone: the head read may end inside a later quoted field. */
function firstRows(head: string): string[][] {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/, 2);
  return lines.map((line) => {
    try {
      return (parse(line, { relax_column_count: true, relax_quotes: true, delimiter: [',', ';', '\t'] }) as string[][])[0] ?? [];
    } catch {
      return [];
    }
  });
}
