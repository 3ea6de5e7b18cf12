import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import type { ConnectionStore } from '../../../src/core/store';
/** How long a closed window is looked at again: 0.2 + 0.4 + … + 6.4 s after it was told to close. */
const CLOSING_MS = 12_600;
import type { Connection } from '../../../src/core/types';
import {
  AUTHORIZE_URL,
  CRM,
  SEARCH,
  broadcastResult,
  connection,
  deferred,
  createFakeAdapter,
  createStore,
  postRaw,
  postResult,
  settle,
  stubWindowOpen,
  until,
  useFakeTimers,
} from './harness';

/* -------------------------------------------------------------------------------------------------
 * The OAuth re-authorization flow, as the store runs it (SPEC §8, items 1–8, 10 and 12)
 * -----------------------------------------------------------------------------------------------*/

let windows: ReturnType<typeof stubWindowOpen>;
let fake: ReturnType<typeof createFakeAdapter>;
let store: ConnectionStore;
let release: () => void;

beforeEach(async () => {
  useFakeTimers();
  windows = stubWindowOpen();
  fake = createFakeAdapter();
  ({ store, release } = await createStore(fake.adapter));
});

afterEach(() => {
  release();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * A window told to close is looked at again for a while (Chromium can lose a close() that lands
 * mid-navigation): the one kind of timer a flow leaves behind, ending on its own.
 */
function afterClosingChecks(): void {
  vi.advanceTimersByTime(CLOSING_MS);
}

/**
 * Clicks the red key, lets the adapter hand out the authorization URL and state, and waits until
 * the flow has moved on from `starting`. Returns the flow's promise (wrapped, so that a flow
 * a test leaves running is not an unhandled rejection when it ends).
 */
async function startFlow(id = SEARCH.id, state = 'state-1', url = AUTHORIZE_URL) {
  const done = store.reauthorize(id);
  fake.starts.at(-1)!.answer.resolve({ url, state });
  await until(() => store.getFlow(id).phase !== 'starting');
  return { done };
}

describe('given a lapsed Google Ads connection', () => {
  it('opens the sign-in window inside the click, before the authorization URL is known', () => {
    void store.reauthorize(SEARCH.id);

    expect(windows.open).toHaveBeenCalledTimes(1);
    expect(fake.adapter.startAuthorization).toHaveBeenCalledTimes(1);
    expect(windows.open.mock.invocationCallOrder[0]).toBeLessThan(fake.adapter.startAuthorization.mock.invocationCallOrder[0]!);
    expect(windows.last.opened.url).toBe('');
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'open' });
  });

  it('opens a sized popup and never severs it from the app with noopener or noreferrer', () => {
    void store.reauthorize(SEARCH.id);

    const { features } = windows.last.opened;
    expect(features).toMatch(/popup=yes/);
    expect(features).toMatch(/width=\d+/);
    expect(features).toMatch(/height=\d+/);
    expect(features).not.toMatch(/noopener|noreferrer/i);
  });

  it('opens a new, unnamed window every time, so no other window can reach it or be handed back by name', async () => {
    void store.reauthorize(SEARCH.id);
    store.cancelReauthorize(SEARCH.id);
    void store.reauthorize(SEARCH.id);

    expect(windows.popups.map((popup) => popup.opened.name)).toEqual(['_blank', '_blank']);
  });

  it('sends the open window to the platform once the adapter answers, and waits for the user', async () => {
    await startFlow();

    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    expect(windows.last.location.replace).toHaveBeenCalledWith(AUTHORIZE_URL);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'open' });
    expect(windows.open).toHaveBeenCalledTimes(1);
  });

  it('goes through completing to succeeded, applying the connection the adapter returned', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-1', code: 'code-1', params: { code: 'code-1', state: 'state-1', scope: 'ads' } });
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');
    expect(windows.last.close).toHaveBeenCalled();
    expect(fake.completes).toHaveLength(1);
    expect(fake.completes[0]!.connection.id).toBe(SEARCH.id);
    expect(fake.completes[0]!.result).toEqual({ state: 'state-1', code: 'code-1', params: { code: 'code-1', state: 'state-1', scope: 'ads' } });

    const reconnected = { ...SEARCH, status: 'connected' as const, statusSince: '2025-03-04T10:00:00.000Z' };
    fake.completes[0]!.answer.resolve(reconnected);

    await expect(done).resolves.toEqual(reconnected);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'succeeded', method: 'oauth', connection: reconnected });
    expect(store.getConnection(SEARCH.id)?.status).toBe('connected');
  });
});

describe('given a returned connection with a malformed optional field', () => {
  it('succeeds, since the server has stored the grant', async () => {
    const onError = vi.fn();
    store.configure({ onError });
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    const returned = { ...SEARCH, status: 'connected' as const, statusSince: 'yesterday' };
    fake.completes[0]!.answer.resolve(returned);

    await expect(done).resolves.toEqual(returned);
    expect(store.getConnection(SEARCH.id)?.status).toBe('connected');
    expect(onError).not.toHaveBeenCalled();
  });

  it('fails, never connected, when accountId is malformed: another account could hide behind it', async () => {
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected', accountId: 9_876_543_210 } as unknown as Connection);
    // Compared exactly: a number is not the account id it spells.
    await expect(done).rejects.toMatchObject({ code: 'account_mismatch' });
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
  });

  it('fails with adapter_failed when a required field is malformed', async () => {
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'fixed' } as unknown as Connection);
    await expect(done).rejects.toMatchObject({ code: 'adapter_failed', connectionId: SEARCH.id, message: expect.stringMatching(/"status" is "fixed"/) });
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
  });
});

