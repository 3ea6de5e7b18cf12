import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import type { AuthorizationResult } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The memory adapter's simulated platform: what its consent page is told and what it accepts
 * -----------------------------------------------------------------------------------------------*/

const signal = new AbortController().signal;

function answer(state: string, params: Record<string, string>): AuthorizationResult {
  return { state, ...(params.code && { code: params.code }), params: { state, ...params } };
}

describe('given the in-memory adapter', () => {
  it('sends the user to the consent page beside the current page, naming the platform and account', async () => {
    const adapter = createMemoryAdapter();
    const [search] = await adapter.listConnections({ signal });

    const { url, state } = await adapter.startAuthorization(search!, { signal });

    const consent = new URL(url);
    expect(consent.href.startsWith(new URL('oauth/consent.html', document.baseURI).href)).toBe(true);
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.fromEntries(consent.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'react-connected-accounts-memory',
      redirect_uri: new URL('oauth/callback.html', document.baseURI).href,
      state,
      provider: 'google_ads',
      account_name: 'Acme Search',
      account_id: '123-456-7890',
    });
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

  it('uses the consent and callback addresses it is given', async () => {
    const adapter = createMemoryAdapter({ authorizationUrl: 'http://127.0.0.1:4000/authorize', redirectUri: 'http://localhost:5173/cb' });
    const [search] = await adapter.listConnections({ signal });

    const { url } = await adapter.startAuthorization(search!, { signal });

    expect(url.startsWith('http://127.0.0.1:4000/authorize?')).toBe(true);
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('http://localhost:5173/cb');
  });
});
