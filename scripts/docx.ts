// A Word document's parts written from a body of WordprocessingML, for the samples in fixtures/exports/
// and for tests that need a .docx of a particular shape. The zip entries get a fixed date, so the
// same body gives the same bytes.
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DATE = new Date('2026-01-01T00:00:00Z');
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style></w:styles>`;

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
export const run = (text: string, props = '') => `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
export const para = (runs: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
/** A table of text rows, a cell's lines each a paragraph. */
export const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${c.split('\n').map((t) => para(run(t))).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

export interface DocxParts {
  /** The main part's name: Word's Transcribe writes `document2.xml`. */
  main?: string;
  /** More relationships of the main part (pictures, links, notes). */
  rels?: string;
  /** More parts, by their path in the package. */
  parts?: Record<string, string | Buffer>;
}

export async function docxBytes(body: string, { main = 'document.xml', rels = '', parts = {} }: DocxParts = {}): Promise<Buffer> {
  const zip = new JSZip();
  const add = (name: string, data: string | Buffer) => zip.file(name, data, { date: DATE, createFolders: false });
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`,
  );
  add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/${main}"/></Relationships>`);
  add(
    `word/_rels/${main}.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>${rels}</Relationships>`,
  );
  add('word/styles.xml', STYLES);
  for (const [name, data] of Object.entries(parts)) add(name, data);
  add(
    `word/${main}`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** Footnotes for `parts`: Word keeps them in word/footnotes.xml, with the marker in the text. */
export function footnotes(notes: string[]): { rels: string; parts: Record<string, string> } {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">${notes.map((n, i) => `<w:footnote w:id="${i + 1}">${para(run(n))}</w:footnote>`).join('')}</w:footnotes>`;
  return { rels: `<Relationship Id="rIdNotes" Type="${R}/footnotes" Target="footnotes.xml"/>`, parts: { 'word/footnotes.xml': xml } };
}

/** The marker of footnote `id` in the text. */
export const noteMark = (id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
