// How transcripts write a time: the one pattern the corpus readers and the speaker layouts share.

/** A clock time: `2:06`, `00:12:03`, `1:00:05.5`, `00:03:40,120`. */
export const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** A clock with seconds, as tools write a stamp that stands alone: `00:00:03`, `16:02:22`. */
export const CLOCK_HMS = String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?`;
/** White space within a line, the no-break space that Word and oTranscribe write included. */
export const SPACE = String.raw`[ \t\u00a0]`;
