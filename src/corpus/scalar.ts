// Metadata values become strings so grouping and output treat every source alike.

export function metaValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(metaValue).filter((v) => v !== undefined).join('; ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
