import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { createMemoryAdapter, createSampleConnections } from '../../../src/core/memory-adapter';
import type { AuthorizationResult, Connection } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The in-memory adapter's requests to an admin (requestReauthorization)
 * -----------------------------------------------------------------------------------------------*/

const NOW = Date.parse('2026-03-10T09:00:00.000Z');
const signal = () => new AbortController().signal;

/** The adapter's simulated latency is a timer too: let it run out. */
async function settled<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(0);
  return promise;
}

async function failureOf(promise: Promise<unknown>): Promise<ConnectionsError> {
  const outcome = promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  await vi.advanceTimersByTimeAsync(0);
  const error = await outcome;
  expect(error).toBeInstanceOf(ConnectionsError);
  return error as ConnectionsError;
}

function setUp(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  vi.useFakeTimers({ now: NOW });
  let now = NOW;
  const adapter = createMemoryAdapter({ now: () => now, ...options });
  const adminOnly = adapter.snapshot().find((connection) => connection.canReauthorize === false)!;
  return { adapter, adminOnly, tick: (ms: number) => (now += ms) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the sample connections', () => {
  it('hold a lapsed one this user may not reconnect, with no request made yet', () => {
    const lapsed = createSampleConnections(NOW).filter((connection) => connection.canReauthorize === false);
    expect(lapsed).toEqual([expect.objectContaining({ id: 'linkedin-emea', status: 'authorization_required', statusSince: '2026-03-09T03:00:00.000Z' })]);
    expect(lapsed[0]).not.toHaveProperty('reauthorizationRequestedAt');
  });
});

describe('given a lapsed connection this user may not reconnect', () => {
  it('stores the request with its note and the time of its clock, and returns the connection with that time', async () => {
    const { adapter, adminOnly, tick } = setUp();
    tick(90_000);
    const note = '  <b>Please</b> reconnect & "thanks" 🙂\n<script>alert(1)</script> &amp; ';
    const returned = await settled(adapter.requestReauthorization(adminOnly, { signal: signal(), note }));
    expect(returned).toEqual({ ...adminOnly, reauthorizationRequestedAt: '2026-03-10T09:01:30.000Z' });
    expect(adapter.reauthorizationRequests()).toEqual([{ connectionId: 'linkedin-emea', note, requestedAt: '2026-03-10T09:01:30.000Z' }]);
    expect(adapter.snapshot().find((connection) => connection.id === adminOnly.id)).toEqual(returned);
  });

  it('stores a request without a note as one without, and a second request as another, with its own time', async () => {
    const { adapter, adminOnly, tick } = setUp();
    await settled(adapter.requestReauthorization(adminOnly, { signal: signal() }));
    tick(60_000);
    const again = await settled(adapter.requestReauthorization(adminOnly, { signal: signal(), note: '' }));
    expect(again.reauthorizationRequestedAt).toBe('2026-03-10T09:01:00.000Z');
    expect(adapter.reauthorizationRequests()).toEqual([
      { connectionId: 'linkedin-emea', requestedAt: '2026-03-10T09:00:00.000Z' },
      { connectionId: 'linkedin-emea', note: '', requestedAt: '2026-03-10T09:01:00.000Z' },
    ]);
  });

  it('pushes the changed connection to subscribers', async () => {
    const { adapter, adminOnly } = setUp();
    const seen: Connection[] = [];
    const unsubscribe = adapter.subscribe((connection) => seen.push(connection));
    const returned = await settled(adapter.requestReauthorization(adminOnly, { signal: signal(), note: 'hi' }));
    expect(seen).toEqual([returned]);
    unsubscribe();
  });

  it('hands out copies: changing what it returned or listed changes nothing it holds', async () => {
    const { adapter, adminOnly } = setUp();
    const returned = await settled(adapter.requestReauthorization(adminOnly, { signal: signal(), note: 'hi' }));
    returned.reauthorizationRequestedAt = 'changed';
    adapter.reauthorizationRequests()[0]!.note = 'changed';
    expect(adapter.snapshot().find((connection) => connection.id === adminOnly.id)?.reauthorizationRequestedAt).toBe('2026-03-10T09:00:00.000Z');
    expect(adapter.reauthorizationRequests()[0]!.note).toBe('hi');
  });

  it('takes a note of 500 characters, and refuses a longer one or one that is not text, storing nothing', async () => {
    const { adapter, adminOnly } = setUp();
    // 500 UTF-16 units, as a textarea's maxLength counts them; an emoji is two.
    const longest = `${'é'.repeat(498)}🙂`;
    expect(longest).toHaveLength(500);
    await settled(adapter.requestReauthorization(adminOnly, { signal: signal(), note: longest }));
    for (const note of [`${longest}x`, 42, null] as unknown as string[]) {
      const error = await failureOf(adapter.requestReauthorization(adminOnly, { signal: signal(), note }));
      expect(error).toMatchObject({ code: 'adapter_failed', retryable: false, connectionId: 'linkedin-emea', message: 'The note must be text of at most 500 characters.' });
    }
    expect(adapter.reauthorizationRequests().map((request) => request.note)).toEqual([longest]);
  });

  it('clears the time asked once the connection is reconnected, keeping the record of the request', async () => {
    const { adapter, adminOnly } = setUp({ backfillStepMs: 0 });
    await settled(adapter.requestReauthorization(adminOnly, { signal: signal() }));
    // The admin reconnects it, in their own session.
    const { state } = await settled(adapter.startAuthorization(adminOnly, { signal: signal() }));
    const answer: AuthorizationResult = { state, code: `code-${state}`, params: { state, code: `code-${state}`, account_id: adminOnly.accountId! } };
    const back = await settled(adapter.completeAuthorization(adminOnly, answer, { signal: signal() }));
    expect(back).toMatchObject({ status: 'connected' });
    expect(back).not.toHaveProperty('reauthorizationRequestedAt');
    // The record of the request stays.
    expect(adapter.reauthorizationRequests()).toHaveLength(1);
  });
});

