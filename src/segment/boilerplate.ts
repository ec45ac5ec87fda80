// Lines that transcription tools add to every export: nobody's words, read as blank lines.

const LINES = [
  /^Transcribed by https:\/\/otter\.ai\s*$/i,
  // Google Meet's footer, and Teams' note where someone stops or starts the transcript.
  /^Transcription ended after \d{1,2}:\d{2}:\d{2}\s*$/i,
  /^This editable transcript was computer generated and might contain errors\./i,
  // The name as Teams writes it: capitalised words, perhaps a comma and a bracket (`Okafor, Grace (Local Trust)`).
  /^(?:\p{Lu}[\p{L}'’.-]*,?\s+){1,5}(?:\([^)\n]{1,60}\)\s+)?(?:started|stopped) transcription\s*$/u,
];

export function isBoilerplate(line: string): boolean {
  // Every such line speaks of transcription: one search passes over the rest.
  return line.indexOf('ranscri') >= 0 && LINES.some((re) => re.test(line.trim()));
}
