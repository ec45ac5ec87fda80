// What the main thread and the coding workers say to each other.
import type { Where } from '../aggregate/where.js';
import type { FileJob } from '../corpus/load.js';
import type { Format, Meta } from '../corpus/types.js';
import type { Problem } from '../errors.js';
import type { Unit } from '../segment/types.js';
import type { PackedPassages } from './codec.js';

export interface WorkerSetup {
  codebookPath: string;
  codebookShown: string;
  unit: Unit;
  speakers: string[];
  excludeSpeakers: string[];
  findInterviewer: boolean;
  where: Where[];
  strict?: boolean;
  /** Passage text travels back only where the command shows it (quotes, --passages). */
  keepText: boolean;
}

export interface FileRequest {
  index: number;
  job: FileJob;
}

/** One file's outcome, in the form the main thread would have made it itself. */
export interface FileResult {
  index: number;
  warnings: Problem[];
  transcript?: { file: string; format: Format; meta: Meta };
  passages?: PackedPassages;
  /** A problem that stops the run (--strict), to be raised when this file's turn comes. */
  fatal?: Problem[];
  /** An unexpected failure, with its stack. */
  crash?: string;
}
