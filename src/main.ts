// Entry point: `obs --version` answers before anything else loads, so it starts as fast as node.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCleanlyOnSignals, processIo, type Io } from './io.js';
import { version } from './version.js';

// bin/obs.js takes both from the bundle, so the signal handler sees the same unfinished --out files.
export { exitCleanlyOnSignals };

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const { run } = await import('./cli.js');
  return run(argv, io);
}

// Run directly (tsx src/main.ts ...) during development; bin/obs.js imports main() from dist/.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  exitCleanlyOnSignals();
  process.exitCode = await main(process.argv.slice(2));
}
