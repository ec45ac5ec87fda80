// One error type for everything a user can cause; the CLI turns it into a message and an exit code.
import { inertName } from './render/inert.js';

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

// A file name or a message may quote the data, so each goes out inert: no control sequence reaches the
// terminal, and a newline in a file name cannot start a line of its own that looks like `obs: error:`.
// The one line break kept is the one before `hint:`.

export function formatLocation(loc: Location): string {
  if (!loc.file) return '';
  let at = inertName(loc.file);
  if (loc.line !== undefined) {
    at += `:${loc.line}`;
    if (loc.col !== undefined) at += `:${loc.col}`;
  }
  return `${at}: `;
}

export function formatProblem(p: Problem): string {
  return withHint(`obs: ${formatLocation(p)}${inertName(p.message)}`, p);
}

export function formatWarning(p: Problem): string {
  return withHint(`obs: ${p.note ? 'note' : 'warning'}: ${formatLocation(p)}${inertName(p.message)}`, p);
}

function withHint(head: string, p: Problem): string {
  return p.hint ? `${head}\n  hint: ${inertName(p.hint)}` : head;
}
