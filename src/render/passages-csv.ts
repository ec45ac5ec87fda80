// `obs code --passages --format csv`: one row per passage, a column of hits per theme, for Excel and SPSS.
import { fieldValue } from '../aggregate/groups.js';
import { leadingTheme } from '../aggregate/leading.js';
import { prefixClashes, themeColumnNames } from '../aggregate/matrix.js';
import { clockSeconds } from '../clock.js';
import { isBuiltIn } from '../corpus/fields.js';
import type { CompiledTheme } from '../match/compile.js';
import type { CodedPassage } from '../pipeline.js';
import { csvLines } from './csv.js';

/** The columns before the --by fields, and those after the themes: how obs knows the file again (corpus/own-output.ts). */
export const PASSAGE_HEAD = ['id', 'file', 'line', 'speaker', 'start', 'start_seconds', 'words'];
export const PASSAGE_TAIL = ['leading', 'text'];

export interface PassageTable {
  header: string;
  row(coded: CodedPassage, id: string): string;
}

/**
 * The columns are known before the first passage, so rows stream: the metadata columns are the
 * --by fields (the corpus's other fields are not known until its last file is read); a field a
 * passage lacks is an empty cell, which R and pandas read as missing.
 */
export function passageTable(by: readonly string[], themes: readonly CompiledTheme[]): PassageTable {
  const fields = by.filter((f) => !isBuiltIn(f));
  // A field named as a column of obs's own (`text`, `id`) is written as meta_text: one name, one column.
  const fieldColumns = prefixClashes(fields, [...PASSAGE_HEAD, ...PASSAGE_TAIL], 'meta_');
  const themeColumns = themeColumnNames(themes.map((t) => t.id), [...PASSAGE_HEAD, ...fieldColumns, ...PASSAGE_TAIL]);
  return {
    header: csvLines([[...PASSAGE_HEAD, ...fieldColumns, ...themeColumns, ...PASSAGE_TAIL]]),
    row({ passage, coding }, id) {
      const leading = leadingTheme(coding, themes);
      const seconds = clockSeconds(passage.start);
      return csvLines([
        [
          id,
          passage.file,
          passage.line,
          passage.speaker ?? '',
          passage.start ?? '',
          seconds ?? '',
          coding?.words ?? 0,
          ...fields.map((f) => fieldValue(passage, f) ?? ''),
          ...themes.map((t) => coding?.themes.get(t.index)?.hits.length ?? 0),
          leading === undefined ? '' : themes[leading]!.id,
          passage.text,
        ],
      ]);
    },
  };
}
