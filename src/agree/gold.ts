// The human coding: a CSV of `file,line,theme[,coder]`, one row per coded passage.
import { readCsvRows } from '../corpus/csv-rows.js';
import { ObsError, type Problem } from '../errors.js';

export interface GoldRow {
  file: string;
  line: number;
  theme: string;
  coder: string;
  /** The row's own line in the gold CSV, for messages. */
  at: number;
}

export const SINGLE_CODER = 'human';

export function parseGold(text: string, shown: string): GoldRow[] {
  const rows = readCsvRows(text, shown);
  const header = rows.shift();
  const names = (header?.record ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => names.indexOf(name);
  const missing = ['file', 'line', 'theme'].filter((n) => col(n) < 0);
  if (!header || missing.length > 0) {
    throw new ObsError({
      file: shown,
      line: header?.line ?? 1,
      message: `the human coding needs a header with ${missing.map((m) => `\`${m}\``).join(', ') || '`file`, `line`, `theme`'} column${missing.length === 1 ? '' : 's'}`,
      hint: 'write one row per coded passage: file,line,theme (and coder, with several coders); line is the passage\'s first line, as `obs code --passages` gives it',
    });
  }
  const problems: Problem[] = [];
  const out: GoldRow[] = [];
  for (const { record, line: at } of rows) {
    const get = (name: string) => (col(name) >= 0 ? (record[col(name)] ?? '').trim() : '');
    const file = get('file').replace(/\\/g, '/').replace(/^\.\//, '');
    const lineText = get('line');
    const theme = get('theme');
    const line = Number(lineText);
    if (record.every((v) => v.trim() === '')) continue;
    if (file === '') problems.push({ file: shown, line: at, message: 'no file', hint: 'name the transcript as `obs code --passages` does, relative to the corpus folder' });
    else if (!/^\d+$/.test(lineText) || line < 1) problems.push({ file: shown, line: at, message: `line "${lineText}" is not a line number`, hint: 'give the first line of the passage, a whole number from 1' });
    else if (theme === '') problems.push({ file: shown, line: at, message: 'no theme', hint: 'give the theme id from the codebook' });
    else out.push({ file, line, theme, coder: get('coder') || SINGLE_CODER, at });
  }
  if (problems.length > 0) throw new ObsError(problems);
  if (out.length === 0) throw new ObsError({ file: shown, message: 'has no coded passages', hint: 'add one row per coded passage: file,line,theme' });
  return out;
}
