// XML in and out through xmldom: parse errors as file:line:col problems, child elements by local name.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { ObsError } from './errors.js';

/** Parses XML, or throws one problem at the place of the first error (an XML file is not half-read). */
export function parseXml(text: string, file: string, what: string): Document {
  let first: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'warning') return;
      first ??= message;
      throw new Error(message);
    },
  });
  try {
    return parser.parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  } catch (err) {
    const locator = (err as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = (first ?? (err as Error).message).replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0];
    throw new ObsError({
      file,
      ...(locator?.lineNumber !== undefined ? { line: locator.lineNumber, col: locator.columnNumber } : {}),
      message: `is not well-formed XML: ${message}`,
      hint: `obs reads a ${what} as XML; check that the file is complete and not a different format`,
    });
  }
}

export function childElements(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === localName) out.push(node as Element);
  }
  return out;
}

export function lineOf(node: Element): number | undefined {
  return (node as { lineNumber?: number }).lineNumber;
}

/** Characters XML 1.0 cannot hold at all; a codebook written by hand may still contain them. */
export function xmlSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
