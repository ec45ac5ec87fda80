// npm run build: src/ -> dist/ as a bundle. One file per entry (plus chunks shared by the commands,
// which still load lazily) starts faster than hundreds of modules: Node resolves and links each one.
// Every dependency is bundled, so the installed package needs no node_modules of its own; the
// licences of the bundled packages go with it, in dist/THIRD-PARTY-NOTICES.md.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', metafile: true, logLevel: 'warning' };
const main = await build({
  ...common,
  entryPoints: { main: 'src/main.ts', worker: 'src/work/worker.ts' },
  outdir,
  splitting: true,
  format: 'esm',
  // Bundled CommonJS dependencies (natural, csv-parse's parts) call require(), which ES modules lack.
  banner: { js: "import { createRequire as __obsRequire } from 'node:module'; const require = __obsRequire(import.meta.url);" },
});
// Loaded on first use by src/lazy.ts, synchronously, from a file of their own (see there): the ids
// here are the ones its type allows.
const VENDORED = ['iconv-lite', 'entities'];
const vendored = await build({
  ...common,
  entryPoints: Object.fromEntries(VENDORED.map((id) => [`vendor/${id}`, id])),
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});

/** The package each bundled file comes from: its folder under the last node_modules of its path. */
function packageOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const name = parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  return path.join(root, ...parts.slice(0, at + 1), name);
}

const packages = new Set();
for (const result of [main, vendored]) for (const input of Object.keys(result.metafile.inputs)) {
  const dir = packageOf(input);
  if (dir) packages.add(dir);
}
const notices = [...packages]
  .map((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `${pkg.license ?? 'see the package'} (the package ships no licence file)`;
    return { name: pkg.name, version: pkg.version, license: pkg.license ?? '', text };
  })
  .sort((a, b) => (a.name < b.name ? -1 : 1));
const unique = [...new Map(notices.map((n) => [`${n.name}@${n.version}`, n])).values()];
writeFileSync(
  path.join(outdir, 'THIRD-PARTY-NOTICES.md'),
  `# Third-party notices\n\nobs's bundle in this folder contains code from these packages, under these licences.\n\n${unique
    .map((n) => `## ${n.name} ${n.version} (${n.license})\n\n\`\`\`\n${n.text}\n\`\`\`\n`)
    .join('\n')}`,
);
if (!existsSync(path.join(outdir, 'main.js'))) throw new Error('build: dist/main.js was not written');
