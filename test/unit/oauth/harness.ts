import { vi } from 'vitest';
import { AUTHORIZATION_MESSAGE_TYPE, channelName as authorizationChannelName } from '../../../src/core/message';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import type { ConnectionStoreOptions } from '../../../src/core/store';
import type { AdapterContext, AuthorizationResult, AuthorizationStart, Connection, ConnectionsAdapter } from '../../../src/core/types';
import { deferred } from '../../support/deferred';
import type { Deferred } from '../../support/deferred';

/* -------------------------------------------------------------------------------------------------
 * Shared set-up for the OAuth flow tests: fake popups, a fake adapter with deferred answers
 * -----------------------------------------------------------------------------------------------*/

export { deferred };
export type { Deferred };

/** A stand-in for the window `window.open` returns: what the flow touches, and a record of it. */
export interface FakePopup {
  closed: boolean;
  close: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  location: { replace: ReturnType<typeof vi.fn> };
  /** The arguments `window.open` was called with. */
  opened: { url: string; name: string; features: string };
}

function createFakePopup(url: string, name: string, features: string): FakePopup {
  const popup: FakePopup = {
    closed: false,
    close: vi.fn(() => {
      popup.closed = true;
    }),
    focus: vi.fn(),
    location: { replace: vi.fn() },
    opened: { url, name, features },
  };
  return popup;
}

/**
 * Replaces `window.open`. `next` decides what the following call returns: a fresh fake popup
 * (the default), `null` (blocked) or an already closed window.
 */
export function stubWindowOpen() {
  const popups: FakePopup[] = [];
  let next: 'popup' | 'blocked' | 'closed' = 'popup';
  const open = vi.spyOn(window, 'open').mockImplementation((url?: string | URL, name?: string, features?: string) => {
    if (next === 'blocked') return null;
    const popup = createFakePopup(String(url ?? ''), name ?? '', features ?? '');
    if (next === 'closed') popup.closed = true;
    popups.push(popup);
    return popup as unknown as Window;
  });
  return {
    open,
    popups,
    /** The most recent popup. */
    get last(): FakePopup {
      const popup = popups.at(-1);
      if (!popup) throw new Error('No popup was opened.');
      return popup;
    },
    willReturn(kind: 'popup' | 'blocked' | 'closed') {
      next = kind;
    },
  };
}

export function connection(overrides: Partial<Connection> & Pick<Connection, 'id'>): Connection {
  return {
    provider: 'google_ads',
    category: 'advertising',
    accountName: 'Acme Search',
    accountId: '123-456-7890',
    status: 'authorization_required',
    statusSince: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export const SEARCH = connection({ id: 'gads-search' });
export const CRM = connection({ id: 'sfdc-prod', provider: 'salesforce', category: 'crm', accountName: 'Acme Production', accountId: '00D5e000000AbCd' });

interface StartCall {
  connection: Connection;
  ctx: AdapterContext;
  answer: Deferred<AuthorizationStart>;
}

interface CompleteCall {
  connection: Connection;
  result: AuthorizationResult;
  ctx: AdapterContext;
  answer: Deferred<Connection>;
}

/**
 * An adapter whose OAuth answers the test gives by hand. `server` is the backend's truth that
 * `listConnections` returns.
 */
export function createFakeAdapter(initial: Connection[] = [SEARCH, CRM]) {
  const server = new Map(initial.map((c) => [c.id, structuredClone(c)]));
  const starts: StartCall[] = [];
  const completes: CompleteCall[] = [];
  const adapter = {
    listConnections: vi.fn(async (_ctx: AdapterContext) => [...server.values()].map((c) => structuredClone(c))),
    startAuthorization: vi.fn((connection: Connection, ctx: AdapterContext) => {
      const answer = deferred<AuthorizationStart>();
      starts.push({ connection, ctx, answer });
      return answer.promise;
    }),
    completeAuthorization: vi.fn((connection: Connection, result: AuthorizationResult, ctx: AdapterContext) => {
      const answer = deferred<Connection>();
      completes.push({ connection, result, ctx, answer });
      return answer.promise;
    }),
  } satisfies ConnectionsAdapter;
  return { adapter, server, starts, completes };
}

/** A store with one user, its first list loaded, quiet about problems and without focus refreshes. */
export async function createStore(adapter: ConnectionsAdapter, options: ConnectionStoreOptions = {}) {
  const store = createConnectionStore(adapter, { retry: false, refreshOnFocus: false, refreshOnReconnect: false, onError: vi.fn(), ...options });
  const release = store.retain();
  await until(() => store.getState().status === 'ready');
  return { store, release };
}

/**
 * Lets promises and real I/O (a Node `BroadcastChannel` delivers on the event loop) run until
 * `check` holds; fails after a bounded number of event-loop turns. Fake timers do not move.
 * A real timer of 0 ms fires after 1 ms, and 200 turns can pass in less than that: the bound is
 * large, and a condition that holds returns at once.
 */
export async function until(check: () => boolean, turns = 20_000): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    if (check()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!check()) throw new Error('The condition never held.');
}

/** A few event-loop turns, for asserting that something did NOT happen. */
export async function settle(turns = 20): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Timers faked, `setImmediate` (used by `until`) left real. */
export function useFakeTimers() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** The callback page's answer, as a `message` event on this window from `origin`. */
export function postResult(result: Partial<AuthorizationResult> & { state: string }, origin = window.location.origin): void {
  window.dispatchEvent(
    new window.MessageEvent('message', { data: { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { params: {}, ...result } }, origin }),
  );
}

/** Any data as a `message` event on this window. */
export function postRaw(data: unknown, origin = window.location.origin): void {
  window.dispatchEvent(new window.MessageEvent('message', { data, origin }));
}

/** The callback page's answer on the state's `BroadcastChannel`, as a popup without opener sends it. */
export function broadcastResult(result: Partial<AuthorizationResult> & { state: string }): void {
  const channel = new BroadcastChannel(authorizationChannelName(result.state));
  channel.postMessage({ type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { params: {}, ...result } });
  channel.close();
}

export const AUTHORIZE_URL = 'https://accounts.example.com/o/oauth2/auth?client_id=app';
