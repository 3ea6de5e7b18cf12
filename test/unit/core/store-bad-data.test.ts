import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import type { ConnectionStoreOptions } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { createFakeAdapter, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Bad data from an adapter: a clear error, logged once, and the list shown stays intact
 * -----------------------------------------------------------------------------------------------*/

let fake: FakeAdapter;
let store: ConnectionStore;
let release: () => void;
let consoleError: ReturnType<typeof vi.spyOn>;

const GOOD = [
  makeConnection({ id: 'gads', accountName: 'Acme Search', status: 'authorization_required' }),
  makeConnection({ id: 'sfdc', provider: 'salesforce', category: 'crm', accountName: 'Acme Production' }),
];

async function startShowing(options: ConnectionStoreOptions = {}, shown: Connection[] = GOOD): Promise<void> {
  store = createConnectionStore(fake.adapter, { retry: false, refreshOnFocus: false, ...options });
  release = store.retain();
  fake.list(0).answer.resolve(structuredClone(shown));
  await flush();
}

async function answerRefresh(answer: unknown): Promise<void> {
  const done = store.refresh();
  fake.list(fake.lists.length - 1).answer.resolve(answer);
  await done;
}

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeAdapter();
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  release();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('given a list answer with a connection that has no id', () => {
  it('shows the rest and reports an error naming the field and the account', async () => {
    await startShowing();
    await answerRefresh([...structuredClone(GOOD), { provider: 'linkedin_ads', category: 'advertising', accountName: 'Acme B2B', status: 'connected' }]);

    const { connections, error, status } = store.getState();
    expect(connections).toEqual(GOOD);
    expect(status).toBe('ready');
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error).toMatchObject({ code: 'adapter_failed', retryable: false });
    expect(error?.message).toMatch(/connection without an id whose "id" is undefined/);
  });
});

describe('given an update with an unknown status for a connection already shown', () => {
  it('keeps the good version shown, untouched, and names the connection and the field', async () => {
    await startShowing();
    const shown = store.getConnection('gads');
    await answerRefresh([{ ...GOOD[0], status: 'paused' }, GOOD[1]]);

    expect(store.getConnection('gads')).toBe(shown);
    // Still in the place the answer gives it: the row does not jump.
    expect(store.getState().connections.map((c) => c.id)).toEqual(['gads', 'sfdc']);
    expect(store.getState().error?.message).toMatch(/connection "gads" whose "status" is "paused"; it must be one of connected, /);
    expect(store.getState().error?.connectionId).toBe('gads');
  });
});

describe('given an unparseable date', () => {
  it('shows the connection as given, for the screen to read as no date', async () => {
    await startShowing();
    await answerRefresh([GOOD[0], { ...GOOD[1], accountName: 'Renamed', lastSyncedAt: 'the other day' }]);
    expect(store.getConnection('sfdc')).toMatchObject({ accountName: 'Renamed', lastSyncedAt: 'the other day' });
    expect(store.getState().error).toBeNull();
  });

  it('never keeps showing a lapsed connection as connected because its date came in another format', async () => {
    await startShowing();
    expect(store.getConnection('sfdc')?.status).toBe('connected');
    await answerRefresh([GOOD[0], { ...GOOD[1], status: 'authorization_required', statusSince: 'last Tuesday' }]);
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'authorization_required' });

    // The same from a push.
    fake.push({ ...GOOD[0], status: 'connected', statusSince: 'now-ish' });
    expect(store.getConnection('gads')).toMatchObject({ status: 'connected' });
  });
});

describe('given duplicate ids', () => {
  it('shows the first and names the repeated id', async () => {
    await startShowing();
    await answerRefresh([GOOD[0], GOOD[1], { ...GOOD[1], accountName: 'Impostor' }]);
    expect(store.getState().connections.map((c) => c.accountName)).toEqual(['Acme Search', 'Acme Production']);
    expect(store.getState().error?.message).toMatch(/the id "sfdc" more than once/);
    expect(store.getState().connections).toHaveLength(2);
  });
});

describe('given an answer that is not an array', () => {
  it('keeps the list shown, as it was, and says what came instead', async () => {
    await startShowing();
    const shown = store.getState().connections;
    await answerRefresh({ data: GOOD });
    expect(store.getState().connections).toBe(shown);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().error?.message).toMatch(/adapter\.listConnections\(\) resolved with an object instead of an array/);
  });

  it('is not retried: the same answer would come back', async () => {
    store = createConnectionStore(fake.adapter, { retry: { retries: 3, minDelayMs: 10, maxDelayMs: 10 }, refreshOnFocus: false });
    release = store.retain();
    fake.list(0).answer.resolve(null);
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.lists).toHaveLength(1);
    expect(store.getState()).toMatchObject({ status: 'error', connections: [] });
  });
});

