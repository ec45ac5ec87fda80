// Metadata for each transcript, first found wins: front matter, --meta row, --path-pattern, year from date.
import { ObsError, type Problem } from '../errors.js';
import { readCsvRows } from './csv-rows.js';
import { metaValue } from './scalar.js';
import type { Meta } from './types.js';

export type MetaTable = Map<string, Meta>;

/** A --meta CSV: a `file` column (path relative to the corpus folder) and any metadata columns. */
export function parseMetaTable(text: string, shown: string, warn: (p: Problem) => void = () => {}): MetaTable {
  const rows = readCsvRows(text, shown);
  const header = (rows[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const fileCol = header.indexOf('file');
  if (fileCol < 0) {
    throw new ObsError({ file: shown, line: 1, message: `has no \`file\` column (columns: ${header.join(', ') || 'none'})`, hint: 'the first column names each transcript by its path relative to the corpus folder, e.g. `file,area,year`' });
  }
  const table: MetaTable = new Map();
  const lineOf = new Map<string, number>();
  rows.slice(1).forEach(({ record: row, line }) => {
    const file = (row[fileCol] ?? '').trim().replace(/\\/g, '/').replace(/^\.\//, '');
    if (file === '') return;
    const first = lineOf.get(file);
    if (first !== undefined) {
      warn({ file: shown, line, message: `\`${file}\` is listed again (first at line ${first}); this row is used`, hint: 'keep one row per transcript' });
    }
    lineOf.set(file, first ?? line);
    const meta: Meta = {};
    header.forEach((name, i) => {
      const value = metaValue(row[i]);
      if (i !== fileCol && name !== '' && value !== undefined) meta[name] = value;
    });
    table.set(file, meta);
  });
  return table;
}

/**
 * `{area}/{year}/*` or `{area}_{year}_*`: `{name}` takes one path segment's worth of text,
 * `*` anything within a segment, `**` anything. Matched against the path without its extension,
 * then with it, so `{area}_{year}` works for `ramsey_2019.txt`.
 */
export function compilePathPattern(pattern: string): (file: string) => Meta | undefined {
  const names: string[] = [];
  let source = '';
  for (const part of pattern.split(/(\{[^}]*\}|\*\*\/|\/\*\*|\*\*|\*)/)) {
    if (part === '') continue;
    // `**` stands for any number of folders, none included.
    if (part === '**/') source += '(?:.*/)?';
    else if (part === '/**') source += '(?:/.*)?';
    else if (part === '**') source += '.*';
    else if (part === '*') source += '[^/]*';
    else if (/^\{[^}]*\}$/.test(part)) {
      const name = part.slice(1, -1).trim().toLowerCase();
      if (!/^[\p{L}\p{N}_-]+$/u.test(name)) {
        throw new ObsError({ message: `--path-pattern: \`${part}\` is not a field name`, hint: 'write fields as {area}, {year}; e.g. --path-pattern "{area}/{year}/*"' });
      }
      names.push(name);
      source += '([^/]+?)';
    } else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  if (names.length === 0) {
    throw new ObsError({ message: `--path-pattern "${pattern}" names no field`, hint: 'use {field} for each part to take, e.g. "{area}/{year}/*"' });
  }
  const regex = new RegExp(`^${source}$`, 'u');
  return (file: string) => {
    const bare = file.replace(/\.[^./]*$/, '');
    const m = regex.exec(bare) ?? regex.exec(file);
    if (!m) return undefined;
    const meta: Meta = {};
    names.forEach((name, i) => {
      const value = m[i + 1];
      if (value !== undefined && value !== '' && meta[name] === undefined) meta[name] = value;
    });
    return meta;
  };
}

export function mergeMeta(front: Meta, row: Meta | undefined, fromPath: Meta | undefined): Meta {
  const meta: Meta = { ...fromPath, ...row, ...front };
  if (meta.year === undefined && meta.date !== undefined) {
    const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(meta.date)?.[1];
    if (year !== undefined) meta.year = year;
  }
  return meta;
}
