// A YAML parse error as an obs problem, its line counted in the file the YAML came from.
import type { YAMLError } from 'yaml';
import type { Problem } from './errors.js';

/** `firstLine` is the file line of the YAML's first line (front matter starts below its `---`). */
export function yamlProblem(error: YAMLError, file: string, firstLine = 1, hint?: string, source?: string): Problem {
  const pos = error.linePos?.[0];
  let message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  // Which key: the line and column point at it, and a person fixing the file looks for its name.
  if (error.code === 'DUPLICATE_KEY' && pos && source) {
    const key = /^\s*"?([^":]+)"?\s*:/.exec(source.split('\n')[pos.line - 1]?.slice(pos.col - 1) ?? '')?.[1]?.trim();
    if (key) message = `\`${key}\` appears twice in one mapping`;
  }
  const problem: Problem = { file, message };
  if (pos) {
    problem.line = pos.line + firstLine - 1;
    problem.col = pos.col;
  }
  const h = hint ?? YAML_HINTS[error.code];
  if (h) problem.hint = h;
  return problem;
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in a mapping; merge the two entries',
  BAD_INDENT: 'check the indentation: keys of one mapping line up under each other',
  MISSING_CHAR: 'check the indentation: keys of one mapping line up under each other',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs',
  BLOCK_AS_IMPLICIT_KEY: 'a `key: value` pair needs a space after the colon',
};
