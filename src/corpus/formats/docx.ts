// Word documents (.docx), as Word, Word's Transcribe, Teams, Otter and Google Docs write them, read
// by mammoth: paragraphs, line breaks and tables, through the same reader as web pages.
import { ObsError } from '../../errors.js';
import { ZipProblem, unpackedSizes } from '../../zip.js';
import { documentTranscript } from '../document.js';
import type { Transcript } from '../types.js';
import { htmlBlocks } from './html.js';
import { isOle } from './signatures.js';

/**
 * A transcript of a hundred pages is a few megabytes of Word's XML, which mammoth reads at about a
 * megabyte a second; past these it is an archive bomb, or a document to save as text.
 */
const MAX_TEXT_PART_BYTES = 16 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export async function readDocx(bytes: Uint8Array, file: string): Promise<Transcript> {
  const broken = (why: string) =>
    new ObsError({ file, message: `is not a readable Word document: ${why}`, hint: 'open it in Word or LibreOffice and save it as .docx again' });
  // Word keeps a password-protected document, and the 97-2003 format, in an OLE file, not a zip.
  if (isOle(bytes)) {
    throw new ObsError({ file, message: 'is password-protected, or a Word 97-2003 document named .docx', hint: 'open it in Word, remove the password (or rename a 97-2003 document .doc), and save it again' });
  }
  let sizes: Map<string, number>;
  try {
    sizes = await unpackedSizes(bytes);
  } catch (err) {
    if (err instanceof ZipProblem) throw broken(err.message);
    throw err;
  }
  const text = [...sizes].filter(([name]) => /^word\/(?:document\d*|footnotes|endnotes)\.xml$/.test(name)).reduce((sum, [, size]) => sum + size, 0);
  if (text > MAX_TEXT_PART_BYTES) {
    throw new ObsError({ file, message: `holds more than ${MAX_TEXT_PART_BYTES / 1024 / 1024} MB of text markup, more than obs reads from a Word document`, hint: 'save it from Word as plain text (.txt), which obs reads at any size' });
  }
  if ([...sizes.values()].reduce((a, b) => a + b, 0) > MAX_UNPACKED_BYTES) throw broken(`it would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    // Pictures (Teams puts each speaker's avatar before their name) are nobody's words.
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value;
  } catch (err) {
    throw broken((err as Error).message.split('\n')[0]!);
  }
  return documentTranscript(htmlBlocks(html), file, 'docx');
}
