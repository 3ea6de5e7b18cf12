import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { createFakeAdapter, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Re-authorizing a login-form connection (authMethod: 'credentials')
 * -----------------------------------------------------------------------------------------------*/

const PASSWORD = 'correct horse battery staple 7f3a';
const CREDENTIALS = { username: 'ana@acme.example', password: PASSWORD };

const LAPSED = makeConnection({
  id: 'd365-onprem',
  provider: 'dynamics365',
  category: 'crm',
  accountName: 'Acme On-Premises',
  accountId: 'onprem-01',
  status: 'authorization_required',
  statusSince: '2025-03-10T03:00:00.000Z',
  authMethod: 'credentials',
});
const RESTORED: Connection = { ...LAPSED, status: 'backfilling', statusSince: '2025-03-10T12:00:00.000Z', backfill: { since: '2025-03-10T03:00:00.000Z', progress: 0 } };

let fake: FakeAdapter;
let store: ConnectionStore;
let release: () => void;

beforeEach(async () => {
  vi.useFakeTimers();
  fake = createFakeAdapter();
  store = createConnectionStore(fake.adapter, { retry: false, refreshOnFocus: false });
  release = store.retain();
  fake.list(0).answer.resolve([makeConnection({ id: 'gads' }), LAPSED]);
  await flush();
});

afterEach(() => {
  release();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('given a lapsed login-form connection', () => {
  it('hands the credentials to the adapter with the connection and a live signal', () => {
    void store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    expect(fake.submissions).toHaveLength(1);
    expect(fake.submission(0).connection).toEqual(LAPSED);
    expect(fake.submission(0).credentials).toEqual(CREDENTIALS);
    expect(fake.submission(0).signal.aborted).toBe(false);
  });

  it('goes through completing to succeeded and shows the connection the adapter returned', async () => {
    const phases: string[] = [];
    store.subscribe(() => {
      const { phase } = store.getFlow(LAPSED.id);
      if (phases.at(-1) !== phase) phases.push(phase);
    });
    expect(store.getFlow(LAPSED.id)).toEqual({ phase: 'idle' });

    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    expect(store.getFlow(LAPSED.id)).toEqual({ phase: 'completing', method: 'credentials' });

    fake.submission(0).answer.resolve(RESTORED);
    await expect(done).resolves.toEqual(RESTORED);
    expect(phases).toEqual(['completing', 'succeeded']);
    expect(store.getFlow(LAPSED.id)).toMatchObject({ phase: 'succeeded', method: 'credentials', connection: RESTORED });
    expect(store.getConnection(LAPSED.id)).toEqual(RESTORED);
    expect(store.getState().connections.map((c) => c.id)).toEqual(['gads', LAPSED.id]);
  });

  it('returns to idle when reset after it ended', async () => {
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(0).answer.resolve(RESTORED);
    await done;
    store.resetFlow(LAPSED.id);
    expect(store.getFlow(LAPSED.id)).toEqual({ phase: 'idle' });
  });

  it('keeps a running flow when reset is asked for too early', () => {
    void store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    store.resetFlow(LAPSED.id);
    expect(store.getFlow(LAPSED.id).phase).toBe('completing');
  });
});

describe('given the adapter refuses the login', () => {
  it('leaves the connection as it was, shows the error, and lets the user try again', async () => {
    const before = store.getConnection(LAPSED.id);
    const refused = new Error('HTTP 401: wrong password');
    const first = store.reauthorize(LAPSED.id, { credentials: { ...CREDENTIALS, password: 'wrong' } });
    fake.submission(0).answer.reject(refused);

    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error).toMatchObject({ code: 'adapter_failed', connectionId: LAPSED.id, cause: refused });
    expect(store.getConnection(LAPSED.id)).toBe(before);
    expect(store.getFlow(LAPSED.id)).toMatchObject({ phase: 'failed', method: 'credentials', error });

    const second = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    expect(store.getFlow(LAPSED.id).phase).toBe('completing');
    expect(fake.submissions).toHaveLength(2);
    fake.submission(1).answer.resolve(RESTORED);
    await expect(second).resolves.toEqual(RESTORED);
    expect(store.getConnection(LAPSED.id)?.status).toBe('backfilling');
  });

  it('keeps everything the adapter\'s own ConnectionsError said', async () => {
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    const cause = new Error('HTTP 401');
    const thrown = new ConnectionsError('provider_error', 'The platform refused.', { cause, retryable: false, providerError: 'invalid_grant', providerErrorDescription: 'Bad login', providerErrorUri: 'https://platform.example/help' });
    fake.submission(0).answer.reject(thrown);

    const error = (await done.catch((reason: unknown) => reason)) as ConnectionsError;

    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error).toMatchObject({
      code: 'provider_error',
      message: 'The platform refused.',
      retryable: false,
      providerError: 'invalid_grant',
      providerErrorDescription: 'Bad login',
      providerErrorUri: 'https://platform.example/help',
    });
    expect(error.cause).toBe(cause);
  });

  it('never tries again by itself, even for a retryable failure', async () => {
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(0).answer.reject(new ConnectionsError('adapter_failed', 'HTTP 503', { retryable: true }));
    await done.catch(() => {});
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    expect(fake.adapter.submitCredentials).toHaveBeenCalledTimes(1);
    expect(store.getFlow(LAPSED.id).phase).toBe('failed');
  });

  it('refuses an answer that is not a connection, without applying it', async () => {
    const before = store.getConnection(LAPSED.id);
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(0).answer.resolve({ ok: true } as never);
    await expect(done).rejects.toMatchObject({ code: 'adapter_failed' });
    expect(store.getConnection(LAPSED.id)).toBe(before);
  });
});

describe('given two reauthorize calls for the same connection', () => {
  it('shares one flow: one adapter call, the same promise', async () => {
    const first = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    const second = store.reauthorize(LAPSED.id, { credentials: { ...CREDENTIALS, password: 'other' } });
    expect(second).toBe(first);
    expect(fake.adapter.submitCredentials).toHaveBeenCalledTimes(1);
    fake.submission(0).answer.resolve(RESTORED);
    await expect(second).resolves.toEqual(RESTORED);
  });
});

describe('given the user cancels while the adapter is working', () => {
  it('aborts the call, ends with cancelled and ignores the answer that still comes', async () => {
    const before = store.getConnection(LAPSED.id);
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    const { signal } = fake.submission(0);

    store.cancelReauthorize(LAPSED.id);
    expect(signal.aborted).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'cancelled', isCancellation: true });
    expect(store.getFlow(LAPSED.id)).toMatchObject({ phase: 'failed', error: { code: 'cancelled' } });

    fake.submission(0).answer.resolve(RESTORED);
    await flush();
    expect(store.getConnection(LAPSED.id)).toBe(before);
    expect(store.getFlow(LAPSED.id).phase).toBe('failed');
  });

  it('loads the list again once the abandoned call settles, so a login the server kept shows', async () => {
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    store.cancelReauthorize(LAPSED.id);
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    expect(fake.lists).toHaveLength(1);

    fake.submission(0).answer.reject(fake.submission(0).signal.reason);
    await flush();
    expect(fake.lists).toHaveLength(2);
    fake.list(1).answer.resolve([makeConnection({ id: 'gads' }), RESTORED]);
    await flush();

    expect(store.getConnection(LAPSED.id)).toEqual(RESTORED);
    expect(store.getFlow(LAPSED.id)).toMatchObject({ phase: 'failed', error: { code: 'cancelled' } });
  });

  it('does nothing when no flow is running', () => {
    const before = store.getState();
    store.cancelReauthorize(LAPSED.id);
    expect(store.getState()).toBe(before);
  });
});

