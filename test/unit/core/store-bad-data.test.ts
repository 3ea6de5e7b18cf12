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
    expect(error?.message).toMatch(/"id"/);
    expect(error?.message).toMatch(/linkedin_ads account "Acme B2B"/);
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
  });
});

describe('given an unparseable date', () => {
  it('shows the rest of the connection without it and names the date field', async () => {
    await startShowing();
    await answerRefresh([GOOD[0], { ...GOOD[1], accountName: 'Renamed', lastSyncedAt: 'the other day' }]);
    const { lastSyncedAt: _dropped, ...rest } = GOOD[1]!;
    expect(store.getConnection('sfdc')).toEqual({ ...rest, accountName: 'Renamed' });
    expect(store.getState().error?.message).toMatch(/connection "sfdc" whose "lastSyncedAt" is .*; it must be an ISO 8601 date/);
  });

  it('never keeps showing a lapsed connection as connected because its date came in another format', async () => {
    await startShowing();
    expect(store.getConnection('sfdc')?.status).toBe('connected');
    // A database's own timestamp format instead of ISO 8601, on the answer that says it lapsed.
    await answerRefresh([GOOD[0], { ...GOOD[1], status: 'authorization_required', statusSince: '2026-03-07 10:00:00+00' }]);
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'authorization_required' });
    expect(store.getConnection('sfdc')).not.toHaveProperty('statusSince');
    expect(store.getState().error?.message).toMatch(/connection "sfdc" whose "statusSince" is "2026-03-07 10:00:00\+00"/);

    // The same from a push, and from a bad nested field (the whole optional object goes).
    fake.push({ ...GOOD[0], status: 'backfilling', backfill: { since: 'last week' } });
    expect(store.getConnection('gads')).toMatchObject({ status: 'backfilling' });
    expect(store.getConnection('gads')).not.toHaveProperty('backfill');
    expect(store.getState().error?.message).toMatch(/connection "gads" whose "backfill\.since" is "last week"/);
  });
});

