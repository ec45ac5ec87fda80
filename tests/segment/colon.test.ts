// The `Name: text` layout reads its common case with a simpler search first: it must read every
// line exactly as the full expression alone does.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colonLayout, readColon } from '../../src/segment/layouts/colon.js';
import { prng } from '../helpers/random.js';

/** Pieces lines are made of: names, label punctuation, stamps, emphasis, white space, colons. */
const PIECES = [
  'Gill', 'Dr. Patel', 'Ann-Marie', 'O’Neil', "D'Arcy", 'Zoë', 'José', 'Ολγα', 'é', 'e\u0301', 'Speaker 1', 'P2', 'I', 'Q', 'Interviewer', 'INTERVIEWER',
  ' ', '  ', '\t', '\u00a0', ':', ': ', ':', '::', '-', '–', '—', '.', ',', "'", '’', '(', ')', '[', ']', '#', '*', '**', '_', '__', '&', '/',
  '00:12:03', '0:03', '12:30', '(00:01)', '[00:02:06]', '#00:01:22-6#', '2019', 'https://x', 'yes', 'We', 'said', '“Hi”', 'A'.repeat(61), 'b'.repeat(64),
];

function lines(): string[] {
  const rng = prng(2027);
  const out: string[] = [];
  for (let k = 0; k < 60_000; k++) {
    let line = '';
    const n = rng.int(1, 7);
    for (let i = 0; i < n; i++) line += rng.pick(PIECES);
    out.push(line, `${line}: text`, `${line}:`, `${rng.pick(PIECES)}${line}`);
  }
  return out;
}

/** Every line of the bundled example transcripts and exports. */
function fixtureLines(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return fixtureLines(full);
    return /\.(txt|md|vtt|srt|csv)$/.test(name) ? readFileSync(full, 'utf8').split(/\r?\n/) : [];
  });
}

describe('the Name: text layout', () => {
  it('reads every line as the full expression alone does: generated lines and the example corpus', () => {
    const all = [...lines(), ...fixtureLines(path.join(__dirname, '..', '..', 'fixtures'))];
    let labelled = 0;
    for (const line of all) {
      const read = colonLayout.read(line);
      expect(read, JSON.stringify(line)).toEqual(readColon(line));
      if (read) labelled++;
    }
    // Both ways are exercised: plenty of lines are labels, plenty are not.
    expect(labelled).toBeGreaterThan(20_000);
    expect(all.length - labelled).toBeGreaterThan(20_000);
  });
});
