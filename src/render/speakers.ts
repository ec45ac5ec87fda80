// What obs read, per file and speaker: a terminal table grouped by file, CSV, or JSON.
import { Chalk } from 'chalk';
import { SPEAKER_COLUMNS, type SpeakerRow } from '../aggregate/speakers.js';
import { toCsv } from './csv.js';
import { inertName } from './inert.js';
import { textTable, type Column } from './text-table.js';

export const SPEAKER_FORMATS = ['table', 'csv', 'json'] as const;
export type SpeakerFormat = (typeof SPEAKER_FORMATS)[number];

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function renderSpeakers(rows: readonly SpeakerRow[], format: SpeakerFormat, colorLevel: 0 | 1 | 2 | 3): string {
  switch (format) {
    case 'csv':
      return toCsv(SPEAKER_COLUMNS, rows.map((r) => SPEAKER_COLUMNS.map((c) => r[c] ?? '')));
    case 'json':
      return `${JSON.stringify({ version: 1, speakers: rows }, null, 2)}\n`;
    case 'table':
      return renderTable(rows, colorLevel);
  }
}

const COLUMNS: Column[] = [
  { header: 'speaker', align: 'left' },
  { header: 'role', align: 'left' },
  { header: 'turns', align: 'right' },
  { header: 'words', align: 'right' },
  { header: 'share', align: 'right' },
  { header: 'from', align: 'left' },
  { header: 'layout', align: 'left' },
  { header: 'why', align: 'left' },
];

function renderTable(rows: readonly SpeakerRow[], colorLevel: 0 | 1 | 2 | 3): string {
  const c = new Chalk({ level: colorLevel });
  const files = new Map<string, SpeakerRow[]>();
  for (const row of rows) {
    const own = files.get(row.file);
    if (own) own.push(row);
    else files.set(row.file, [row]);
  }
  const out: string[] = [];
  for (const [file, own] of files) {
    const first = own[0]!;
    const stamps = first.stamps > 0 ? `, ${first.stamps} time stamp${first.stamps === 1 ? '' : 's'}` : '';
    out.push(`${c.bold(inertName(file))} (${first.format}${stamps})`);
    out.push(
      textTable(
        COLUMNS,
        own.map((r) => [r.speaker === null ? '(no speaker)' : inertName(r.speaker), r.role, String(r.turns), String(r.words), percent(r.share), r.first_start ?? '', r.layout, r.why]),
      ),
    );
  }
  return out.join('\n');
}