describe('given an authorization URL that is not safe to open', () => {
  it.each([
    ['a javascript: URL', 'javascript:alert(document.cookie)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['plain http on a public host', 'http://accounts.example.com/authorize'],
    ['a relative URL', '/oauth/authorize?state=1'],
    ['a URL carrying credentials', 'https://user:secret@accounts.example.com/authorize'],
    ['no URL at all', undefined],
  ])('refuses %s with invalid_authorization_url and closes the popup', async (_name, url) => {
    const done = store.reauthorize(SEARCH.id);
    fake.starts[0]!.answer.resolve({ url: url as string, state: 'state-1' });

    await expect(done).rejects.toMatchObject({ code: 'invalid_authorization_url', retryable: false });
    expect(windows.last.location.replace).not.toHaveBeenCalled();
    expect(windows.last.close).toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id).phase).toBe('failed');
    expect(store.getFlow(SEARCH.id).error?.code).toBe('invalid_authorization_url');
    afterClosingChecks();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens the URL it checked: one without "//" goes where the check read it, not to the app\'s own pages', async () => {
    await startFlow(SEARCH.id, 'state-1', 'https:/accounts.example.com/authorize?state=state-1');

    // Resolved against the app's page, the raw string would have been https://<app>/accounts.example.com/authorize.
    expect(windows.last.location.replace).toHaveBeenCalledWith('https://accounts.example.com/authorize?state=state-1');
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    void store.reauthorize(SEARCH.id);
    expect(windows.last.opened.url).toBe('https://accounts.example.com/authorize?state=state-1');
  });

  it.each([
    ['https anywhere', 'https://login.salesforce.com/services/oauth2/authorize?state=x'],
    ['http on localhost', 'http://localhost:8080/authorize'],
    ['http on 127.0.0.1', 'http://127.0.0.1:9000/authorize'],
  ])('opens %s', async (_name, url) => {
    await startFlow(SEARCH.id, 'state-1', url);

    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    expect(windows.last.location.replace).toHaveBeenCalledWith(url);
  });
});

describe('given a flow waiting for the callback page', () => {
  it('ignores a result from another origin, then times out after five minutes', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-1', code: 'forged' }, 'https://accounts.example.com');
    postResult({ state: 'state-1', code: 'forged' }, 'http://localhost');
    await settle();
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    vi.advanceTimersByTime(5 * 60 * 1000);

    await expect(done).rejects.toMatchObject({ code: 'timeout', retryable: true });
    expect(store.getFlow(SEARCH.id).phase).toBe('failed');
    expect(windows.last.close).toHaveBeenCalled();
  });

  it.each([
    ['a bare code', { code: 'c', state: 'state-1' }],
    ['another type', { type: 'oauth-result', version: 1, result: { code: 'c', state: 'state-1', params: {} } }],
    ['another version', { type: 'react-connected-accounts:authorization-result', version: 2, result: { code: 'c', state: 'state-1', params: {} } }],
    ['a state that is not a string', { type: 'react-connected-accounts:authorization-result', version: 1, result: { code: 'c', state: 1, params: {} } }],
    ['a code that is not a string', { type: 'react-connected-accounts:authorization-result', version: 1, result: { code: ['c'], state: 'state-1', params: {} } }],
    ['no result', { type: 'react-connected-accounts:authorization-result', version: 1 }],
    ['a string', 'code=c&state=state-1'],
  ])('ignores a message of the wrong shape (%s) and stays pending', async (_name, data) => {
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postRaw(data);
    await settle();

    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'open' });
  });

  it('ignores the state of an earlier flow and accepts the current one', async () => {
    const { done: first } = await startFlow(SEARCH.id, 'state-old');
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    store.cancelReauthorize(SEARCH.id);
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });

    await startFlow(SEARCH.id, 'state-new');
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-old', code: 'stale' });
    broadcastResult({ state: 'state-old', code: 'stale' });
    await settle();
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-new', code: 'fresh' });
    expect(fake.completes).toHaveLength(1);
    expect(fake.completes[0]!.result.code).toBe('fresh');
  });

  it('completes once when the same result arrives by postMessage and by BroadcastChannel', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    broadcastResult({ state: 'state-1', code: 'code-1' });
    postResult({ state: 'state-1', code: 'code-1' });
    postResult({ state: 'state-1', code: 'code-1' });
    await until(() => fake.completes.length > 0);
    broadcastResult({ state: 'state-1', code: 'code-1' });
    await settle();

    expect(fake.adapter.completeAuthorization).toHaveBeenCalledTimes(1);
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected' });
    await expect(done).resolves.toMatchObject({ status: 'connected' });
  });

  it('accepts the result by BroadcastChannel alone, as when the platform severed window.opener', async () => {
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    broadcastResult({ state: 'state-1', code: 'code-1' });

    await until(() => fake.completes.length === 1);
    expect(fake.completes[0]!.result.code).toBe('code-1');
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');
  });

  it('accepts a callback origin configured with a trailing slash', async () => {
    store.configure({ callbackOrigin: `${window.location.origin}/` });
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-1', code: 'code-1' });

    expect(fake.completes).toHaveLength(1);
  });

  it('listens only to the configured callback origin, and not on the channel of another origin', async () => {
    store.configure({ callbackOrigin: 'https://auth.example.org' });
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-1', code: 'ours' });
    broadcastResult({ state: 'state-1', code: 'ours' });
    await settle();
    expect(fake.completes).toHaveLength(0);

    postResult({ state: 'state-1', code: 'theirs' }, 'https://auth.example.org');
    expect(fake.completes).toHaveLength(1);
    expect(fake.completes[0]!.result.code).toBe('theirs');
  });
});

