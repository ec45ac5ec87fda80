// CSV turn tables: one row per turn, a `text` column, optional `speaker`, `start` and metadata columns.
import { ObsError } from '../../errors.js';
import { readCsvRows } from '../csv-rows.js';
import { metaValue } from '../scalar.js';
import type { Cue, Meta, Transcript } from '../types.js';

const SPEAKER_COLUMNS = ['speaker', 'speaker_name', 'name'];
const START_COLUMNS = ['start', 'time', 'timestamp', 'start_time'];

export function readCsvTranscript(text: string, file: string, warn: (line: number, message: string) => void = () => {}): Transcript {
  const rows = readCsvRows(text, file);
  const header = (rows[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const textCol = header.indexOf('text');
  if (textCol < 0) {
    throw new ObsError({
      file,
      line: 1,
      message: `has no \`text\` column (columns: ${header.join(', ') || 'none'})`,
      hint: 'a CSV transcript needs one row per turn with a `text` column; other columns are optional',
    });
  }
  const speakerCol = header.findIndex((h) => SPEAKER_COLUMNS.includes(h));
  const startCol = header.findIndex((h) => START_COLUMNS.includes(h));
  const metaCols = header
    .map((name, index) => ({ name, index }))
    .filter(({ index, name }) => index !== textCol && index !== speakerCol && index !== startCol && name !== '' && name !== 'line');

  const cues: Cue[] = [];
  const shared = new Map<string, string | null>();
  const ragged = rows.slice(1).filter((r) => r.record.length !== header.length);
  if (ragged.length > 0) {
    warn(
      ragged[0]!.line,
      `${ragged.length} row${ragged.length === 1 ? ' has' : 's have'} a different number of fields from the header's ${header.length} (first: this line); extra fields are ignored, missing ones read as empty`,
    );
  }
  for (const { record, line } of rows.slice(1)) {
    const cueText = (record[textCol] ?? '').trim();
    const meta: Meta = {};
    for (const { name, index } of metaCols) {
      const value = metaValue(record[index]);
      if (value !== undefined) meta[name] = value;
      // A value that is the same on every row belongs to the document (one CSV, one interview).
      const seen = shared.get(name);
      if (seen === undefined) shared.set(name, value ?? null);
      else if (seen !== (value ?? null)) shared.set(name, null);
    }
    if (cueText === '') continue;
    const cue: Cue = { text: cueText, line, meta };
    if (speakerCol >= 0) cue.speaker = metaValue(record[speakerCol]) ?? null;
    const start = metaValue(startCol >= 0 ? record[startCol] : undefined);
    if (start !== undefined) cue.start = start;
    cues.push(cue);
  }
  const docMeta: Meta = {};
  for (const [name, value] of shared) if (value !== null) docMeta[name] = value;
  return { file, format: 'csv', meta: docMeta, cues };
}
