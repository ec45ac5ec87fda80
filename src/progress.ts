// Progress on standard error while a corpus is coded: files done of the total, the rate and the
// time left, on one line, for runs long enough to need it. Only on a terminal: piped, redirected,
// in CI, on a dumb terminal or with --quiet, the run gets an object that does nothing, and the
// library that draws the line is not even loaded.
//
// The line is drawn by cli-progress (SingleBar): it writes to the stream given, redraws at most
// `fps` times a second (from a timer while the event loop turns, within update() while coding on
// the main thread keeps it busy) and erases the line on stop(). What obs adds around it:
// - the line appears only once the run has taken a second, so a short run prints nothing at all;
// - text for the same terminal (warnings) is written with the line erased first, by stopping the
//   bar and starting it again after, since a SingleBar has no way to print above itself;
// - the time left is the rate over the last few seconds, which survives those restarts;
// - the line is erased when the process exits mid-run, and before obs's own signal handlers (the
//   ones that remove an unfinished --out file) print their message. obs adds no signal handler of
//   its own: a JavaScript handler would hold Ctrl-C back until the coding loop yields, so without
//   one, Ctrl-C ends obs at once and the shell starts a new line below the last frame.
import { clearLine, cursorTo } from 'node:readline';
import type { SingleBar } from 'cli-progress';

/** The stream the line goes to: standard error, or a stand-in in tests. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** How many files are done (coded or skipped). Cheap: it draws at most ten times a second. */
  update(done: number): void;
  /** Runs `write`, which writes to the same terminal, with the line erased; it is drawn again soon after. */
  aside(write: () => void): void;
  /** Erases the line for good. */
  stop(): void;
}

/** What a run gets when no line is to be shown. */
export const NO_PROGRESS: Progress = {
  update() {},
  aside(write) {
    write();
  },
  stop() {},
};

/** How long a run goes before the line appears, so that a short run shows nothing. */
const DELAY_MS = 1000;
/** The most redraws a second. */
const FPS = 10;
/** The time left is told by the rate over this last stretch of the run. */
const WINDOW_MS = 5000;
/** Below this much of it, the rate is not yet worth telling. */
const MIN_WINDOW_MS = 500;
const MAX_BAR = 30;
const MIN_BAR = 10;

export interface ProgressSettings {
  quiet?: boolean | undefined;
  /** Output goes to the same terminal while the run goes on (`--passages` to a terminal): no line then. */
  outputOnTerminal?: boolean | undefined;
}

/** A line is shown on a terminal only: not piped, not in CI, not on a dumb terminal, not with --quiet. */
export function wantsProgress(stream: ProgressStream, env: Record<string, string | undefined>, settings: ProgressSettings = {}): boolean {
  if (stream.isTTY !== true || settings.quiet || settings.outputOnTerminal) return false;
  if (env.TERM === 'dumb') return false;
  const ci = env.CI?.trim().toLowerCase();
  return ci === undefined || ci === '' || ci === 'false' || ci === '0';
}

/**
 * The progress of a run of `total` files on `stream`, or NO_PROGRESS where no line is to be shown.
 * OBS_PROGRESS_DELAY_MS in `env` replaces the one-second delay; it is there for the tests, which
 * have no corpus slow enough to wait for.
 */
export async function startProgress(total: number, stream: ProgressStream, env: Record<string, string | undefined>, settings: ProgressSettings = {}): Promise<Progress> {
  if (!wantsProgress(stream, env, settings) || total <= 0) return NO_PROGRESS;
  // A CommonJS package: its exports are the default export, in the bundle as in Node.
  const { SingleBar } = (await import('cli-progress')).default;
  const given = Number(env.OBS_PROGRESS_DELAY_MS);
  const delay = env.OBS_PROGRESS_DELAY_MS !== undefined && env.OBS_PROGRESS_DELAY_MS !== '' && Number.isFinite(given) && given >= 0 ? given : DELAY_MS;
  return new TerminalProgress(total, stream, delay, (format) => new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format,
    fps: FPS,
    clearOnComplete: true,
    // Cut to the terminal's width rather than turn its line wrapping off: a terminal left that
    // way by a process ended with Ctrl-C would stay that way.
    linewrap: true,
    hideCursor: false,
    gracefulExit: false,
  }));
}

type State = 'waiting' | 'shown' | 'hidden' | 'stopped';
type Format = (options: unknown, params: { value: number; total: number; maxWidth: number }) => string;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The signal listeners of every progress line, told apart from the handlers they go ahead of. */
const ours = new WeakSet<(...args: never[]) => unknown>();
const othersOn = (signal: NodeJS.Signals) => process.listeners(signal).filter((l) => !ours.has(l)).length;

