// Text from the data (transcripts, file names, front matter, codebooks) made inert before it reaches a
// terminal, a CSV cell or a Markdown table: an ESC or C1 byte would let a transcript retitle the window,
// write the clipboard (OSC 52), plant a link (OSC 8) or clear the screen; a bidi control would let a
// file name `invoice` U+202E `txt.exe` show as `invoiceexe.txt`; a line break in a file name would forge an
// `obs: error:` line. Each such character is shown as a visible escape, so the reader sees it is there.
//
// Written here rather than taken from npm: jsesc escapes ESC but, to do so, every non-ASCII letter too
// (its `minimal` mode leaves ESC raw); util.inspect quotes the string and leaves C1 and bidi controls
// raw; strip-ansi removes whole sequences (hiding that they were there) and leaves lone controls and
// bidi controls. None shows exactly these characters and leaves the rest of the text as it is.
//
// Backslashes are left as they are: the output is for reading, not for decoding, so a file really
// named `a\x1b` may look like one holding an ESC, but no escape obs writes can become a control again.
// Doubling every backslash would garble every Windows path in a message.
//
// JSON and JSONL do not use this: JSON.stringify escapes C0 controls itself, and a JSON reader gets
// the text exactly, bidi marks of Arabic or Hebrew text included.

/**
 * C0 controls, DEL, C1 controls (U+0080–U+009F, the 8-bit CSI U+009B among them), the bidi controls
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: Unicode's Bidi_Control) and the line and
 * paragraph separators. Bidi controls are escaped, not balanced: a closing PDF/PDI would keep an
 * override from spilling past its cell, but not from reversing the name it sits in.
 */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
/** The same, less what a quoted CSV field holds as data: line feed, carriage return and tab. */
const UNSAFE_IN_CSV = /(?![\n\r\t])[\p{Cc}\p{Bidi_Control}]/gu;
/** What would break a table row or a heading if kept. */
const BREAKS = /\r\n|[\n\r\t\v\f\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t` by name; other one-byte controls as `\x1b`; the rest as `\u202e`. */
function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A name (file, speaker, label, field, keyword, message): every control shown escaped, line breaks and tabs too. */
export function inertName(s: string): string {
  return s.replace(UNSAFE, visible);
}

/**
 * A value in a table row or heading, and passage text in a terminal (quotes wrap it to lines of their
 * own): a line break or tab is shown as a space, other controls escaped.
 */
export function oneLine(s: string): string {
  return inertName(s.replace(BREAKS, ' '));
}

/** A CSV cell: line breaks and tabs are data a quoted field keeps; other controls shown escaped. */
export function inertCsv(s: string): string {
  return s.replace(UNSAFE_IN_CSV, visible);
}

/**
 * A message from the argument parser, which quotes what was typed: every control shown escaped, but
 * for the line breaks it writes itself before a suggestion (`(Did you mean --by?)`).
 */
export function inertMessage(s: string): string {
  const end = s.endsWith('\n') ? '\n' : '';
  return inertName(end ? s.slice(0, -1) : s).replace(/\\n(?=\((?:Did you mean|run obs) )/g, '\n') + end;
}

/** Text for an HTML page: line breaks and tabs are white space there; other controls shown escaped, then HTML's own characters. */
export function inertHtml(s: string): string {
  return inertCsv(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
