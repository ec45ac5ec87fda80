// Zip archives (.qdpx projects, .odt and .docx documents) read through yauzl, which checks entry
// sizes and refuses malformed archives; every entry read has a size limit.
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export class ZipProblem extends Error {
  /** An entry larger than the limit, rather than an archive that is not one. */
  constructor(message: string, readonly tooLarge = false) {
    super(message);
  }
}

async function openZip(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (err, z) => (err ? reject(new ZipProblem(err.message)) : resolve(z))),
  );
}

/**
 * The bytes of the first entry whose name `match` takes, undefined when there is none. Throws
 * ZipProblem for an archive that is not one, and for an entry larger than `maxBytes`.
 */
export async function readZipEntry(bytes: Uint8Array, match: (name: string) => boolean, maxBytes: number): Promise<Buffer | undefined> {
  const zip = await openZip(bytes);
  try {
    const entry = await new Promise<Entry | undefined>((resolve, reject) => {
      zip.on('entry', (e: Entry) => (match(e.fileName) ? resolve(e) : zip.readEntry()));
      zip.on('end', () => resolve(undefined));
      zip.on('error', (err: Error) => reject(new ZipProblem(err.message)));
      zip.readEntry();
    });
    if (!entry) return undefined;
    if (entry.uncompressedSize > maxBytes) throw new ZipProblem(`${entry.fileName} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, true);
    const chunks: Buffer[] = [];
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (err) {
    throw err instanceof ZipProblem ? err : new ZipProblem((err as Error).message);
  } finally {
    zip.close();
  }
}

/** The size each entry claims once unpacked, by name: a document that would unpack to gigabytes is refused before it is. */
export async function unpackedSizes(bytes: Uint8Array): Promise<Map<string, number>> {
  const zip = await openZip(bytes);
  try {
    return await new Promise<Map<string, number>>((resolve, reject) => {
      const sizes = new Map<string, number>();
      zip.on('entry', (e: Entry) => {
        sizes.set(e.fileName, e.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(sizes));
      zip.on('error', (err: Error) => reject(new ZipProblem(err.message)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
