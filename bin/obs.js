#!/usr/bin/env node
// Runs the bundled CLI; `npm install` builds dist/ through the prepare script.
import { exitCleanlyOnSignals, main } from '../dist/main.js';

exitCleanlyOnSignals();
process.exitCode = await main(process.argv.slice(2));
