import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import { createFakeAdapter, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * subscribeTo(id): a long list's rows are told about their own connection only
 * -----------------------------------------------------------------------------------------------*/

const a = makeConnection({ id: 'a', status: 'connected' });
const b = makeConnection({ id: 'b', status: 'authorization_required' });
const c = makeConnection({ id: 'c', status: 'connected' });

let fake: FakeAdapter;
let store: ConnectionStore;
let release: () => void;
let told: Record<string, number>;
let stops: (() => void)[];

beforeEach(async () => {
  fake = createFakeAdapter();
  store = createConnectionStore(fake.adapter, { refreshOnFocus: false, retry: false, onError: () => {} });
  release = store.retain();
  fake.list(0).answer.resolve([a, b, c]);
  await flush();
  told = { a: 0, b: 0, c: 0 };
  stops = ['a', 'b', 'c'].map((id) => store.subscribeTo(id, () => (told[id]! += 1)));
});

afterEach(() => {
  release();
  vi.restoreAllMocks();
});

describe('given rows subscribed to their own connection', () => {
  it('tells only the row whose connection a push changed, after the store holds the change', () => {
    let seen: string | undefined;
    store.subscribeTo('b', () => (seen = store.getConnection('b')?.status));

    fake.push({ ...b, status: 'connected' });

    expect(told).toEqual({ a: 0, b: 1, c: 0 });
    expect(seen).toBe('connected');
  });

  it('tells no row about a push that changes nothing', () => {
    fake.push({ ...a });
    expect(told).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('tells the rows a reload changed, added or removed, and no other', async () => {
    void store.refresh();
    fake.list(1).answer.resolve([{ ...a }, { ...b, status: 'connected' }]);
    await flush();

    expect(store.getConnection('c')).toBeUndefined();
    expect(told).toEqual({ a: 0, b: 1, c: 1 });
  });

  it('tells the row whose flow starts and ends', async () => {
    const credentialsConnection = makeConnection({ id: 'd', status: 'authorization_required', authMethod: 'credentials' });
    fake.push(credentialsConnection);
    let flowTold = 0;
    store.subscribeTo('d', () => (flowTold += 1));

    const flow = store.reauthorize('d', { credentials: { username: 'ana', password: 'secret' } });
    expect(store.getFlow('d').phase).not.toBe('idle');
    expect(flowTold).toBeGreaterThan(0);
    const duringFlow = flowTold;
    fake.submission(0).answer.resolve({ ...credentialsConnection, status: 'connected' });
    await flow;

    expect(flowTold).toBeGreaterThan(duringFlow);
    expect(told).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('stops telling a row once it unsubscribes', () => {
    stops[1]!();
    fake.push({ ...b, status: 'connected' });
    expect(told.b).toBe(0);
  });
});
