import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import { createFakeAdapter, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Ordering (SPEC §8 item 11): the newest information always wins
 * -----------------------------------------------------------------------------------------------*/

let fake: FakeAdapter;
let store: ConnectionStore;
let release: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeAdapter();
  store = createConnectionStore(fake.adapter, { retry: false, refreshOnFocus: false });
  release = store.retain();
});

afterEach(() => {
  release();
  vi.useRealTimers();
});

function names(): Record<string, string> {
  return Object.fromEntries(store.getState().connections.map((c) => [c.id, `${c.accountName}/${c.status}`]));
}

describe('given two list requests answered out of order', () => {
  it('keeps the newer answer when the older, slower one arrives last', async () => {
    void store.refresh();
    expect(fake.lists).toHaveLength(2);

    fake.list(1).answer.resolve([makeConnection({ id: 'a', accountName: 'New' })]);
    await flush();
    expect(names()).toEqual({ a: 'New/connected' });

    fake.list(0).answer.resolve([makeConnection({ id: 'a', accountName: 'Old' }), makeConnection({ id: 'b', accountName: 'Removed since' })]);
    await flush();
    expect(names()).toEqual({ a: 'New/connected' });
    expect(store.getState().status).toBe('ready');
  });

  it('applies both when they arrive in order', async () => {
    void store.refresh();
    fake.list(0).answer.resolve([makeConnection({ id: 'a', accountName: 'Old' })]);
    await flush();
    expect(names()).toEqual({ a: 'Old/connected' });
    fake.list(1).answer.resolve([makeConnection({ id: 'a', accountName: 'New' })]);
    await flush();
    expect(names()).toEqual({ a: 'New/connected' });
  });

  it('does not report the failure of an older request once a newer answer is shown', async () => {
    void store.refresh();
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    fake.list(0).answer.reject(new Error('HTTP 500'));
    await flush();
    expect(store.getState()).toMatchObject({ status: 'ready', error: null });
  });
});

describe('given a pushed update while a list request is in flight', () => {
  it('is not undone by the answer of a request that began before it', async () => {
    fake.list(0).answer.resolve([makeConnection({ id: 'a', status: 'connected' })]);
    await flush();

    void store.refresh();
    fake.push(makeConnection({ id: 'a', status: 'authorization_required' }));
    expect(names()).toEqual({ a: 'Account a/authorization_required' });

    fake.list(1).answer.resolve([makeConnection({ id: 'a', status: 'connected' })]);
    await flush();
    expect(names()).toEqual({ a: 'Account a/authorization_required' });
  });

  it('gives way to a list request that began after it', async () => {
    fake.push(makeConnection({ id: 'a', status: 'authorization_required' }));
    void store.refresh();
    fake.list(1).answer.resolve([makeConnection({ id: 'a', status: 'connected' })]);
    await flush();
    expect(names()).toEqual({ a: 'Account a/connected' });
  });

  it('keeps a pushed new connection the older answer did not know about', async () => {
    fake.push(makeConnection({ id: 'new', accountName: 'Just added' }));
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    expect(names()).toEqual({ a: 'Account a/connected', new: 'Just added/connected' });
  });

  it('lets a newer list drop a connection that was pushed before it began', async () => {
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    fake.push(makeConnection({ id: 'gone' }));
    void store.refresh();
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    expect(names()).toEqual({ a: 'Account a/connected' });
  });
});

describe('given a credentials flow that finishes while a list request is in flight', () => {
  it('is not undone by the answer of the request that began before the result arrived', async () => {
    fake.list(0).answer.resolve([makeConnection({ id: 'crm', category: 'crm', status: 'authorization_required', authMethod: 'credentials' })]);
    await flush();

    void store.refresh();
    const done = store.reauthorize('crm', { credentials: { username: 'ana', password: 'pw' } });
    fake.submission(0).answer.resolve(makeConnection({ id: 'crm', category: 'crm', status: 'connected', authMethod: 'credentials' }));
    await done;
    expect(names()).toEqual({ crm: 'Account crm/connected' });

    fake.list(1).answer.resolve([makeConnection({ id: 'crm', category: 'crm', status: 'authorization_required', authMethod: 'credentials' })]);
    await flush();
    expect(names()).toEqual({ crm: 'Account crm/connected' });
  });
});

describe('given an answer that repeats what is shown', () => {
  it('keeps the object of every unchanged connection, so its row need not render again', async () => {
    const first = [
      makeConnection({ id: 'a', error: undefined, backfill: { since: '2025-03-01T00:00:00Z', progress: 0.5 }, status: 'backfilling' }),
      makeConnection({ id: 'b' }),
    ];
    fake.list(0).answer.resolve(first);
    await flush();
    const [a, b] = store.getState().connections;

    void store.refresh();
    fake.list(1).answer.resolve([
      // Same data in new objects, as a JSON answer always is.
      structuredClone(first[0]),
      makeConnection({ id: 'b', accountName: 'Renamed' }),
    ]);
    await flush();
    const [a2, b2] = store.getState().connections;
    expect(a2).toBe(a);
    expect(b2).not.toBe(b);
    expect(b2?.accountName).toBe('Renamed');
    expect(store.getConnection('a')).toBe(a);
  });

  it('keeps the object when a push repeats a connection unchanged', async () => {
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    const before = store.getState();
    fake.push(makeConnection({ id: 'a' }));
    expect(store.getState().connections[0]).toBe(before.connections[0]);
  });
});
