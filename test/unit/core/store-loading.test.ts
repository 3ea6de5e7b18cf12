import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import type { ConnectionStoreOptions } from '../../../src/core/store';
import { createFakeAdapter, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Loading: retries with capped, jittered backoff; the last good list stays; focus and online
 * -----------------------------------------------------------------------------------------------*/

let fake: FakeAdapter;
let store: ConnectionStore;
const releases: (() => void)[] = [];

function start(options: ConnectionStoreOptions = {}): void {
  store = createConnectionStore(fake.adapter, { refreshOnFocus: false, onError: () => {}, ...options });
  releases.push(store.retain());
}

/** Fails the latest list request with a transient error and lets the store react. */
async function failLatest(error: unknown = new Error('HTTP 503')): Promise<void> {
  fake.list(fake.lists.length - 1).answer.reject(error);
  await flush();
}

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeAdapter();
});

afterEach(() => {
  for (const release of releases.splice(0)) release();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('given a transient failure of the first load', () => {
  it('retries no sooner than the minimum delay, even with the least jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    start({ retry: { retries: 3, minDelayMs: 1000, maxDelayMs: 30_000 } });
    await failLatest();

    await vi.advanceTimersByTimeAsync(999);
    expect(fake.lists).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.lists).toHaveLength(2);
  });

  it('retries by the capped maximum, even with the most jitter, and no later', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    start({ retry: { retries: 6, minDelayMs: 1000, maxDelayMs: 5000 } });
    await failLatest();

    // The delays grow, then never pass the cap however many retries come.
    for (let retry = 1; retry <= 6; retry += 1) {
      await vi.advanceTimersByTimeAsync(5000);
      expect(fake.lists).toHaveLength(retry + 1);
      if (retry < 6) await failLatest();
    }
  });

  it('spreads the delays of different clients apart (jitter)', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    start({ retry: { retries: 1, minDelayMs: 1000, maxDelayMs: 30_000 } });
    await failLatest();
    const soonest = await timeUntilNextCall();

    random.mockReturnValue(0.999_999);
    fake = createFakeAdapter();
    start({ retry: { retries: 1, minDelayMs: 1000, maxDelayMs: 30_000 } });
    await failLatest();
    const latest = await timeUntilNextCall();

    expect(soonest).toBeGreaterThanOrEqual(1000);
    expect(latest).toBeGreaterThan(soonest);
  });

  it('stops after the configured number of retries and shows the error', async () => {
    start({ retry: { retries: 2, minDelayMs: 10, maxDelayMs: 100 } });
    await failLatest();
    await vi.advanceTimersByTimeAsync(100);
    await failLatest();
    await vi.advanceTimersByTimeAsync(100);
    await failLatest(new Error('HTTP 502'));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(fake.lists).toHaveLength(3);
    const { status, error, connections, isRefreshing } = store.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error?.code).toBe('adapter_failed');
    expect(error?.message).toMatch(/HTTP 502/);
    expect(connections).toEqual([]);
    expect(isRefreshing).toBe(false);
  });

  it('shows the list when a retry succeeds', async () => {
    start({ retry: { retries: 3, minDelayMs: 10, maxDelayMs: 100 } });
    await failLatest();
    await vi.advanceTimersByTimeAsync(100);
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    expect(store.getState()).toMatchObject({ status: 'ready', error: null, isRefreshing: false });
    expect(store.getState().connections.map((c) => c.id)).toEqual(['a']);
  });

  it('gives every attempt its own live signal', async () => {
    start({ retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 } });
    await failLatest();
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.lists.map((call) => call.signal)).toEqual([expect.any(AbortSignal), expect.any(AbortSignal)]);
    expect(fake.list(1).signal.aborted).toBe(false);
  });
});

describe('given retry settings passed straight from props that were left out', () => {
  it('keeps the default for each one that is undefined or not a number of zero or more', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    start({ retry: { retries: undefined, minDelayMs: Number.NaN, maxDelayMs: -5 } });
    // The defaults: three retries, at least 1 s apart.
    for (let retry = 1; retry <= 3; retry += 1) {
      await failLatest();
      await vi.advanceTimersByTimeAsync(999 * 2 ** (retry - 1));
      expect(fake.lists).toHaveLength(retry);
      await vi.advanceTimersByTimeAsync(2 ** (retry - 1));
      expect(fake.lists).toHaveLength(retry + 1);
    }
    await failLatest();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.lists).toHaveLength(4);
    expect(store.getState().status).toBe('error');
  });
});

