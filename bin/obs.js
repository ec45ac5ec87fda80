#!/usr/bin/env node
// Runs the bundled CLI; `npm install` builds dist/ through the prepare script.
import module from 'node:module';

// Node 22.1 and later keep compiled code between runs, which shortens start-up; older Node lacks it.
module.enableCompileCache?.();
const { exitCleanlyOnSignals, main } = await import('../dist/main.js');

exitCleanlyOnSignals();
process.exitCode = await main(process.argv.slice(2));
