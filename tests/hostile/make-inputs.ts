// Hostile inputs, made afresh for each run (no binary fixtures in the repository): what Word
// exports, Zoom downloads, scanners and hand-edited codebooks really hand to obs.
import { deflateRawSync } from 'node:zlib';

export interface HostileCase {
  name: string;
  /** Files of the case's folder: transcripts under `corpus/`, a codebook at `codebook.yaml`. */
  files: Record<string, string | Buffer>;
  /** obs's arguments, run in the case's folder. */
  args: string[];
  expect: {
    code: 0 | 2;
    /** What stderr must say: the file (and line) and what happened. */
    stderr: RegExp[];
    /** For runs that write --out: whether the output file must exist afterwards. */
    output?: boolean;
  };
}

const TURNS = 'Interviewer: What about money?\n\nAnn: We got a grant from the council.\n\nInterviewer: And then?\n\nAnn: More funding.\n';
const utf16 = (text: string, bom: boolean, big: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  const body = big ? Buffer.from(le.map((_, i) => le[i ^ 1]!)) : le;
  return bom ? Buffer.concat([Buffer.from(big ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
};
// A real PNG header and a real zip (one deflated entry), named as transcripts.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17)]);
function zip(): Buffer {
  const data = deflateRawSync(Buffer.from('Ann: a grant\n'));
  const name = Buffer.from('a.txt');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(13, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data, Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
}

function bigLine(bytes: number): string {
  const words = ['the', 'and', 'we', 'people', 'estate', 'really', 'park', 'bus', 'shop', 'kids', 'grant', 'council'];
  const parts: string[] = ['Ann:'];
  let size = 4;
  for (let i = 0; size < bytes; i++) {
    const w = words[(i * 7919) % words.length]!;
    parts.push(w);
    size += w.length + 1;
  }
  return parts.join(' ');
}

// Grouped by file, since these transcripts carry no area or year.
const CODE = (extra: string[] = []) => ['code', 'corpus', '--by', 'file', '--format', 'csv', '--out', 'out.csv', ...extra];

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [
    { name: 'an empty file', files: { 'corpus/a.txt': '' }, args: CODE(), expect: { code: 0, stderr: [/a\.txt: has no respondent text to code/], output: true } },
    { name: 'a file of white space only', files: { 'corpus/a.txt': '  \n\t\n\r\n   ' }, args: CODE(), expect: { code: 0, stderr: [/a\.txt: has no respondent text/], output: true } },
    { name: 'a PNG named .txt, alone', files: { 'corpus/photo.txt': PNG }, args: CODE(), expect: { code: 2, stderr: [/photo\.txt: looks like a binary file, not text; skipped/, /no transcript could be read/], output: false } },
    { name: 'a zip named .txt, beside a transcript', files: { 'corpus/archive.txt': zip(), 'corpus/b.txt': TURNS }, args: CODE(), expect: { code: 0, stderr: [/archive\.txt: looks like a binary file/], output: true } },
    {
      name: 'invalid UTF-8 in the middle of a line',
      files: { 'corpus/a.txt': Buffer.concat([Buffer.from('Ann: We got a gr'), Buffer.from([0xc3, 0x28]), Buffer.from('ant and money.\n')]) },
      args: CODE(),
      expect: { code: 0, stderr: [/a\.txt: invalid UTF-8 at byte 16; read with the bad bytes replaced/], output: true },
    },
    {
      name: 'invalid UTF-8 with --strict',
      files: { 'corpus/a.txt': Buffer.concat([Buffer.from('Ann: money '), Buffer.from([0xff]), Buffer.from('\n')]) },
      args: CODE(['--strict']),
      expect: { code: 2, stderr: [/a\.txt: invalid UTF-8 at byte 11/], output: false },
    },
    ...(
      [
        ['UTF-16 LE with a BOM', true, false],
        ['UTF-16 BE with a BOM', true, true],
        ['UTF-16 LE without a BOM', false, false],
        ['UTF-16 BE without a BOM', false, true],
      ] as const
    ).map(([name, bom, big]): HostileCase => ({ name, files: { 'corpus/a.txt': utf16(TURNS, bom, big) }, args: CODE(), expect: { code: 0, stderr: [], output: true } })),
    { name: 'CRLF, LF and CR line endings mixed', files: { 'corpus/a.txt': 'Interviewer: Money?\r\n\r\nAnn: A grant.\rBob: The council.\n\nAnn: Funding.\r\nBob: A budget.\r' }, args: CODE(), expect: { code: 0, stderr: [], output: true } },
    // Its one label is backed by no other line, so the text is read without a speaker, and said so.
    { name: 'a 50 MB file with no line break', files: { 'corpus/a.txt': bigLine(50_000_000) }, args: CODE(), expect: { code: 0, stderr: [/a\.txt:1: `Ann:` looks like a speaker label, but no other line or speaker backs it up, so it is read as text/], output: true } },
    {
      name: 'a transcript of 10,000 turns',
      files: { 'corpus/a.txt': Array.from({ length: 5000 }, (_, i) => `Interviewer: Question ${i}?\n\nAnn: Answer ${i} about the grant.\n`).join('\n') },
      args: CODE(),
      expect: { code: 0, stderr: [], output: true },
    },
    {
      name: 'a VTT with broken cue timings',
      files: { 'corpus/a.vtt': 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x\nAnn: A grant.\n\n2\nnot a timing at all\nBob: The council.\n' },
      args: CODE(),
      expect: { code: 0, stderr: [/a\.vtt:4: cue timing has no valid end time/, /a\.vtt:7: cue has no timing line/], output: true },
    },
    { name: 'a CSV without a text column, alone', files: { 'corpus/a.csv': 'speaker,notes\nAnn,a grant\n' }, args: CODE(), expect: { code: 2, stderr: [/a\.csv:1: has no text column \(columns: speaker, notes\); skipped/, /no transcript could be read/], output: false } },
    { name: 'a CSV with ragged rows', files: { 'corpus/a.csv': 'speaker,text\nAnn,a grant,extra\nBob\nCy,the council\n' }, args: CODE(), expect: { code: 0, stderr: [/a\.csv:2: 2 rows have a different number of fields/], output: true } },
    { name: 'a CSV with line breaks inside quoted fields', files: { 'corpus/a.csv': 'speaker,text\nAnn,"a grant,\nthen more"\nBob,"the ""council""\n\nagain"\n' }, args: CODE(), expect: { code: 0, stderr: [], output: true } },
    { name: 'front matter that is not YAML', files: { 'corpus/a.txt': '---\narea: [Ramsey\n---\nAnn: a grant\n', 'corpus/b.txt': TURNS }, args: CODE(), expect: { code: 0, stderr: [/a\.txt:2:\d+: front matter is not valid YAML.*; skipped/], output: true } },
    { name: 'front matter with no closing ---', files: { 'corpus/a.txt': '---\narea: Ramsey\nAnn: a grant\n', 'corpus/b.txt': TURNS }, args: CODE(), expect: { code: 0, stderr: [/a\.txt:1:1: front matter has no closing `---` line; skipped/], output: true } },
    { name: 'a year of twenty-twenty', files: { 'corpus/a.txt': `---\nyear: twenty-twenty\n---\n${TURNS}` }, args: CODE(), expect: { code: 0, stderr: [/a\.txt: year `twenty-twenty` is not a four-digit year/], output: true } },
    {
      name: 'a codebook with a YAML alias bomb',
      files: { 'corpus/a.txt': TURNS, 'codebook.yaml': `name: bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\nthemes:\n  - id: t\n    label: T\n    keywords: *f\n` },
      args: CODE(['--codebook', 'codebook.yaml']),
      expect: { code: 2, stderr: [/codebook\.yaml:\d+:\d+: /], output: false },
    },
    {
      name: 'a codebook with 100 levels of sub-themes',
      files: { 'corpus/a.txt': TURNS, 'codebook.yaml': `name: deep\nthemes:\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(2 * i)}  - id: t${i}\n${'  '.repeat(2 * i)}    label: T${i}\n${'  '.repeat(2 * i)}    keywords: [grant]\n${'  '.repeat(2 * i)}    themes:\n`).join('')}` },
      args: CODE(['--codebook', 'codebook.yaml']),
      expect: { code: 2, stderr: [/codebook\.yaml:\d+:\d+: sub-themes nest deeper than 12 levels/], output: false },
    },
    {
      name: 'a codebook with a keyword of 10,000 characters',
      files: { 'corpus/a.txt': TURNS, 'codebook.yaml': `name: long\nthemes:\n  - id: t\n    label: T\n    keywords: [${'x'.repeat(10_000)}]\n` },
      args: CODE(['--codebook', 'codebook.yaml']),
      expect: { code: 2, stderr: [/codebook\.yaml:5:\d+: /], output: false },
    },
    {
      // YAML 1.2 reads `yes` as the word yes, which is text; 2021 and null are not.
      name: 'a codebook with keywords that are not text',
      files: { 'corpus/a.txt': TURNS, 'codebook.yaml': 'name: types\nthemes:\n  - id: t\n    label: T\n    keywords:\n      - 2021\n      - yes\n      - null\n' },
      args: CODE(['--codebook', 'codebook.yaml']),
      expect: { code: 2, stderr: [/codebook\.yaml:6:9: keywords entry 2021 is not text/, /codebook\.yaml:8:9: keywords entry null is not text/], output: false },
    },
    {
      name: 'a codebook with duplicate keys',
      files: { 'corpus/a.txt': TURNS, 'codebook.yaml': 'name: dup\nthemes:\n  - id: t\n    label: T\n    label: Again\n    keywords: [grant]\n' },
      args: CODE(['--codebook', 'codebook.yaml']),
      expect: { code: 2, stderr: [/codebook\.yaml:5:5: YAML: `label` appears twice in one mapping/], output: false },
    },
    {
      name: 'a codebook with a YAML tag that asks for code',
      files: { 'corpus/a.txt': TURNS, 'codebook.yaml': 'name: tags\nthemes:\n  - id: t\n    label: T\n    keywords: [!!js/function "function () { process.exit(9) }", grant]\n' },
      args: CODE(['--codebook', 'codebook.yaml']),
      expect: { code: 2, stderr: [/codebook\.yaml:5:16: YAML: Unresolved tag: tag:yaml\.org,2002:js\/function/], output: false },
    },
    { name: '--out naming an input transcript', files: { 'corpus/a.txt': TURNS }, args: ['code', 'corpus', '--format', 'csv', '--out', 'corpus/a.txt'], expect: { code: 2, stderr: [/corpus\/a\.txt: is one of the input files/] } },
    { name: '--out naming a folder', files: { 'corpus/a.txt': TURNS }, args: ['code', 'corpus', '--format', 'csv', '--out', 'corpus'], expect: { code: 2, stderr: [/corpus: is a folder, not a file/] } },
    { name: '--out in a folder that does not exist', files: { 'corpus/a.txt': TURNS }, args: ['code', 'corpus', '--format', 'csv', '--out', 'nowhere/out.csv'], expect: { code: 2, stderr: [/nowhere\/out\.csv: folder .* does not exist/] } },
  ];
  return cases;
}
