import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { simulated } from '../../../src/core/store';
import type { AuthorizationResult } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The memory adapter's simulated platform: what its sign-in page is told and what it accepts
 * -----------------------------------------------------------------------------------------------*/

const signal = new AbortController().signal;

function answer(state: string, params: Record<string, string>): AuthorizationResult {
  return { state, ...(params.code && { code: params.code }), params: { state, ...params } };
}

describe('given the in-memory adapter', () => {
  it('outside a browser, gives an address that leads nowhere but names the flow, the platform and the account', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });

    const { url, state } = await adapter.startAuthorization(search!, { signal });

    // jsdom opens no window, and Node's blob: URLs have no origin: no sign-in page is made.
    const address = new URL(url);
    expect(`${address.origin}${address.pathname}`).toBe('https://sign-in.invalid/');
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.fromEntries(address.searchParams)).toEqual({ state, platform: 'Google Ads', account_name: 'Acme Search', account_id: '123-456-7890' });
  });

  it('is one the store lets open its blob: sign-in page', () => {
    expect(simulated.has(createMemoryAdapter())).toBe(true);
  });

  it('gives every flow its own state', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });

    const first = await adapter.startAuthorization(search!, { signal });
    const second = await adapter.startAuthorization(search!, { signal });

    expect(first.state).not.toBe(second.state);
  });

  it('reconnects the account on an allowed grant, and accepts the code only once', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });
    const { state } = await adapter.startAuthorization(search!, { signal });

    const reconnected = await adapter.completeAuthorization(search!, answer(state, { code: 'c-1', account_id: '123-456-7890' }), { signal });

    expect(reconnected).toMatchObject({ id: search!.id, status: 'connected', accountId: '123-456-7890' });
    await expect(adapter.completeAuthorization(search!, answer(state, { code: 'c-1' }), { signal })).rejects.toMatchObject({ code: 'state_mismatch' });
  });

  it('puts a CRM into backfilling after a grant', async () => {
    const adapter = createMemoryAdapter({ backfillStepMs: 0 });
    const crm = (await adapter.listConnections({ signal })).find((c) => c.id === 'sfdc-prod')!;
    const { state } = await adapter.startAuthorization(crm, { signal });

    await expect(adapter.completeAuthorization(crm, answer(state, { code: 'c-2' }), { signal })).resolves.toMatchObject({ status: 'backfilling' });
  });

  it('returns the other account, unchanged otherwise, when the user signed in to a different one', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });
    const { state } = await adapter.startAuthorization(search!, { signal });

    const returned = await adapter.completeAuthorization(search!, answer(state, { code: 'c-3', account_id: 'other-account' }), { signal });

    expect(returned).toMatchObject({ accountId: 'other-account', status: 'authorization_required' });
    expect(adapter.snapshot().find((c) => c.id === search!.id)).toMatchObject({ accountId: '123-456-7890', status: 'authorization_required' });
  });

  it('refuses a state it never handed out', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });

    await expect(adapter.completeAuthorization(search!, answer('made-up', { code: 'c-4' }), { signal })).rejects.toMatchObject({ code: 'state_mismatch' });
  });

  it('reads a denial as the platform answering access_denied', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });
    const { state } = await adapter.startAuthorization(search!, { signal });

    const denied = adapter.completeAuthorization(search!, { state, error: 'access_denied', params: { state, error: 'access_denied' } }, { signal });

    await expect(denied).rejects.toMatchObject({ code: 'provider_error', providerError: 'access_denied', isCancellation: true });
  });
});
