// Temporary output files not yet renamed into place, and the ways out of a real process that remove them.
//
// Signal handlers are installed only while such a file exists. A JavaScript handler runs only when
// the main thread returns to the event loop, so one installed for the whole run would hold Ctrl-C
// back while a long transcript is coded; without one, the default action ends the process at once,
// and there is nothing to clean up. The shell shows either ending as 130 (143 for SIGTERM).
import { rmSync } from 'node:fs';

const files = new Set<string>();
/** Set in a real process only: tests run commands in-process, where a signal must not exit the runner. */
let armed = false;
let listening = false;

const onSignal: Array<[NodeJS.Signals, () => void]> = [
  ['SIGINT', () => interrupted(130)],
  ['SIGTERM', () => interrupted(143)],
  // The terminal closed or the ssh connection dropped: the run cannot go on, its file must still go.
  ['SIGHUP', () => interrupted(129)],
];

/** Ctrl-C (SIGINT), SIGTERM or a hangup while an output file is being written removes it, and exits 130, 143 or 129 as shells expect. */
export function exitCleanlyOnSignals(): void {
  armed = true;
  listen();
}

/** Called in the same turn as the file is created, so no signal can come between the two. */
export function track(tmp: string): void {
  files.add(tmp);
  listen();
}

/** Called in the same turn as the file is renamed or removed. */
export function untrack(tmp: string): void {
  files.delete(tmp);
  listen();
}

export function removeTemp(tmp: string): void {
  rmSync(tmp, { force: true });
  untrack(tmp);
}

/** Ends the process now, removing any unfinished output first; says whether there was one. */
export function leave(code: number, say?: (removed: boolean) => string): never {
  const removed = files.size > 0;
  for (const tmp of [...files]) removeTemp(tmp);
  if (say) process.stderr.write(say(removed));
  process.exit(code);
}

function interrupted(code: number): void {
  leave(code, (removed) => `\nobs: interrupted${removed ? '; the unfinished --out file was removed' : ''}\n`);
}

function listen(): void {
  const wanted = armed && files.size > 0;
  if (wanted === listening) return;
  listening = wanted;
  // Removing the last listener gives the signal back its default action.
  for (const [signal, handler] of onSignal) {
    if (wanted) process.on(signal, handler);
    else process.off(signal, handler);
  }
}
