// Metadata for each transcript, first found wins: front matter, --meta row, --path-pattern, year from date.
import { ObsError, type Problem } from '../errors.js';
import { readCsvRows } from './csv-rows.js';
import { readDate } from './dates.js';
import { BUILT_IN_FIELDS, META_PREFIX, copyMeta, getField, isBuiltIn, newMeta, setField } from './fields.js';
import { metaValue } from './scalar.js';
import type { Meta } from './types.js';

export type MetaTable = Map<string, Meta>;

/** A --meta CSV: a `file` column (path relative to the corpus folder) and any metadata columns. */
export function parseMetaTable(text: string, shown: string, warn: (p: Problem) => void = () => {}): MetaTable {
  const rows = readCsvRows(text, shown);
  const headerLine = rows[0]?.line ?? 1;
  const header = (rows[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  refuseRepeatedColumns(header, shown, headerLine);
  const fileCol = header.indexOf('file');
  if (fileCol < 0) {
    throw new ObsError({ file: shown, line: headerLine, message: `has no \`file\` column (columns: ${header.join(', ') || 'none'})`, hint: 'the first column names each transcript by its path relative to the corpus folder, e.g. `file,area,year`' });
  }
  for (const name of header) if (name !== 'file' && isBuiltIn(name)) warn(shadowedField(name, shown, 'column', headerLine));
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
    const meta = newMeta();
    header.forEach((name, i) => {
      const value = metaValue(row[i]);
      if (i !== fileCol && name !== '' && value !== undefined) setField(meta, name, value);
    });
    table.set(file, meta);
  });
  return table;
}

/** Headers compare without case, as fields are named without case: `area` and `Area` are one field given twice. */
function refuseRepeatedColumns(header: readonly string[], shown: string, line: number): void {
  const columns = new Map<string, number[]>();
  header.forEach((name, i) => {
    if (name !== '') columns.set(name, [...(columns.get(name) ?? []), i + 1]);
  });
  const repeated = [...columns].filter(([, at]) => at.length > 1);
  if (repeated.length === 0) return;
  throw new ObsError({
    file: shown,
    line,
    message: `${repeated.map(([name, at]) => `column \`${name}\` appears ${at.length} times (columns ${at.join(', ')})`).join('; ')}; headers are compared without case`,
    hint: 'keep one column per field, or rename one of them',
  });
}

/**
 * A metadata field named like one of obs's own (`file`, `speaker`): --by and --where read obs's,
 * so the field is reached as `meta.NAME`. `once` makes it one warning per field in a run, however
 * many files have the field.
 */
export function shadowedField(name: keyof typeof BUILT_IN_FIELDS, file: string, kind: 'column' | 'field', line?: number): Problem & { once: string } {
  return {
    file,
    ...(line !== undefined ? { line } : {}),
    message: `${kind} \`${name}\` has the name of obs's own \`${name}\` (${BUILT_IN_FIELDS[name]}), which --by and --where use; write \`${META_PREFIX}${name}\` for this ${kind}`,
    hint: `rename it (e.g. \`source_${name}\`) to use it under a name of its own`,
    once: `shadowed ${kind} ${name}`,
  };
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
      if (isBuiltIn(name)) {
        throw new ObsError({ message: `--path-pattern: \`${part}\` is obs's own field (${BUILT_IN_FIELDS[name]})`, hint: `name that part otherwise, e.g. {source_${name}}` });
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
    const meta = newMeta();
    names.forEach((name, i) => {
      const value = m[i + 1];
      if (value !== undefined && value !== '' && getField(meta, name) === undefined) setField(meta, name, value);
    });
    return meta;
  };
}

/**
 * Front matter over the --meta row over the path. Copied key by key into a record without a
 * prototype, so a field called `__proto__` stays a field, whichever source gave it.
 */
export function mergeMeta(front: Meta, row: Meta | undefined, fromPath: Meta | undefined): Meta {
  const meta = copyMeta(front, copyMeta(row, copyMeta(fromPath)));
  const date = getField(meta, 'date');
  if (getField(meta, 'year') === undefined && date !== undefined) {
    // A date obs cannot read (`spring 2019`) still gives the year it names.
    const year = readDate(date)?.iso.slice(0, 4) ?? /(?:^|\D)(\d{4})(?:\D|$)/.exec(date)?.[1];
    if (year !== undefined) setField(meta, 'year', year);
  }
  return meta;
}

/**
 * A file's own fields (front matter, a subtitle header) named like obs's (`file`, `speaker`), which
 * --by and --where reach as `meta.NAME`. The --meta table's columns are told of once, as it is read.
 */
export function shadowedFields(front: Meta): Array<keyof typeof BUILT_IN_FIELDS> {
  return Object.keys(front).filter(isBuiltIn);
}
