// GitHub Actions workflow commands, so findings show on the pull request's diff.
import { inertName } from '../../render/inert.js';
import type { LintResult } from '../rule.js';

// The escaping GitHub's runner expects (actions/toolkit's command.ts): data escapes %, CR and LF;
// properties also : and ,. Before that the text is made inert: the log viewer and a local terminal both
// run ANSI sequences, and a line break shown as `\n` is plainer in an annotation than a broken line.
const data = (s: string) => inertName(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(results: readonly LintResult[]): string {
  const lines = results.flatMap((r) =>
    r.messages.map((m) => `::${m.severity === 'error' ? 'error' : 'warning'} file=${property(r.filePath)},line=${m.line},col=${m.column},title=${property(`obs lint ${m.ruleId}`)}::${data(m.message)}`),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
