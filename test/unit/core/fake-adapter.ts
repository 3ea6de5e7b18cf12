import { vi } from 'vitest';
import type { Connection, ConnectionsAdapter } from '../../../src/core/types';
import { deferred } from '../../support/deferred';
import type { Deferred } from '../../support/deferred';

/* -------------------------------------------------------------------------------------------------
 * Deferred promises, settled by the test when it chooses
 * -----------------------------------------------------------------------------------------------*/

export { deferred };
export type { Deferred };

/**
 * Lets every promise callback already queued run (and the ones they queue in turn), without
 * moving any timer: works the same with real and fake timers.
 */
export async function flush(): Promise<void> {
  for (let turn = 0; turn < 25; turn += 1) await Promise.resolve();
}

/* -------------------------------------------------------------------------------------------------
 * Connections
 * -----------------------------------------------------------------------------------------------*/

export function makeConnection(overrides: Partial<Connection> & { id: string }): Connection {
  return {
    provider: 'google_ads',
    category: 'advertising',
    accountName: `Account ${overrides.id}`,
    status: 'connected',
    ...overrides,
  };
}

/* -------------------------------------------------------------------------------------------------
 * A fake adapter: every call waits on a deferred the test settles
 * -----------------------------------------------------------------------------------------------*/

export interface ListCall {
  signal: AbortSignal;
  answer: Deferred<unknown>;
}

export interface CredentialsCall {
  connection: Connection;
  credentials: Record<string, string>;
  signal: AbortSignal;
  answer: Deferred<Connection>;
}

export interface FakeAdapter {
  adapter: ConnectionsAdapter;
  /** Every `listConnections` call, oldest first. */
  lists: ListCall[];
  /** Every `submitCredentials` call, oldest first. */
  submissions: CredentialsCall[];
  /** Sends a pushed update through `adapter.subscribe`, as a backend event would. */
  push(value: unknown): void;
  /** Whether the store is subscribed to pushed updates right now. */
  isSubscribed(): boolean;
  /** Called when the store stops listening to pushed updates. */
  unsubscribe: ReturnType<typeof vi.fn>;
  /** The nth list call; fails the test when there is none. */
  list(index: number): ListCall;
  /** The nth credentials call; fails the test when there is none. */
  submission(index: number): CredentialsCall;
}

export function createFakeAdapter({ withSubscribe = true } = {}): FakeAdapter {
  const lists: ListCall[] = [];
  const submissions: CredentialsCall[] = [];
  let onChange: ((connection: Connection) => void) | undefined;
  const unsubscribe = vi.fn(() => {
    onChange = undefined;
  });

  const adapter: ConnectionsAdapter = {
    listConnections: vi.fn(({ signal }) => {
      const answer = deferred<unknown>();
      lists.push({ signal, answer });
      return answer.promise as Promise<Connection[]>;
    }),
    startAuthorization: vi.fn(() => Promise.reject(new Error('OAuth is not used by these tests.'))),
    completeAuthorization: vi.fn(() => Promise.reject(new Error('OAuth is not used by these tests.'))),
    submitCredentials: vi.fn((connection, credentials, { signal }) => {
      const answer = deferred<Connection>();
      submissions.push({ connection, credentials, signal, answer });
      return answer.promise;
    }),
  };
  if (withSubscribe) {
    adapter.subscribe = vi.fn((listener) => {
      onChange = listener;
      return unsubscribe;
    });
  }

  return {
    adapter,
    lists,
    submissions,
    push(value) {
      if (!onChange) throw new Error('Nothing is subscribed to pushed updates.');
      onChange(value as Connection);
    },
    isSubscribed: () => onChange !== undefined,
    unsubscribe,
    list(index) {
      const call = lists[index];
      if (!call) throw new Error(`listConnections() was called ${lists.length} times, not ${index + 1}.`);
      return call;
    },
    submission(index) {
      const call = submissions[index];
      if (!call) throw new Error(`submitCredentials() was called ${submissions.length} times, not ${index + 1}.`);
      return call;
    },
  };
}
