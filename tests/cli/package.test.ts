// The package as a user installs it: obs and nothing else, every bundled licence in it, and the
// main command working from the installed copy alone, with no network and no node_modules of its own.
// Packed as built by `npm test` (without running the build again, which would empty dist/ under the
// tests that start worker threads from it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const dir = mkdtempSync(path.join(tmpdir(), 'obs-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

describe('the installed package', () => {
  it('installs offline from its tarball as obs alone, under 5 MB, with its licences, and codes the example corpus', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/THIRD-PARTY-NOTICES.md');
    const app = path.join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed[0]!.filename)], { cwd: app, stdio: 'ignore' });
    const modules = path.join(app, 'node_modules');
    expect(readdirSync(modules).filter((f) => !f.startsWith('.')).sort()).toEqual(['obs']);
    expect(bytesUnder(modules)).toBeLessThan(5 * 2 ** 20);
    const notices = readFileSync(path.join(modules, 'obs', 'dist', 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const name of ['commander', 'yaml', 'mammoth', 'natural', 'iconv-lite', 'entities']) expect(notices).toMatch(new RegExp(`^## ${name} `, 'm'));
    const args = ['code', path.join(ROOT, 'fixtures', 'big-local'), '--meta', path.join(ROOT, 'fixtures', 'big-local-meta.csv'), '--format', 'csv'];
    const installed = execFileSync(path.join(modules, '.bin', 'obs'), args, { cwd: app, encoding: 'utf8' });
    expect(installed).toBe(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'obs.js'), ...args], { encoding: 'utf8' }));
    expect(existsSync(path.join(modules, 'obs', 'dist', 'vendor', 'iconv-lite.cjs'))).toBe(true);
    // A Windows-1252 file needs iconv-lite, loaded from the bundle's own copy.
    writeFileSync(path.join(app, 'w.txt'), Buffer.from('Ann: a grant \x96 the council\x92s money\n\nBob: more \x93funding\x94\n', 'latin1'));
    const text = execFileSync(path.join(modules, '.bin', 'obs'), ['code', 'w.txt', '--passages'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(text).toContain('a grant – the council’s money');
  }, 120_000);
});
