#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds dist/ through the prepare script.
import { exitCleanlyOnSignals } from '../dist/io.js';
import { main } from '../dist/main.js';

exitCleanlyOnSignals();
process.exitCode = await main(process.argv.slice(2));
