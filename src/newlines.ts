// Line breaks in text, counted where a piece of text must be mapped back to the lines of its file.

/** The line breaks in `text` before `end`. */
export function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
