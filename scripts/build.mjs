// npm run build: src/ -> dist/ as a bundle. One file per entry (plus chunks shared by the commands,
// which still load lazily) starts faster than hundreds of modules: Node resolves and links each one.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', worker: 'src/work/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS dependencies (natural, csv-parse's parts) call require(), which ES modules lack.
  banner: { js: "import { createRequire as __obsRequire } from 'node:module'; const require = __obsRequire(import.meta.url);" },
  logLevel: 'warning',
});
