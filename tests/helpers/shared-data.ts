// The public test data in ../shared/data: read in place, never copied; tests skip where it is absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/data');

export function sharedData(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/** True when the folder is there; otherwise prints why the tests that need it are skipped. */
export function hasSharedData(...parts: string[]): boolean {
  const where = sharedData(...parts);
  if (existsSync(where)) return true;
  console.warn(`skipping: ${where} is absent (the shared test data sits beside the checkout in CI)`);
  return false;
}
