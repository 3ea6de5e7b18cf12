import { chromium } from 'playwright';
import type { Browser, BrowserContext } from 'playwright';

/* -------------------------------------------------------------------------------------------------
 * Debian's Chromium, driven by Playwright (no test tool may download its own browser here)
 * -----------------------------------------------------------------------------------------------*/

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
}

/** A fresh profile that never leaves loopback (the platform's pages ask for a web font). */
export async function loopbackContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  return context;
}
