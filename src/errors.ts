// One error type for everything a user can cause; the CLI turns it into a message and an exit code.

export interface Location {
  file?: string;
  line?: number;
  col?: number;
}

export interface Problem extends Location {
  message: string;
  hint?: string;
  /** Worth knowing, not a fault: shown as `obs: note:`. */
  note?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class ObsError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;

  constructor(problems: Problem | Problem[], exitCode: number = EXIT_USAGE) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'ObsError';
    this.problems = list;
    this.exitCode = exitCode;
  }
}

/** A name as a hint writes it on a command line, in double quotes. */
export function quoteArg(name: string): string {
  return `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

export function formatLocation(loc: Location): string {
  if (!loc.file) return '';
  let at = loc.file;
  if (loc.line !== undefined) {
    at += `:${loc.line}`;
    if (loc.col !== undefined) at += `:${loc.col}`;
  }
  return `${at}: `;
}

export function formatProblem(p: Problem): string {
  const head = `obs: ${formatLocation(p)}${p.message}`;
  return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}

export function formatWarning(p: Problem): string {
  const head = `obs: ${p.note ? 'note' : 'warning'}: ${formatLocation(p)}${p.message}`;
  return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}
