// Word 97-2003 documents (.doc), read by word-extractor: the body's paragraphs, one a line.
import { ObsError } from '../../errors.js';
import { documentTranscript } from '../document.js';
import type { Transcript } from '../types.js';

export async function readDoc(bytes: Uint8Array, file: string): Promise<Transcript> {
  const { default: WordExtractor } = await import('word-extractor');
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).getBody();
  } catch (err) {
    throw new ObsError({ file, message: `is not a readable Word 97-2003 document: ${(err as Error).message}`, hint: 'open it in Word or LibreOffice and save it as .docx' });
  }
  // Word ends a paragraph with a line break and a table cell with a tab; as in a .docx, only paragraphs that hold text are counted.
  const paragraphs = body
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').trim())
    .filter((line) => line !== '');
  return documentTranscript(paragraphs.map((text) => ({ kind: 'paragraph', text })), file, 'doc');
}
