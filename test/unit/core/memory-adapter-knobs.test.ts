import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import type { AuthorizationResult, Connection } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The in-memory adapter's simulation: backfills that survive leaving the screen, and its knobs
 * -----------------------------------------------------------------------------------------------*/

const signal = new AbortController().signal;

function answer(state: string): AuthorizationResult {
  return { state, code: `code-${state}`, params: { state, code: `code-${state}` } };
}

/** The adapter's simulated latency is a timer too: let it run out. */
async function settled<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(0);
  return promise;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('given a CRM backfilling after a grant', () => {
  it('pauses its backfill while nothing listens, and goes on from there once something does', async () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ backfillStepMs: 1000 });
    const seen: Connection[] = [];
    let unsubscribe = adapter.subscribe!((connection) => seen.push(connection));
    const crm = adapter.snapshot().find((connection) => connection.id === 'sfdc-prod')!;
    const { state } = await settled(adapter.startAuthorization(crm, { signal }));
    await settled(adapter.completeAuthorization(crm, answer(state), { signal }));
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)).toMatchObject({ id: 'sfdc-prod', status: 'backfilling', backfill: { progress: 0.25 } });

    // The Connections screen is left: nothing listens, and no timer runs.
    unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(adapter.snapshot().find((connection) => connection.id === 'sfdc-prod')).toMatchObject({ backfill: { progress: 0.25 } });

    // Back on the screen, the backfill moves on to the end.
    unsubscribe = adapter.subscribe!((connection) => seen.push(connection));
    vi.advanceTimersByTime(3000);
    expect(seen.at(-1)).toMatchObject({ id: 'sfdc-prod', status: 'connected' });
    expect(vi.getTimerCount()).toBe(0);
    unsubscribe();
  });
});

describe('given a CRM reconnected while nothing listens', () => {
  it('runs no timer until something does, then backfills', async () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ backfillStepMs: 1000, latencyMs: 0 });
    const crm = adapter.snapshot().find((connection) => connection.id === 'sfdc-prod')!;
    const { state } = await settled(adapter.startAuthorization(crm, { signal }));
    expect(await settled(adapter.completeAuthorization(crm, answer(state), { signal }))).toMatchObject({ status: 'backfilling' });
    expect(vi.getTimerCount()).toBe(0);

    const seen: Connection[] = [];
    const unsubscribe = adapter.subscribe!((connection) => seen.push(connection));
    vi.advanceTimersByTime(4000);
    expect(seen.at(-1)).toMatchObject({ id: 'sfdc-prod', status: 'connected' });
    expect(vi.getTimerCount()).toBe(0);
    unsubscribe();
  });
});

describe('given setOptions', () => {
  it('keeps a knob that is passed as undefined', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 0 });
    adapter.setOptions({ latencyMs: undefined, failureRate: 0 });
    await expect(adapter.listConnections({ signal })).resolves.toHaveLength(9);
  });
});

describe('given a test environment without structuredClone (Jest with jsdom)', () => {
  it('still lists, pushes and re-authorizes', async () => {
    vi.useFakeTimers();
    const structured = globalThis.structuredClone;
    // @ts-expect-error: as jsdom's window has it
    delete globalThis.structuredClone;
    try {
      const adapter = createMemoryAdapter();
      const seen: Connection[] = [];
      const unsubscribe = adapter.subscribe!((connection) => seen.push(connection));
      const listed = await settled(adapter.listConnections({ signal }));
      expect(listed.length).toBeGreaterThan(0);
      const lapsed = listed.find((connection) => connection.status === 'authorization_required' && connection.authMethod !== 'credentials')!;
      const { state } = await settled(adapter.startAuthorization(lapsed, { signal }));
      const back = await settled(adapter.completeAuthorization(lapsed, answer(state), { signal }));
      expect(back).toMatchObject({ id: lapsed.id, status: expect.stringMatching(/connected|backfilling/) });
      expect(seen.at(-1)).toEqual(back);
      // Copies: changing what it returned changes nothing it holds.
      back.accountName = 'Changed';
      expect(adapter.snapshot().find((connection) => connection.id === lapsed.id)?.accountName).not.toBe('Changed');
      unsubscribe();
    } finally {
      globalThis.structuredClone = structured;
    }
  });
});

describe('given the same callback subscribed twice', () => {
  it('tells it once per subscription, and runs no timer once both have unsubscribed', () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ pushIntervalMs: 1000 });
    const seen: string[] = [];
    const onChange = (connection: Connection) => seen.push(connection.id);
    const first = adapter.subscribe!(onChange);
    const second = adapter.subscribe!(onChange);
    adapter.lapse(adapter.snapshot()[0]!.id);
    expect(seen).toHaveLength(2);
    first();
    first();
    expect(vi.getTimerCount()).toBe(1);
    second();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('given a refused login', () => {
  it.each([
    ['a rejected password', { username: 'ana', password: 'wrong' }],
    ['a password of its own choosing', { username: 'ana', password: 'letmein' }, ['letmein']],
    ['no username', { username: '  ', password: 'right one' }],
    ['no password', { username: 'ana', password: '' }],
  ] as const)('refuses %s with invalid_credentials, which sending again cannot fix', async (_name, credentials, rejectedPasswords?: readonly string[]) => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ rejectedPasswords });
    const form = adapter.snapshot().find((connection) => connection.authMethod === 'credentials')!;
    const refused = await settled(adapter.submitCredentials(form, { ...credentials }, { signal }).catch((error: unknown) => error));
    expect(refused).toBeInstanceOf(ConnectionsError);
    expect(refused).toMatchObject({ code: 'invalid_credentials', retryable: false });
    expect(adapter.snapshot().find((connection) => connection.id === form.id)?.status).toBe('authorization_required');
  });

  it('accepts any other password', async () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter();
    const form = adapter.snapshot().find((connection) => connection.authMethod === 'credentials')!;
    await expect(settled(adapter.submitCredentials(form, { username: 'ana', password: 'right one' }, { signal }))).resolves.toMatchObject({ id: form.id, status: 'backfilling' });
  });
});
