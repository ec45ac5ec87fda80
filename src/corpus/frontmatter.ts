// YAML front matter: a first line `---`, YAML, then a line `---` or `...`. Most front matter is a
// few `key: value` lines of plain words, read here as the yaml package would read them; anything
// else goes to the yaml package, which gives every message its line and column.
import { parseDocument } from 'yaml';
import { ObsError } from '../errors.js';
import { yamlProblem } from '../yaml-problem.js';
import { metaValue } from './scalar.js';
import type { Meta } from './types.js';

export interface FrontMatter {
  meta: Meta;
  /** Number of lines the front matter takes, fences included. */
  lineCount: number;
}

export function readFrontMatter(lines: readonly string[], file: string): FrontMatter | undefined {
  if (lines[0]?.trimEnd() !== '---') return undefined;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const l = (lines[i] ?? '').trimEnd();
    if (l === '---' || l === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) {
    throw new ObsError({ file, line: 1, col: 1, message: 'front matter has no closing `---` line', hint: 'end the YAML block with a line of three dashes' });
  }
  const meta = plainFrontMatter(lines, 1, end) ?? yamlFrontMatter(lines.slice(1, end).join('\n'), file);
  return { meta, lineCount: end + 1 };
}

/** Front matter read by the yaml package: its errors with line and column (the source starts at line 2). */
export function yamlFrontMatter(source: string, file: string): Meta {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    throw new ObsError(
      doc.errors.map((error) => {
        const problem = yamlProblem(error, file, 2, 'write the front matter as `key: value` lines, e.g. `area: Ramsey`', source);
        return { ...problem, message: `front matter is not valid YAML: ${problem.message}` };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ObsError({ file, line: 2, col: 1, message: 'front matter must be `key: value` lines', hint: 'for example `area: Ramsey` and `year: 2019`' });
  }
  const meta: Meta = {};
  for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    const text = metaValue(value);
    if (text !== undefined) meta[key.toLowerCase()] = text;
  }
  return meta;
}

// `key: value`, the key starting with a letter, the value a plain scalar that starts with no YAML
// indicator and holds no colon, hash or tab, so that it can mean nothing but itself.
const PLAIN_LINE = /^([A-Za-z][A-Za-z0-9_ -]*?)[ \t]*:(?:[ \t]+([^-?:,[\]{}#&*!|>'"%@`\s][^:#\t]*?))?[ \t]*$/;
// Plain scalars YAML's core schema reads as something else than the words: numbers, booleans, null.
const NOT_WORDS = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INTEGER = /^[-+]?[0-9]+$/;

/**
 * Lines [from, to) of `key: value` pairs whose values are words or whole numbers, read as the yaml
 * package reads them (a whole number as the number it is: `007` is 7); undefined for anything
 * else: a nested value, a list, a quoted or other number, a boolean, a comment, a key twice.
 */
export function plainFrontMatter(lines: readonly string[], from: number, to: number): Meta | undefined {
  const meta: Meta = {};
  const keys = new Set<string>();
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const m = PLAIN_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (keys.has(key) || NOT_WORDS.test(key)) return undefined;
    keys.add(key);
    const raw = m[2];
    if (raw === undefined) continue;
    let value: string | undefined = raw;
    if (NOT_WORDS.test(raw)) {
      if (!INTEGER.test(raw)) return undefined;
      value = String(Number(raw));
    }
    const text = metaValue(value);
    if (text !== undefined) meta[key.toLowerCase()] = text;
  }
  return meta;
}
