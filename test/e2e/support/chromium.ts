import { chromium } from 'playwright';
import type { Browser, BrowserContext } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';

/* -------------------------------------------------------------------------------------------------
 * Debian's Chromium, driven by Playwright (no test tool may download its own browser here)
 * -----------------------------------------------------------------------------------------------*/


export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh profile that never leaves loopback (the platform's pages ask for a web font). */
export async function loopbackContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  return context;
}
