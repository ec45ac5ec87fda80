// CSV text -> records with the file line each starts on, for transcripts and --meta tables alike.
import { countNewlines } from '../newlines.js';
import { parse } from 'csv-parse/sync';
import { ObsError } from '../errors.js';

export interface CsvRow {
  record: string[];
  /** 1-based line of the record's first character. */
  line: number;
}

/**
 * The separator the header line uses: a comma, or where it holds none, the semicolon that Excel
 * writes where a comma is the decimal mark, or a tab.
 */
function delimiterOf(text: string): string {
  const header = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1).replace(/"[^"]*"/g, '');
  if (header.includes(',')) return ',';
  const semicolons = header.split(';').length - 1;
  const tabs = header.split('\t').length - 1;
  return semicolons === 0 && tabs === 0 ? ',' : semicolons >= tabs ? ';' : '\t';
}

export function readCsvRows(text: string, file: string): CsvRow[] {
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // csv-parse counts the line a record ends on; a quoted field may span lines, so count them back.
    return records.map(({ record, info }) => ({ record, line: info.lines - record.reduce((n, field) => n + countNewlines(field), 0) }));
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw new ObsError({
      file,
      line: e.lines,
      message: `is not valid CSV: ${e.message ?? String(err)}`,
      hint: 'quote fields that contain commas, quotes or line breaks ("like ""this""")',
    });
  }
}

