// REFI-QDA projects (.qdpx): a zip whose project.qde holds the project XML, codebook included.
import path from 'node:path';
import { decodeBytes } from '../corpus/decode.js';
import { ObsError } from '../errors.js';
import { ZipProblem, readZipEntry } from '../zip.js';
import type { Imported } from './draft.js';
import { readQdc } from './qdc.js';

/** project.qde is XML text; transcripts and media sit beside it in Sources/, which obs does not need. */
const MAX_PROJECT_BYTES = 256 * 1024 * 1024;

export async function readQdpx(bytes: Uint8Array, file: string): Promise<Imported> {
  const text = await projectXml(bytes, file);
  return readQdc(text, `${file} (project.qde)`, 'REFI-QDA project', path.basename(file));
}

async function projectXml(bytes: Uint8Array, file: string): Promise<string> {
  let xml: Buffer | undefined;
  try {
    xml = await readZipEntry(bytes, (name) => name.toLowerCase() === 'project.qde', MAX_PROJECT_BYTES);
  } catch (err) {
    if (!(err instanceof ZipProblem)) throw err;
    if (err.tooLarge) throw new ObsError({ file, message: `its ${err.message}` });
    throw new ObsError({ file, message: `is not a readable .qdpx (zip) file: ${err.message}`, hint: 'export the project from your QDA program as REFI-QDA (.qdpx) again' });
  }
  if (!xml) throw new ObsError({ file, message: 'holds no project.qde', hint: 'a REFI-QDA project file is a zip with project.qde at its top level' });
  return decodeBytes(xml).text;
}
