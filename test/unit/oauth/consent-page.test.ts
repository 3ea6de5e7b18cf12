import { JSDOM } from 'jsdom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MemoryAdapter } from '../../../src/core/memory-adapter';
import { channelName } from '../../../src/core/message';
import { readResult } from '../../../src/core/popup';
import type { Connection } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The memory adapter's sign-in page, run in jsdom: what it shows, and the answer it sends the app.
 * The same page, clicked through in a real popup, is in test/browser/oauth-consent.test.ts.
 * -----------------------------------------------------------------------------------------------*/

const signal = new AbortController().signal;
/** What a browser's `URL.createObjectURL` gives on this page: a blob: URL of its own origin. */
const BLOB = `blob:${location.origin}/4f1c2a9e-0000-4000-8000-000000000001`;

let createMemoryAdapter: (options?: { connections?: Connection[] }) => MemoryAdapter;
let createObjectURL: ReturnType<typeof vi.spyOn>;
let blobs: Blob[];
let dom: JSDOM | undefined;

beforeAll(async () => {
  blobs = [];
  createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return BLOB;
  });
  // A fresh module: the page is made once per module, and this file must see it made.
  vi.resetModules();
  ({ createMemoryAdapter } = await import('../../../src/core/memory-adapter'));
});

afterEach(() => {
  dom?.window.close();
  dom = undefined;
});

/** Starts a flow for the connection and loads the page it opens, with an opener and a channel to listen on. */
async function openSignIn(adapter = createMemoryAdapter(), id = 'gads-search') {
  const connection = adapter.snapshot().find((c) => c.id === id)!;
  const { url, state } = await adapter.startAuthorization(connection, { signal });
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const broadcast: { name: string; message: unknown; closed: boolean }[] = [];
  const close = vi.fn();
  // The opener and the channel are in place before the page's script runs (test/unit/oauth/jsdom.d.ts
  // types no `beforeParse`, so the options go in as a variable).
  const options = {
    url,
    runScripts: 'dangerously' as const,
    beforeParse(window: Window) {
      Object.defineProperty(window, 'opener', { value: { postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }) } });
      window.close = close;
      (window as unknown as { BroadcastChannel: unknown }).BroadcastChannel = class {
        entry: { name: string; message: unknown; closed: boolean };
        constructor(name: string) {
          this.entry = { name, message: undefined, closed: false };
          broadcast.push(this.entry);
        }
        postMessage(message: unknown) {
          this.entry.message = message;
        }
        close() {
          this.entry.closed = true;
        }
      };
    },
  };
  dom = new JSDOM(await blobs[0]!.text(), options);
  const { document } = dom.window;
  const click = (label: string) => [...document.querySelectorAll('button')].find((button) => button.textContent === label)!.click();
  return { adapter, connection, url, state, document, click, posted, broadcast, close };
}

describe('given a flow started in a browser', () => {
  it('opens a blob: page of the app’s own origin, made once, with the flow in its fragment', async () => {
    const first = createMemoryAdapter();
    const second = createMemoryAdapter();
    const [search] = first.snapshot();

    const one = await first.startAuthorization(search!, { signal });
    const two = await second.startAuthorization(search!, { signal });

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(blobs[0]!.type).toBe('text/html');
    for (const { url, state } of [one, two]) {
      const [page, fragment] = url.split('#');
      expect(page).toBe(BLOB);
      expect(Object.fromEntries(new URLSearchParams(fragment))).toEqual({ state, platform: 'Google Ads', account_name: 'Acme Search', account_id: '123-456-7890' });
    }
  });
});

describe('given the sign-in page', () => {
  it('names the platform and the account, offers three choices, and starts on Allow', async () => {
    const { document } = await openSignIn();

    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Sign in to Google Ads');
    expect(document.querySelector('main h1')?.textContent).toBe('Sign in to Google Ads');
    expect(document.querySelector('main')?.textContent).toContain('Acme Search');
    expect(document.querySelector('main')?.textContent).toContain('Account ID 123-456-7890');
    expect([...document.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Allow', 'Use another account', 'Deny']);
    expect(document.activeElement?.textContent).toBe('Allow');
  });

  it('on Allow, posts a code for the same account to the app’s origin and on the state’s channel, then closes', async () => {
    const page = await openSignIn();

    page.click('Allow');

    expect(page.posted).toHaveLength(1);
    expect(page.posted[0]!.targetOrigin).toBe(location.origin);
    const result = readResult(page.posted[0]!.message);
    expect(result).toEqual({ state: page.state, code: expect.stringMatching(/^\d+(-\d+){3}$/), params: { state: page.state, code: result?.code, account_id: '123-456-7890' } });
    expect(page.broadcast).toEqual([{ name: channelName(page.state), message: page.posted[0]!.message, closed: true }]);
    expect(page.close).toHaveBeenCalledTimes(1);
    // The answer is one the adapter takes.
    await expect(page.adapter.completeAuthorization(page.connection, result!, { signal })).resolves.toMatchObject({ status: 'connected' });
  });

  it('on "Use another account", posts a code for another account id', async () => {
    const page = await openSignIn();

    page.click('Use another account');

    const result = readResult(page.posted[0]!.message);
    expect(result).toMatchObject({ state: page.state, code: expect.any(String), params: { account_id: 'other-account' } });
    expect(page.close).toHaveBeenCalledTimes(1);
  });

  it('on Deny, posts access_denied with the same state, and no code', async () => {
    const page = await openSignIn();

    page.click('Deny');

    const result = readResult(page.posted[0]!.message);
    expect(result).toEqual({ state: page.state, error: 'access_denied', errorDescription: expect.any(String), params: { state: page.state, error: 'access_denied', error_description: result?.errorDescription } });
    expect(page.broadcast[0]!.name).toBe(channelName(page.state));
    expect(page.close).toHaveBeenCalledTimes(1);
  });

  it('shows names as text, never as markup', async () => {
    const hostile = '<img src="x" onerror="window.opener.postMessage(1, \'*\')">Acme & Co';
    const [search, ...rest] = createMemoryAdapter().snapshot();
    const { document, posted } = await openSignIn(createMemoryAdapter({ connections: [{ ...search!, accountName: hostile }, ...rest] }));

    expect(document.querySelector('main')?.textContent).toContain(hostile);
    expect(document.querySelector('main img')).toBeNull();
    expect(posted).toEqual([]);
  });
});
