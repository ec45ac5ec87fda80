// CSV text -> records with the file line each starts on, for transcripts and --meta tables alike.
import { countNewlines } from '../newlines.js';
import { parse, type Options } from 'csv-parse/sync';
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
    // Each record is kept as its fields and line alone: csv-parse's `info` holds a dozen more
    // fields a record, some 200 bytes, which for a million-row file is most of the memory.
    const options: Options<CsvRow, string[]> = {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      // csv-parse counts the line a record ends on; a quoted field may span lines, so count them back.
      on_record: (record, info) => ({ record, line: info.lines - record.reduce((n, field) => n + countNewlines(field), 0) }),
    };
    return parse(text, options as unknown as Options) as unknown as CsvRow[];
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