describe('given a load waiting to retry when a newer load succeeds', () => {
  it('stops: it has nothing left to bring, and the screen is no longer refreshing', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    start({ retry: { retries: 3, minDelayMs: 1000, maxDelayMs: 30_000 } });
    await failLatest();
    // "Try again" while the first load waits to retry.
    const retried = store.refresh();
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    await retried;
    expect(fake.lists).toHaveLength(2);
    expect(store.getState()).toMatchObject({ status: 'ready', error: null, isRefreshing: false });
  });
});

describe('given an older load that succeeds after a newer one failed', () => {
  it('shows its list and keeps the newer failure on show', async () => {
    // The load on mount is still on its way when a refresh starts and fails.
    start({ retry: false });
    const newer = store.refresh();
    await failLatest(new ConnectionsError('adapter_failed', 'HTTP 401: signed out', { retryable: false }));
    await newer;
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    expect(store.getState().connections.map((c) => c.id)).toEqual(['a']);
    expect(store.getState().error?.message).toBe('HTTP 401: signed out');
  });
});

describe('given an adapter whose subscribe() returns something other than a function', () => {
  it('says so, since its pushes would outlive the screen', () => {
    const onError = vi.fn();
    const subscribed = { ...fake.adapter, subscribe: () => ({ unsubscribe() {} }) as unknown as () => void };
    store = createConnectionStore(subscribed, { refreshOnFocus: false, onError });
    releases.push(store.retain());
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'adapter_failed', message: expect.stringMatching(/subscribe\(\) must return a function that unsubscribes/) }));
  });
});

describe('given refresh() called before anything uses the store', () => {
  it('is aborted when the first user arrives and sets no state', async () => {
    store = createConnectionStore(fake.adapter, { refreshOnFocus: false, onError: () => {} });
    void store.refresh();
    const early = fake.list(0);
    releases.push(store.retain());
    expect(early.signal.aborted).toBe(true);
    const shown: string[][] = [];
    store.subscribe(() => shown.push(store.getState().connections.map((c) => c.id)));
    // It answers anyway, before the load the first user started.
    early.answer.resolve([makeConnection({ id: 'stale' })]);
    await flush();
    expect(shown.flat()).not.toContain('stale');
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    expect(store.getState().connections.map((c) => c.id)).toEqual(['a']);
    expect(shown.flat()).not.toContain('stale');
  });
});

describe('given a failure that trying again cannot fix', () => {
  it('does not retry an error the adapter marks as not retryable', async () => {
    start({ retry: { retries: 5, minDelayMs: 10, maxDelayMs: 10 } });
    await failLatest(new ConnectionsError('adapter_failed', 'HTTP 401: signed out.', { retryable: false }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.lists).toHaveLength(1);
    expect(store.getState()).toMatchObject({ status: 'error', error: { message: 'HTTP 401: signed out.' } });
  });

  it('does not retry at all with retry: false', async () => {
    start({ retry: false });
    await failLatest();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.lists).toHaveLength(1);
    expect(store.getState().status).toBe('error');
  });
});

describe('given a list already shown', () => {
  beforeEach(async () => {
    start({ retry: false });
    fake.list(0).answer.resolve([makeConnection({ id: 'a' }), makeConnection({ id: 'b' })]);
    await flush();
  });

  it('keeps showing it while a refresh is under way', () => {
    const shown = store.getState().connections;
    void store.refresh();
    expect(store.getState()).toMatchObject({ status: 'ready', isRefreshing: true });
    expect(store.getState().connections).toBe(shown);
  });

  it('keeps it after a failed refresh, with the error beside it', async () => {
    const shown = store.getState().connections;
    const done = store.refresh();
    await failLatest(new Error('HTTP 503'));
    await done;
    expect(store.getState()).toMatchObject({ status: 'ready', isRefreshing: false });
    expect(store.getState().error?.message).toMatch(/HTTP 503/);
    expect(store.getState().connections).toBe(shown);
  });

  it('clears the error once a refresh succeeds', async () => {
    void store.refresh();
    await failLatest();
    void store.refresh();
    fake.list(2).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    expect(store.getState()).toMatchObject({ status: 'ready', error: null });
  });
});