describe('given a callback origin that is not an origin', () => {
  it('fails at once with unsupported, naming it, instead of waiting for a result it would ignore', async () => {
    store.configure({ callbackOrigin: 'app.example.com' });
    const done = store.reauthorize(SEARCH.id);
    fake.starts.at(-1)!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });

    await expect(done).rejects.toMatchObject({ code: 'unsupported', retryable: false, message: expect.stringContaining('"app.example.com"') });
    expect(windows.last.close).toHaveBeenCalled();
  });
});

describe('given a browser that blocks the popup', () => {
  it('fails with popup_blocked without asking the adapter, and a fresh click opens it', async () => {
    windows.willReturn('blocked');

    await expect(store.reauthorize(SEARCH.id)).rejects.toMatchObject({ code: 'popup_blocked', retryable: true });
    expect(fake.adapter.startAuthorization).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id)).toMatchObject({ phase: 'failed', method: 'oauth', error: { code: 'popup_blocked' } });

    windows.willReturn('popup');
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    expect(windows.last.location.replace).toHaveBeenCalledWith(AUTHORIZE_URL);
  });

  it('treats a window that is closed the moment it opens as blocked', async () => {
    windows.willReturn('closed');

    await expect(store.reauthorize(SEARCH.id)).rejects.toMatchObject({ code: 'popup_blocked' });
    expect(fake.adapter.startAuthorization).not.toHaveBeenCalled();
  });

  it('treats window.open throwing as blocked', async () => {
    windows.open.mockImplementation(() => {
      throw new Error('Blocked by a sandbox');
    });

    await expect(store.reauthorize(SEARCH.id)).rejects.toMatchObject({ code: 'popup_blocked' });
  });
});

