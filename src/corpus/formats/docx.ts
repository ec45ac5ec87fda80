// Word documents (.docx), as Word, Word's Transcribe, Teams, Otter and Google Docs write them, read
// by mammoth: paragraphs, line breaks and tables, through the same reader as web pages.
import { ObsError } from '../../errors.js';
import { ZipProblem, unpackedSize } from '../../zip.js';
import { documentTranscript } from '../document.js';
import type { Transcript } from '../types.js';
import { htmlBlocks } from './html.js';

/** A transcript of a thousand pages unpacks to a few megabytes; past this it is an archive bomb. */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export async function readDocx(bytes: Uint8Array, file: string): Promise<Transcript> {
  const broken = (why: string) =>
    new ObsError({ file, message: `is not a readable Word document: ${why}`, hint: 'open it in Word or LibreOffice and save it as .docx again' });
  try {
    if ((await unpackedSize(bytes)) > MAX_UNPACKED_BYTES) throw broken(`it would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
  } catch (err) {
    if (err instanceof ZipProblem) throw broken(err.message);
    throw err;
  }
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