describe('given refresh()', () => {
  it('resolves only once the answer is applied', async () => {
    start({ retry: false });
    let resolved = false;
    const done = store.refresh().then(() => {
      resolved = true;
    });
    await flush();
    expect(resolved).toBe(false);
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await done;
    expect(store.getState().connections.map((c) => c.id)).toEqual(['a']);
  });

  it('resolves after retries are done', async () => {
    start({ retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 } });
    let resolved = false;
    const done = store.refresh().then(() => {
      resolved = true;
    });
    await failLatest();
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    fake.list(fake.lists.length - 1).answer.resolve([]);
    await done;
    expect(resolved).toBe(true);
  });

  it('never rejects, whatever the adapter does', async () => {
    start({ retry: false });
    const failures: unknown[] = [new Error('HTTP 500'), 'a string', undefined, { weird: true }, 42];
    for (const failure of failures) {
      const done = store.refresh();
      await failLatest(failure);
      await expect(done).resolves.toBeUndefined();
    }
    const badAnswer = store.refresh();
    fake.list(fake.lists.length - 1).answer.resolve('not a list');
    await expect(badAnswer).resolves.toBeUndefined();

    (fake.adapter.listConnections as ReturnType<typeof vi.fn>).mockImplementationOnce(() => {
      throw new Error('thrown before any promise');
    });
    await expect(store.refresh()).resolves.toBeUndefined();
    expect(store.getState().error?.message).toMatch(/thrown before any promise/);
  });

  it('never rejects even when the onError callback throws, and says the callback threw', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    start({
      retry: false,
      onError: () => {
        throw new Error('bug in the integrator’s logger');
      },
    });
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
    const done = store.refresh();
    await failLatest();
    await expect(done).resolves.toBeUndefined();
    expect(store.getState()).toMatchObject({ status: 'ready', isRefreshing: false });
    expect(store.getState().error?.message).toMatch(/HTTP 503/);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/onError threw.*HTTP 503/);
  });
});

describe('given the window regains focus', () => {
  beforeEach(async () => {
    start({ retry: false, refreshOnFocus: true, focusThrottleMs: 10_000 });
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await flush();
  });

  it('refreshes, at most once per throttle interval since the last load of any kind', async () => {
    // The list was loaded on mount, a moment ago: it is fresh.
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(10_000);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(2);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(2);

    // A refresh of another kind (a retry button, a closed sign-in window) counts too.
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await vi.advanceTimersByTimeAsync(10_000);
    const done = store.refresh();
    expect(fake.lists).toHaveLength(3);
    fake.list(2).answer.resolve([makeConnection({ id: 'a' })]);
    await done;
    await vi.advanceTimersByTimeAsync(9_999);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(4);
  });

  it('does not start a second load beside one begun within the interval, nor wait for ever on one that hangs', async () => {
    await vi.advanceTimersByTimeAsync(10_000);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(9_999);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(2);
    // That load never answers: once the interval has passed, focus loads again.
    await vi.advanceTimersByTimeAsync(1);
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(3);
  });


});

describe('given focus refresh is turned off', () => {
  it('does not refresh on focus', async () => {
    start({ retry: false, refreshOnFocus: false });
    window.dispatchEvent(new Event('focus'));
    expect(fake.lists).toHaveLength(1);
  });
});

describe('given the browser comes back online', () => {
  it('refreshes', () => {
    start({ retry: false });
    window.dispatchEvent(new Event('online'));
    expect(fake.lists).toHaveLength(2);
  });

  it('does not refresh with refreshOnReconnect: false', () => {
    start({ retry: false, refreshOnReconnect: false });
    window.dispatchEvent(new Event('online'));
    expect(fake.lists).toHaveLength(1);
  });
});

/** Advances the fake clock one millisecond at a time until the adapter is called again. */
async function timeUntilNextCall(): Promise<number> {
  const before = fake.lists.length;
  for (let elapsed = 1; elapsed <= 120_000; elapsed += 1) {
    await vi.advanceTimersByTimeAsync(1);
    if (fake.lists.length > before) return elapsed;
  }
  throw new Error('The adapter was not called again within two minutes.');
}
