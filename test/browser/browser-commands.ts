import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright';
import type { BrowserCommand } from 'vitest/node';

/* -------------------------------------------------------------------------------------------------
 * Browser commands for the browser tests: they run in Node and drive Chromium through Playwright.
 * Their types, as the tests see them, are in commands.d.ts.
 * -----------------------------------------------------------------------------------------------*/

interface Context {
  page: Page;
  sessionId: string;
}

/** The last password `typeSecret` typed, by test session. Made here, so the page's own code never holds it. */
const secrets = new Map<string, string>();

/** Windows' contrast themes, as Chromium emulates them. */
const emulateForcedColors: BrowserCommand<[active: boolean]> = async (context, active) => {
  const { page } = context as unknown as Context;
  await page.emulateMedia({ forcedColors: active ? 'active' : 'none' });
};

/** Types a fresh random password into the focused field, as a user's keyboard would. */
const typeSecret: BrowserCommand<[]> = async (context) => {
  const { page, sessionId } = context as unknown as Context;
  const secret = `rca-secret-${randomBytes(16).toString('hex')}`;
  secrets.set(sessionId, secret);
  await page.keyboard.type(secret);
};

/**
 * Collects garbage, takes a heap snapshot of the page through the Chrome DevTools Protocol, and
 * counts the strings in it that contain the last typed secret, and each of `needles`.
 */
const countInHeap: BrowserCommand<[needles: string[]]> = async (context, needles) => {
  const { page, sessionId } = context as unknown as Context;
  const session = await page.context().newCDPSession(page);
  try {
    const chunks: string[] = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const { strings } = JSON.parse(chunks.join('')) as { strings: string[] };
    const count = (needle: string) => strings.filter((text) => text.includes(needle)).length;
    const secret = secrets.get(sessionId);
    return { strings: strings.length, secret: secret ? count(secret) : 0, needles: needles.map(count) };
  } finally {
    await session.detach();
  }
};

export const commands = { emulateForcedColors, typeSecret, countInHeap };
