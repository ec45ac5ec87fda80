// The first bytes that tell a container format, for standard input and for a file named wrongly.

const startsWith = (bytes: Uint8Array, ...codes: number[]) => codes.every((c, i) => bytes[i] === c);
const ascii = (bytes: Uint8Array, from: number, to: number) => new TextDecoder('latin1').decode(bytes.subarray(from, to));

export const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
/** An OpenDocument zip stores its `mimetype` first and uncompressed, so the type can be read at a fixed place. */
export const isOdt = (bytes: Uint8Array) => isZip(bytes) && ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 120).includes('opendocument.text');
/** Word 97-2003 documents, and password-protected Word documents of any age, are OLE compound files. */
export const isOle = (bytes: Uint8Array) => startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
export const isRtf = (bytes: Uint8Array) => ascii(bytes, 0, 5) === '{\\rtf';
