import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { AUTHORIZATION_MESSAGE_TYPE, channelName } from '../../src/core/message';
import { ConnectionsError } from '../../src/core/errors';
import { createConnectionStore } from '../../src/core/store';
import type { ConnectionStore, ConnectionStoreOptions } from '../../src/core/store';
import type { AuthorizationResult, Connection, ConnectionsAdapter } from '../../src/core/types';
import { FORGED_CODE, HOSTILE_DESCRIPTION, SIGN_IN_PAGE_LOADED } from './oauth-provider-modes';
import type { ProviderMode } from './oauth-provider-modes';

/* -------------------------------------------------------------------------------------------------
 * The OAuth popup in Chromium: the app on http://localhost, the platform on http://127.0.0.1
 * -----------------------------------------------------------------------------------------------*/

const PROVIDER = inject('oauthProviderUrl');
/** The app's callback page, on the test page's own origin, calling handleAuthorizationCallback(). */
const CALLBACK_URL = new URL('/test/browser/fixtures/oauth-callback.html', window.location.origin).href;

const SEARCH: Connection = {
  id: 'gads-search',
  provider: 'google_ads',
  category: 'advertising',
  accountName: 'Acme Search',
  accountId: '123-456-7890',
  status: 'authorization_required',
  statusSince: '2025-03-01T09:00:00.000Z',
};

const CRM: Connection = {
  id: 'sfdc-prod',
  provider: 'salesforce',
  category: 'crm',
  accountName: 'Acme Production',
  accountId: '00D5e000000AbCd',
  status: 'authorization_required',
  statusSince: '2025-03-02T09:00:00.000Z',
};

/** How the stand-in provider answers, for every connection unless `modes` names one. */
let mode: ProviderMode;
let modes: Record<string, ProviderMode>;
let adapter: ReturnType<typeof createAdapter>;
let store: ConnectionStore;
let release: () => void;
let open: MockInstance<typeof window.open>;
let flow: Promise<Connection> | undefined;
let crmFlow: Promise<Connection> | undefined;
/** Every `message` event this window received, to prove what arrived and from where. */
let received: { origin: string; data: unknown }[];
/** Every state the adapter handed out in this test. */
let issued: string[];
const record = (event: MessageEvent) => received.push({ origin: event.origin, data: event.data });

/** A backend whose authorization URL points at the stand-in provider in the chosen mode. */
function createAdapter() {
  let flows = 0;
  return {
    listConnections: vi.fn(async () => [structuredClone(SEARCH), structuredClone(CRM)]),
    startAuthorization: vi.fn(async (connection: Connection) => {
      // A network round trip: the popup must already be open by now.
      await new Promise((resolve) => setTimeout(resolve, 30));
      flows += 1;
      const state = `state-${flows}-${crypto.randomUUID()}`;
      issued.push(state);
      const url = new URL('/authorize', PROVIDER);
      url.search = new URLSearchParams({ mode: modes[connection.id] ?? mode, state, client_id: 'test-app', redirect_uri: CALLBACK_URL }).toString();
      return { url: url.href, state };
    }),
    completeAuthorization: vi.fn(async (connection: Connection, _result: AuthorizationResult) => ({
      ...connection,
      status: 'connected' as const,
      statusSince: new Date().toISOString(),
    })),
  } satisfies ConnectionsAdapter;
}

/** Each row's "Reconnect", as a plain button whose click handler starts the flow without awaiting anything. */
function renderKeys(): void {
  for (const connection of [SEARCH, CRM]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `Reauthorize ${connection.accountName}`;
    button.addEventListener('click', () => {
      const started = store.reauthorize(connection.id);
      started.catch(() => {});
      if (connection === SEARCH) flow = started;
      else crmFlow = started;
    });
    document.body.append(button);
  }
}

async function clickKey(accountName = SEARCH.accountName): Promise<void> {
  await userEvent.click(page.getByRole('button', { name: `Reauthorize ${accountName}` }));
}

/**
 * Waits until the stand-in platform's sign-in page (mode `wait`) has shown in the popup. Only this
 * test's flows count: a page the test before left loading may still post when this one runs.
 */
async function signInPageShown(count = 1): Promise<void> {
  const shown = () => received.filter((m) => typeof m.data === 'string' && issued.some((state) => m.data === SIGN_IN_PAGE_LOADED + state)).length;
  await expect.poll(shown).toBe(count);
}

function popups(): Window[] {
  return open.mock.results.map((result) => result.value as Window | null).filter((popup): popup is Window => popup !== null);
}

