// Bytes -> text: BOMs, UTF-16, invalid UTF-8 located by byte offset, all line endings folded to \n.

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Byte offset of the first invalid UTF-8 sequence, when there is one. */
  invalidByteOffset?: number;
  /** True when the bytes look like a binary file rather than text. */
  binary: boolean;
}

const REPLACEMENT = '\uFFFD';

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: foldLineEndings(new TextDecoder('utf-16le').decode(bytes.subarray(2))), encoding: 'utf-16le', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: foldLineEndings(new TextDecoder('utf-16be').decode(bytes.subarray(2))), encoding: 'utf-16be', binary: false };
  }
  // UTF-16 without a byte order mark, as some Windows tools write: every other byte of English text is 0.
  const guessed = guessUtf16(bytes);
  if (guessed) {
    const text = new TextDecoder(guessed).decode(bytes);
    // Control characters other than tab and line breaks, or undecodable pairs, mean it was binary after all.
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) return { text: foldLineEndings(text), encoding: guessed, binary: false };
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const binary = looksBinary(body);
  const text = new TextDecoder('utf-8').decode(body);
  const decoded: Decoded = { text: foldLineEndings(text), encoding: 'utf-8', binary };
  const offset = firstInvalidOffset(body, text);
  if (offset !== undefined) decoded.invalidByteOffset = offset + (body === bytes ? 0 : 3);
  return decoded;
}

/**
 * UTF-16 text of Latin script has a NUL in one byte of most pairs and never in the other, where an
 * image or archive has NULs scattered over both: that pattern, and only that, is taken for UTF-16.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2);
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven++;
    if (bytes[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.4 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.4 && zeroOdd === 0) return 'utf-16be';
  return undefined;
}

/** NUL bytes never occur in UTF-8 text, but always in images, archives and Office files. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * The decoder replaces each invalid sequence with U+FFFD; a real U+FFFD in the file is the
 * three bytes EF BF BD, so the first replacement whose bytes differ is the first invalid one.
 */
function firstInvalidOffset(bytes: Uint8Array, text: string): number | undefined {
  let from = 0;
  let byteOffset = 0;
  let counted = 0;
  for (;;) {
    const i = text.indexOf(REPLACEMENT, from);
    if (i < 0) return undefined;
    byteOffset += Buffer.byteLength(text.slice(counted, i), 'utf8');
    counted = i;
    if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) return byteOffset;
    byteOffset += 3;
    counted = i + 1;
    from = i + 1;
  }
}

export function foldLineEndings(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}
