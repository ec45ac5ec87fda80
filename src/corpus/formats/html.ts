// Web pages (.html, .htm), as oral history archives publish transcripts, and the HTML that mammoth
// makes of a .docx: paragraphs, line breaks and tables. parse5 builds the tree as a browser does,
// so the mis-nested tags old Word pages are full of (`<B><P>Aho</B>: text</P>`) read as they show.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { blocksText, documentTranscript, type Block } from '../document.js';
import type { Transcript } from '../types.js';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

// Elements that end one paragraph and start another.
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article', 'main', 'body', 'html',
  'address', 'center', 'dir', 'menu', 'figure', 'figcaption', 'hr', 'caption', 'details', 'summary', 'fieldset',
]);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements whose content is not the page's text: code, styling, navigation, forms, media.
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button',
  'select', 'textarea', 'svg', 'math', 'iframe', 'object', 'audio', 'video', 'img', 'canvas', 'map',
]);

const isElement = (node: Node): node is Element => 'tagName' in node;

export function readHtml(text: string, file: string): Transcript {
  return documentTranscript(htmlBlocks(text), file, 'html');
}

/** Paragraphs and tables of a page; where the page marks its main content (`<main>`), only that. */
export function htmlBlocks(html: string): Block[] {
  const document = parse(html);
  const main = findMain(document.childNodes);
  const reader = new BlockReader();
  reader.read(main ? [main] : document.childNodes);
  reader.flush();
  return reader.blocks;
}

function findMain(nodes: readonly Node[]): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.tagName === 'main' || node.attrs.some((a) => a.name === 'role' && a.value === 'main')) return node;
    const inside = findMain(node.childNodes);
    if (inside) return inside;
  }
  return undefined;
}

// mammoth's footnote and endnote markers, and the notes at the end: a writer's notes, not what was said.
const isNote = (node: Element) =>
  node.attrs.some((a) => (a.name === 'id' && /^(?:foot|end)note-\d+$/.test(a.value)) || (a.name === 'href' && /^#(?:foot|end)note-\d+$/.test(a.value)));

class BlockReader {
  blocks: Block[] = [];
  private text = '';
  /** Inside `<pre>`, where a line break in the source is one on the page. */
  private pre = 0;

  read(nodes: readonly Node[]): void {
    for (const node of nodes) {
      // A line break in the source is a space; runs of spaces stay, as Otter and Teams set a name and its time apart with them.
      if (node.nodeName === '#text') {
        const value = (node as DefaultTreeAdapterTypes.TextNode).value;
        this.text += this.pre > 0 ? value.replace(/\r\n?/g, '\n') : value.replace(/[\n\r\f]/g, ' ');
      } else if (isElement(node)) this.element(node);
    }
  }

  private element(node: Element): void {
    const name = node.tagName;
    if (SKIP.has(name) || isNote(node)) return;
    if (name === 'pre') {
      this.flush();
      this.pre++;
      this.read(node.childNodes);
      this.pre--;
      this.flush();
      return;
    }
    if (name === 'br') {
      this.text += '\n';
      return;
    }
    if (name === 'table') {
      this.flush();
      this.blocks.push({ kind: 'table', rows: tableRows(node) });
      return;
    }
    if (HEADING.has(name)) {
      this.flush();
      this.read(node.childNodes);
      this.flush(true);
      return;
    }
    const block = BLOCK.has(name);
    if (block) this.flush();
    this.read(node.childNodes);
    if (block) this.flush();
  }

  flush(heading = false): void {
    const text = tidy(this.text);
    this.text = '';
    if (text === '') return;
    this.blocks.push(heading ? { kind: 'paragraph', text, heading } : { kind: 'paragraph', text });
  }
}

/** Each line trimmed, blank lines at the ends dropped. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Each row's cells as text, a cell's paragraphs on lines of their own. Nested tables read as text. */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.tagName === 'tr') rows.push(node.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')).map(cellText));
      else if (node.tagName !== 'table') visit(node.childNodes);
    }
  };
  visit(table.childNodes);
  return rows;
}

function cellText(cell: Element): string {
  const reader = new BlockReader();
  reader.read(cell.childNodes);
  reader.flush();
  return blocksText(reader.blocks);
}
