// Bytes -> text: BOMs, UTF-16, Windows-1252, invalid UTF-8 located by byte offset, all line endings folded to \n.
import { lazy } from '../lazy.js';

const iconv = lazy<typeof import('iconv-lite')>('iconv-lite');

export interface Decoded {
  text: string;
  /** The name of the encoding read (a WHATWG label). */
  encoding: string;
  /** Byte offset of the first invalid UTF-8 sequence, when there is one. */
  invalidByteOffset?: number;
  /** True when the bytes look like a binary file rather than text. */
  binary: boolean;
}

const REPLACEMENT = '\uFFFD';
/** Made once: a decoder keeps no state between whole-buffer calls. */
const UTF8 = new TextDecoder('utf-8');
/** How far into a file UTF-16 and binary content are looked for. */
const SNIFF_BYTES = 8192;

/** A byte order mark: UTF-8's, or UTF-16's either way round. */
export function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: foldLineEndings(new TextDecoder('utf-16le').decode(bytes.subarray(2))), encoding: 'utf-16le', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: foldLineEndings(new TextDecoder('utf-16be').decode(bytes.subarray(2))), encoding: 'utf-16be', binary: false };
  }
  // No NUL byte (in almost every text file) says it is neither UTF-16 nor binary; past a UTF-8 BOM, binary is looked for 3 bytes further.
  const nul = bytes.subarray(0, SNIFF_BYTES + 3).indexOf(0) >= 0;
  // UTF-16 without a byte order mark, as some Windows tools write: every other byte of English text is 0.
  const guessed = nul ? guessUtf16(bytes) : undefined;
  if (guessed) {
    const text = new TextDecoder(guessed).decode(bytes);
    // Control characters other than tab and line breaks, or undecodable pairs, mean it was binary after all.
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) return { text: foldLineEndings(text), encoding: guessed, binary: false };
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const binary = nul && looksBinary(body);
  const text = UTF8.decode(body);
  const offset = firstInvalidOffset(body, text);
  if (offset !== undefined && !binary && body === bytes && isWindows1252(bytes)) {
    return { text: foldLineEndings(decodeCharset(bytes, 'windows-1252')), encoding: 'windows-1252', binary: false };
  }
  const decoded: Decoded = { text: foldLineEndings(text), encoding: 'utf-8', binary };
  if (offset !== undefined) decoded.invalidByteOffset = offset + (body === bytes ? 0 : 3);
  return decoded;
}

/**
 * Text that Word or Notepad saved on Windows as "ANSI": bytes above 0x7F that never form a UTF-8
 * sequence, and none of the five that Windows-1252 leaves undefined. A file that holds even one
 * valid UTF-8 sequence is UTF-8 with damage, not Windows-1252, and is read as such; so is one with
 * a single stray byte, which says too little to tell (a Windows file has an apostrophe on most pages).
 */
function isWindows1252(bytes: Uint8Array): boolean {
  let i = 0;
  let high = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= n;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid) return false;
    high++;
    i++;
  }
  return high >= 2;
}

/**
 * A charset an HTML page declares in its first bytes (`<meta charset="windows-1252">`), by its
 * WHATWG name, where obs can decode it: the web's rules make `iso-8859-1` mean Windows-1252.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return undefined;
  let name: string;
  try {
    name = new TextDecoder(m[1]!.toLowerCase()).encoding;
  } catch {
    return undefined;
  }
  // A declaration that can be read as ASCII was not written in UTF-16, whatever it says (the HTML standard's rule).
  if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
  return iconv().encodingExists(name) ? name : undefined;
}

/**
 * Bytes in a legacy charset, through iconv-lite: Node 20's TextDecoder reads Windows-1252's
 * 0x80-0x9F (curly quotes, dashes, the euro) as control characters.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * UTF-16 text of Latin script has a NUL in one byte of most pairs and never in the other, where an
 * image or archive has NULs scattered over both: that pattern, and only that, is taken for UTF-16.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
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
  return bytes.subarray(0, SNIFF_BYTES).indexOf(0) >= 0;
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
