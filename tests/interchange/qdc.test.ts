// obs export --to qdc and obs import of .qdc: valid against the standard's XSD, stable guids, a lossless round trip.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODEBOOK } from '../../src/codebook/load.js';
import { parseCodebookOrThrow } from '../../src/codebook/parse.js';
import { flattenThemes, type Codebook } from '../../src/codebook/types.js';
import { themeGuid } from '../../src/interchange/qdc.js';
import { runObs, tempCorpus } from '../helpers/run.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';
import { codeExample, expectCleanCodebook, importFile, writeTemp } from './check.js';

function hasXmllint(): boolean {
  if (!spawnSync('xmllint', ['--version']).error) return true;
  console.warn('skipping: xmllint is not installed (Debian: apt-get install libxml2-utils; .ci/run installs it)');
  return false;
}

function validate(file: string) {
  const r = spawnSync('xmllint', ['--noout', '--schema', sharedData('refi-qda/schemas/Codebook.xsd'), file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

async function exportQdc(codebookFile: string): Promise<{ file: string; text: string; stderr: string }> {
  const file = path.join(tempCorpus({}), 'codebook.qdc');
  const r = await runObs(['export', '--to', 'qdc', codebookFile, '--out', file]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  return { file, text: readFileSync(file, 'utf8'), stderr: r.stderr };
}

/** Everything a theme means to obs, its effective stemming included. */
function themesOf(codebook: Codebook) {
  return flattenThemes(codebook.themes).map((t) => ({
    id: t.id,
    label: t.label,
    description: t.description,
    color: t.color,
    keywords: t.keywords.map((k) => k.text),
    exclude: t.exclude.map((k) => k.text),
    near: t.near.map((n) => ({ all: n.all.map((k) => k.text), within: n.within })),
    minHits: t.minHits,
    stem: t.stem,
    children: t.themes.map((c) => c.id),
  }));
}

const TRICKY = `name: Tricky
stem: false
themes:
  - id: a
    label: 'Rock & roll <loud> "quoted"'
    description: "Two lines,\\nwith a tab\\tand ]]> and &amp; written out."
    color: "#abc"
    keywords: [rock, "=AT&T", "roll*", "a, b", "[x]", "yes", "10", "don't"]
    exclude: [rock bottom]
    near: [{ all: [loud, music], within: 4 }]
    min_hits: 2
    themes:
      - id: a.b
        label: Deeper
        stem: true
        keywords: [deep]
        themes:
          - id: a.b.c
            label: Deepest
            keywords: ["Keywords: not a rule"]
  - id: plain
    label: Plain
    description: |-
      A description that ends with a line of its own

      Keywords: looks like a rule
    keywords: [plain]
`;

describe('obs export --to qdc', () => {
  it('gives each theme the same guid on every run: a version 5 UUID of its id, lower-case hex', () => {
    expect(themeGuid('agency')).toBe('f17df595-7c68-5011-8bdc-7f068259bcf7');
    expect(themeGuid('agency')).toBe(themeGuid('agency'));
    expect(themeGuid('Agency')).not.toBe(themeGuid('agency'));
    for (const id of ['agency', 'money', 'a.b.c', 'コンゴ']) expect(themeGuid(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes one Code per theme, sub-themes nested, with the same bytes on every run', async () => {
    const first = await exportQdc(BUILTIN_CODEBOOK);
    const second = await exportQdc(BUILTIN_CODEBOOK);
    expect(second.text).toBe(first.text);
    expect(first.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook origin="obs ')).toBe(true);
    expect(first.text).toContain(`<Code guid="${themeGuid('agency')}" name="Development of agency" isCodable="true" color="#0072b2">`);
    expect(first.text).toContain('Id: agency\nKeywords: [confidence, self-esteem,');
    expect(first.text).toContain('Near: [{all: [decision, make], within: 5}, {all: [own, decision], within: 3}]');
    expect(first.stderr).toContain('A REFI-QDA codebook has no place for ignore (8); left out');
    expect(first.text.match(/<Code /g)!.length).toBe(9);
  });

  it('writes to standard output without --out', async () => {
    const r = await runObs(['export', '--to', 'qdc', BUILTIN_CODEBOOK, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe((await exportQdc(BUILTIN_CODEBOOK)).text);
  });

  describe.runIf(hasSharedData('refi-qda/schemas') && hasXmllint())('validates against the standard Codebook.xsd (xmllint --schema)', () => {
    it('the built-in codebook', async () => {
      const { file } = await exportQdc(BUILTIN_CODEBOOK);
      expect(validate(file)).toEqual({ status: 0, stderr: `${file} validates\n` });
    });

    it('a codebook with markup characters, a short colour, deep nesting and every rule', async () => {
      const { file } = await exportQdc(writeTemp('tricky.yaml', TRICKY));
      expect(validate(file)).toEqual({ status: 0, stderr: `${file} validates\n` });
    });

    it('and the check is real: the schema rejects a malformed guid', async () => {
      const { text } = await exportQdc(BUILTIN_CODEBOOK);
      const bad = writeTemp('bad.qdc', text.replace(themeGuid('agency'), 'not-a-guid'));
      expect(validate(bad).status).not.toBe(0);
    });
  });
});

describe('obs -> qdc -> obs', () => {
  it('the built-in codebook comes back with every theme, label, description, colour and rule', async () => {
    const { file } = await exportQdc(BUILTIN_CODEBOOK);
    const r = await importFile(file);
    expect(r.code).toBe(0);
    const back = expectCleanCodebook(readFileSync(r.out, 'utf8'));
    const original = parseCodebookOrThrow(readFileSync(BUILTIN_CODEBOOK, 'utf8'), 'community-power.yaml');
    expect(themesOf(back)).toEqual(themesOf(original));
    // What a .qdc has no place for: the codebook's own name and its ignore list.
    expect(back.ignore).toEqual([]);
  });

  it('a codebook with markup characters, stemming set per theme and descriptions that look like rules', async () => {
    const source = writeTemp('tricky.yaml', TRICKY);
    const { file } = await exportQdc(source);
    const r = await importFile(file);
    const back = expectCleanCodebook(readFileSync(r.out, 'utf8'));
    const original = parseCodebookOrThrow(TRICKY, 'tricky.yaml');
    expect(themesOf(back)).toEqual(themesOf(original));
    expect(r.stderr).not.toContain('warning');
  });

  it('the imported codebook codes the example corpus exactly as the original', async () => {
    const { file } = await exportQdc(BUILTIN_CODEBOOK);
    const { out } = await importFile(file);
    const yaml = readFileSync(out, 'utf8');
    // The ignore list does not travel, so put the original's back to compare the coding itself.
    const ignore = readFileSync(BUILTIN_CODEBOOK, 'utf8').match(/^ignore:\n(?:(?: {2}.*|\s*#.*)?\n)+/m)![0];
    const withIgnore = yaml.replace(/^themes:/m, `${ignore}themes:`);
    const original = await codeExample(readFileSync(BUILTIN_CODEBOOK, 'utf8'));
    const back = await codeExample(withIgnore);
    expect(JSON.parse(back.stdout).rows).toEqual(JSON.parse(original.stdout).rows);
  });
});

describe('obs import of a .qdc', () => {
  const QDC = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Hand">',
    '<Codes>',
    '  <Code guid="{6F9619FF-8B86-D011-B42D-00C04FC964FF}" name="Money" isCodable="true" color="#FF0000">',
    '    <Description>Talk of money.\r\n\r\nKeywords: money, grant*, "pay for", fu*nd</Description>',
    '    <Code guid="B0B5D1A2-0000-4000-8000-000000000001" name="Grants" isCodable="false"/>',
    '  </Code>',
    '  <Code guid="not-a-guid" name="Grants" isCodable="true" color="red"/>',
    '</Codes>',
    '<Sets/>',
    '</CodeBook>',
  ].join('\r\n');

  it('tolerates what real tools write: CRLF, braces and capitals in guids, an empty <Sets/>; reads hand-written keywords', async () => {
    const file = writeTemp('hand.qdc', QDC);
    const r = await importFile(file);
    expect(r.code).toBe(0);
    const codebook = expectCleanCodebook(readFileSync(r.out, 'utf8'));
    expect(themesOf(codebook).map((t) => [t.id, t.label, t.description, t.color, t.keywords, t.children])).toEqual([
      ['money', 'Money', 'Talk of money.', '#ff0000', ['money', 'grant*', 'pay for'], ['grants']],
      ['grants', 'Grants', undefined, undefined, [], []],
      ['grants-2', 'Grants', undefined, undefined, [], []],
    ]);
    // The Description's CRLFs count as lines: its Keywords line is line 7.
    expect(r.stderr).toContain(`obs: warning: ${file}:7: entry "fu*nd" of Money has \`*\` inside a word; skipped`);
    expect(r.stderr).toContain(`obs: warning: ${file}:10: code "Grants" has a malformed guid "not-a-guid"`);
    expect(r.stderr).toContain(`obs: warning: ${file}:10: code "Grants" has colour "red", not #rrggbb; left out`);
    expect(r.stderr).toContain('imported 3 themes and 3 keywords');
  });

  it('rules that obs cannot use are skipped with a warning, never written into the codebook', async () => {
    const qdc = QDC.replace('Keywords: money, grant*, "pay for", fu*nd', 'Keywords: [money\nNear: [{all: [pay, a*b], within: 3}, {all: [pay, bill], within: 1}]\nMin hits: 0\nStem: maybe\nId: [x]');
    const r = await importFile(writeTemp('rules.qdc', qdc));
    expect(r.code).toBe(0);
    const codebook = expectCleanCodebook(readFileSync(r.out, 'utf8'));
    expect(themesOf(codebook)[0]).toMatchObject({ id: 'money', keywords: [], near: [], minHits: 1, stem: true });
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('obs: warning')).map((l) => l.replace(/^.*rules\.qdc:\d+: /, ''));
    expect(warnings.slice(0, 6)).toEqual([
      'code "Money": the keywords line "[money" cannot be read; skipped',
      'code "Money": near rule {"all":["pay","a*b"],"within":3} needs all: [two or more keywords] and within: a whole number at least as large; skipped',
      'code "Money": near rule {"all":["pay","bill"],"within":1} needs all: [two or more keywords] and within: a whole number at least as large; skipped',
      'code "Money": min hits "0" is not a whole number of 1 or more; skipped',
      'code "Money": stem "maybe" is not true or false; skipped',
      'code "Money": id is not text; skipped',
    ]);
  });

  it('reads a UTF-16 file with a byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QDC.replace('encoding="utf-8"', 'encoding="utf-16"'), 'utf16le')]);
    const r = await importFile(writeTemp('utf16.qdc', utf16));
    expect(r.code).toBe(0);
    expect(expectCleanCodebook(readFileSync(r.out, 'utf8')).themes.map((t) => t.label)).toEqual(['Money', 'Grants']);
  });

  it('a file that is not XML: exit 2, file, line and column, no stack trace, nothing written', async () => {
    const file = writeTemp('broken.qdc', '<?xml version="1.0"?>\n<CodeBook>\n  <Codes>\n</CodeBook>\n');
    const r = await importFile(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^obs: ${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: is not well-formed XML: .*\n  hint: obs reads a REFI-QDA codebook as XML`));
    expect(r.stderr).not.toContain('    at ');
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it('XML that is not a codebook: exit 2 naming the root element', async () => {
    const r = await importFile(writeTemp('other.qdc', '<html><body/></html>'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a REFI-QDA codebook: its root element is <html>, not <CodeBook> or <Project>');
  });

  it('a .qdpx that is not a zip: exit 2', async () => {
    const r = await importFile(writeTemp('project.qdpx', 'not a zip'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a readable .qdpx (zip) file');
  });

  it('an id written twice keeps the first and gives the second one of its own', async () => {
    const qdc = QDC.replace('name="Grants" isCodable="false"/>', 'name="Grants" isCodable="false"><Description>Id: money</Description></Code>').replace(
      'Keywords: money',
      'Id: money\nKeywords: money',
    );
    const r = await importFile(writeTemp('twice.qdc', qdc));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('theme "Grants": id "money" is not a valid obs id or is taken; it is "grants"');
  });
});

describe('obs export: inputs and outputs', () => {
  it('refuses to write over the codebook it reads', async () => {
    const source = writeTemp('codebook.yaml', TRICKY);
    const r = await runObs(['export', '--to', 'qdc', source, '--out', source]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is one of the input files; obs never writes over its input');
    expect(readFileSync(source, 'utf8')).toBe(TRICKY);
  });

  it('an invalid codebook: exit 2 with file:line:col, nothing written', async () => {
    const dir = tempCorpus({ 'bad.yaml': 'name: x\nthemes:\n  - id: a\n    lable: A\n' });
    const r = await runObs(['export', '--to', 'dic', 'bad.yaml', '--out', 'out.dic'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('obs: bad.yaml:4:5: unknown theme key `lable`');
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('--to is required and checked', async () => {
    expect((await runObs(['export', BUILTIN_CODEBOOK])).code).toBe(2);
    const r = await runObs(['export', '--to', 'pdf', BUILTIN_CODEBOOK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'pdf' is invalid. Allowed choices are qdc, dic.");
  });

  it('exports ./codebook.yaml, else the built-in codebook, when none is named', async () => {
    const dir = tempCorpus({ 'codebook.yaml': TRICKY });
    const local = await runObs(['export', '--to', 'dic', '--quiet'], { cwd: dir });
    expect(local.stdout).toContain('%\n1\ta\n\t2\ta.b\n\t\t3\ta.b.c\n4\tplain\n%\n');
    const builtin = await runObs(['export', '--to', 'dic', '--quiet'], { cwd: tempCorpus({}) });
    expect(builtin.stdout).toContain('1\tagency\n');
  });
});
