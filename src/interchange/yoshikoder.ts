// Yoshikoder .ykd dictionaries: XML, <cnode name desc> categories nesting <pnode name> patterns.
import type { Element } from '@xmldom/xmldom';
import { ObsError } from '../errors.js';
import { checkDepth, dictionaryImport, dictionaryKeyword, draftTheme, KeywordSink, type DraftTheme, type Imported } from './draft.js';
import { childElements, lineOf, parseXml } from '../xml.js';
import { decodeBytes } from '../corpus/decode.js';

export function readYoshikoder(bytes: Uint8Array, file: string): Imported {
  const doc = parseXml(decodeBytes(bytes).text, file, 'Yoshikoder dictionary');
  const root = doc.documentElement;
  if (!root || root.localName !== 'dictionary') {
    throw new ObsError({ file, message: `is not a Yoshikoder dictionary: its root element is not <dictionary>`, hint: 'export the dictionary from Yoshikoder as .ykd' });
  }
  const sink = new KeywordSink(file);
  let categories = childElements(root, 'cnode');
  let name: string | undefined;
  // Yoshikoder wraps the whole dictionary in one top category that bears the dictionary's name.
  if (categories.length === 1 && childElements(root, 'pnode').length === 0) {
    name = categories[0]!.getAttribute('name') || undefined;
    categories = childElements(categories[0]!, 'cnode');
  }
  const read = (node: Element, depth: number): DraftTheme => {
    const theme = draftTheme(node.getAttribute('name')?.trim() || 'category');
    checkDepth(depth, file, theme.label, lineOf(node));
    const desc = node.getAttribute('desc')?.trim();
    if (desc) theme.description = desc;
    for (const p of childElements(node, 'pnode')) {
      const pattern = p.getAttribute('name') ?? '';
      sink.add(theme, pattern, dictionaryKeyword(pattern), lineOf(p));
    }
    theme.themes = childElements(node, 'cnode').map((child) => read(child, depth + 1));
    return theme;
  };
  return dictionaryImport(file, 'Yoshikoder', categories.map((node) => read(node, 1)), sink, 'a Yoshikoder .ykd holds <cnode name="..."> categories with <pnode name="..."/> patterns', name);
}
