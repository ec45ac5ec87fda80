// A coding worker: reads and codes the files the main thread hands it, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { passes } from '../aggregate/where.js';
import { loadCodebook } from '../codebook/load.js';
import { openFile, readBytes } from '../corpus/load.js';
import { ObsError, type Problem } from '../errors.js';
import { compileCodebook } from '../match/compile.js';
import { codeTranscript, lostLabelProblem } from '../pipeline.js';
import { pack } from './codec.js';
import type { FileRequest, FileResult, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const compiled = compileCodebook(await loadCodebook(setup.codebookPath, setup.codebookShown));
const include = setup.where.length > 0 ? (p: Parameters<typeof passes>[0]) => passes(p, setup.where) : undefined;

function codeFile({ index, job }: FileRequest): FileResult {
  const outcome = openFile(job, readBytes(job.source.path), setup.strict);
  const { transcript } = outcome;
  if (!transcript) return { index, warnings: outcome.warnings };
  const lost: Problem[] = [];
  const passages = codeTranscript(transcript, index, compiled, {
    unit: setup.unit,
    speakers: setup.speakers,
    excludeSpeakers: setup.excludeSpeakers,
    onLostLabel: (line, speaker) => lost.push(lostLabelProblem(transcript.file, line, speaker)),
    ...(include ? { include } : {}),
  });
  const packed = pack(passages, transcript.file, setup.keepText);
  return { index, warnings: [...outcome.warnings, ...lost], transcript: { file: transcript.file, format: transcript.format, meta: transcript.meta }, passages: packed };
}

parentPort!.on('message', (request: FileRequest) => {
  let result: FileResult;
  try {
    result = codeFile(request);
  } catch (err) {
    result = err instanceof ObsError ? { index: request.index, warnings: [], fatal: err.problems } : { index: request.index, warnings: [], crash: (err as Error)?.stack ?? String(err) };
  }
  parentPort!.postMessage(result);
});
