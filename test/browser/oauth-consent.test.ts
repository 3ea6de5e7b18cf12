import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, createSampleConnections } from '../../src/core/memory-adapter';
import type { MemoryAdapter } from '../../src/core/memory-adapter';
import { createConnectionStore } from '../../src/core/store';
import type { ConnectionStore } from '../../src/core/store';
import type { Connection } from '../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The memory adapter's simulated platform, clicked through in Chromium: public/oauth/consent.html,
 * redirecting to a callback page that calls handleAuthorizationCallback()
 * -----------------------------------------------------------------------------------------------*/

/** The app's callback page in the browser tests: the library's own helper, nothing else. */
const CALLBACK_URL = new URL('/test/browser/fixtures/oauth-callback.html', location.origin).href;

let adapter: MemoryAdapter;
let store: ConnectionStore;
let release: () => void;
let open: MockInstance<typeof window.open>;

async function setUp(connections?: Connection[]) {
  adapter = createMemoryAdapter({ backfillStepMs: 0, redirectUri: CALLBACK_URL, ...(connections && { connections }) });
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

/** Clicks the red key and waits for the consent page to be ready in the popup. */
async function openConsent(): Promise<Document> {
  await userEvent.click(page.getByRole('button', { name: 'Reauthorize' }));
  const popup = open.mock.results[0]!.value as Window;
  // Parsed to the end, so its script has given the buttons their handlers.
  await expect
    .poll(() => popup.location.pathname === '/oauth/consent.html' && popup.document?.readyState !== 'loading' && popup.document.getElementById('allow') !== null, { timeout: 5000 })
    .toBe(true);
  return popup.document;
}

function flow() {
  return store.getFlow('gads-search');
}

beforeEach(() => {
  open = vi.spyOn(window, 'open');
});

afterEach(() => {
  release();
  for (const result of open.mock.results) (result.value as Window | null)?.close();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('given the in-memory adapter’s consent page', () => {
  it('names the platform and the account, and starts with focus on Allow', async () => {
    await setUp();

    const consent = await openConsent();

    expect(consent.querySelector('h1')?.textContent).toBe('Sign in to Google Ads');
    expect(consent.getElementById('account-name')?.textContent).toBe('Acme Search');
    expect(consent.getElementById('account-id')?.textContent).toBe('Account ID 123-456-7890');
    expect(consent.activeElement?.id).toBe('allow');
    const names = [...consent.querySelectorAll('button')].map((button) => button.textContent);
    expect(names).toEqual(['Allow', 'Sign in with a different account', 'Deny', 'Close window']);
  });

  it('reconnects the account when the user allows', async () => {
    await setUp();
    const consent = await openConsent();

    consent.getElementById('allow')!.click();

    await expect.poll(() => flow().phase, { timeout: 5000 }).toBe('succeeded');
    expect(store.getConnection('gads-search')?.status).toBe('connected');
    expect(adapter.snapshot().find((c) => c.id === 'gads-search')?.status).toBe('connected');
  });

  it('ends with account_mismatch when the user signs in with a different account', async () => {
    await setUp();
    const consent = await openConsent();

    consent.getElementById('other')!.click();

    await expect.poll(() => flow().phase, { timeout: 5000 }).toBe('failed');
    expect(flow().error?.code).toBe('account_mismatch');
    expect(store.getConnection('gads-search')).toMatchObject({ status: 'authorization_required', accountId: '123-456-7890' });
  });

  it('reads a denial as the user cancelling', async () => {
    await setUp();
    const consent = await openConsent();

    consent.getElementById('deny')!.click();

    await expect.poll(() => flow().phase, { timeout: 5000 }).toBe('failed');
    expect(flow().error).toMatchObject({ code: 'provider_error', providerError: 'access_denied', isCancellation: true });
  });

  it('closes itself from "Close window", and the flow notices', async () => {
    await setUp();
    const consent = await openConsent();

    consent.getElementById('close')!.click();

    await expect.poll(() => flow().popup, { timeout: 5000 }).toBe('closed');
    expect(flow().phase).toBe('awaiting_user');
  });

  it('shows account names as text, never as markup', async () => {
    const hostile = '<img src="x" onerror="window.opener.__consentHtmlRan = true">Acme';
    const connections = createSampleConnections().map((c) => (c.id === 'gads-search' ? { ...c, accountName: hostile } : c));
    await setUp(connections);

    const consent = await openConsent();

    expect(consent.getElementById('account-name')?.textContent).toBe(hostile);
    expect(consent.querySelector('main img')).toBeNull();
    expect((window as { __consentHtmlRan?: boolean }).__consentHtmlRan).toBeUndefined();
  });
});
