// Coding on worker threads: files go out to whichever worker is free, results come back in corpus
// order, so the output is byte for byte what one thread would write.
import { Worker } from 'node:worker_threads';
import type { FileJob } from '../corpus/load.js';
import { workerScript } from '../paths.js';
import type { FileRequest, FileResult, WorkerSetup } from './protocol.js';

/** Files in flight per worker: enough to keep it busy while the main thread merges. */
const DEPTH = 4;
/** How far past the next file due the workers may run, so one slow file cannot make results pile up. */
const WINDOW = 64;
/**
 * A worker keeps little alive between files (the word table, one transcript), so a small young
 * generation costs it no time; V8's own grows to 48 MB over a long run, which took the peak of
 * a 10,000-file run from 140 to 195 MB without making it faster.
 */
const YOUNG_GENERATION_MB = 12;


export async function* codeInWorkers(jobs: readonly FileJob[], setup: WorkerSetup, count: number): AsyncGenerator<FileResult> {
  const workers = Array.from({ length: count }, () => new Worker(workerScript(), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  const done = new Map<number, FileResult>();
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;
  let head = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const topUp = () => {
    for (const worker of workers) {
      while (inFlight.get(worker)! < DEPTH && next < jobs.length && next < head + WINDOW) {
        const request: FileRequest = { index: next, job: jobs[next]! };
        next++;
        inFlight.set(worker, inFlight.get(worker)! + 1);
        worker.postMessage(request);
      }
    }
  };
  for (const worker of workers) {
    worker.on('message', (result: FileResult) => {
      done.set(result.index, result);
      inFlight.set(worker, inFlight.get(worker)! - 1);
      topUp();
      notify();
    });
    worker.on('error', (err) => {
      failure ??= err;
      notify();
    });
  }
  topUp();
  try {
    for (let index = 0; index < jobs.length; index++) {
      while (!done.has(index)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const result = done.get(index)!;
      done.delete(index);
      head = index + 1;
      topUp();
      yield result;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
