// Rich Text Format (.rtf): no well-kept reader for Node reads its text reliably, so obs says what to do.
import { ObsError } from '../../errors.js';

export function refuseRtf(file: string): never {
  throw new ObsError({ file, message: 'is a Rich Text (.rtf) file, which obs does not read', hint: 'open it in Word, LibreOffice or TextEdit and save it as .docx (or as plain text, .txt)' });
}
