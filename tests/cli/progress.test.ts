// The progress line (src/progress.ts): shown on a terminal only, erased when the run ends, never
// mixed with warnings or output; nothing at all when standard error is piped, in CI, on a dumb
// terminal or with --quiet. The terminal is a pseudo-terminal made by util-linux's `script`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_PROGRESS, duration, startProgress, wantsProgress, type Progress, type ProgressStream } from '../../src/progress.js';
import { tempCorpus } from '../helpers/run.js';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const bin = path.join(root, 'bin/obs.js');
const bigLocal = path.join(root, 'fixtures/big-local');
const bigLocalMeta = path.join(root, 'fixtures/big-local-meta.csv');
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasScript) console.warn('progress.test.ts: `script` (util-linux) is not installed; the tests on a pseudo-terminal are skipped');

beforeAll(() => {
  // `npm test` builds first; a bare `vitest` run may not have.
  if (!existsSync(path.join(root, 'dist/main.js'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root });
});

/** The environment of a user at a terminal, with the one-second delay taken away (a short corpus would show nothing). */
function terminalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm', OBS_PROGRESS_DELAY_MS: '0', ...extra };
  // CI runs these tests with CI=true, which turns the line off.
  if (!('CI' in extra)) delete env.CI;
  return env;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** What the terminal receives when obs runs on a pseudo-terminal (stdout and stderr both). */
function onTerminal(args: string[], env: NodeJS.ProcessEnv, cwd = root): string {
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/**
 * The screen left by what a terminal received: just enough of a terminal for what obs writes
 * (carriage return, line feed, cursor to a column, erase in line, save and restore the cursor);
 * colours and other sequences change nothing here.
 */
function screen(received: string): string[] {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  let saved: [number, number] = [0, 0];
  const at = (r: number) => (lines[r] ??= '');
  for (const [token, n, code, dec] of received.matchAll(/\x1b\[\??([\d;]*)([A-Za-z])|\x1b([78])|\r|\n|[^\x1b\r\n]/g)) {
    if (token === '\r') col = 0;
    else if (token === '\n') {
      // A terminal's driver turns a line feed into carriage return and line feed.
      row++;
      col = 0;
      at(row);
    } else if (dec === '7') saved = [row, col];
    else if (dec === '8') [row, col] = saved;
    else if (code === 'G') col = Math.max(1, Number(n || '1')) - 1;
    else if (code === 'K') lines[row] = n === '2' ? '' : at(row).slice(0, col);
    else if (code === undefined) {
      const line = at(row).padEnd(col);
      lines[row] = line.slice(0, col) + token + line.slice(col + 1);
      col++;
    }
  }
  return lines.map((l) => l.trimEnd());
}

const FRAME = /\d[\d,]*\/\d[\d,]* files/;

describe('obs on a terminal', () => {
  it.skipIf(!hasScript)('shows the line while the corpus is coded and erases it before the table is printed', () => {
    const received = onTerminal(['code', bigLocal, '--meta', bigLocalMeta], terminalEnv({ NO_COLOR: '1' }));
    // Drawn: at least one frame, with the total of the 32 transcripts.
    expect(received).toMatch(/coding \[[=-]+\] \d+\/32 files/);
    const shown = screen(received);
    // Erased: no frame is left on the screen, and the table begins on a line of its own.
    expect(shown.filter((l) => FRAME.test(l))).toEqual([]);
    expect(shown.join('\n')).toContain('total');
    expect(shown.join('\n')).toBe(screen(onTerminal(['code', bigLocal, '--meta', bigLocalMeta], terminalEnv({ NO_COLOR: '1', CI: 'true' }))).join('\n'));
  });

  it.skipIf(!hasScript)('erases the line for each warning written during the run, and draws it again after', () => {
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < 60; i++) files[`t${String(i).padStart(2, '0')}.txt`] = 'Ann: we want a grant for the hall\n\nBob: the council has no money\n';
    files['t30.txt'] = Buffer.from('Ann: a caf\xe9 grant\n\nBob: no money\n', 'latin1');
    const dir = tempCorpus(files);
    const received = onTerminal(['code', '.', '--format', 'csv', '--out', 'out.csv'], terminalEnv(), dir);
    const warning = received.indexOf('invalid UTF-8');
    expect(warning).toBeGreaterThan(0);
    // A frame before the warning and one after it: the line came back.
    expect(received.slice(0, warning)).toMatch(FRAME);
    expect(received.slice(warning)).toMatch(FRAME);
    const shown = screen(received);
    expect(shown.filter((l) => FRAME.test(l))).toEqual([]);
    expect(shown.find((l) => l.includes('invalid UTF-8'))).toMatch(/^obs: warning: t30\.txt: invalid UTF-8/);
  });

  it.skipIf(!hasScript)('shows nothing in CI, with --quiet, on a dumb terminal, or where --passages lines go to the terminal', () => {
    const args = ['code', bigLocal, '--meta', bigLocalMeta, '--format', 'csv'];
    const plain = onTerminal(args, terminalEnv({ CI: 'true' }));
    expect(plain).toContain('theme,documents');
    expect(plain).not.toContain('\x1b');
    for (const received of [onTerminal([...args, '--quiet'], terminalEnv()), onTerminal(args, terminalEnv({ TERM: 'dumb' })), onTerminal(args, terminalEnv({ CI: '1' }))]) {
      expect(received).not.toContain('\x1b');
      expect(received).not.toMatch(FRAME);
      expect(received).toBe(plain);
    }
    const passages = onTerminal(['code', bigLocal, '--passages'], terminalEnv());
    expect(passages).toContain('"file"');
    expect(passages).not.toMatch(FRAME);
    expect(passages).not.toContain('\x1b7');
  });
});

describe('obs with standard error piped', () => {
  it('writes no progress: no carriage return, no escape sequence', () => {
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < 40; i++) files[`t${String(i).padStart(2, '0')}.txt`] = 'Ann: we want a grant for the hall\n\nBob: the council has no money\n';
    files['t20.txt'] = Buffer.from('Ann: a caf\xe9 grant\n\nBob: no money\n', 'latin1');
    const dir = tempCorpus(files);
    const r = spawnSync(process.execPath, [bin, 'code', '.', '--format', 'csv'], { cwd: dir, env: terminalEnv(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('invalid UTF-8');
    for (const text of [r.stderr, r.stdout]) {
      expect(text).not.toContain('\r');
      expect(text).not.toContain('\x1b');
      expect(text).not.toMatch(FRAME);
    }
  });
});

/** A terminal's standard error, as far as the progress line uses one. */
function fakeTerminal(columns = 80): ProgressStream & { text: string } {
  const stream = { isTTY: true, columns, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the progress module', () => {
  const listening = () => ({ exit: process.listenerCount('exit'), hup: process.listenerCount('SIGHUP'), added: process.listenerCount('newListener') });
  const before = listening();
  const started: Progress[] = [];
  /** startProgress, stopped after the test whatever happens in it. */
  const start = async (...args: Parameters<typeof startProgress>) => {
    const progress = await startProgress(...args);
    started.push(progress);
    return progress;
  };
  // A line stopped leaves no listener behind.
  afterEach(() => {
    for (const progress of started.splice(0)) progress.stop();
    expect(listening()).toEqual(before);
  });

  it('is shown on a terminal only, and never in CI, on a dumb terminal or with --quiet', () => {
    const tty = fakeTerminal();
    expect(wantsProgress(tty, {})).toBe(true);
    expect(wantsProgress(tty, { CI: '' })).toBe(true);
    expect(wantsProgress(tty, { CI: 'false' })).toBe(true);
    expect(wantsProgress(tty, { CI: 'true' })).toBe(false);
    expect(wantsProgress(tty, { CI: '1' })).toBe(false);
    expect(wantsProgress(tty, { CI: 'woodpecker' })).toBe(false);
    expect(wantsProgress(tty, { TERM: 'dumb' })).toBe(false);
    expect(wantsProgress(tty, {}, { quiet: true })).toBe(false);
    expect(wantsProgress(tty, {}, { outputOnTerminal: true })).toBe(false);
    expect(wantsProgress({ write: () => true }, {})).toBe(false);
    expect(wantsProgress({ write: () => true, isTTY: false }, {})).toBe(false);
  });

  it('is a no-op off a terminal', async () => {
    const piped = { text: '', write: (s: string) => ((piped.text += s), true) };
    const progress = await start(100, piped, { OBS_PROGRESS_DELAY_MS: '0' });
    expect(progress).toBe(NO_PROGRESS);
    progress.update(50);
    progress.aside(() => piped.write('obs: warning: x\n'));
    progress.stop();
    expect(piped.text).toBe('obs: warning: x\n');
  });

  it('shows nothing for a run shorter than the delay', async () => {
    const tty = fakeTerminal();
    const progress = await start(100, tty, {});
    for (let i = 1; i <= 100; i++) progress.update(i);
    progress.aside(() => tty.write('obs: warning: x\n'));
    progress.stop();
    expect(tty.text).toBe('obs: warning: x\n');
  });

  it('appears once the delay has passed, even while no file is done', async () => {
    const tty = fakeTerminal();
    const progress = await start(100, tty, { OBS_PROGRESS_DELAY_MS: '30' });
    await sleep(80);
    expect(screen(tty.text)).toEqual([expect.stringMatching(/^coding \[-{10,30}\] 0\/100 files, time left: estimating$/)]);
    progress.stop();
    expect(screen(tty.text)).toEqual(['']);
  });

  it('tells files done, the rate and the time left, within the width, and erases the line on stop', async () => {
    const tty = fakeTerminal();
    const started = Date.now();
    const progress = await start(4000, tty, { OBS_PROGRESS_DELAY_MS: '0' });
    for (let i = 1; i <= 8; i++) {
      await sleep(110);
      progress.update(i * 100);
    }
    // At most ten redraws a second.
    expect(tty.text.match(/coding \[/g)!.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 100) + 1);
    // Many files at once draw no more.
    const drawn = tty.text.length;
    for (let i = 801; i <= 900; i++) progress.update(i);
    expect(tty.text.length).toBe(drawn);
    const [line] = screen(tty.text);
    expect(line).toMatch(/^coding \[=+-+\] \d{3}\/4,000 files, \d[\d,]* files\/s, about \d+ s left$/);
    expect(line!.length).toBeLessThan(80);
    progress.stop();
    expect(screen(tty.text)).toEqual(['']);
    const after = tty.text.length;
    progress.update(4000);
    await sleep(120);
    expect(tty.text.length).toBe(after);
  });

  it('drops the bar, then the rate, on a narrow terminal', async () => {
    for (const [columns, expected] of [
      [60, /^1\/4,000 files, time left: estimating$/],
      [20, /^1\/4,000 files$/],
    ] as const) {
      const tty = fakeTerminal(columns);
      const progress = await start(4000, tty, { OBS_PROGRESS_DELAY_MS: '0' });
      progress.update(1);
      expect(screen(tty.text)[0]).toMatch(expected);
      progress.stop();
    }
  });

  it('erases the line while a warning is written and draws it again below', async () => {
    const tty = fakeTerminal();
    const progress = await start(100, tty, { OBS_PROGRESS_DELAY_MS: '0' });
    progress.update(10);
    progress.aside(() => tty.write('obs: warning: a.txt: invalid UTF-8\n'));
    progress.aside(() => tty.write('obs: warning: b.txt: invalid UTF-8\n'));
    expect(screen(tty.text)).toEqual(['obs: warning: a.txt: invalid UTF-8', 'obs: warning: b.txt: invalid UTF-8', '']);
    await sleep(150);
    expect(screen(tty.text)[2]).toMatch(/^coding \[.*\] 10\/100 files/);
    progress.update(20);
    progress.stop();
    expect(screen(tty.text)).toEqual(['obs: warning: a.txt: invalid UTF-8', 'obs: warning: b.txt: invalid UTF-8', '']);
  });

  it('goes ahead of a signal handler that is there, and leaves signals alone otherwise', async () => {
    const tty = fakeTerminal();
    const handler = () => {};
    const progress = await start(100, tty, { OBS_PROGRESS_DELAY_MS: '0' });
    progress.update(1);
    expect(process.listenerCount('SIGHUP')).toBe(0);
    process.on('SIGHUP', handler);
    expect(process.listeners('SIGHUP')).toHaveLength(2);
    expect(process.listeners('SIGHUP')[1]).toBe(handler);
    process.off('SIGHUP', handler);
    expect(process.listenerCount('SIGHUP')).toBe(0);
    progress.stop();
  });

  it('reads durations as a person does', () => {
    expect(duration(0.2)).toBe('1 s');
    expect(duration(9)).toBe('9 s');
    expect(duration(125)).toBe('2 min 5 s');
    expect(duration(3900)).toBe('1 h 5 min');
    expect(duration(7199)).toBe('2 h 0 min');
  });
});
