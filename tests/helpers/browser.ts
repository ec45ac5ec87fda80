// Headless Chromium from Debian, driven by playwright-core; tests that need it skip where it is absent.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`skipping: ${CHROMIUM} is absent (Debian: apt-get install chromium; .ci/run installs it)`);
  return false;
}

/** As root in a closed network Chromium needs no sandbox and must not reach for its own services. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