/** `popup` as the flow sees it, with every call to its `focus()` reported to `onFocus` first. */
function recordFocus(popup: Window, onFocus: () => void): Window {
  return new Proxy(popup, {
    get(target, key) {
      if (key === 'focus') {
        return () => {
          onFocus();
          target.focus();
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function phase() {
  return store.getFlow(SEARCH.id).phase;
}

async function setUp(options: ConnectionStoreOptions = {}) {
  adapter = createAdapter();
  store = createConnectionStore(adapter, { retry: false, refreshOnFocus: false, refreshOnReconnect: false, onError: () => {}, ...options });
  release = store.retain();
  await expect.poll(() => store.getState().status).toBe('ready');
  renderKeys();
}

beforeEach(() => {
  mode = 'allow';
  modes = {};
  flow = undefined;
  crmFlow = undefined;
  received = [];
  issued = [];
  window.addEventListener('message', record);
  open = vi.spyOn(window, 'open');
});

afterEach(() => {
  window.removeEventListener('message', record);
  release();
  for (const popup of popups()) popup.close();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('given a lapsed connection and a platform on another origin', () => {
  it('signs in through a real popup opened from the click, and completes once', async () => {
    await setUp();

    await clickKey();

    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toBe('');
    expect(String(open.mock.calls[0]![2])).not.toMatch(/noopener|noreferrer/);
    await expect.poll(phase).toBe('succeeded');
    expect(adapter.completeAuthorization).toHaveBeenCalledTimes(1);
    const [, result] = adapter.completeAuthorization.mock.calls[0]!;
    const { state } = await adapter.startAuthorization.mock.results[0]!.value;
    expect(result).toMatchObject({ state, code: expect.stringMatching(/^code-/) });
    expect(store.getConnection(SEARCH.id)?.status).toBe('connected');
    await expect(flow).resolves.toMatchObject({ status: 'connected' });
    // The callback page answered its opener directly, from the app's own origin.
    expect(received.filter((m) => isOurMessage(m.data) && issued.includes(m.data.result.state)).map((m) => m.origin)).toEqual([window.location.origin]);
    await expect.poll(() => popups()[0]!.closed).toBe(true);
  });

  // The callback page no longer waits for a receipt from the app: it hands the answer over and
  // closes at once. An app that is gone (its tab reloaded) simply never uses the answer.
  it('hands the answer to its opener and on the state’s channel, and closes itself without waiting for the app', async () => {
    const state = `handed-over-${crypto.randomUUID()}`;
    const channel = new BroadcastChannel(channelName(state));
    const onChannel: unknown[] = [];
    channel.onmessage = (event) => onChannel.push(event.data);
    try {
      const popup = window.open(`${CALLBACK_URL}?code=code-handed-over&state=${state}`, 'handed-over', 'popup=yes,width=400,height=300')!;
      expect(popup).not.toBeNull();
      await expect.poll(() => popup.closed).toBe(true);
      const expected = { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { state, code: 'code-handed-over', params: { code: 'code-handed-over', state } } };
      // To this window, from the app's own origin, and once on the channel.
      await expect.poll(() => received.filter((m) => isOurMessage(m.data) && m.data.result.state === state)).toEqual([{ origin: window.location.origin, data: expected }]);
      await expect.poll(() => onChannel).toEqual([expected]);
    } finally {
      channel.close();
    }
  });

  it('stays open on an error, says so, and strips the answer from its address', async () => {
    const state = `refused-${crypto.randomUUID()}`;
    const popup = window.open(`${CALLBACK_URL}?error=access_denied&error_description=No&state=${state}`, 'refused', 'popup=yes,width=400,height=300')!;
    try {
      await expect
        .poll(() => popup.document?.querySelector('[role="status"]')?.textContent ?? '')
        .toBe('The sign-in did not finish. Close this window and try again in the app.');
      expect(popup.location.search).toBe('');
      expect(popup.location.pathname).toBe(new URL(CALLBACK_URL).pathname);
      // A message arrives on its own task: wait for it rather than race it.
      await expect.poll(() => received.filter((m) => isOurMessage(m.data) && m.data.result.state === state).map((m) => (m.data as { result: AuthorizationResult }).result)).toEqual([
        { state, error: 'access_denied', errorDescription: 'No', params: { error: 'access_denied', error_description: 'No', state } },
      ]);
      // It is still open a moment later.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(popup.closed).toBe(false);
    } finally {
      popup.close();
    }
  });

  it('ignores look-alike results the platform’s page posts to the app', async () => {
    mode = 'forge';
    await setUp();

    await clickKey();

    await expect.poll(phase).toBe('succeeded');
    const forged = received.filter((message) => message.origin === new URL(PROVIDER).origin);
    expect(forged.length).toBeGreaterThan(0);
    expect(adapter.completeAuthorization).toHaveBeenCalledTimes(1);
    expect(adapter.completeAuthorization.mock.calls[0]![1].code).not.toBe(FORGED_CODE);
  });

  it('ignores a result carrying another state and keeps waiting', async () => {
    mode = 'wrong-state';
    await setUp();

    await clickKey();

    // The callback page did post its (tampered) result to the app…
    await expect
      .poll(() => received.some((m) => m.origin === window.location.origin && isOurMessage(m.data) && m.data.result.state.endsWith('-tampered')))
      .toBe(true);
    // …and the flow paid no attention.
    expect(adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(phase()).toBe('awaiting_user');

    store.cancelReauthorize(SEARCH.id);
    await expect(flow).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('keeps a denial’s HTML description as text', async () => {
    mode = 'deny';
    await setUp();

    await clickKey();

    await expect.poll(phase).toBe('failed');
    const error = store.getFlow(SEARCH.id).error;
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error).toMatchObject({ code: 'provider_error', providerError: 'access_denied', providerErrorDescription: HOSTILE_DESCRIPTION, isCancellation: true });
    expect(adapter.completeAuthorization).not.toHaveBeenCalled();
    expect((window as { __providerHtmlRan?: boolean }).__providerHtmlRan).toBeUndefined();
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
  });

  // How soon is proven on a fake clock in test/unit/oauth/reauthorize-flow.test.ts ("says so within
  // a second"); here, on a shared machine's real clock, only that a real cross-origin window's
  // `closed` reaches the flow with nothing else happening (no focus, no message).
  it('notices that the user closed the real cross-origin window, and reopens it from a second click', async () => {
    mode = 'wait';
    await setUp();
    await clickKey();
    await expect.poll(() => store.getFlow(SEARCH.id).popup).toBe('open');
    await signInPageShown();

    popups()[0]!.close();

    await expect.poll(() => store.getFlow(SEARCH.id).popup).toBe('closed');
    expect(phase()).toBe('awaiting_user');
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');

    await clickKey();

    expect(open).toHaveBeenCalledTimes(2);
    expect(popups()[1]!.closed).toBe(false);
    expect(store.getFlow(SEARCH.id).popup).toBe('open');
    expect(adapter.startAuthorization).toHaveBeenCalledTimes(1);

    store.cancelReauthorize(SEARCH.id);
    await expect(flow).rejects.toMatchObject({ code: 'cancelled' });
    expect(popups()[1]!.closed).toBe(true);
  });

  it('still completes when the platform’s Cross-Origin-Opener-Policy severs the popup from the app', async () => {
    mode = 'coop';
    await setUp();

    await clickKey();

    await expect.poll(phase).toBe('succeeded');
    expect(adapter.completeAuthorization).toHaveBeenCalledTimes(1);
    // Nothing came by postMessage: the callback page had no opener, so the channel carried it.
    expect(received.filter((m) => isOurMessage(m.data) && issued.includes(m.data.result.state))).toEqual([]);
  });

  it('closes the window when the user cancels while the platform page is still loading', async () => {
    mode = 'wait';
    await setUp();
    await clickKey();
    // The URL just arrived: the window is on its way to the platform, and Chromium may drop a
    // close() that lands meanwhile. The flow asks again until the window is gone.
    await expect.poll(() => store.getFlow(SEARCH.id).popup).toBe('open');

    store.cancelReauthorize(SEARCH.id);

    await expect(flow).rejects.toMatchObject({ code: 'cancelled' });
    // `closed` reads true at once even when Chromium is about to lose the close(): look again
    // once the stand-in page (served from this machine) would have arrived, and a look of the
    // flow's has had time to close it again.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(popups()[0]!.closed).toBe(true);
  });

  it('focuses the open window on a second click instead of opening another', async () => {
    mode = 'wait';
    // A cross-origin window cannot be spied on: hand the flow a stand-in that records focus()
    // and passes everything else through to the real popup.
    const focused = vi.fn();
    open.mockRestore();
    const realOpen = window.open.bind(window);
    open = vi.spyOn(window, 'open').mockImplementation((...args) => {
      const popup = realOpen(...args);
      return popup && recordFocus(popup, focused);
    });
    await setUp();
    await clickKey();
    await expect.poll(() => store.getFlow(SEARCH.id).popup).toBe('open');
    expect(focused).not.toHaveBeenCalled();

    await clickKey();

    expect(focused).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledTimes(1);
    expect(adapter.startAuthorization).toHaveBeenCalledTimes(1);
    expect(popups()[0]!.closed).toBe(false);
  });

  it('ends the first flow as superseded when another connection’s key is clicked, and completes the second', async () => {
    modes = { [SEARCH.id]: 'wait', [CRM.id]: 'allow' };
    await setUp();
    await clickKey();
    await expect.poll(() => store.getFlow(SEARCH.id).popup).toBe('open');
    await signInPageShown();

    await clickKey(CRM.accountName);

    await expect(flow).rejects.toMatchObject({ code: 'superseded' });
    expect(popups()[0]!.closed).toBe(true);
    await expect.poll(() => store.getFlow(CRM.id).phase).toBe('succeeded');
    await expect(crmFlow).resolves.toMatchObject({ id: CRM.id, status: 'connected' });
    expect(adapter.completeAuthorization).toHaveBeenCalledTimes(1);
    expect(adapter.completeAuthorization.mock.calls[0]![0].id).toBe(CRM.id);
  });

  it('fails with popup_blocked when window.open returns null, and opens from a fresh click', async () => {
    await setUp();
    open.mockReturnValueOnce(null);

    await clickKey();

    expect(phase()).toBe('failed');
    expect(store.getFlow(SEARCH.id).error?.code).toBe('popup_blocked');
    expect(adapter.startAuthorization).not.toHaveBeenCalled();

    await clickKey();

    await expect.poll(phase).toBe('succeeded');
    expect(open).toHaveBeenCalledTimes(2);
  });
});

function isOurMessage(data: unknown): data is { type: string; result: AuthorizationResult } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === AUTHORIZATION_MESSAGE_TYPE;
}
