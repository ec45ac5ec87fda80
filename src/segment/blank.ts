// Whether a line holds only white space, as `line.trim() === ''` tells, without making a trimmed copy:
// segmentation asks it of every line of a corpus.

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c <= 32 || c === 0xa0) continue;
    // The rest of what trim() removes: Unicode's spaces, line and paragraph separators, the BOM.
    if (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}