describe('given the user closes the sign-in window', () => {
  it('says so within a second, asks the server again, and leaves the connection as it was', async () => {
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    const listsBefore = fake.adapter.listConnections.mock.calls.length;

    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });
    await until(() => fake.adapter.listConnections.mock.calls.length === listsBefore + 1);
    await settle();
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
  });

  it('notices at once when the app window comes back to the front, without waiting for a timer', async () => {
    await startFlow();
    windows.last.closed = true;

    // No timer moves: a background page's timers may be slowed to once a second or less.
    window.dispatchEvent(new Event('focus'));

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });
  });

  it('succeeds when the server shows that a server-side callback finished the grant', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });

    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    await expect(done).resolves.toMatchObject({ id: SEARCH.id, status: 'connected' });
    expect(store.getFlow(SEARCH.id).phase).toBe('succeeded');
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('succeeds when a later load shows the grant a server-side callback finished after the window closed', async () => {
    const { done } = await startFlow();
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    await settle();
    // The first look found nothing: the server had not finished yet.
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });

    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });
    await store.refresh();

    await expect(done).resolves.toMatchObject({ id: SEARCH.id, status: 'connected' });
    expect(store.getFlow(SEARCH.id).phase).toBe('succeeded');
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
  });

  it('leaves a later load to the result when the window was opened again', async () => {
    const { done } = await startFlow();
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    await settle();
    void store.reauthorize(SEARCH.id);
    expect(windows.open).toHaveBeenCalledTimes(2);

    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });
    await store.refresh();
    await settle();

    // The reopened window's result decides; the flow keeps waiting on it.
    expect(store.getFlow(SEARCH.id)).toMatchObject({ phase: 'awaiting_user', method: 'oauth' });
    void done;
  });

  it('does not count a list whose accountId is not this account\'s as the grant, with the window closed', async () => {
    const { done } = await startFlow();
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    await settle();
    // Another account's grant, with an id that is not a string: nothing says whose it is.
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', accountId: 9_999_999_999 as never, statusSince: '2025-03-04T10:00:00.000Z' });
    await store.refresh();
    await settle();

    await expect(done).rejects.toMatchObject({ code: 'account_mismatch' });
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
  });

  it('checks a later sign-in against the account id the list gives, whatever its type', async () => {
    fake.server.set(SEARCH.id, { ...SEARCH, accountId: 7 as never });
    await store.refresh();
    expect(store.getConnection(SEARCH.id)?.accountId).toBe(7);
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected', accountId: 'someone-else' });

    await expect(done).rejects.toMatchObject({ code: 'account_mismatch' });
  });

  it('keeps checking the next sign-in against the right account after refusing another one, when the list cannot say whose it is', async () => {
    fake.server.set(SEARCH.id, { ...SEARCH, accountId: null as never });
    await store.refresh();
    const { done } = await startFlow();
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', accountId: 'someone-else', statusSince: '2025-03-04T10:00:00.000Z' });
    await store.refresh();
    await expect(done).rejects.toMatchObject({ code: 'account_mismatch' });

    const again = store.reauthorize(SEARCH.id);
    fake.starts.at(-1)!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-2' });
    await until(() => store.getFlow(SEARCH.id).phase === 'awaiting_user');
    postResult({ state: 'state-2', code: 'code-2' });
    fake.completes.at(-1)!.answer.resolve({ ...SEARCH, status: 'connected', accountId: 'someone-else', statusSince: '2025-03-04T11:00:00.000Z' });
    await expect(again).rejects.toMatchObject({ code: 'account_mismatch' });
  });

  it('does not count a connection that was already connected as re-authorized', async () => {
    const healthy = connection({ id: 'gads-brand', status: 'connected', accountId: '234-567-8901' });
    fake.server.set(healthy.id, healthy);
    await store.refresh();
    await startFlow(healthy.id);
    expect(store.getFlow(healthy.id).phase).toBe('awaiting_user');

    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    await settle();

    expect(store.getFlow(healthy.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });
  });

  it('does not count a backfill that ended by itself as re-authorized, but does count the same status begun anew', async () => {
    const catchingUp = connection({ id: 'gads-brand', status: 'backfilling', accountId: '234-567-8901', backfill: { since: '2025-03-01T09:00:00.000Z' } });
    fake.server.set(catchingUp.id, catchingUp);
    await store.refresh();
    const { done } = await startFlow(catchingUp.id);
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    await settle();

    // The backfill ends on its own while the window is closed: no sign-in happened.
    const { backfill: _ended, ...caughtUp } = catchingUp;
    fake.server.set(catchingUp.id, { ...caughtUp, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });
    await store.refresh();
    await settle();
    expect(store.getFlow(catchingUp.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });

    // A server-side callback that finishes the grant starts a backfill anew.
    fake.server.set(catchingUp.id, { ...catchingUp, statusSince: '2025-03-04T11:00:00.000Z' });
    await store.refresh();
    await expect(done).resolves.toMatchObject({ status: 'backfilling', statusSince: '2025-03-04T11:00:00.000Z' });
  });

  it('ends with account_mismatch when the server shows a grant for another account', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', accountId: 'someone-else', statusSince: '2025-03-04T10:00:00.000Z' });

    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    await expect(done).rejects.toMatchObject({ code: 'account_mismatch', connectionId: SEARCH.id });
    expect(store.getFlow(SEARCH.id)).toMatchObject({ phase: 'failed', error: { code: 'account_mismatch' } });
    // Not shown as connected, though the list the check loaded says so.
    expect(store.getConnection(SEARCH.id)).toMatchObject({ status: 'authorization_required', accountId: SEARCH.accountId });
    expect(vi.getTimerCount()).toBe(0);
    // Its state counts as used: a backend that hands it out again is refused.
    const again = store.reauthorize(SEARCH.id);
    fake.starts.at(-1)!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await expect(again).rejects.toMatchObject({ code: 'adapter_failed', message: expect.stringMatching(/fresh, non-empty state/) });
  });

  it('lets an exchange under way decide when the check after the window closed lands during it', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    const list = deferred<Connection[]>();
    fake.adapter.listConnections.mockImplementationOnce(() => list.promise);
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);

    // The result arrives after all (through the channel, say) and its code is being exchanged.
    postResult({ state: 'state-1', code: 'code-1' });
    await until(() => fake.completes.length === 1);
    // Meanwhile the list shows the grant that exchange is storing.
    list.resolve([{ ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' }, CRM]);
    await settle();
    expect(fake.completes[0]!.ctx.signal.aborted).toBe(false);
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');

    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected', accountName: 'Acme Search (renewed)', statusSince: '2025-03-04T10:00:00.000Z' });
    await expect(done).resolves.toMatchObject({ accountName: 'Acme Search (renewed)' });
    expect(store.getConnection(SEARCH.id)).toMatchObject({ accountName: 'Acme Search (renewed)' });
  });

  it('reopens the window at the same authorization URL from a second click', async () => {
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    expect(store.getFlow(SEARCH.id).popup).toBe('closed');

    void store.reauthorize(SEARCH.id);

    expect(windows.open).toHaveBeenCalledTimes(2);
    expect(windows.last.opened.url).toBe(AUTHORIZE_URL);
    expect(windows.last.opened.features).not.toMatch(/noopener/);
    expect(fake.adapter.startAuthorization).toHaveBeenCalledTimes(1);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'open' });

    // The reopened window is watched too.
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    expect(store.getFlow(SEARCH.id).popup).toBe('closed');
  });

  it('reports a reopen the browser blocked, and keeps waiting', async () => {
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    windows.willReturn('blocked');
    void store.reauthorize(SEARCH.id);

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'blocked' });
  });

  it('cancels: the flow ends cancelled and no timer is left', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    store.cancelReauthorize(SEARCH.id);

    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error).toMatchObject({ code: 'cancelled', isCancellation: true });
    expect(store.getFlow(SEARCH.id).phase).toBe('failed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still accepts a valid result that arrives after the window closed', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(60_000);

    postResult({ state: 'state-1', code: 'late' });

    expect(fake.completes).toHaveLength(1);
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected' });
    await expect(done).resolves.toMatchObject({ status: 'connected' });
  });

  it('notices a window the user closed while the URL was still being fetched', async () => {
    void store.reauthorize(SEARCH.id);
    windows.last.closed = true;
    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });

    await until(() => store.getFlow(SEARCH.id).phase === 'awaiting_user');
    expect(store.getFlow(SEARCH.id).popup).toBe('closed');
    expect(windows.last.location.replace).not.toHaveBeenCalled();
  });
});

