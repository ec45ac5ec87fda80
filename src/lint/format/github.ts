// GitHub Actions workflow commands, so findings show on the pull request's diff.
import type { LintResult } from '../rule.js';

// The escaping GitHub's runner expects: data escapes %, CR and LF; properties also : and ,.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(results: readonly LintResult[]): string {
  const lines = results.flatMap((r) =>
    r.messages.map((m) => `::${m.severity === 'error' ? 'error' : 'warning'} file=${property(r.filePath)},line=${m.line},col=${m.column},title=${property(`obs lint ${m.ruleId}`)}::${data(m.message)}`),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