describe('given an adapter that never answers the login', () => {
  it('stops after flowTimeoutMs with timeout, aborts the call, and asks the server again once it settles', async () => {
    store.configure({ flowTimeoutMs: 60_000 });
    const before = store.getConnection(LAPSED.id);
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    const { signal } = fake.submission(0);

    vi.advanceTimersByTime(59_999);
    expect(store.getFlow(LAPSED.id).phase).toBe('completing');
    vi.advanceTimersByTime(1);

    await expect(done).rejects.toMatchObject({ code: 'timeout', connectionId: LAPSED.id });
    expect(signal.aborted).toBe(true);
    expect(store.getConnection(LAPSED.id)).toBe(before);
    expect(vi.getTimerCount()).toBe(0);

    fake.submission(0).answer.reject(signal.reason);
    await flush();
    expect(fake.lists).toHaveLength(2);
  });
});

describe('given the platform signs in to a different account', () => {
  it('ends with account_mismatch and does not show the connection as connected', async () => {
    const before = store.getConnection(LAPSED.id);
    const done = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(0).answer.resolve({ ...RESTORED, status: 'connected', accountId: 'someone-else' });
    await expect(done).rejects.toMatchObject({ code: 'account_mismatch', connectionId: LAPSED.id });
    expect(store.getConnection(LAPSED.id)).toBe(before);
    expect(store.getConnection(LAPSED.id)?.status).toBe('authorization_required');
  });
});

