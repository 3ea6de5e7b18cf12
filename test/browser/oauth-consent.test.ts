import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, createSampleConnections } from '../../src/core/memory-adapter';
import type { MemoryAdapter } from '../../src/core/memory-adapter';
import { channelName } from '../../src/core/message';
import { createConnectionStore } from '../../src/core/store';
import type { ConnectionStore } from '../../src/core/store';
import type { Connection } from '../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The memory adapter's simulated platform, clicked through in a real Chromium popup: a blob: page
 * the adapter makes, at a nested route of an app that serves no sign-in or callback page
 * -----------------------------------------------------------------------------------------------*/

let adapter: MemoryAdapter;
let store: ConnectionStore;
let release: () => void;
let open: MockInstance<typeof window.open>;
let before: string;

async function setUp(connections?: Connection[]) {
  adapter = createMemoryAdapter({ backfillStepMs: 0, ...(connections && { connections }) });
  store = createConnectionStore(adapter, { retry: false, refreshOnFocus: false, refreshOnReconnect: false, onError: () => {} });
  release = store.retain();
  await expect.poll(() => store.getState().status).toBe('ready');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reauthorize';
  button.addEventListener('click', () => {
    store.reauthorize('gads-search').catch(() => {});
  });
  document.body.append(button);
}

/** The popup once its sign-in page has loaded and its script has run. */
async function signInPage(index = 0): Promise<Window> {
  await expect
    .poll(() => {
      const popup = open.mock.results[index]?.value as Window | null | undefined;
      return popup?.location.protocol === 'blob:' && popup.document.readyState === 'complete' && popup.document.title !== 'Sign in';
    })
    .toBe(true);
  return open.mock.results[index]!.value as Window;
}

/** Clicks the app's button and waits for the sign-in page in the popup. */
async function openSignIn(): Promise<Window> {
  await userEvent.click(page.getByRole('button', { name: 'Reauthorize' }));
  return signInPage();
}

function choose(popup: Window, label: string) {
  [...popup.document.querySelectorAll('button')].find((button) => button.textContent === label)!.click();
}

function flow() {
  return store.getFlow('gads-search');
}

beforeEach(() => {
  // A nested route: the old sign-in page, resolved beside the current page, was a 404 here.
  before = location.href;
  history.pushState(null, '', '/settings/connections');
  open = vi.spyOn(window, 'open');
});

afterEach(() => {
  release();
  for (const result of open.mock.results) (result.value as Window | null)?.close();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  history.replaceState(null, '', before);
});

describe('given the in-memory adapter’s sign-in page, at /settings/connections', () => {
  it('opens on the app’s own origin, names the platform and the account, and starts with focus on Allow', async () => {
    await setUp();

    const popup = await openSignIn();

    expect(location.pathname).toBe('/settings/connections');
    expect(popup.location.href.startsWith(`blob:${location.origin}/`)).toBe(true);
    expect(popup.location.origin).toBe(location.origin);
    const { document: signIn } = popup;
    expect(signIn.documentElement.lang).toBe('en');
    expect(signIn.title).toBe('Sign in to Google Ads');
    expect(signIn.querySelector('main h1')?.textContent).toBe('Sign in to Google Ads');
    expect(signIn.querySelector('main')?.textContent).toContain('Acme Search');
    expect(signIn.querySelector('main')?.textContent).toContain('Account ID 123-456-7890');
    expect([...signIn.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Allow', 'Use another account', 'Deny']);
    expect(signIn.activeElement?.textContent).toBe('Allow');
    // Light or dark, as the user's system is.
    expect(popup.getComputedStyle(signIn.documentElement).colorScheme).toBe('light dark');
  });

  it('has no axe violations', async () => {
    await setUp();
    const popup = await openSignIn();

    // axe runs inside the page it checks.
    (popup as unknown as { eval(source: string): void }).eval(axe.source);
    const results = await (popup as unknown as { axe: typeof axe }).axe.run(popup.document);

    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    expect(results.passes.map((pass) => pass.id)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'html-has-lang', 'document-title', 'page-has-heading-one']));
  });

  it('reconnects the account when the user allows, and closes itself', async () => {
    await setUp();
    const popup = await openSignIn();

    choose(popup, 'Allow');

    await expect.poll(() => flow().phase).toBe('succeeded');
    expect(store.getConnection('gads-search')?.status).toBe('connected');
    expect(adapter.snapshot().find((c) => c.id === 'gads-search')?.status).toBe('connected');
    await expect.poll(() => popup.closed).toBe(true);
  });

  it('also sends the answer on the state’s BroadcastChannel, as the callback page does', async () => {
    await setUp();
    const popup = await openSignIn();
    const state = new URLSearchParams(popup.location.hash.slice(1)).get('state')!;
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(channelName(state));
    channel.onmessage = (event) => heard.push(event.data);

    choose(popup, 'Allow');

    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]).toMatchObject({ type: 'react-connected-accounts:authorization-result', version: 1, result: { state, code: expect.any(String) } });
    channel.close();
  });

  it('ends with account_mismatch when the user uses another account', async () => {
    await setUp();
    const popup = await openSignIn();

    choose(popup, 'Use another account');

    await expect.poll(() => flow().phase).toBe('failed');
    expect(flow().error?.code).toBe('account_mismatch');
    expect(store.getConnection('gads-search')).toMatchObject({ status: 'authorization_required', accountId: '123-456-7890' });
  });

  it('reads a denial as the user cancelling', async () => {
    await setUp();
    const popup = await openSignIn();

    choose(popup, 'Deny');

    await expect.poll(() => flow().phase).toBe('failed');
    expect(flow().error).toMatchObject({ code: 'provider_error', providerError: 'access_denied', isCancellation: true });
    expect(store.getConnection('gads-search')?.status).toBe('authorization_required');
  });

  it('comes back when the closed window is opened again, and still works', async () => {
    await setUp();
    const popup = await openSignIn();

    popup.close();
    await expect.poll(() => flow().popup).toBe('closed');
    expect(flow().phase).toBe('awaiting_user');
    await userEvent.click(page.getByRole('button', { name: 'Reauthorize' }));
    const again = await signInPage(1);
    choose(again, 'Allow');

    await expect.poll(() => flow().phase).toBe('succeeded');
  });

  it('shows account names as text, never as markup', async () => {
    const hostile = '<img src="x" onerror="window.opener.__signInHtmlRan = true">Acme';
    const connections = createSampleConnections().map((c) => (c.id === 'gads-search' ? { ...c, accountName: hostile } : c));
    await setUp(connections);

    const popup = await openSignIn();

    expect(popup.document.querySelector('main')?.textContent).toContain(hostile);
    expect(popup.document.querySelector('main img')).toBeNull();
    expect((window as { __signInHtmlRan?: boolean }).__signInHtmlRan).toBeUndefined();
  });
});
