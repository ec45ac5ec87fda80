// A coding worker: reads and codes the files the main thread hands it, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { passageFilter } from '../aggregate/where.js';
import { loadCodebook } from '../codebook/load.js';
import { openFile, readSource } from '../corpus/load.js';
import { ObsError, type Problem } from '../errors.js';
import { compileCodebook } from '../match/compile.js';
import { codeTranscript, type CodeOptions } from '../pipeline.js';
import { pack } from './codec.js';
import type { FileRequest, FileResult, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const compiled = compileCodebook(await loadCodebook(setup.codebookPath, setup.codebookShown));
/** Warnings the filter gives while a file is coded, sent back with the file's own. */
let filtered: Problem[] = [];
const include = passageFilter(setup.where, (p) => filtered.push(p));
/** One object for every file, as on the main thread (see corpus-run.ts). */
const options: CodeOptions = {
  unit: setup.unit,
  speakers: setup.speakers,
  excludeSpeakers: setup.excludeSpeakers,
  findInterviewer: setup.findInterviewer,
  ...(include ? { include } : {}),
};

async function codeFile({ index, job }: FileRequest): Promise<FileResult> {
  const outcome = await openFile(job, readSource(job.source), setup.strict);
  const { transcript } = outcome;
  if (!transcript) return { index, warnings: outcome.warnings };
  const coded = codeTranscript(transcript, index, compiled, options);
  const packed = pack(coded.passages, transcript.file, setup.keepText);
  const told = filtered;
  filtered = [];
  return { index, warnings: [...outcome.warnings, ...told, ...coded.problems], transcript: { file: transcript.file, format: transcript.format, meta: transcript.meta }, passages: packed };
}

parentPort!.on('message', async (request: FileRequest) => {
  let result: FileResult;
  try {
    result = await codeFile(request);
  } catch (err) {
    result = err instanceof ObsError ? { index: request.index, warnings: [], fatal: err.problems } : { index: request.index, warnings: [], crash: (err as Error)?.stack ?? String(err) };
  }
  parentPort!.postMessage(result);
});
