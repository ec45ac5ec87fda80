// REFI-QDA projects (.qdpx): a zip whose project.qde holds the project XML, codebook included.
import path from 'node:path';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { decodeBytes } from '../corpus/decode.js';
import { ObsError } from '../errors.js';
import type { Imported } from './draft.js';
import { readQdc } from './qdc.js';

/** project.qde is XML text; transcripts and media sit beside it in Sources/, which obs does not need. */
const MAX_PROJECT_BYTES = 256 * 1024 * 1024;

export async function readQdpx(bytes: Uint8Array, file: string): Promise<Imported> {
  const text = await projectXml(Buffer.from(bytes), file);
  return readQdc(text, `${file} (project.qde)`, 'REFI-QDA project', path.basename(file));
}

async function projectXml(buffer: Buffer, file: string): Promise<string> {
  const notZip = (err: unknown) =>
    new ObsError({ file, message: `is not a readable .qdpx (zip) file: ${(err as Error).message}`, hint: 'export the project from your QDA program as REFI-QDA (.qdpx) again' });
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) => fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
  } catch (err) {
    throw notZip(err);
  }
  try {
    const entry = await findEntry(zip);
    if (!entry) throw new ObsError({ file, message: 'holds no project.qde', hint: 'a REFI-QDA project file is a zip with project.qde at its top level' });
    if (entry.uncompressedSize > MAX_PROJECT_BYTES) throw new ObsError({ file, message: `its project.qde is larger than ${MAX_PROJECT_BYTES / 1024 / 1024} MB` });
    const chunks: Buffer[] = [];
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return decodeBytes(Buffer.concat(chunks)).text;
  } catch (err) {
    if (err instanceof ObsError) throw err;
    throw notZip(err);
  } finally {
    zip.close();
  }
}

function findEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.toLowerCase() === 'project.qde') resolve(entry);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(undefined));
    zip.on('error', reject);
    zip.readEntry();
  });
}