describe('given a malformed pushed update', () => {
  it('keeps the list as it was and reports the problem', async () => {
    await startShowing();
    const shown = store.getState().connections;
    fake.push({ ...GOOD[0], status: 'on_fire' });
    expect(store.getState().connections).toBe(shown);
    expect(store.getState().error?.message).toMatch(/adapter\.subscribe\(\) returned connection "gads" whose "status" is "on_fire"/);

    fake.push({ accountName: 'No id' });
    expect(store.getState().connections).toBe(shown);
    expect(store.getState().error?.message).toMatch(/adapter\.subscribe\(\) returned connection without an id whose "id" is undefined/);
  });
});

describe('given the same bad data again and again', () => {
  it('logs each distinct problem once, with the library name', async () => {
    await startShowing();
    const bad = [GOOD[0], { ...GOOD[1], status: 'paused' }];
    await answerRefresh(bad);
    await answerRefresh(bad);
    fake.push({ ...GOOD[1], status: 'paused' });
    fake.push({ ...GOOD[1], status: 'paused' });

    expect(consoleError).toHaveBeenCalledTimes(2);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/^\[react-connected-accounts\] adapter\.listConnections\(\).*"sfdc".*"status"/);
    expect(consoleError.mock.calls[1]?.[0]).toMatch(/^\[react-connected-accounts\] adapter\.subscribe\(\).*"sfdc".*"status"/);
  });

  it('tells onError instead of the console, once per problem', async () => {
    const onError = vi.fn();
    await startShowing({ onError });
    await answerRefresh({ nope: true });
    await answerRefresh({ nope: true });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(ConnectionsError);
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('given fields the screen does not depend on', () => {
  it('shows them as given: an account id that is a number, a backfill progress out of range', async () => {
    await startShowing({}, [GOOD[0]!, { ...GOOD[1]!, accountId: '00D5e' }]);
    await answerRefresh([
      { ...GOOD[0], status: 'backfilling', backfill: { since: '2026-03-07T10:00:00.000Z', progress: 50 } },
      { ...GOOD[1], status: 'authorization_required', accountId: 9_876_543_210 },
    ]);
    expect(store.getConnection('gads')).toMatchObject({ status: 'backfilling', backfill: { progress: 50 } });
    // Sign-ins compare account ids exactly: a number never passes for the string it was.
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'authorization_required', accountId: 9_876_543_210 });
    expect(store.getState().error).toBeNull();
  });
});

describe('given an error without a message', () => {
  it('refuses the entry, since the screen shows the message, and keeps the version shown', async () => {
    await startShowing();
    await answerRefresh([GOOD[0], { ...GOOD[1], status: 'error', error: { code: 'quota' } }]);
    expect(store.getConnection('sfdc')).toEqual(GOOD[1]);
    expect(store.getState().error?.message).toMatch(/connection "sfdc" whose "error" is an object; it must be an object with a string message/);
  });
});

describe('given a list answer whose entries carry no usable id', () => {
  it('keeps the connections shown, since any of them may be among those entries', async () => {
    await startShowing();
    const shown = store.getState().connections;
    await answerRefresh(GOOD.map((connection, index) => ({ ...connection, id: 42 + index })));
    expect(store.getState().connections).toEqual(shown);
    expect(store.getState().error?.message).toMatch(/"id"/);
  });

  it('still drops a connection an answer with only usable ids leaves out', async () => {
    await startShowing();
    await answerRefresh([GOOD[0]]);
    expect(store.getState().connections.map((c) => c.id)).toEqual(['gads']);
  });
});

describe('given a change that swaps one field for another', () => {
  it('sees it, with as many fields either way', async () => {
    await startShowing({}, [{ ...GOOD[0]!, statusSince: undefined }]);
    expect(store.getConnection('gads')).toHaveProperty('statusSince', undefined);
    // Same number of keys, every key of the old one equal (undefined): not the same connection.
    const { statusSince: _gone, ...rest } = GOOD[0]!;
    fake.push({ ...rest, canReauthorize: false });
    expect(store.getConnection('gads')?.canReauthorize).toBe(false);
  });
});

describe('given entries that cannot be read', () => {
  it('keeps the list shown and says so in words when an entry throws as it is read', async () => {
    await startShowing();
    const hostile = {
      ...GOOD[1],
      get id(): string {
        throw new TypeError('boom');
      },
    };
    await answerRefresh([GOOD[0], hostile]);
    const { connections, error } = store.getState();
    expect(connections).toEqual(GOOD);
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error?.message).toMatch(/adapter\.listConnections\(\) failed: boom/);
  });

  it('keeps the list shown and says so in words when the list throws as it is read', async () => {
    await startShowing();
    const list = structuredClone(GOOD);
    Object.defineProperty(list, 1, {
      get() {
        throw new TypeError('gone');
      },
    });
    await answerRefresh(list);
    const { connections, error } = store.getState();
    expect(connections).toEqual(GOOD);
    expect(error).toMatchObject({ code: 'adapter_failed' });
    expect(error?.message).toMatch(/failed: gone/);
  });
});
