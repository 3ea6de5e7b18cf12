/* -------------------------------------------------------------------------------------------------
 * Debian's Chromium: where it is and how it starts here (no test tool may download its own
 * browser). Shared by the Vitest browser projects, the benchmark and the Playwright e2e tests.
 * -----------------------------------------------------------------------------------------------*/

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
