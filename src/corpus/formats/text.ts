// .txt and .md: optional front matter, then lines whose speaker labels segmentation finds.
import { readFrontMatter } from '../frontmatter.js';
import type { Format, Transcript } from '../types.js';

export function readText(text: string, file: string, format: Format): Transcript {
  const lines = text.split('\n');
  const front = readFrontMatter(lines, file);
  const skip = front?.lineCount ?? 0;
  return {
    file,
    format,
    meta: front?.meta ?? {},
    body: { lines: lines.slice(skip), firstLine: skip + 1 },
  };
}
