// A dictionary file's bytes -> its lines: BOM, UTF-16, LF, CRLF or bare CR, and Windows-1252 where it is not UTF-8.
import { decodeBytes } from '../corpus/decode.js';
import { ObsError, type Problem } from '../errors.js';

export interface DictionaryText {
  lines: string[];
  warnings: Problem[];
}

/** Old dictionaries (WordStat, LIWC 2007) were often saved as Windows-1252, as quanteda also assumes. */
export function dictionaryLines(bytes: Uint8Array, file: string): DictionaryText {
  const decoded = decodeBytes(bytes);
  if (decoded.binary) throw new ObsError({ file, message: 'looks like a binary file, not a dictionary', hint: 'give obs import a .qdc, .qdpx, .dic, .cat, .lc3, .ykd or YAML dictionary' });
  const warnings: Problem[] = [];
  let text = decoded.text;
  if (decoded.invalidByteOffset !== undefined) {
    text = decodeBytes(new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes))).text;
    warnings.push({ file, message: `is not UTF-8 (byte ${decoded.invalidByteOffset}); read as Windows-1252`, hint: 'check the accented words in the codebook; save the file as UTF-8 to be sure' });
  }
  return { lines: text.split('\n'), warnings };
}