describe('given the user closes the sign-in window while a slow backend fetches the URL', () => {
  it('says so within a second, before the URL arrives', () => {
    void store.reauthorize(SEARCH.id);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'open' });

    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'closed' });
    expect(fake.starts[0]!.ctx.signal.aborted).toBe(false);
  });

  it('waits with the window closed once the URL arrives, navigating nothing', async () => {
    void store.reauthorize(SEARCH.id);
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await until(() => store.getFlow(SEARCH.id).phase === 'awaiting_user');

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'closed' });
    expect(windows.last.location.replace).not.toHaveBeenCalled();
    expect(windows.open).toHaveBeenCalledTimes(1);
  });

  it('reopens the window from a second click, sends it to the platform once the URL arrives, and watches it', async () => {
    void store.reauthorize(SEARCH.id);
    const first = windows.last;
    first.closed = true;
    vi.advanceTimersByTime(1000);

    void store.reauthorize(SEARCH.id);

    expect(windows.open).toHaveBeenCalledTimes(2);
    const second = windows.last;
    expect(second).not.toBe(first);
    expect(second.opened.url).toBe('');
    expect(fake.adapter.startAuthorization).toHaveBeenCalledTimes(1);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'open' });

    second.closed = true;
    vi.advanceTimersByTime(1000);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'closed' });

    void store.reauthorize(SEARCH.id);
    const third = windows.last;
    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await until(() => store.getFlow(SEARCH.id).phase === 'awaiting_user');

    expect(third.location.replace).toHaveBeenCalledWith(AUTHORIZE_URL);
    expect(first.location.replace).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'open' });
  });

  it('reports a reopen the browser blocked while still starting', () => {
    void store.reauthorize(SEARCH.id);
    windows.last.closed = true;
    vi.advanceTimersByTime(1000);

    windows.willReturn('blocked');
    void store.reauthorize(SEARCH.id);

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'blocked' });
  });

  it('leaves no watcher behind when the flow ends while starting', async () => {
    const done = store.reauthorize(SEARCH.id);
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    store.cancelReauthorize(SEARCH.id);

    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    afterClosingChecks();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('given a window that ignores close() while the platform page loads', () => {
  it('asks it again while it is still there, and leaves no timer once the checks end', async () => {
    const { done } = await startFlow();
    const popup = windows.last;
    popup.close.mockImplementationOnce(() => {});

    store.cancelReauthorize(SEARCH.id);

    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    expect(popup.closed).toBe(false);
    vi.advanceTimersByTime(200);
    expect(popup.close).toHaveBeenCalledTimes(2);
    expect(popup.closed).toBe(true);
    afterClosingChecks();
    expect(popup.close).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops asking after its last look, some twelve seconds on', async () => {
    const { done } = await startFlow();
    const popup = windows.last;
    popup.close.mockImplementation(() => {});

    store.cancelReauthorize(SEARCH.id);
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    afterClosingChecks();

    // Once at once, then after 0.2, 0.4, 0.8, 1.6, 3.2 and 6.4 s.
    expect(popup.close).toHaveBeenCalledTimes(7);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('given a flow that runs out of time', () => {
  it('ends with timeout and removes every listener, timer and channel', async () => {
    const addListener = vi.spyOn(window, 'addEventListener');
    const removeListener = vi.spyOn(window, 'removeEventListener');
    const closeChannel = vi.spyOn(BroadcastChannel.prototype, 'close');

    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    const messageListeners = addListener.mock.calls.filter(([type]) => type === 'message');
    expect(messageListeners).toHaveLength(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    vi.advanceTimersByTime(5 * 60 * 1000);

    await expect(done).rejects.toMatchObject({ code: 'timeout' });
    expect(removeListener).toHaveBeenCalledWith('message', messageListeners[0]![1]);
    expect(closeChannel).toHaveBeenCalledTimes(1);
    afterClosingChecks();
    expect(vi.getTimerCount()).toBe(0);
    expect(windows.last.close).toHaveBeenCalled();
    expect(fake.starts[0]!.ctx.signal.aborted).toBe(true);
  });

  it('ignores a result that arrives after the timeout', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    vi.advanceTimersByTime(5 * 60 * 1000);
    await expect(done).rejects.toMatchObject({ code: 'timeout' });

    postResult({ state: 'state-1', code: 'late' });
    broadcastResult({ state: 'state-1', code: 'late' });
    await settle();

    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id).error?.code).toBe('timeout');
  });

  it('takes its length from flowTimeoutMs', async () => {
    store.configure({ flowTimeoutMs: 30_000 });
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    vi.advanceTimersByTime(29_999);
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    vi.advanceTimersByTime(1);

    await expect(done).rejects.toMatchObject({ code: 'timeout' });
  });

  it('also times out while the adapter is still fetching the authorization URL', async () => {
    const done = store.reauthorize(SEARCH.id);

    vi.advanceTimersByTime(5 * 60 * 1000);

    await expect(done).rejects.toMatchObject({ code: 'timeout' });
    expect(fake.starts[0]!.ctx.signal.aborted).toBe(true);
    expect(windows.last.close).toHaveBeenCalled();
  });

  it('also stops a grant still being exchanged when the time is up, and asks the server once that call settles', async () => {
    const { done } = await startFlow();
    vi.advanceTimersByTime(4 * 60 * 1000);
    postResult({ state: 'state-1', code: 'code-1' });
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');
    const exchange = fake.completes[0]!;
    const listsBefore = fake.adapter.listConnections.mock.calls.length;

    vi.advanceTimersByTime(60 * 1000 - 1);
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');
    expect(exchange.ctx.signal.aborted).toBe(false);

    vi.advanceTimersByTime(1);

    await expect(done).rejects.toMatchObject({ code: 'timeout', connectionId: SEARCH.id });
    expect(exchange.ctx.signal.aborted).toBe(true);
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
    // The code was single-use and the server may have stored the grant: once the abandoned call
    // settles, the list is loaded again.
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });
    exchange.answer.reject(exchange.ctx.signal.reason);
    await until(() => fake.adapter.listConnections.mock.calls.length === listsBefore + 1);
    await until(() => store.getConnection(SEARCH.id)?.status === 'connected');
    expect(store.getFlow(SEARCH.id)).toMatchObject({ phase: 'failed', error: { code: 'timeout' } });
  });

  it('waits for ever when flowTimeoutMs is Infinity', async () => {
    store.configure({ flowTimeoutMs: Infinity });
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    vi.advanceTimersByTime(24 * 60 * 60 * 1000);

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'open' });
  });
});

