// The installed command, run as a process: what reaches stdout, and nothing from a dependency.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempCorpus } from '../helpers/run.js';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const bin = path.join(root, 'bin/obs.js');
const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root, encoding: 'utf8' })) as { version: string };

beforeAll(() => {
  // `npm test` builds first; a bare `vitest` run may not have.
  if (!existsSync(path.join(root, 'dist/main.js'))) execFileSync('node', [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
});

describe('bin/obs.js', () => {
  it('prints only the version with --version', () => {
    const r = spawnSync('node', [bin, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });

  it('prints nothing but its own output where the folder has a .env file', () => {
    const dir = tempCorpus({
      '.env': 'SECRET=1\nDOTENV_CONFIG_DEBUG=true\n',
      'codebook.yaml': 'name: t\nthemes:\n  - id: a\n    label: A\n    keywords: [grant]\n',
      'c/a.txt': 'Ann: a grant\nAnn: yes\n',
    });
    const r = spawnSync('node', [bin, 'code', 'c', '--format', 'csv', '--by', 'speaker'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('speaker,theme,documents,passages,passages_total,share,hits,words,per_1k_words\nAnn,a,1,1,2,0.5,1,3,333.33\n');
    expect(r.status).toBe(0);
  });

  it('exits 2 without a stack trace on a bad option', () => {
    const r = spawnSync('node', [bin, 'code', '--no-such-option', 'x'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^obs: unknown option '--no-such-option'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
