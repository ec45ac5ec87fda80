// Codes a corpus with the codebook being linted and turns what it saw into findings.
import type { Codebook } from '../codebook/types.js';
import { openCorpus } from '../corpus/load.js';
import { formatWarning } from '../errors.js';
import type { Io } from '../io.js';
import { compileCodebook } from '../match/compile.js';
import { codeTranscript } from '../pipeline.js';
import type { Unit } from '../segment/types.js';
import { CorpusTally } from './corpus-checks.js';
import type { LintMessage } from './rule.js';

export async function corpusFindings(
  codebook: Codebook,
  paths: string[],
  options: { unit: string; speakers: string[]; excludeSpeakers: string[]; maxShare: number },
  io: Io,
  quiet: boolean,
): Promise<LintMessage[]> {
  const warn = (p: Parameters<typeof formatWarning>[0]) => {
    if (!quiet) io.stderr.write(`${formatWarning(p)}\n`);
  };
  const compiled = compileCodebook(codebook);
  const corpus = await openCorpus({ paths, cwd: io.cwd, readStdin: io.readStdin, warn });
  const tally = new CorpusTally(compiled);
  let doc = 0;
  for await (const transcript of corpus.transcripts()) {
    for (const { coding } of codeTranscript(transcript, doc++, compiled, { unit: options.unit as Unit, speakers: options.speakers, excludeSpeakers: options.excludeSpeakers })) {
      if (coding) tally.add(coding);
    }
  }
  return tally.findings(codebook, options.maxShare);
}