describe('given duplicate ids', () => {
  it('shows the first and names the repeated id', async () => {
    await startShowing();
    await answerRefresh([GOOD[0], GOOD[1], { ...GOOD[1], accountName: 'Impostor' }]);
    expect(store.getState().connections.map((c) => c.accountName)).toEqual(['Acme Search', 'Acme Production']);
    expect(store.getState().error?.message).toMatch(/the id "sfdc" more than once/);
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
    expect(store.getState().error?.message).toMatch(/adapter\.subscribe\(\) returned a connection without "id"/);
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

describe('given a malformed field the library cannot do without, or one inside an object', () => {
  it('shows a new status behind a malformed accountId, which is left out, and keeps backfill.since when only progress is bad', async () => {
    await startShowing({}, [GOOD[0]!, { ...GOOD[1]!, accountId: '00D5e' }]);
    await answerRefresh([
      { ...GOOD[0], status: 'backfilling', backfill: { since: '2026-03-07T10:00:00.000Z', progress: 50 } },
      { ...GOOD[1], status: 'authorization_required', accountId: 9_876_543_210 },
    ]);
    expect(store.getConnection('gads')).toMatchObject({ status: 'backfilling', backfill: { since: '2026-03-07T10:00:00.000Z' } });
    expect(store.getConnection('gads')?.backfill).not.toHaveProperty('progress');
    // The lapse shows; an account id nobody can read is not made up (sign-ins are still checked
    // against the last one read: see test/unit/oauth/reauthorize-flow.test.ts).
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'authorization_required' });
    expect(store.getConnection('sfdc')).not.toHaveProperty('accountId');
    expect(store.getState().error?.message).toMatch(/"accountId" is 9876543210/);

    fake.push({ ...GOOD[1], status: 'connected', accountId: 42 });
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'connected' });
  });

  it('shows a connection first seen with a malformed accountId, without one', async () => {
    await startShowing();
    await answerRefresh([...GOOD, makeConnection({ id: 'li', provider: 'linkedin_ads', accountId: 508_812 as never })]);
    expect(store.getConnection('li')).toMatchObject({ id: 'li', status: 'connected' });
    expect(store.getConnection('li')).not.toHaveProperty('accountId');
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

describe('given an adapter that changes its own connection objects in place', () => {
  it('shows each change it pushes or lists, and nothing it changes without saying so', async () => {
    await startShowing();
    // The adapter keeps its connections and hands out the same objects.
    const own = structuredClone(GOOD[1]!);
    fake.push(own);
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'connected' });

    own.status = 'authorization_required';
    expect(store.getConnection('sfdc')?.status).toBe('connected');
    fake.push(own);
    expect(store.getConnection('sfdc')?.status).toBe('authorization_required');

    own.status = 'connected';
    await answerRefresh([structuredClone(GOOD[0]), own]);
    expect(store.getConnection('sfdc')?.status).toBe('connected');
    // Nested objects too: a later edit of its error does not change the words shown.
    own.status = 'error';
    own.error = { message: 'Sync failed.' };
    fake.push(own);
    own.error.message = 'Changed behind the store.';
    expect(store.getConnection('sfdc')?.error?.message).toBe('Sync failed.');
  });

  it('sees a change that swaps one field for another, as many fields either way', async () => {
    await startShowing({}, [{ ...GOOD[0]!, statusSince: undefined }]);
    expect(store.getConnection('gads')).toHaveProperty('statusSince', undefined);
    // Same number of keys, every key of the old one equal (undefined): not the same connection.
    const { statusSince: _gone, ...rest } = GOOD[0]!;
    fake.push({ ...rest, canReauthorize: false });
    expect(store.getConnection('gads')?.canReauthorize).toBe(false);
  });
});

describe('given entries that cannot be read as plain objects', () => {
  it('shows a well-formed entry whose id a malformed one used first', async () => {
    await startShowing();
    await answerRefresh([{ ...GOOD[0], status: 'paused' }, { ...GOOD[0], status: 'connected' }, GOOD[1]]);
    expect(store.getConnection('gads')?.status).toBe('connected');
    expect(store.getState().connections.map((c) => c.id)).toEqual(['gads', 'sfdc']);
    expect(store.getState().error?.message).toMatch(/"status" is "paused"/);
  });

  it('refuses an entry whose fields throw when read, in words, showing the rest', async () => {
    await startShowing();
    const hostile = {
      ...GOOD[1],
      get id(): string {
        throw new TypeError('boom');
      },
    };
    await answerRefresh([GOOD[0], hostile]);
    const { connections, error } = store.getState();
    expect(connections.map((c) => c.id)).toEqual(['gads', 'sfdc']);
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error?.message).toMatch(/could not be read: boom/);

    // And from a push: the adapter's own call does not throw.
    expect(() => fake.push(hostile as unknown as Connection)).not.toThrow();
    expect(store.getConnection('sfdc')).toEqual(GOOD[1]);
  });

  it('reads a class instance whose fields are getters into a copy of its own', async () => {
    await startShowing();
    class Listed {
      get id() {
        return 'li';
      }
      get status() {
        return 'connected';
      }
      provider = 'linkedin_ads';
      category = 'advertising';
      accountName = 'Acme B2B';
    }
    await answerRefresh([...structuredClone(GOOD), new Listed()]);
    expect(store.getState().connections.map((c) => c.id)).toEqual(['gads', 'sfdc', 'li']);
    expect(store.getConnection('li')).toEqual({ id: 'li', status: 'connected', provider: 'linkedin_ads', category: 'advertising', accountName: 'Acme B2B' });
    expect(store.getConnection('li')).not.toBeInstanceOf(Listed);
    expect(store.getState().error).toBeNull();
  });

  it('reads an Error given as a connection\'s error, and leaves out a method that only shares a field\'s name', async () => {
    await startShowing();
    class Listed {
      id = 'li';
      provider = 'linkedin_ads';
      category = 'advertising';
      accountName = 'Acme B2B';
      status = 'error';
      error = new Error('Token revoked.');
      // A method, not the connection's expiry.
      expiresAt() {
        return 'never';
      }
    }
    await answerRefresh([...structuredClone(GOOD), new Listed()]);
    expect(store.getConnection('li')).toMatchObject({ status: 'error', error: { message: 'Token revoked.' } });
    expect(store.getConnection('li')).not.toHaveProperty('expiresAt');
    expect(store.getState().error).toBeNull();
  });

  it('leaves out only the part of an error that is malformed or cannot be read', async () => {
    await startShowing();
    class Unreadable {
      get message(): string {
        throw new TypeError('gone');
      }
    }
    await answerRefresh([
      { ...GOOD[0], status: 'error', error: new DOMException('Aborted.', 'AbortError') },
      { ...GOOD[1], status: 'error', error: new Unreadable() },
    ]);
    // A DOMException's code is a number: it goes, its message stays.
    expect(store.getConnection('gads')?.error).toEqual({ message: 'Aborted.' });
    // The whole error goes, the connection and its new status stay.
    expect(store.getConnection('sfdc')).toMatchObject({ status: 'error' });
    expect(store.getConnection('sfdc')).not.toHaveProperty('error');
    const message = store.getState().error?.message;
    expect(message).toMatch(/connection "gads" whose "error\.code" is 20; it must be a string/);
    expect(message).toMatch(/connection "sfdc" whose "error" could not be read: gone/);
  });

  it('says in words when the list itself throws as it is read', async () => {
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
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error).toMatchObject({ code: 'adapter_failed' });
    expect(error?.message).toMatch(/could not be read: gone/);
  });
});