describe('given a connection this user may reconnect', () => {
  it('refuses the request with unsupported, which asking again cannot fix, and stores nothing', async () => {
    const { adapter } = setUp();
    const seen: Connection[] = [];
    const unsubscribe = adapter.subscribe((connection) => seen.push(connection));
    for (const target of adapter.snapshot().filter((connection) => connection.canReauthorize !== false)) {
      const error = await failureOf(adapter.requestReauthorization(target, { signal: signal(), note: 'hi' }));
      expect(error).toMatchObject({ code: 'unsupported', retryable: false, connectionId: target.id });
    }
    expect(adapter.reauthorizationRequests()).toEqual([]);
    expect(seen).toEqual([]);
    unsubscribe();
  });

  it('judges by what it holds, not by what the caller says', async () => {
    const { adapter } = setUp();
    const search = adapter.snapshot().find((connection) => connection.id === 'gads-search')!;
    const error = await failureOf(adapter.requestReauthorization({ ...search, canReauthorize: false }, { signal: signal() }));
    expect(error.code).toBe('unsupported');
    adapter.update('gads-search', { canReauthorize: false });
    await expect(settled(adapter.requestReauthorization(search, { signal: signal() }))).resolves.toMatchObject({ id: 'gads-search', reauthorizationRequestedAt: expect.any(String) });
  });

  it('refuses a connection it does not hold with adapter_failed', async () => {
    const { adapter, adminOnly } = setUp();
    expect(await failureOf(adapter.requestReauthorization({ ...adminOnly, id: 'nope' }, { signal: signal() }))).toMatchObject({ code: 'adapter_failed', retryable: false });
  });
});

describe('given its knobs and the abort signal', () => {
  it('takes as long as latencyMs says', async () => {
    const { adapter, adminOnly } = setUp({ latencyMs: 300 });
    let settledYet = false;
    const pending = adapter.requestReauthorization(adminOnly, { signal: signal() }).then((value) => ((settledYet = true), value));
    await vi.advanceTimersByTimeAsync(299);
    expect(settledYet).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ id: 'linkedin-emea' });
  });

  it('fails with a retryable adapter_failed that keeps its cause at the failure rate, storing nothing', async () => {
    const { adapter, adminOnly } = setUp({ failureRate: 1 });
    const error = await failureOf(adapter.requestReauthorization(adminOnly, { signal: signal(), note: 'hi' }));
    expect(error).toMatchObject({ code: 'adapter_failed', retryable: true, message: 'The simulated backend failed to send the request to an admin.' });
    expect(error.cause).toBeInstanceOf(Error);
    expect(adapter.reauthorizationRequests()).toEqual([]);
  });

  it('rejects with the signal\'s reason, storing nothing, when aborted before or during the call', async () => {
    const { adapter, adminOnly } = setUp({ latencyMs: 1000 });
    const before = new AbortController();
    before.abort();
    await expect(adapter.requestReauthorization(adminOnly, { signal: before.signal })).rejects.toBe(before.signal.reason);

    const during = new AbortController();
    const pending = adapter.requestReauthorization(adminOnly, { signal: during.signal, note: 'hi' });
    await vi.advanceTimersByTimeAsync(500);
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(adapter.reauthorizationRequests()).toEqual([]);
    expect(adapter.snapshot().find((connection) => connection.id === adminOnly.id)).not.toHaveProperty('reauthorizationRequestedAt');
  });
});
