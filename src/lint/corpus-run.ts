// Codes a corpus with the codebook being linted, through the same corpus loop as obs code (so the
// same warnings, filters and worker threads), and turns what it saw into findings.
import { openRun } from '../commands/corpus-run.js';
import type { Codebook, Theme } from '../codebook/types.js';
import type { Io } from '../io.js';
import { compileCodebook } from '../match/compile.js';
import { codeText } from '../match/engine.js';
import { CorpusTally } from './corpus-checks.js';
import type { LintMessage } from './rule.js';

const oneHit = (theme: Theme): Theme => ({ ...theme, minHits: 1, themes: theme.themes.map(oneHit) });

export async function corpusFindings(
  codebook: Codebook,
  file: string,
  paths: string[],
  options: { unit: string; speakers: string[]; excludeSpeakers: string[]; maxShare: number },
  io: Io,
  quiet: boolean,
): Promise<LintMessage[]> {
  const run = await openRun(paths, { codebook: file, by: 'file', unit: options.unit, speakers: options.speakers, excludeSpeaker: options.excludeSpeakers, where: [], quiet }, io);
  // A rule is alive when it matches, whether or not its theme reaches `min_hits` there: a second
  // coding with every `min_hits` at 1 tells which rules match at all.
  const relaxed = compileCodebook({ ...codebook, themes: codebook.themes.map(oneHit) });
  const tally = new CorpusTally(run.compiled);
  await run.each((passages) => {
    for (const { passage, coding } of passages) if (coding) tally.add(coding, codeText(relaxed, passage.text));
  });
  return tally.findings(codebook, options.maxShare);
}
