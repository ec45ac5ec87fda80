// How transcripts write a time: the one pattern the corpus readers and the speaker layouts share.

/** A clock time: `2:06`, `00:12:03`, `1:00:05.5`, `00:03:40,120`. */
export const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** A clock with seconds, as tools write a stamp that stands alone: `00:00:03`, `16:02:22`. */
export const CLOCK_HMS = String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?`;
/** White space within a line, the no-break space that Word and oTranscribe write included. */
export const SPACE = String.raw`[ \t\u00a0]`;

/**
 * A start time as seconds, for analysis: `1:22` is 82, `00:01:22.6` (f4's tenths) 82.6,
 * `00:03:40,120` 220.12; a time already in seconds (a CSV `start` of `82.5`) is itself. Null for
 * anything else, which the `start` text still shows.
 */
export function clockSeconds(time: string | null): number | null {
  if (time === null) return null;
  const t = time.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const [, h, min, s, fraction] = m;
  const seconds = Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s);
  return fraction === undefined ? seconds : Math.round((seconds + Number(`0.${fraction}`)) * 1000) / 1000;
}
