// YAML front matter: a first line `---`, YAML, then a line `---` or `...`.
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
  const source = lines.slice(1, end).join('\n');
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
  return { meta, lineCount: end + 1 };
}
