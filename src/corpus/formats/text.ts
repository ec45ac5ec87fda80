// .txt and .md: optional front matter, then lines whose speaker labels segmentation finds.
import { readFrontMatter } from '../frontmatter.js';
import type { Format, Transcript } from '../types.js';

export function readText(text: string, file: string, format: Format): Transcript {
  const lines = text.split('\n');
  const front = readFrontMatter(lines, file);
  const skip = front?.lineCount ?? 0;
  let body = lines.slice(skip);
  // A Markdown heading titles the document; it is nobody's words. Blanked, so line numbers hold.
  if (format === 'md') body = body.map((l) => (/^ {0,3}#{1,6}(?:\s|$)/.test(l) ? '' : l));
  return { file, format, meta: front?.meta ?? {}, body: { lines: body, firstLine: skip + 1 } };
}
