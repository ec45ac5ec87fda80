// REFI-QDA codebooks (.qdc, and the <CodeBook> of a project's .qde): one Code per theme, sub-themes nested.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { Document as YamlDocument, parse as parseYaml } from 'yaml';
import { termProblem } from '../codebook/parse.js';
import type { Codebook, Theme } from '../codebook/types.js';
import { ObsError, type Problem } from '../errors.js';
import { checkDepth, draftTheme, KeywordSink, type DraftNear, type DraftTheme, type Imported } from './draft.js';
import { lostInExport } from './lost.js';
import { childElements, lineOf, parseXml, xmlSafe } from '../xml.js';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const GUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Fixed for obs, so that a theme id gives the same guid in every export, on every machine. */
const GUID_NAMESPACE = '75481a58-41c9-4730-828b-3e9704dd7c2e';

/** A name-based (version 5) UUID of the theme id, in lower-case hex. */
export function themeGuid(id: string): string {
  const bytes = createHash('sha1').update(Buffer.from(GUID_NAMESPACE.replace(/-/g, ''), 'hex')).update(id, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The rules a Code's Description carries after its text, one `Key: value` line each, values in
 * YAML flow style. obs writes them so that a codebook comes back whole; a researcher may also
 * type `Keywords: money, grant` into another tool's description.
 */
const RULE_LINE = /^(id|keywords|exclude|near|min hits|stem)\s*:\s*(.*)$/i;

// ---- reading ----

/** `text`: a .qdc, or a project's .qde (its <CodeBook> is read); `shown` names it in messages, `source` in the codebook. */
export function readQdc(text: string, shown: string, format = 'REFI-QDA codebook', source = path.basename(shown)): Imported {
  const doc = parseXml(text, shown, format);
  const root = doc.documentElement;
  if (!root) throw new ObsError({ file: shown, message: 'is empty' });
  let codebook: Element | undefined = root;
  let name = source.replace(/\.[^.]+$/, '');
  if (root.localName === 'Project') {
    codebook = childElements(root, 'CodeBook')[0];
    name = root.getAttribute('name') || name;
  } else if (root.localName !== 'CodeBook') {
    throw new ObsError({ file: shown, line: lineOf(root), message: `is not a REFI-QDA codebook: its root element is <${root.localName}>, not <CodeBook> or <Project>`, hint: 'export the codebook from your QDA program as REFI-QDA (.qdc or .qdpx)' });
  }
  const codes = codebook ? childElements(codebook, 'Codes')[0] : undefined;
  const top = codes ? childElements(codes, 'Code') : [];
  if (top.length === 0) {
    throw new ObsError({
      file: shown,
      message: codebook ? 'holds no codes: an obs codebook needs at least one theme' : 'holds no codebook (no <CodeBook> element): an obs codebook needs at least one theme',
      hint: 'add codes in your QDA program and export again',
    });
  }
  const sink = new KeywordSink(shown);
  const themes = top.map((code) => readCode(code, sink, 1));
  const origin = codebook!.getAttribute('origin') || root.getAttribute('origin');
  const keywords = countKeywords(themes);
  const imported: Imported = {
    codebook: { name, description: `Imported from the ${format} ${source}${origin ? `, written by ${origin}` : ''}.`, themes },
    warnings: sink.warnings,
    skipped: sink.skipped,
    format,
  };
  if (keywords === 0) imported.note = 'The codes carry no keyword rules: add keywords under each theme before coding.';
  return imported;
}

function readCode(code: Element, sink: KeywordSink, depth: number): DraftTheme {
  const line = lineOf(code);
  const guid = code.getAttribute('guid');
  const label = (code.getAttribute('name') ?? '').trim() || (guid ? `code ${guid}` : 'code');
  checkDepth(depth, sink.file, label, line, 'codebook');
  if (!code.getAttribute('name')?.trim()) sink.warn(`a <Code> has no name; called "${label}"`, line);
  if (guid !== null && !GUID.test(guid)) sink.warn(`code "${label}" has a malformed guid "${guid}"`, line, 'obs does not keep guids; the theme is imported all the same');
  const theme = draftTheme(label);
  const color = code.getAttribute('color');
  if (color) {
    if (COLOR.test(color)) theme.color = color.toLowerCase();
    else sink.warn(`code "${label}" has colour "${color}", not #rrggbb; left out`, line);
  }
  const description = childElements(code, 'Description')[0];
  if (description) readDescription(description.textContent ?? '', theme, sink, lineOf(description));
  theme.themes = childElements(code, 'Code').map((c) => readCode(c, sink, depth + 1));
  return theme;
}

/** Splits a Description into its text and the rule lines at its end; `line` is where the Description starts. */
function readDescription(text: string, theme: DraftTheme, sink: KeywordSink, line: number | undefined): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && RULE_LINE.test(lines[start - 1]!.trim())) start--;
  const prose = lines.slice(0, start).join('\n').trim();
  if (prose !== '') theme.description = prose;
  for (let i = start; i < end; i++) {
    const [, key, value] = RULE_LINE.exec(lines[i]!.trim())!;
    readRule(key!.toLowerCase(), value!.trim(), theme, sink, line === undefined ? undefined : line + i);
  }
}