describe('given the platform answers with an error', () => {
  it('fails with provider_error and keeps an HTML description as plain text', async () => {
    const description = '<img src=x onerror="alert(1)">Access <b>revoked</b> by admin';
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-1', error: 'invalid_scope', errorDescription: description, errorUri: 'https://accounts.example.com/help' });

    const error = (await done.catch((e: unknown) => e)) as ConnectionsError;
    expect(error).toMatchObject({
      code: 'provider_error',
      providerError: 'invalid_scope',
      providerErrorDescription: description,
      providerErrorUri: 'https://accounts.example.com/help',
      isCancellation: false,
    });
    expect(store.getFlow(SEARCH.id).error).toBe(error);
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
    expect(windows.last.close).toHaveBeenCalled();
    afterClosingChecks();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads access_denied as the user cancelling', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');

    postResult({ state: 'state-1', error: 'access_denied', errorDescription: 'The user denied access.' });

    await expect(done).rejects.toMatchObject({ code: 'provider_error', providerError: 'access_denied', isCancellation: true });
  });
});

describe('given the red key is clicked twice', () => {
  it('shares one flow and focuses the open window instead of opening another', async () => {
    const first = store.reauthorize(SEARCH.id);
    const second = store.reauthorize(SEARCH.id);

    expect(second).toBe(first);
    expect(windows.open).toHaveBeenCalledTimes(1);
    expect(windows.last.focus).toHaveBeenCalledTimes(1);
    expect(fake.adapter.startAuthorization).toHaveBeenCalledTimes(1);

    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await until(() => store.getFlow(SEARCH.id).phase === 'awaiting_user');
    expect(store.reauthorize(SEARCH.id)).toBe(first);
    expect(windows.open).toHaveBeenCalledTimes(1);
    expect(windows.last.focus).toHaveBeenCalledTimes(2);
  });

  it('opens no window while the adapter completes the grant', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    postResult({ state: 'state-1', code: 'code-1' });

    expect(store.reauthorize(SEARCH.id)).toBe(done);
    expect(windows.open).toHaveBeenCalledTimes(1);
  });
});

describe('given a flow for another connection starts', () => {
  it('ends the first with superseded, closes its window and aborts its adapter call', async () => {
    const { done: first } = await startFlow(SEARCH.id, 'state-search');
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    const firstPopup = windows.last;

    void store.reauthorize(CRM.id);

    await expect(first).rejects.toMatchObject({ code: 'superseded', connectionId: SEARCH.id });
    expect(firstPopup.close).toHaveBeenCalled();
    expect(fake.starts[0]!.ctx.signal.aborted).toBe(true);
    expect(store.getFlow(SEARCH.id).error?.code).toBe('superseded');
    expect(store.getFlow(CRM.id)).toEqual({ phase: 'starting', method: 'oauth', popup: 'open' });
    expect(windows.popups).toHaveLength(2);
    // A new window: the first, still closing, cannot be handed back by name.
    expect(windows.last.opened.name).toBe('_blank');

    // The first flow's result no longer counts.
    postResult({ state: 'state-search', code: 'late' });
    await settle();
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
  });
});

