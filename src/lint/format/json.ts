// The results schema, as ESLint writes it: one object per file, severity 2 for errors and 1 for warnings.
import type { LintResult } from '../rule.js';

export function json(results: readonly LintResult[]): string {
  return `${JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity === 'error' ? 2 : 1, message: m.message, line: m.line, column: m.column, ...(m.hint ? { hint: m.hint } : {}) })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
    })),
    null,
    2,
  )}\n`;
}
