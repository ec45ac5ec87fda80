// A dependency loaded on first use: for code that only some files need, where loading it on every
// run costs more than it saves (iconv-lite's charset tables are half a megabyte of code to parse).
// The build bundles each into dist/vendor/ID.cjs, so an installed obs needs no node_modules; run
// from src/ (tests, tsx) there is none beside this file, and the package itself is loaded.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The dependencies scripts/build.mjs bundles into files of their own. */
type Vendored = 'iconv-lite' | 'entities';

const load = createRequire(import.meta.url);

export function lazy<T>(id: Vendored): () => T {
  let module: T | undefined;
  return () => {
    if (module === undefined) {
      const bundled = fileURLToPath(new URL(`./vendor/${id}.cjs`, import.meta.url));
      module = load(existsSync(bundled) ? bundled : id) as T;
    }
    return module;
  };
}