describe('given a flow for another connection whose window the browser blocks', () => {
  it('leaves the first flow and its window as they were', async () => {
    const { done: first } = await startFlow(SEARCH.id, 'state-search');
    const firstPopup = windows.last;
    windows.willReturn('blocked');

    await expect(store.reauthorize(CRM.id)).rejects.toMatchObject({ code: 'popup_blocked', connectionId: CRM.id });
    windows.willReturn('popup');

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'awaiting_user', method: 'oauth', popup: 'open' });
    expect(firstPopup.close).not.toHaveBeenCalled();
    expect(fake.starts[0]!.ctx.signal.aborted).toBe(false);
    postResult({ state: 'state-search', code: 'code-search' });
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected' });
    await expect(first).resolves.toMatchObject({ id: SEARCH.id, status: 'connected' });
  });
});

describe('given a flow for another connection starts while the first exchanges its code', () => {
  it('lets the first finish: its window is gone and its code is single-use', async () => {
    const { done: first } = await startFlow(SEARCH.id, 'state-search');
    postResult({ state: 'state-search', code: 'code-search' });
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');

    void store.reauthorize(CRM.id);

    expect(fake.completes[0]!.ctx.signal.aborted).toBe(false);
    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected' });
    await expect(first).resolves.toMatchObject({ id: SEARCH.id, status: 'connected' });
    expect(store.getFlow(CRM.id).phase).toBe('starting');
  });
});

describe('given the platform signs in to a different account', () => {
  it('ends with account_mismatch and does not show the connection as connected', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    postResult({ state: 'state-1', code: 'code-1' });

    fake.completes[0]!.answer.resolve({ ...SEARCH, status: 'connected', accountId: '999-999-9999' });

    await expect(done).rejects.toMatchObject({ code: 'account_mismatch', connectionId: SEARCH.id });
    expect(store.getFlow(SEARCH.id).phase).toBe('failed');
    expect(store.getConnection(SEARCH.id)).toMatchObject({ status: 'authorization_required', accountId: '123-456-7890' });
  });
});

describe('given the adapter fails to complete the grant', () => {
  it('leaves the connection as it was, shows the error, never retries by itself, and a retry works', async () => {
    const { done: first } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    postResult({ state: 'state-1', code: 'code-1' });
    fake.completes[0]!.answer.reject(new Error('The code exchange failed'));

    await expect(first).rejects.toMatchObject({ code: 'adapter_failed', connectionId: SEARCH.id });
    expect(store.getConnection(SEARCH.id)?.status).toBe('authorization_required');
    vi.advanceTimersByTime(10 * 60 * 1000);
    await settle();
    expect(fake.adapter.completeAuthorization).toHaveBeenCalledTimes(1);

    const { done: second } = await startFlow(SEARCH.id, 'state-2');
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    postResult({ state: 'state-2', code: 'code-2' });
    fake.completes[1]!.answer.resolve({ ...SEARCH, status: 'connected' });
    await expect(second).resolves.toMatchObject({ status: 'connected' });
  });

  it('loads the list again when the call failed in a way that says nothing of the grant (a timeout, a network error)', async () => {
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    const lists = fake.adapter.listConnections.mock.calls.length;
    // The backend stored the grant, but its answer never arrived.
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });
    fake.completes[0]!.answer.reject(new ConnectionsError('timeout', 'The backend did not answer in time.', { retryable: true }));

    await expect(done).rejects.toMatchObject({ code: 'timeout' });
    await until(() => fake.adapter.listConnections.mock.calls.length === lists + 1);
    await settle();
    expect(store.getConnection(SEARCH.id)?.status).toBe('connected');
    expect(fake.adapter.completeAuthorization).toHaveBeenCalledTimes(1);
  });

  it('does not load the list again when the backend refused the code', async () => {
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    const lists = fake.adapter.listConnections.mock.calls.length;
    fake.completes[0]!.answer.reject(new ConnectionsError('adapter_failed', 'invalid_grant', { retryable: false }));

    await expect(done).rejects.toMatchObject({ code: 'adapter_failed' });
    await settle();
    expect(fake.adapter.listConnections.mock.calls.length).toBe(lists);
  });

  it('refuses a start without a state', async () => {
    const done = store.reauthorize(SEARCH.id);
    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: '' });

    await expect(done).rejects.toMatchObject({ code: 'adapter_failed' });
    expect(windows.last.close).toHaveBeenCalled();
  });
});