function readRule(key: string, value: string, theme: DraftTheme, sink: KeywordSink, line: number | undefined): void {
  let parsed: unknown;
  try {
    parsed = parseYaml(key === 'keywords' || key === 'exclude' || key === 'near' ? (value.startsWith('[') ? value : `[${value}]`) : value);
  } catch {
    sink.skip(`code "${theme.label}": the ${key} line "${value}" cannot be read; skipped`, line, 'write it as a list: Keywords: [money, "pay for", fund*]');
    return;
  }
  const bad = (what: string) => sink.skip(`code "${theme.label}": ${key} ${what}; skipped`, line);
  switch (key) {
    case 'id':
      if (typeof parsed === 'string' || typeof parsed === 'number') theme.id = String(parsed);
      else bad('is not text');
      return;
    case 'keywords':
    case 'exclude':
      for (const item of parsed as unknown[]) {
        if (typeof item !== 'string' && typeof item !== 'number') {
          bad(`entry ${JSON.stringify(item)} is not text`);
          continue;
        }
        const term = String(item).trim();
        if (key === 'keywords') sink.add(theme, term, term, line);
        else addExclude(theme, term, sink, line);
      }
      return;
    case 'near':
      for (const rule of parsed as unknown[]) {
        const near = nearRule(rule);
        if (near) (theme.near ??= []).push(near);
        else bad(`rule ${JSON.stringify(rule)} needs all: [two or more keywords] and within: a whole number at least as large`);
      }
      return;
    case 'min hits':
      if (Number.isInteger(parsed) && (parsed as number) >= 1) theme.minHits = parsed as number;
      else bad(`"${value}" is not a whole number of 1 or more`);
      return;
    case 'stem':
      if (typeof parsed === 'boolean') theme.stem = parsed;
      else bad(`"${value}" is not true or false`);
  }
}

function addExclude(theme: DraftTheme, term: string, sink: KeywordSink, line: number | undefined): void {
  const probe = draftTheme(theme.label);
  sink.add(probe, term, term, line);
  for (const k of probe.keywords) if (!(theme.exclude ??= []).includes(k)) theme.exclude.push(k);
}

function nearRule(rule: unknown): DraftNear | undefined {
  if (typeof rule !== 'object' || rule === null) return undefined;
  const { all, within } = rule as { all?: unknown; within?: unknown };
  if (!Array.isArray(all) || all.length < 2 || !all.every((t) => typeof t === 'string' && !termProblem(t.trim()))) return undefined;
  if (!Number.isInteger(within) || (within as number) < all.length) return undefined;
  return { all: all.map((t: string) => t.trim()), within: within as number };
}

function countKeywords(themes: readonly DraftTheme[]): number {
  return themes.reduce((n, t) => n + t.keywords.length + (t.near?.length ?? 0) + countKeywords(t.themes), 0);
}

// ---- writing ----

/** A codebook as a .qdc: valid against the standard's Codebook.xsd, guids stable per theme id. */
export function writeQdc(codebook: Codebook, shown: string, origin: string): { text: string; warnings: Problem[] } {
  const doc = new DOMImplementation().createDocument(CODEBOOK_NS, 'CodeBook', null);
  const root = doc.documentElement!;
  root.setAttribute('origin', origin);
  const codes = element(doc, 'Codes');
  root.appendChild(doc.createTextNode('\n  '));
  root.appendChild(codes);
  root.appendChild(doc.createTextNode('\n'));
  appendCodes(doc, codes, codebook.themes, true, 2);
  const xml = new XMLSerializer().serializeToString(doc);
  return {
    text: `<?xml version="1.0" encoding="utf-8"?>\n${xml}\n`,
    warnings: lostInExport(codebook, shown, 'A REFI-QDA codebook', {}),
  };
}

function appendCodes(doc: Document, parent: Element, themes: readonly Theme[], inheritedStem: boolean, depth: number): void {
  const indent = `\n${'  '.repeat(depth)}`;
  for (const theme of themes) {
    const code = element(doc, 'Code');
    code.setAttribute('guid', themeGuid(theme.id));
    code.setAttribute('name', xmlSafe(theme.label));
    code.setAttribute('isCodable', 'true');
    if (theme.color) code.setAttribute('color', theme.color);
    parent.appendChild(doc.createTextNode(indent));
    parent.appendChild(code);
    const description = element(doc, 'Description');
    description.appendChild(doc.createTextNode(xmlSafe(describe(theme, inheritedStem))));
    code.appendChild(doc.createTextNode(`${indent}  `));
    code.appendChild(description);
    appendCodes(doc, code, theme.themes, theme.stem, depth + 1);
    code.appendChild(doc.createTextNode(indent));
  }
}

/** The theme's description, then its rules as lines that readQdc reads back. */
export function describe(theme: Theme, inheritedStem: boolean): string {
  const flow = (value: unknown) => {
    const doc = new YamlDocument(value);
    (doc.contents as { flow?: boolean }).flow = true;
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  };
  const rules = [`Id: ${flow(theme.id)}`];
  if (theme.keywords.length > 0) rules.push(`Keywords: ${flow(theme.keywords.map((k) => k.text))}`);
  if (theme.exclude.length > 0) rules.push(`Exclude: ${flow(theme.exclude.map((k) => k.text))}`);
  if (theme.near.length > 0) rules.push(`Near: ${flow(theme.near.map((n) => ({ all: n.all.map((t) => t.text), within: n.within })))}`);
  if (theme.minHits !== 1) rules.push(`Min hits: ${theme.minHits}`);
  if (theme.stem !== inheritedStem) rules.push(`Stem: ${theme.stem}`);
  return theme.description ? `${theme.description}\n\n${rules.join('\n')}` : rules.join('\n');
}

function element(doc: Document, name: string): Element {
  return doc.createElementNS(CODEBOOK_NS, name);
}
