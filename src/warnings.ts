// Warnings on standard error, where a corpus of 100,000 empty files must not give 100,000 lines:
// the first few of each kind are shown, the rest counted and told in one line at the end.
import { formatWarning, type Problem } from './errors.js';

/** Warnings of one kind shown before the rest are only counted. */
export const SHOWN_PER_KIND = 10;

export interface WarningPrinter {
  warn(problem: Problem): void;
  /** Tells how many of each kind were held back, one line a kind, and starts counting afresh. */
  flush(): void;
}

interface Kind {
  shown: number;
  first: Problem;
  held: number;
  files: Set<string>;
}

/** `once`: a key that marks a problem to be told once in a run, however many files have it. */
export function warningPrinter(write: (text: string) => void, quiet = false): WarningPrinter {
  const kinds = new Map<string, Kind>();
  const told = new Set<string>();
  return {
    warn(problem) {
      if (quiet) return;
      const once = (problem as Problem & { once?: unknown }).once;
      if (typeof once === 'string') {
        if (told.has(once)) return;
        told.add(once);
      }
      const key = kindOf(problem);
      const kind = kinds.get(key) ?? { shown: 0, first: problem, held: 0, files: new Set<string>() };
      kinds.set(key, kind);
      if (kind.shown < SHOWN_PER_KIND) {
        kind.shown++;
        write(`${formatWarning(problem)}\n`);
        return;
      }
      kind.held++;
      if (problem.file !== undefined) kind.files.add(problem.file);
    },
    flush() {
      for (const kind of kinds.values()) {
        if (kind.held === 0) continue;
        const files = kind.files.size > 0 ? `, in ${count(kind.files.size, 'file')}` : '';
        write(`${formatWarning({ message: `... and ${kind.held.toLocaleString('en-US')} more like "${kind.first.message}"${files}`, note: kind.first.note === true })}\n`);
        kind.held = 0;
        kind.files.clear();
      }
    },
  };
}

/** A message's shape: the same words, whatever file, number or quoted name it gives. */
function kindOf(problem: Problem): string {
  const shape = problem.message
    .replace(/`[^`]*`/g, '`_`')
    .replace(/"[^"]*"/g, '"_"')
    .replace(/\d[\d,.]*/g, '0');
  return `${problem.note ? 'note' : 'warning'}\u0000${shape}`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
