import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The store on the in-memory adapter at its most unruly: slow, out-of-order, failing, pushing
 * -----------------------------------------------------------------------------------------------*/

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function byId(connections: readonly Connection[]): Connection[] {
  return [...connections].sort((a, b) => a.id.localeCompare(b.id));
}

/** A small seeded generator, so a failure replays exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('given answers that arrive late, out of order or not at all, and pushed changes between', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`converges on what the backend holds whenever no request is pending (seed ${seed})`, async () => {
      const random = seeded(seed);
      // The store's backoff jitter uses Math.random: seed it too, so the run replays exactly.
      vi.spyOn(Math, 'random').mockImplementation(seeded(seed * 7919));
      const adapter = createMemoryAdapter({
        latencyMs: [5, 120],
        outOfOrder: true,
        failureRate: 0.3,
        pushIntervalMs: 45,
        backfillStepMs: 30,
        random,
        now: () => Date.now(),
      });
      const store = createConnectionStore(adapter, { retry: { retries: 2, minDelayMs: 10, maxDelayMs: 40 }, refreshOnFocus: false, onError: () => {} });
      const release = store.retain();

      let quiet = 0;
      for (let step = 0; step < 200; step += 1) {
        if (random() < 0.15) void store.refresh();
        if (random() < 0.1) adapter.lapse(adapter.snapshot()[Math.floor(random() * 8)]!.id);
        await vi.advanceTimersByTimeAsync(Math.floor(random() * 40));
        if (!store.getState().isRefreshing && store.getState().status === 'ready') {
          quiet += 1;
          expect(byId(store.getState().connections)).toEqual(byId(adapter.snapshot()));
        }
      }

      adapter.setOptions({ failureRate: 0 });
      const done = store.refresh();
      await vi.advanceTimersByTimeAsync(1000);
      await done;
      expect(store.getState()).toMatchObject({ status: 'ready', error: null, isRefreshing: false });
      expect(byId(store.getState().connections)).toEqual(byId(adapter.snapshot()));
      expect(quiet, "quiet moments checked").toBeGreaterThan(10);
      release();
    });
  }
});
