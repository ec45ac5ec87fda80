// Regenerates docs/report.png, the README's picture of `obs report` on the example corpus:
//   npm run build && npx tsx scripts/report-screenshot.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../src/main.js';
import { launch } from '../tests/helpers/browser.js';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'obs-shot-'));
const out = path.join(dir, 'report.html');
const code = await main(['report', 'fixtures/big-local', '--meta', 'fixtures/big-local-meta.csv', '--out', out], {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: root,
  env: {},
  readStdin: async () => Buffer.alloc(0),
});
if (code !== 0) process.exit(code);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 960, height: 1300 } });
await page.goto(pathToFileURL(out).href);
await page.screenshot({ path: path.join(root, 'docs', 'report.png') });
await browser.close();
rmSync(dir, { recursive: true, force: true });
console.log('wrote docs/report.png');
