// Codes a corpus with the codebook being linted and turns what it saw into findings.
import type { Codebook, Theme } from '../codebook/types.js';
import { openCorpus } from '../corpus/load.js';
import { formatWarning } from '../errors.js';
import type { Io } from '../io.js';
import { compileCodebook } from '../match/compile.js';
import { codeTranscript } from '../pipeline.js';
import type { Unit } from '../segment/types.js';
import { CorpusTally } from './corpus-checks.js';
import type { LintMessage } from './rule.js';

const oneHit = (theme: Theme): Theme => ({ ...theme, minHits: 1, themes: theme.themes.map(oneHit) });

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
  // A rule is alive when it matches, whether or not its theme reaches `min_hits` there: a second
  // coding with every `min_hits` at 1 tells which rules match at all.
  const relaxed = compileCodebook({ ...codebook, themes: codebook.themes.map(oneHit) });
  const corpus = await openCorpus({ paths, cwd: io.cwd, readStdin: io.readStdin, warn });
  const tally = new CorpusTally(compiled);
  const policy = { unit: options.unit as Unit, speakers: options.speakers, excludeSpeakers: options.excludeSpeakers };
  let doc = 0;
  for await (const transcript of corpus.transcripts()) {
    const real = codeTranscript(transcript, doc, compiled, policy);
    const loose = codeTranscript(transcript, doc++, relaxed, policy);
    real.forEach(({ coding }, i) => {
      if (coding) tally.add(coding, loose[i]!.coding!);
    });
  }
  return tally.findings(codebook, options.maxShare);
}