describe('given a login-form connection without what it needs', () => {
  it('rejects with unsupported when no credentials are given, without calling the adapter', async () => {
    await expect(store.reauthorize(LAPSED.id)).rejects.toMatchObject({ code: 'unsupported' });
    expect(fake.adapter.submitCredentials).not.toHaveBeenCalled();
    expect(store.getFlow(LAPSED.id)).toMatchObject({ phase: 'failed', error: { code: 'unsupported' } });
  });

  it('rejects with unsupported when the adapter has no submitCredentials', async () => {
    delete fake.adapter.submitCredentials;
    await expect(store.reauthorize(LAPSED.id, { credentials: CREDENTIALS })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('rejects with unsupported for an id it does not know', async () => {
    await expect(store.reauthorize('nope', { credentials: CREDENTIALS })).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('given credentials pass through the store', () => {
  const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

  it('never writes them to the console, on success, failure, cancel or a bad answer', async () => {
    const spies = METHODS.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));

    const ok = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(0).answer.resolve(RESTORED);
    await ok;
    store.resetFlow(LAPSED.id);
    fake.push(LAPSED);

    const failed = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(1).answer.reject(new Error('HTTP 500'));
    await failed.catch(() => {});

    const cancelled = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    store.cancelReauthorize(LAPSED.id);
    await cancelled.catch(() => {});

    const bad = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(3).answer.resolve({ id: LAPSED.id } as never);
    await bad.catch(() => {});

    const logged = spies.flatMap((spy) => spy.mock.calls).map((args) => serialize(args));
    for (const line of logged) expect(line).not.toContain(PASSWORD);
  });

  it('never keeps them in the store state, while the flow runs or after it ends', async () => {
    const seen: string[] = [];
    store.subscribe(() => seen.push(serialize(store.getState())));

    const failed = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    seen.push(serialize(store.getState()), serialize(store.getFlow(LAPSED.id)));
    fake.submission(0).answer.reject(new Error('HTTP 401'));
    await failed.catch(() => {});

    const ok = store.reauthorize(LAPSED.id, { credentials: CREDENTIALS });
    fake.submission(1).answer.resolve(RESTORED);
    await ok;
    seen.push(serialize(store.getState()), serialize(store.getFlow(LAPSED.id)), serialize(store.getConnection(LAPSED.id)));

    expect(seen.length).toBeGreaterThan(4);
    for (const snapshot of seen) {
      expect(snapshot).not.toContain(PASSWORD);
      expect(snapshot).not.toContain(CREDENTIALS.username);
    }
  });
});

/** JSON of anything, errors included with their message, code and cause. */
function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Error) return { ...v, name: v.name, message: v.message, cause: v.cause };
    return v;
  });
}

describe('given connection ids that are also names of object built-ins', () => {
  it('keeps the flow of each apart from the built-ins', async () => {
    const odd = ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((id) => ({ ...LAPSED, id, accountId: undefined }));
    void store.refresh();
    fake.list(1).answer.resolve(odd);
    await flush();

    for (const { id } of odd) expect(store.getFlow(id), id).toEqual({ phase: 'idle' });

    const done = store.reauthorize('__proto__', { credentials: CREDENTIALS });
    expect(store.getFlow('__proto__')).toEqual({ phase: 'completing', method: 'credentials' });
    expect(Object.getPrototypeOf(store.getState().flows)).toBe(Object.prototype);
    expect(store.getFlow('constructor')).toEqual({ phase: 'idle' });

    fake.submission(0).answer.resolve({ ...odd[2]!, status: 'connected' });
    await done;
    expect(store.getFlow('__proto__').phase).toBe('succeeded');
    expect(store.getConnection('__proto__')?.status).toBe('connected');
    store.resetFlow('__proto__');
    expect(store.getFlow('__proto__')).toEqual({ phase: 'idle' });
  });
});
