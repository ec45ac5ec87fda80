// A passage's id: where it starts in its file, stable between runs and across --jobs.

/**
 * `file:line`, or `file:line#2` for the second passage that starts on one line (sentences, mostly).
 * `passages` are one document's, in order.
 */
export function passageIds(passages: ReadonlyArray<{ passage: { file: string; line: number } }>): string[] {
  const seen = new Map<number, number>();
  return passages.map(({ passage: { file, line } }) => {
    const index = (seen.get(line) ?? 0) + 1;
    seen.set(line, index);
    return index === 1 ? `${file}:${line}` : `${file}:${line}#${index}`;
  });
}
