// A passage's leading theme: most hits among the top-level themes, a tie to the hits that matched
// more words, then to the theme first in the codebook; sub-themes count in their parent.
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

const CODEBOOK = `name: t
themes:
  - id: organisation
    label: Organisation
    keywords: [group, committee]
  - id: agency
    label: Agency
    keywords: ["took on the role", confidence]
    themes:
      - id: roles
        label: Roles
        keywords: [chair]
`;

async function leading(text: string): Promise<string | null> {
  const dir = tempCorpus({ 'codebook.yaml': CODEBOOK, 'c/a.txt': `Ann: ${text}\n` });
  const r = await runObs(['code', 'c', '--passages'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout.trim()) as { leading: string | null }).leading;
}

describe('leading theme in --passages', () => {
  it('is the top-level theme with the most hits', async () => {
    expect(await leading('The group and the committee met, and I gained confidence.')).toBe('organisation');
  });

  it('breaks a tie by the words the hits matched, not by codebook order', async () => {
    expect(await leading('In the group I took on the role.')).toBe('agency');
  });

  it('breaks a tie of hits and words by codebook order', async () => {
    expect(await leading('The group gave me confidence.')).toBe('organisation');
  });

  it("counts a sub-theme's hits in its parent, and is null where nothing is coded", async () => {
    expect(await leading('The group made me chair, and confidence came.')).toBe('agency');
    expect(await leading('We had tea.')).toBeNull();
  });
});
