// OpenDocument text (.odt), as LibreOffice writes it: content.xml's paragraphs, headings, lists and tables.
import type { Element, Node } from '@xmldom/xmldom';
import { ObsError } from '../../errors.js';
import { parseXml } from '../../xml.js';
import { ZipProblem, readZipEntry } from '../../zip.js';
import { blocksText, documentTranscript, type Block } from '../document.js';
import type { Transcript } from '../types.js';

// A DOM takes several times the XML it is built from: a limit well above any transcript, well below the memory it would take.
const MAX_CONTENT_BYTES = 32 * 1024 * 1024;

export async function readOdt(bytes: Uint8Array, file: string): Promise<Transcript> {
  let xml: Buffer | undefined;
  try {
    xml = await readZipEntry(bytes, (name) => name === 'content.xml', MAX_CONTENT_BYTES);
  } catch (err) {
    if (!(err instanceof ZipProblem)) throw err;
    throw new ObsError({ file, message: `is not a readable OpenDocument file: ${err.message}`, hint: 'open it in LibreOffice or Word and save it as .odt or .docx again' });
  }
  if (!xml) throw new ObsError({ file, message: 'holds no content.xml, so it is not an OpenDocument text', hint: 'save it from LibreOffice or Word as .odt or .docx' });
  const doc = parseXml(new TextDecoder('utf-8').decode(xml), `${file} (content.xml)`, 'OpenDocument text');
  const blocks: Block[] = [];
  const body = doc.getElementsByTagNameNS(TEXT_OFFICE, 'text')[0];
  if (body) readBlocks(body, blocks);
  return documentTranscript(blocks, file, 'odt');
}

const TEXT_OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
// Parts of the text that are not its words: notes, annotations, frames, the index.
const SKIP = new Set(['note', 'annotation', 'frame', 'table-of-content', 'alphabetical-index', 'tracked-changes', 'sequence-decls']);

function readBlocks(parent: Element, blocks: Block[]): void {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const el = node as Element;
    const name = el.localName ?? '';
    if (SKIP.has(name)) continue;
    if (name === 'p') blocks.push({ kind: 'paragraph', text: tidy(inlineText(el)) });
    else if (name === 'h') blocks.push({ kind: 'paragraph', text: tidy(inlineText(el)), heading: true });
    else if (name === 'table') blocks.push({ kind: 'table', rows: tableRows(el) });
    else readBlocks(el, blocks);
  }
}

/** A paragraph's text: `text:s` is spaces, `text:tab` a tab, `text:line-break` a line break. */
function inlineText(parent: Node): string {
  let out = '';
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.TEXT_NODE) out += (node.nodeValue ?? '').replace(/[ \t\n\r]+/g, ' ');
    else if (node.nodeType === node.ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName ?? '';
      if (SKIP.has(name)) continue;
      if (name === 's') out += ' '.repeat(Math.min(Number(el.getAttributeNS('urn:oasis:names:tc:opendocument:xmlns:text:1.0', 'c')) || 1, 100));
      else if (name === 'tab') out += '\t';
      else if (name === 'line-break') out += '\n';
      else out += inlineText(el);
    }
  }
  return out;
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').trim())
    .join('\n');
}

function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (parent: Element) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== node.ELEMENT_NODE) continue;
      const el = node as Element;
      if (el.localName === 'table-row') {
        const cells: string[] = [];
        for (let c = el.firstChild; c; c = c.nextSibling) {
          if (c.nodeType !== c.ELEMENT_NODE || (c as Element).localName !== 'table-cell') continue;
          const inner: Block[] = [];
          readBlocks(c as Element, inner);
          cells.push(blocksText(inner));
        }
        rows.push(cells);
      } else if (el.localName !== 'table') visit(el);
    }
  };
  visit(table);
  return rows;
}
