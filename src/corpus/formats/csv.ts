// CSV turn tables: one row per turn, a text column, optional speaker, start and metadata columns,
// under the names transcription tools and oral history projects give them.
import { lazy } from '../../lazy.js';
import { ObsError } from '../../errors.js';
import { readCsvRows, type CsvRow } from '../csv-rows.js';
import { newMeta, setField } from '../fields.js';
import { metaValue } from '../scalar.js';
import type { Cue, Meta, Transcript } from '../types.js';

const entities = lazy<typeof import('entities')>('entities');

/** Column names, in the order they are looked for: the first found is taken. */
export const TEXT_COLUMNS = ['text', 'transcript', 'utterance', 'words', 'content', 'speech'];
const SPEAKER_COLUMNS = ['speaker', 'speaker_name', 'name', 'participant'];
const START_COLUMNS = ['start', 'time', 'timestamp', 'start_time'];
// When a turn ends says nothing a passage needs.
const END_COLUMNS = ['end', 'end_time', 'stop'];

const find = (header: readonly string[], names: readonly string[]) => {
  for (const name of names) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
};

export function readCsvTranscript(text: string, file: string, warn: (line: number, message: string) => void = () => {}): Transcript {
  const rows = readCsvRows(text, file);
  const header = (rows[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  // `Speaker Name`, `Start-Time` and `start_time` are one column name.
  const names = header.map((h) => h.replace(/[\s-]+/g, '_'));
  // A column of numbers is a count (obs's own `words` column), never what was said.
  const textCol = find(
    names.map((name, i) => (rows.slice(1).every(({ record }) => /^[\d.,\s%-]*$/.test(record[i] ?? '')) ? '' : name)),
    TEXT_COLUMNS,
  );
  if (textCol < 0) {
    throw new ObsError({
      file,
      line: 1,
      message: `has no text column (columns: ${header.join(', ') || 'none'})`,
      hint: `a CSV transcript needs one row per turn with a column named ${TEXT_COLUMNS.map((c) => `\`${c}\``).join(', ')}, its fields separated by commas (or by semicolons or tabs throughout); other columns are optional`,
    });
  }
  const speakerCol = find(names, SPEAKER_COLUMNS);
  const startCol = find(names, START_COLUMNS);
  const metaCols = header
    .map((name, index) => ({ name, index }))
    .filter(({ index, name }) => index !== textCol && index !== speakerCol && index !== startCol && name !== '' && name !== 'line' && !END_COLUMNS.includes(names[index]!));

  const cues: Cue[] = [];
  const shared = new Map<string, string | null>();
  const ragged = rows.slice(1).filter((r) => r.record.length !== header.length);
  if (ragged.length > 0) {
    warn(
      ragged[0]!.line,
      `${ragged.length} row${ragged.length === 1 ? ' has' : 's have'} a different number of fields from the header's ${header.length} (first: this line); extra fields are ignored, missing ones read as empty`,
    );
  }
  for (let r = 1; r < rows.length; r++) {
    const { record, line } = rows[r]!;
    // A million-row file's records are let go as their cues are made, not all kept to the end.
    rows[r] = undefined as unknown as CsvRow;
    // Tables made for the web hold `&#8212;` and `&amp;`: characters, never words.
    const cell = record[textCol] ?? '';
    const cueText = (cell.includes('&') ? entities().decodeHTMLStrict(cell) : cell).trim();
    let meta: Meta | undefined;
    for (const { name, index } of metaCols) {
      const value = metaValue(record[index]);
      if (value !== undefined) setField((meta ??= newMeta()), name, value);
      // A value that is the same on every row belongs to the document (one CSV, one interview).
      const seen = shared.get(name);
      if (seen === undefined) shared.set(name, value ?? null);
      else if (seen !== (value ?? null)) shared.set(name, null);
    }
    if (cueText === '') continue;
    const cue: Cue = { text: cueText, line };
    if (meta) cue.meta = meta;
    if (speakerCol >= 0) {
      const speaker = metaValue(record[speakerCol]);
      // A row with no speaker goes on with the turn above it, as oral history tables write long answers.
      if (speaker === undefined && cues.length > 0) cue.continues = true;
      else cue.speaker = speaker ?? null;
    }
    const start = metaValue(startCol >= 0 ? record[startCol] : undefined);
    if (start !== undefined) cue.start = start;
    cues.push(cue);
  }
  const docMeta = newMeta();
  for (const [name, value] of shared) if (value !== null) setField(docMeta, name, value);
  return { file, format: 'csv', meta: docMeta, cues };
}
