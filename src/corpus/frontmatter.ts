// YAML front matter: a first line `---`, YAML, then a line `---` or `...`. Most front matter is a
// few `key: value` lines of plain words, read here as the yaml package would read them; anything
// else goes to the yaml package, which gives every message its line and column.
import { isAlias } from 'yaml';
import { ObsError } from '../errors.js';
import { parseBounded, yamlNodes } from '../yaml-bounded.js';
import { yamlProblem } from '../yaml-problem.js';
import { newMeta, setField } from './fields.js';
import { metaValue } from './scalar.js';
import type { Meta } from './types.js';

export interface FrontMatter {
  meta: Meta;
  /** Number of lines the front matter takes, fences included. */
  lineCount: number;
}

/**
 * The most front matter may hold, in characters. Front matter is a few `key: value` lines; the
 * yaml package reads some 300 KB a second, so this keeps any file's front matter to seconds.
 */
export const FRONT_MATTER_MAX_CHARS = 1_000_000;

export function readFrontMatter(lines: readonly string[], file: string): FrontMatter | undefined {
  if (lines[0]?.trimEnd() !== '---') return undefined;
  let end = -1;
  let size = 0;
  for (let i = 1; i < lines.length; i++) {
    const l = (lines[i] ?? '').trimEnd();
    if (l === '---' || l === '...') {
      end = i;
      break;
    }
    size += l.length + 1;
    if (size > FRONT_MATTER_MAX_CHARS) {
      throw new ObsError({
        file,
        line: 1,
        col: 1,
        message: `front matter has no closing \`---\` line within ${FRONT_MATTER_MAX_CHARS.toLocaleString('en')} characters, the most front matter may hold`,
        hint: 'front matter is a few `key: value` lines ended by a line of three dashes; keep longer text in the transcript or in a --meta table',
      });
    }
  }
  if (end < 0) {
    throw new ObsError({ file, line: 1, col: 1, message: 'front matter has no closing `---` line', hint: 'end the YAML block with a line of three dashes' });
  }
  const meta = plainFrontMatter(lines, 1, end) ?? yamlFrontMatter(lines.slice(1, end).join('\n'), file);
  return { meta, lineCount: end + 1 };
}

/**
 * How deep front matter may nest lists and mappings. Metadata is flat (`area: Ramsey`); a few
 * levels of structure are read (and ignored), thousands would overflow the yaml package's stack.
 */
export const FRONT_MATTER_MAX_DEPTH = 32;

/** How many YAML aliases (`*name`) front matter may use, and how many entries they may repeat. */
export const FRONT_MATTER_MAX_ALIASES = 100;

/** Front matter read by the yaml package: its errors with line and column (the source starts at line 2). */
export function yamlFrontMatter(source: string, file: string): Meta {
  // Whole numbers as BigInt: an id of 20 digits keeps every digit, where a double would round it.
  const parsed = parseBounded(source, FRONT_MATTER_MAX_DEPTH, { intAsBigInt: true });
  if (parsed.tooDeep) {
    throw new ObsError({
      file,
      line: parsed.tooDeep.line + 1,
      col: parsed.tooDeep.col,
      message: `front matter nests lists or mappings more than ${FRONT_MATTER_MAX_DEPTH} levels deep`,
      hint: 'write the front matter as flat `key: value` lines, e.g. `area: Ramsey`',
    });
  }
  const { doc, lines, errors } = parsed;
  if (errors.length > 0) {
    throw new ObsError(
      errors.map((error) => {
        const problem = yamlProblem(error, file, 2, 'write the front matter as `key: value` lines, e.g. `area: Ramsey`', source);
        return { ...problem, message: `front matter is not valid YAML: ${problem.message}` };
      }),
    );
  }
  // The yaml package searches the whole front matter for each alias it counts: a few aliases are
  // all front matter needs, and so all it may have.
  let aliases = 0;
  const anchors = new Set<string>();
  for (const node of yamlNodes(doc)) {
    if (!isAlias(node)) {
      if (node.anchor) anchors.add(node.anchor);
      continue;
    }
    const at = node.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    if (++aliases > FRONT_MATTER_MAX_ALIASES) {
      throw new ObsError({ file, line: at.line + 1, col: at.col, message: `front matter has more than ${FRONT_MATTER_MAX_ALIASES} YAML aliases (\`*name\`)`, hint: 'write the values out' });
    }
    if (!anchors.has(node.source)) {
      throw new ObsError({ file, line: at.line + 1, col: at.col, message: `front matter's YAML alias \`*${node.source}\` has no anchor \`&${node.source}\` above it`, hint: 'a value that starts with `*` must be quoted: "*like this"' });
    }
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: FRONT_MATTER_MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    // An alias that repeats an anchor holding aliases, which repeat others: an alias bomb.
    throw new ObsError({ file, line: 2, col: 1, message: `front matter's YAML aliases repeat more than ${FRONT_MATTER_MAX_ALIASES} entries`, hint: 'write the values out' });
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ObsError({ file, line: 2, col: 1, message: 'front matter must be `key: value` lines', hint: 'for example `area: Ramsey` and `year: 2019`' });
  }
  const meta = newMeta();
  for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    const text = metaValue(value);
    if (text !== undefined) setField(meta, key.toLowerCase(), text);
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
  const meta = newMeta();
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
      value = String(BigInt(raw));
    }
    const text = metaValue(value);
    if (text !== undefined) setField(meta, key.toLowerCase(), text);
  }
  return meta;
}