describe('given the last component using the store unmounts mid-flow', () => {
  it('closes the popup, aborts the adapter, and sets no state afterwards', async () => {
    const removeListener = vi.spyOn(window, 'removeEventListener');
    const done = store.reauthorize(SEARCH.id);
    const popup = windows.last;
    const start = fake.starts[0]!;
    const notified = vi.fn();
    store.subscribe(notified);

    release();

    expect(popup.close).toHaveBeenCalled();
    expect(start.ctx.signal.aborted).toBe(true);
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'idle' });
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });

    notified.mockClear();
    start.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await settle();
    expect(popup.location.replace).not.toHaveBeenCalled();
    expect(notified).not.toHaveBeenCalled();
    expect(removeListener.mock.calls.filter(([type]) => type === 'message')).toHaveLength(0);
    afterClosingChecks();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('removes the listeners of a flow that was waiting for the user', async () => {
    const addListener = vi.spyOn(window, 'addEventListener');
    const removeListener = vi.spyOn(window, 'removeEventListener');
    await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    const [, onMessage] = addListener.mock.calls.find(([type]) => type === 'message')!;

    release();

    expect(removeListener).toHaveBeenCalledWith('message', onMessage);
    expect(windows.last.close).toHaveBeenCalled();
    afterClosingChecks();
    expect(vi.getTimerCount()).toBe(0);
    postResult({ state: 'state-1', code: 'late' });
    await settle();
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
  });
});

describe('given the user cancels while the adapter exchanges the code', () => {
  it('ends the flow cancelled, aborts the exchange, and then shows what the server holds', async () => {
    const { done } = await startFlow();
    expect(store.getFlow(SEARCH.id).phase).toBe('awaiting_user');
    postResult({ state: 'state-1', code: 'code-1' });
    expect(store.getFlow(SEARCH.id).phase).toBe('completing');
    const exchange = fake.completes[0]!;
    const listsBefore = fake.adapter.listConnections.mock.calls.length;
    // The code was single-use: the server stored the grant before the abort reached it.
    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });

    store.cancelReauthorize(SEARCH.id);

    await expect(done).rejects.toMatchObject({ code: 'cancelled', connectionId: SEARCH.id });
    expect(exchange.ctx.signal.aborted).toBe(true);
    expect(store.getFlow(SEARCH.id)).toMatchObject({ phase: 'failed', error: { code: 'cancelled' } });

    exchange.answer.reject(exchange.ctx.signal.reason);
    await until(() => fake.adapter.listConnections.mock.calls.length === listsBefore + 1);
    await until(() => store.getConnection(SEARCH.id)?.status === 'connected');
    expect(store.getFlow(SEARCH.id).phase).toBe('failed');
    expect(fake.adapter.completeAuthorization).toHaveBeenCalledTimes(1);
  });

  it('refreshes once an exchange that ignores its signal answers late, without applying its answer', async () => {
    const { done } = await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    const exchange = fake.completes[0]!;
    const listsBefore = fake.adapter.listConnections.mock.calls.length;

    store.cancelReauthorize(SEARCH.id);
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });

    fake.server.set(SEARCH.id, { ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });
    exchange.answer.resolve({ ...SEARCH, status: 'connected', statusSince: '2025-03-04T10:00:00.000Z' });

    await until(() => fake.adapter.listConnections.mock.calls.length === listsBefore + 1);
    await until(() => store.getConnection(SEARCH.id)?.status === 'connected');
    expect(store.getFlow(SEARCH.id)).toMatchObject({ phase: 'failed', error: { code: 'cancelled' } });
  });

  it('does not ask the server again when a flow is cancelled before any code was exchanged', async () => {
    const { done } = await startFlow();
    const listsBefore = fake.adapter.listConnections.mock.calls.length;

    store.cancelReauthorize(SEARCH.id);
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    fake.starts[0]!.answer.reject(new Error('aborted'));
    await settle();

    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(listsBefore);
  });

  it('refreshes nothing when the screen unmounts during the exchange', async () => {
    await startFlow();
    postResult({ state: 'state-1', code: 'code-1' });
    const exchange = fake.completes[0]!;
    const listsBefore = fake.adapter.listConnections.mock.calls.length;

    release();
    expect(exchange.ctx.signal.aborted).toBe(true);
    exchange.answer.reject(exchange.ctx.signal.reason);
    await settle();

    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(listsBefore);
  });
});

describe('given the last user releases the store', () => {
  it('tells no listener while it tears down a running flow and a list load', async () => {
    const done = store.reauthorize(SEARCH.id);
    void store.refresh();
    expect(store.getState().isRefreshing).toBe(true);
    const notified = vi.fn();
    store.subscribe(notified);

    release();

    expect(notified).not.toHaveBeenCalled();
    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'idle' });
    expect(store.getState().isRefreshing).toBe(false);
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    await settle();
    expect(notified).not.toHaveBeenCalled();
  });

  it('leaves no ended flow behind for the next mount', async () => {
    const { done } = await startFlow();
    postResult({ state: 'state-1', error: 'access_denied' });
    await expect(done).rejects.toMatchObject({ code: 'provider_error' });
    expect(store.getFlow(SEARCH.id).phase).toBe('failed');

    release();
    release = store.retain();
    await until(() => !store.getState().isRefreshing);

    expect(store.getFlow(SEARCH.id)).toEqual({ phase: 'idle' });
    expect(store.getState().flows).toEqual({});
  });
});
