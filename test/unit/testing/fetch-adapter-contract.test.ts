import { describe, it } from 'vitest';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter';
import type { ConnectionsAdapter } from '../../../src/core/types';
import { describeAdapterContract } from '../../../src/testing';
import { createFakeRestBackend } from '../adapters/fake-rest-backend';
import type { FakeRestBackend } from '../adapters/fake-rest-backend';

/* -------------------------------------------------------------------------------------------------
 * The reference adapter passes the contract, against the documented API answered in-process
 * -----------------------------------------------------------------------------------------------*/

const backends = new WeakMap<ConnectionsAdapter, FakeRestBackend>();
const backendOf = (adapter: ConnectionsAdapter) => backends.get(adapter)!;

describeAdapterContract({
  name: 'the fetch adapter',
  createAdapter: () => {
    const backend = createFakeRestBackend();
    const adapter = createFetchAdapter({ baseUrl: backend.baseUrl, fetch: backend.fetch, EventSource: backend.EventSource });
    backends.set(adapter, backend);
    return adapter;
  },
  describe,
  it,
  authorize: async (url) => ({ code: `code-${crypto.randomUUID()}`, params: { account_id: new URL(url).searchParams.get('account_id') ?? '' } }),
  pushChange: (adapter, connection) => {
    const backend = backendOf(adapter);
    for (const source of backend.sources) if (source.readyState === 0) source.open();
    backend.memory.update(connection.id, { lastSyncedAt: new Date().toISOString() });
  },
  failNextCall: (adapter) => backendOf(adapter).failNext({ status: 502, body: '<h1>Bad gateway</h1>' }),
  // The backend's memory adapter refuses the password "wrong"; the backend answers 401.
  refusedCredentials: { username: 'ana', password: 'wrong' },
  // What the backend's memory adapter stored, after the JSON on the way.
  readRequestNote: (adapter, connection) => backendOf(adapter).memory.reauthorizationRequests().filter((request) => request.connectionId === connection.id).at(-1)?.note,
});
