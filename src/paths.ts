// Where obs's own files are: the package root holds package.json and the built-in codebooks.
// Found by walking up from this module, since it runs from src/ (tsx, tests) and from the bundle in dist/ alike.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'codebooks'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`obs's package folder (package.json beside codebooks/) is not above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return (root = dir);
}

/** The built worker: the bundle's own when running from it, else the one `npm run build` writes to dist/. */
export function workerScript(): URL {
  return import.meta.url.endsWith('.ts') ? new URL(`file://${path.join(packageRoot(), 'dist', 'worker.js')}`) : new URL('./worker.js', import.meta.url);
}
