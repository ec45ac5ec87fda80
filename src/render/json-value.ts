// Metadata as JSON gives it to R and pandas: a value written as a plain number is a number.

/**
 * `2016`, `-3`, `4.5`: no leading zero (`007` is an id, kept as text), no exponent or sign of plus,
 * and written as JavaScript writes the number back (`2019.0`, `1.50`, `-0` and a 20-digit id stay
 * text), so two values that differ as text never become one number.
 */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Metadata are text inside obs, so that every source groups alike; YAML's numbers became the digits
 * they stand for, and a CSV cell or a path part of digits reads the same. In JSON those are numbers.
 */
export function jsonValue(text: string): string | number {
  return PLAIN_NUMBER.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** A metadata record with each value as jsonValue gives it, built by entries so any field name is a plain key. */
export function jsonMeta(meta: Readonly<Record<string, string>>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, jsonValue(v)]));
}