class TerminalProgress implements Progress {
  private state: State = 'waiting';
  private done = 0;
  private readonly started = Date.now();
  /** When done was last told. */
  private doneAt: number;
  private readonly samples: Array<{ at: number; done: number }>;
  private readonly bar: SingleBar;
  private timer: NodeJS.Timeout | undefined;
  private readonly onExit = () => this.erase();
  private readonly onSignal = (signal: NodeJS.Signals) => this.signalled(signal);
  private readonly onNewListener = (event: string | symbol, listener: unknown) => this.listenerAdded(event, listener);
  private readonly onRemoveListener = (event: string | symbol) => this.listenerRemoved(event);

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly delay: number,
    makeBar: (format: Format) => SingleBar,
  ) {
    this.samples = [{ at: this.started, done: 0 }];
    this.doneAt = this.started;
    ours.add(this.onSignal);
    this.bar = makeBar((_options, params) => this.line(params.value, params.maxWidth));
    this.later(() => this.state === 'waiting' && this.show(), delay);
  }

  update(done: number): void {
    if (this.state === 'stopped') return;
    const now = Date.now();
    this.done = done;
    this.doneAt = now;
    const last = this.samples[this.samples.length - 1]!;
    if (now - last.at >= 1000 / FPS) {
      this.samples.push({ at: now, done });
      while (this.samples.length > 2 && now - this.samples[1]!.at >= WINDOW_MS) this.samples.shift();
    }
    if (this.state === 'shown') this.bar.update(done);
    else if (this.state === 'hidden' || now - this.started >= this.delay) this.show();
  }

  aside(write: () => void): void {
    if (this.state !== 'shown') {
      write();
      return;
    }
    this.bar.stop();
    this.state = 'hidden';
    write();
    // Drawn again by the next update(), or by this timer where the event loop is free first.
    this.later(() => this.state === 'hidden' && this.show(), 1000 / FPS);
  }

  stop(): void {
    if (this.state === 'shown') this.bar.stop();
    this.state = 'stopped';
    this.unhook();
  }

  private later(action: () => void, ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(action, ms);
    // The run's own work keeps obs alive; the line never does.
    this.timer.unref();
  }

  private show(): void {
    if (this.state === 'stopped') return;
    if (this.state === 'waiting') this.hook();
    this.state = 'shown';
    this.bar.start(this.total, this.done);
  }

  /** The line: the bar when there is room, files done of the total, the rate and the time left. */
  private line(done: number, width: number): string {
    const count = `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} files`;
    const first = this.samples[0]!;
    // Up to the last file done, so the figures change only as files are done.
    const span = this.doneAt - first.at;
    const rate = span >= MIN_WINDOW_MS ? ((done - first.done) * 1000) / span : 0;
    const tail = done >= this.total ? ', finishing' : rate > 0 ? `, ${rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)} files/s, about ${duration((this.total - done) / rate)} left` : ', time left: estimating';
    const text = `${count}${tail}`;
    // One column short of the width, so the cursor never stands past the last column. The bar
    // keeps its size while the text beside it grows, as long as the longest text would fit.
    const room = width - 1;
    const longest = `${this.total.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} files, 99,999 files/s, about 99 min 59 s left`.length;
    const barSize = Math.min(MAX_BAR, room - longest - 'coding [] '.length);
    if (barSize >= MIN_BAR) {
      const filled = Math.round((Math.min(done, this.total) / this.total) * barSize);
      return `coding [${'='.repeat(filled)}${'-'.repeat(barSize - filled)}] ${text}`;
    }
    return (text.length <= room ? text : count).slice(0, Math.max(0, room));
  }

  /** Erases the current line only: at exit, whatever else was written stays as it is. */
  private erase(): void {
    if (this.state === 'shown') {
      cursorTo(this.stream as NodeJS.WritableStream, 0);
      clearLine(this.stream as NodeJS.WritableStream, 0);
    }
    this.state = 'stopped';
  }

  /**
   * While the line is shown, an exit erases it; so does a signal that someone else handles (then
   * before their handler speaks), for which obs's handler goes first. A signal that nobody else
   * handles keeps its default action: no handler of ours is left to delay it.
   */
  private hook(): void {
    process.on('exit', this.onExit);
    process.on('newListener', this.onNewListener);
    process.on('removeListener', this.onRemoveListener);
    for (const signal of SIGNALS) if (othersOn(signal) > 0) process.prependListener(signal, this.onSignal);
  }

  private unhook(): void {
    if (this.timer) clearTimeout(this.timer);
    process.off('exit', this.onExit);
    process.off('newListener', this.onNewListener);
    process.off('removeListener', this.onRemoveListener);
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }

  private listenerAdded(event: string | symbol, listener: unknown): void {
    // Told before the listener is added: ours, added here, must not be answered with another.
    if (!SIGNALS.includes(event as NodeJS.Signals) || ours.has(listener as () => unknown)) return;
    if (!process.listeners(event as NodeJS.Signals).includes(this.onSignal)) process.prependListener(event as NodeJS.Signals, this.onSignal);
  }

  private listenerRemoved(event: string | symbol): void {
    if (!SIGNALS.includes(event as NodeJS.Signals)) return;
    if (othersOn(event as NodeJS.Signals) === 0) process.off(event as NodeJS.Signals, this.onSignal);
  }

  private signalled(signal: NodeJS.Signals): void {
    if (this.state === 'shown') this.bar.stop();
    this.state = 'stopped';
    const others = othersOn(signal);
    this.unhook();
    // Left alone by the handler that was there, the signal does what it would have done.
    if (others === 0) process.kill(process.pid, signal);
  }
}

/** Seconds as a person reads them: 9 s, 2 min 5 s, 1 h 5 min. */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
