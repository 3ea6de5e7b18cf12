import { describe, it } from 'vitest';
import { createMemoryAdapter, describeAdapterContract } from '../../../src/testing';

/* -------------------------------------------------------------------------------------------------
 * The memory adapter behind Storybook and the tests passes the contract it ships
 * -----------------------------------------------------------------------------------------------*/

describeAdapterContract({
  name: 'the memory adapter',
  createAdapter: () => createMemoryAdapter({ backfillStepMs: 0 }),
  describe,
  it,
  // The simulated platform grants whatever account its sign-in page names: in the query outside
  // a browser, in the fragment of its blob: page in one.
  authorize: async (url) => {
    const address = new URL(url);
    const accountId = new URLSearchParams(address.hash.slice(1) || address.search).get('account_id') ?? '';
    return { code: `code-${crypto.randomUUID()}`, params: { account_id: accountId } };
  },
  pushChange: (adapter, connection) => {
    adapter.update(connection.id, { lastSyncedAt: new Date().toISOString() });
  },
  // Every call fails from here on; the adapter is made afresh for each check.
  failNextCall: (adapter) => adapter.setOptions({ failureRate: 1 }),
  // Its default refused password.
  refusedCredentials: { username: 'ana', password: 'wrong' },
  readRequestNote: (adapter, connection) => adapter.reauthorizationRequests().filter((request) => request.connectionId === connection.id).at(-1)?.note,
});
