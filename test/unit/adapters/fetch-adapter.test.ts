import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter';
import type { FetchAdapterOptions } from '../../../src/adapters/fetch-adapter';
import { ConnectionsError } from '../../../src/core/errors';
import { createConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { createFakeRestBackend } from './fake-rest-backend';

/* -------------------------------------------------------------------------------------------------
 * createFetchAdapter
 * -----------------------------------------------------------------------------------------------*/

const signal = () => new AbortController().signal;

function setUp(options: Partial<FetchAdapterOptions> = {}) {
  const backend = createFakeRestBackend();
  const adapter = createFetchAdapter({ baseUrl: `${backend.baseUrl}/`, fetch: backend.fetch, EventSource: backend.EventSource, ...options });
  const lapsed = backend.memory.snapshot().find((connection) => connection.id === 'gads-search')!;
  return { backend, adapter, lapsed };
}

async function rejectionOf(promise: Promise<unknown>): Promise<ConnectionsError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConnectionsError);
  return error as ConnectionsError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('given the documented REST API', () => {
  it('lists connections with GET /connections, sending cookies and asking for JSON', async () => {
    const { backend, adapter } = setUp();
    const connections = await adapter.listConnections({ signal: signal() });
    expect(connections.map((connection) => connection.id)).toContain('gads-search');
    expect(backend.requests).toHaveLength(1);
    const [request] = backend.requests;
    expect(request).toMatchObject({ method: 'GET', url: 'https://app.example/api/connections', credentials: 'include' });
    expect(request!.headers.get('Accept')).toBe('application/json');
  });

  it('sends the integrator\'s headers, asking a header function before every request', async () => {
    let token = 0;
    const { backend, adapter } = setUp({ headers: () => ({ 'X-CSRF-Token': `t${(token += 1)}` }) });
    await adapter.listConnections({ signal: signal() });
    await adapter.listConnections({ signal: signal() });
    expect(backend.requests.map((request) => request.headers.get('X-CSRF-Token'))).toEqual(['t1', 't2']);
  });

  it('leaves cookies out when told to', async () => {
    const { backend, adapter } = setUp({ credentials: 'same-origin' });
    await adapter.listConnections({ signal: signal() });
    expect(backend.requests[0]!.credentials).toBe('same-origin');
  });

  it('starts an authorization with a POST for the connection, escaping its id', async () => {
    const { backend, adapter, lapsed } = setUp();
    const start = await adapter.startAuthorization(lapsed, { signal: signal() });
    expect(start.state).toMatch(/^[0-9a-f]{32}$/);
    expect(new URL(start.url).searchParams.get('state')).toBe(start.state);
    expect(backend.requests[0]).toMatchObject({ method: 'POST', url: 'https://app.example/api/connections/gads-search/authorization' });

    await rejectionOf(adapter.startAuthorization({ ...lapsed, id: 'a/b?c' }, { signal: signal() }));
    expect(backend.requests[1]!.url).toBe('https://app.example/api/connections/a%2Fb%3Fc/authorization');
  });

  it('refuses an id of "." or "..", which a URL would read as a move up the path, sending nothing', async () => {
    const { backend, adapter, lapsed } = setUp();
    for (const id of ['.', '..']) {
      const start = await rejectionOf(adapter.startAuthorization({ ...lapsed, id }, { signal: signal() }));
      expect(start).toMatchObject({ code: 'unsupported', retryable: false, connectionId: id });
      await rejectionOf(adapter.completeAuthorization({ ...lapsed, id }, { code: 'c', state: 's', params: {} }, { signal: signal() }));
      await rejectionOf(adapter.submitCredentials!({ ...lapsed, id }, { password: 'p' }, { signal: signal() }));
    }
    expect(backend.requests).toEqual([]);
    // Dots among other characters are only dots.
    await adapter.startAuthorization({ ...lapsed, id: 'gads-search' }, { signal: signal() });
    await rejectionOf(adapter.startAuthorization({ ...lapsed, id: '...' }, { signal: signal() }));
    expect(backend.requests.at(-1)!.url).toBe('https://app.example/api/connections/.../authorization');
  });

  it('refuses an id no URL can carry (a lone surrogate, or none), rejecting without throwing and sending nothing', async () => {
    const { backend, adapter, lapsed } = setUp();
    for (const id of ['\uD800', 'a\uDC00b', '']) {
      const calls = [
        () => adapter.startAuthorization({ ...lapsed, id }, { signal: signal() }),
        () => adapter.completeAuthorization({ ...lapsed, id }, { code: 'c', state: 's', params: {} }, { signal: signal() }),
        () => adapter.submitCredentials!({ ...lapsed, id }, { username: 'ana', password: 'p' }, { signal: signal() }),
      ];
      for (const call of calls) {
        let pending: Promise<unknown> | undefined;
        expect(() => (pending = call())).not.toThrow();
        expect(await rejectionOf(pending!)).toMatchObject({ code: 'unsupported', retryable: false, connectionId: id });
      }
    }
    expect(backend.requests).toEqual([]);
  });

  it('completes an authorization by posting the callback result as JSON, never in the URL', async () => {
    const { backend, adapter, lapsed } = setUp();
    const { state } = await adapter.startAuthorization(lapsed, { signal: signal() });
    const result = { code: 'secret-code', state, params: { code: 'secret-code', state, account_id: '123-456-7890' } };
    const connection = await adapter.completeAuthorization(lapsed, result, { signal: signal() });
    expect(connection).toMatchObject({ id: 'gads-search', status: 'connected' });
    const request = backend.requests[1]!;
    expect(request).toMatchObject({ method: 'POST', url: 'https://app.example/api/connections/gads-search/authorization/complete', body: result });
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.url).not.toContain('secret-code');
  });

  it('submits a login in the body of a POST, never in the URL', async () => {
    const { backend, adapter } = setUp();
    const onPremises = backend.memory.snapshot().find((connection) => connection.authMethod === 'credentials')!;
    const connection = await adapter.submitCredentials!(onPremises, { username: 'ana', password: 'hunter2' }, { signal: signal() });
    expect(connection.status).not.toBe('authorization_required');
    const request = backend.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', url: 'https://app.example/api/connections/d365-onprem/credentials', body: { username: 'ana', password: 'hunter2' } });
    expect(request.url).not.toContain('hunter2');
  });
});

describe('given a user who may not reconnect a connection, asking an admin to', () => {
  /** The sample's lapsed connection this user may not reconnect. */
  const adminOnly = (backend: ReturnType<typeof createFakeRestBackend>) => backend.memory.snapshot().find((connection) => connection.canReauthorize === false)!;

  it('posts the note as JSON to the connection\'s reauthorization-requests, and answers the connection with the time asked', async () => {
    const { backend, adapter } = setUp();
    const target = adminOnly(backend);
    const note = 'Please reconnect <b>EMEA</b> & "soon" — thanks 🙂\nAna';
    const returned = await adapter.requestReauthorization!(target, { signal: signal(), note });
    expect(returned).toMatchObject({ id: target.id, status: 'authorization_required', canReauthorize: false, reauthorizationRequestedAt: expect.any(String) });
    expect(Date.parse(returned.reauthorizationRequestedAt!)).not.toBeNaN();
    const [request] = backend.requests;
    expect(request).toMatchObject({ method: 'POST', url: `https://app.example/api/connections/${target.id}/reauthorization-requests`, credentials: 'include', body: { note } });
    expect(request!.headers.get('Content-Type')).toBe('application/json');
    expect(request!.headers.get('Accept')).toBe('application/json');
    // The note travels as given: in the body only, as text.
    expect(request!.url).not.toContain('EMEA');
    expect(backend.memory.reauthorizationRequests()).toEqual([{ connectionId: target.id, note, requestedAt: returned.reauthorizationRequestedAt }]);
  });

  it('sends an empty object without a note, and an empty note as given', async () => {
    const { backend, adapter } = setUp();
    const target = adminOnly(backend);
    await adapter.requestReauthorization!(target, { signal: signal() });
    await adapter.requestReauthorization!(target, { signal: signal(), note: '' });
    expect(backend.requests.map((request) => request.body)).toEqual([{}, { note: '' }]);
  });

  it('counts as a newer version for a catch-up list on its way', async () => {
    const { fetch, backend, adapter, list, received } = await reconnectWithListOnItsWay();
    const target = adminOnly(backend);
    const asked = { ...target, reauthorizationRequestedAt: '2026-03-01T12:00:00.000Z' };
    fetch.mockResolvedValueOnce(new Response(JSON.stringify(asked)));
    expect(await adapter.requestReauthorization!(target, { signal: signal() })).toEqual(asked);
    list.resolve(new Response(JSON.stringify([target, { ...target, id: 'other' }])));
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((changed) => changed.id)).toEqual(['other']);
  });

  it('keeps the server\'s unsupported for a connection the user may reconnect, not worth retrying', async () => {
    const { adapter, lapsed } = setUp();
    const error = await rejectionOf(adapter.requestReauthorization!(lapsed, { signal: signal(), note: 'hi' }));
    expect(error).toMatchObject({ code: 'unsupported', retryable: false });
    expect(error.cause).toMatchObject({ status: 400 });
  });

  it('reads a refused note, a 401 or a 422 as adapter_failed, and a 429 as worth retrying after the wait asked', async () => {
    const { backend, adapter } = setUp();
    const target = adminOnly(backend);
    const tooLong = await rejectionOf(adapter.requestReauthorization!(target, { signal: signal(), note: 'x'.repeat(501) }));
    expect(tooLong).toMatchObject({ code: 'adapter_failed', retryable: false, message: 'The note must be text of at most 500 characters.' });
    for (const status of [401, 413, 422]) {
      backend.failNext({ status, contentType: 'application/json', body: JSON.stringify({ code: 'note_too_long', message: 'No.' }) });
      expect(await rejectionOf(adapter.requestReauthorization!(target, { signal: signal(), note: 'hi' }))).toMatchObject({ code: 'adapter_failed', retryable: false, message: 'No.' });
    }
    backend.failNext({ status: 429, headers: { 'Retry-After': '60' } });
    expect(await rejectionOf(adapter.requestReauthorization!(target, { signal: signal() }))).toMatchObject({
      code: 'adapter_failed',
      retryable: true,
      retryAfterMs: 60_000,
      message: `POST /connections/${target.id}/reauthorization-requests answered HTTP 429.`,
    });
    backend.failNext('network');
    expect(await rejectionOf(adapter.requestReauthorization!(target, { signal: signal() }))).toMatchObject({ code: 'adapter_failed', retryable: true });
  });

  it('refuses an answer that is not a connection, naming the endpoint', async () => {
    const { backend, adapter } = setUp();
    backend.failNext({ status: 200, contentType: 'application/json', body: '{"ok":true}' });
    expect(await rejectionOf(adapter.requestReauthorization!(adminOnly(backend), { signal: signal() }))).toMatchObject({
      code: 'adapter_failed',
      retryable: false,
      message: expect.stringMatching(/^POST \/connections\/linkedin-emea\/reauthorization-requests returned .*"id"/),
    });
  });

  it('escapes the id, and refuses one no URL can carry, rejecting without throwing and sending nothing', async () => {
    const { backend, adapter } = setUp();
    const target = adminOnly(backend);
    await rejectionOf(adapter.requestReauthorization!({ ...target, id: 'a/b?c' }, { signal: signal() }));
    expect(backend.requests[0]!.url).toBe('https://app.example/api/connections/a%2Fb%3Fc/reauthorization-requests');
    for (const id of ['.', '..', '\uD800', '']) {
      let pending: Promise<unknown> | undefined;
      expect(() => (pending = adapter.requestReauthorization!({ ...target, id }, { signal: signal(), note: 'hi' }))).not.toThrow();
      expect(await rejectionOf(pending!)).toMatchObject({ code: 'unsupported', retryable: false, connectionId: id });
    }
    expect(backend.requests).toHaveLength(1);
  });

  it('sends nothing when its signal is already aborted, and rejects with the AbortError when aborted midway', async () => {
    const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))));
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetch as unknown as typeof globalThis.fetch });
    const target = createFakeRestBackend().memory.snapshot().find((connection) => connection.canReauthorize === false)!;
    const before = new AbortController();
    before.abort();
    await expect(adapter.requestReauthorization!(target, { signal: before.signal, note: 'hi' })).rejects.toBe(before.signal.reason);
    expect(fetch).not.toHaveBeenCalled();

    const during = new AbortController();
    const pending = adapter.requestReauthorization!(target, { signal: during.signal, note: 'hi' });
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('given the server answers with an error', () => {
  it('keeps a known code and the server\'s message, and does not offer to retry a 4xx', async () => {
    const { adapter, lapsed } = setUp();
    const error = await rejectionOf(adapter.completeAuthorization(lapsed, { code: 'x', state: 'never-issued', params: {} }, { signal: signal() }));
    expect(error).toMatchObject({ code: 'state_mismatch', retryable: false, message: 'The memory adapter did not start an authorization with this state.' });
    expect(error.cause).toMatchObject({ status: 400 });
  });

  it('reads 409 account_mismatch as account_mismatch', async () => {
    const { adapter, lapsed } = setUp();
    const { state } = await adapter.startAuthorization(lapsed, { signal: signal() });
    const error = await rejectionOf(adapter.completeAuthorization(lapsed, { code: 'c', state, params: { account_id: 'someone-else' } }, { signal: signal() }));
    expect(error).toMatchObject({ code: 'account_mismatch', retryable: false });
    expect(error.cause).toMatchObject({ status: 409 });
  });

  it('carries the provider\'s error and description for provider_error', async () => {
    const { backend, adapter, lapsed } = setUp();
    backend.failNext({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'provider_error', message: 'The platform refused.', providerError: 'invalid_grant', providerErrorDescription: 'Code expired' }),
    });
    const error = await rejectionOf(adapter.completeAuthorization(lapsed, { code: 'c', state: 's', params: {} }, { signal: signal() }));
    expect(error).toMatchObject({ code: 'provider_error', providerError: 'invalid_grant', providerErrorDescription: 'Code expired', message: 'The platform refused.' });
  });

  it('turns an unknown code into adapter_failed', async () => {
    const { adapter, lapsed } = setUp();
    const error = await rejectionOf(adapter.startAuthorization({ ...lapsed, id: 'nope' }, { signal: signal() }));
    expect(error).toMatchObject({ code: 'adapter_failed', retryable: false, message: 'No connection "nope".' });
  });

  it('offers to retry a 5xx, even with an HTML body, keeping the status as the cause', async () => {
    const { backend, adapter } = setUp();
    backend.failNext({ status: 502, body: '<h1>Bad gateway</h1>' });
    const error = await rejectionOf(adapter.listConnections({ signal: signal() }));
    expect(error).toMatchObject({ code: 'adapter_failed', retryable: true, message: 'GET /connections answered HTTP 502.' });
    expect(error.cause).toMatchObject({ status: 502, body: undefined });
  });

  it.each([408, 429])('offers to retry HTTP %i', async (status) => {
    const { backend, adapter } = setUp();
    backend.failNext({ status });
    expect(await rejectionOf(adapter.listConnections({ signal: signal() }))).toMatchObject({ retryable: true });
  });

  it('offers to retry a network failure, keeping it as the cause', async () => {
    const { backend, adapter } = setUp();
    backend.failNext('network');
    const error = await rejectionOf(adapter.listConnections({ signal: signal() }));
    expect(error).toMatchObject({ code: 'adapter_failed', retryable: true, message: 'GET /connections could not be reached: Failed to fetch.' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('given the server asks to wait (Retry-After)', () => {
  it.each([429, 503])('carries a wait in seconds on HTTP %i as retryAfterMs', async (status) => {
    const { backend, adapter } = setUp();
    backend.failNext({ status, headers: { 'Retry-After': '120' } });
    expect(await rejectionOf(adapter.listConnections({ signal: signal() }))).toMatchObject({ code: 'adapter_failed', retryable: true, retryAfterMs: 120_000 });
  });

  it('carries an HTTP date as the time left until it, and a past one as no wait', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
    const { backend, adapter, lapsed } = setUp();
    backend.failNext({ status: 503, headers: { 'Retry-After': 'Sun, 01 Mar 2026 12:01:30 GMT' } });
    expect(await rejectionOf(adapter.startAuthorization(lapsed, { signal: signal() }))).toMatchObject({ retryAfterMs: 90_000 });
    backend.failNext({ status: 429, headers: { 'Retry-After': 'Sat, 28 Feb 2026 12:00:00 GMT' } });
    expect(await rejectionOf(adapter.listConnections({ signal: signal() }))).toMatchObject({ retryAfterMs: 0 });
  });

  it('ignores a Retry-After that is neither, and one on another status', async () => {
    const { backend, adapter } = setUp();
    for (const value of ['soon', '1.5', '-5', '10 s', 'Sun, 99 Foo 2026']) {
      backend.failNext({ status: 503, headers: { 'Retry-After': value } });
      expect((await rejectionOf(adapter.listConnections({ signal: signal() }))).retryAfterMs).toBeUndefined();
    }
    backend.failNext({ status: 502, headers: { 'Retry-After': '120' } });
    expect((await rejectionOf(adapter.listConnections({ signal: signal() }))).retryAfterMs).toBeUndefined();
  });

  it('makes the store wait as long as the server asked before it asks for the list again', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp();
    backend.failNext({ status: 503, headers: { 'Retry-After': '10' } });
    const store = createConnectionStore(adapter, { refreshOnFocus: false, onError: () => {}, retry: { retries: 3, minDelayMs: 1000, maxDelayMs: 2000 } });
    const release = store.retain();
    try {
      await vi.advanceTimersByTimeAsync(9_999);
      expect(backend.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(backend.requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(100);
      expect(store.getState()).toMatchObject({ status: 'ready', error: null });
    } finally {
      release();
    }
  });

  it('waits as long as the server asked before asking for the catch-up list again', async () => {
    const { fetch, list, received } = await reconnectWithListOnItsWay();
    list.resolve(new Response('{}', { status: 503, headers: { 'Retry-After': '60' } }));
    fetch.mockResolvedValueOnce(new Response(JSON.stringify([{ id: 'gads-search', provider: 'google_ads', category: 'advertising', accountName: 'Caught up', status: 'connected' }])));
    // Without Retry-After the catch-up asks again within a second.
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(received.map((changed) => changed.accountName)).toEqual(['Caught up']);
  });
});

describe('given the credentials endpoint refuses a login', () => {
  it.each([401, 422])('reads HTTP %i as invalid_credentials, not worth retrying', async (status) => {
    const { backend, adapter } = setUp();
    const onPremises = backend.memory.snapshot().find((connection) => connection.authMethod === 'credentials')!;
    backend.failNext({ status, contentType: 'application/json', body: JSON.stringify({ code: 'unauthorized', message: 'Wrong password.' }) });
    const error = await rejectionOf(adapter.submitCredentials!(onPremises, { username: 'ana', password: 'nope' }, { signal: signal() }));
    expect(error).toMatchObject({ code: 'invalid_credentials', retryable: false, message: 'Wrong password.' });
    expect(error.cause).toMatchObject({ status });
  });

  it('keeps reading 401 and 422 from the other endpoints as adapter_failed', async () => {
    const { backend, adapter, lapsed } = setUp();
    const calls = [
      () => adapter.listConnections({ signal: signal() }),
      () => adapter.startAuthorization(lapsed, { signal: signal() }),
      () => adapter.completeAuthorization(lapsed, { code: 'c', state: 's', params: {} }, { signal: signal() }),
    ];
    for (const status of [401, 422]) {
      for (const call of calls) {
        backend.failNext({ status });
        expect(await rejectionOf(call())).toMatchObject({ code: 'adapter_failed', retryable: false });
      }
    }
  });
});

describe('given the server answers with something that is not the API', () => {
  it('refuses a list that is not an array', async () => {
    const { backend, adapter } = setUp();
    backend.failNext({ status: 200, contentType: 'application/json', body: '{"connections":[]}' });
    expect(await rejectionOf(adapter.listConnections({ signal: signal() }))).toMatchObject({
      code: 'adapter_failed',
      retryable: false,
      message: 'GET /connections answered without an array of connections.',
    });
  });

  it('refuses a success that is not JSON, such as a login page', async () => {
    const { backend, adapter } = setUp();
    backend.failNext({ status: 200, body: '<html>Sign in</html>' });
    expect(await rejectionOf(adapter.listConnections({ signal: signal() }))).toMatchObject({
      code: 'adapter_failed',
      retryable: false,
      message: 'GET /connections answered HTTP 200 with a body that is not JSON.',
    });
  });

  it('refuses an authorization start without a state', async () => {
    const { backend, adapter, lapsed } = setUp();
    backend.failNext({ status: 200, contentType: 'application/json', body: '{"url":"https://platform.example/authorize"}' });
    expect(await rejectionOf(adapter.startAuthorization(lapsed, { signal: signal() }))).toMatchObject({
      code: 'adapter_failed',
      message: 'POST /connections/gads-search/authorization answered without { url, state } strings.',
    });
  });

  it('refuses a completed connection without an id, naming what is missing', async () => {
    const { backend, adapter, lapsed } = setUp();
    backend.failNext({ status: 200, contentType: 'application/json', body: '{"provider":"google_ads","status":"connected"}' });
    // The words are the validator's; the endpoint and the field are named.
    expect(await rejectionOf(adapter.completeAuthorization(lapsed, { code: 'c', state: 's', params: {} }, { signal: signal() }))).toMatchObject({
      code: 'adapter_failed',
      retryable: false,
      message: expect.stringMatching(/^POST \/connections\/gads-search\/authorization\/complete returned .*"id"/),
    });
  });

  it('hands on a completed connection whose optional field is malformed, for the store to leave out and report', async () => {
    const { backend, adapter, lapsed } = setUp();
    const body = { ...lapsed, status: 'connected', lastSyncedAt: 'just now' };
    backend.failNext({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    expect(await adapter.completeAuthorization(lapsed, { code: 'c', state: 's', params: {} }, { signal: signal() })).toEqual(body);
  });
});

describe('given a request that is aborted or takes too long', () => {
  /** A server that never answers, but lets go when the request is aborted. */
  const silent = (): typeof fetch =>
    vi.fn((_input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch;

  it('makes no request when the signal is already aborted, rejecting with its reason', async () => {
    const fetch = silent();
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch });
    const controller = new AbortController();
    controller.abort();
    await expect(adapter.listConnections({ signal: controller.signal })).rejects.toBe(controller.signal.reason);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects with the AbortError, not a ConnectionsError, when aborted midway', async () => {
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: silent() });
    const controller = new AbortController();
    const pending = adapter.listConnections({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails with a retryable timeout after 15 seconds', async () => {
    vi.useFakeTimers();
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: silent() });
    const pending = rejectionOf(adapter.listConnections({ signal: signal() }));
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ code: 'timeout', retryable: true, message: 'GET /connections did not answer within 15000 ms.' });
  });

  it('waits without limit when timeoutMs is Infinity or 0, setting no timer', async () => {
    vi.useFakeTimers();
    for (const timeoutMs of [Infinity, 0]) {
      const adapter = createFetchAdapter({ baseUrl: '/api', fetch: silent(), timeoutMs });
      const controller = new AbortController();
      const pending = adapter.listConnections({ signal: controller.signal });
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('fails in words, leaving no timer or listener, when the header function throws', async () => {
    vi.useFakeTimers();
    const fetch = silent();
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch,
      headers: () => {
        throw new Error('no CSRF token yet');
      },
    });
    const controller = new AbortController();
    const addListener = vi.spyOn(controller.signal, 'addEventListener');

    const error = await rejectionOf(adapter.listConnections({ signal: controller.signal }));

    expect(error).toMatchObject({ code: 'adapter_failed', retryable: false, message: 'The headers for GET /connections could not be made: no CSRF token yet' });
    expect(error.cause).toBeInstanceOf(Error);
    expect(fetch).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(addListener).not.toHaveBeenCalled();
  });

  it('keeps the default timeout for a timeoutMs that is not a duration', async () => {
    vi.useFakeTimers();
    for (const timeoutMs of [NaN, -5]) {
      const adapter = createFetchAdapter({ baseUrl: '/api', fetch: silent(), timeoutMs });
      const pending = rejectionOf(adapter.listConnections({ signal: signal() }));
      await vi.advanceTimersByTimeAsync(15_000);
      expect(await pending).toMatchObject({ code: 'timeout' });
    }
  });

  it('takes its own timeout', async () => {
    vi.useFakeTimers();
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: silent(), timeoutMs: 500 });
    const pending = rejectionOf(adapter.listConnections({ signal: signal() }));
    await vi.advanceTimersByTimeAsync(500);
    expect(await pending).toMatchObject({ code: 'timeout' });
  });
});

function deferredResponse() {
  let resolve!: (response: Response) => void;
  const promise = new Promise<Response>((settle) => (resolve = settle));
  return { promise, resolve };
}

/**
 * A subscription whose stream broke and opened again: the catch-up list it asked for answers when
 * the test resolves `list`; `received` is what the subscriber was handed.
 */
async function reconnectWithListOnItsWay() {
  vi.useFakeTimers();
  const fetch = vi.fn<typeof globalThis.fetch>();
  const { backend, adapter } = setUp({ fetch });
  const list = deferredResponse();
  fetch.mockReturnValueOnce(list.promise);
  const received: Connection[] = [];
  adapter.subscribe!((changed) => received.push(changed));
  backend.sources[0]!.open();
  backend.sources[0]!.fail();
  await vi.advanceTimersByTimeAsync(1000);
  backend.sources[1]!.open();
  return { fetch, backend, adapter, list, received };
}

describe('given the event stream', () => {
  const connection = (patch: Partial<Connection> = {}): Connection => ({
    id: 'gads-search',
    provider: 'google_ads',
    category: 'advertising',
    accountName: 'Acme Search',
    status: 'connected',
    ...patch,
  });

  it('opens GET /events with cookies and hands each event\'s connection to the subscriber', () => {
    const { backend, adapter } = setUp();
    const received: unknown[] = [];
    adapter.subscribe!((changed) => received.push(changed));
    const [source] = backend.sources;
    expect(source).toMatchObject({ url: 'https://app.example/api/events', init: { withCredentials: true } });
    source!.open();
    source!.send(JSON.stringify(connection()));
    source!.send('not json');
    source!.send(JSON.stringify(connection({ status: 'authorization_required' })));
    expect(received).toEqual([connection(), connection({ status: 'authorization_required' })]);
  });

  it('reconnects after a broken stream with doubling, jittered waits, starting over once a stream held', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp();
    adapter.subscribe!(() => {});
    backend.sources[0]!.fail();
    expect(backend.sources[0]!.readyState).toBe(2);
    // First wait: between half of and the whole second.
    await vi.advanceTimersByTimeAsync(499);
    expect(backend.sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(501);
    expect(backend.sources).toHaveLength(2);
    // Second wait: between one and two seconds.
    backend.sources[1]!.fail();
    await vi.advanceTimersByTimeAsync(999);
    expect(backend.sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1001);
    expect(backend.sources).toHaveLength(3);
    // Open for as long as the longest wait: the next break waits the first amount once more.
    backend.sources[2]!.open();
    await vi.advanceTimersByTimeAsync(30_000);
    backend.sources[2]!.fail();
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.sources).toHaveLength(4);
  });

  it('keeps backing off from a server that accepts the stream and drops it at once', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp();
    adapter.subscribe!(() => {});
    backend.sources[0]!.fail();
    await vi.advanceTimersByTimeAsync(1000);
    backend.sources[1]!.open();
    backend.sources[1]!.fail();
    // Still the second wait (one to two seconds), not the first.
    await vi.advanceTimersByTimeAsync(999);
    expect(backend.sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1001);
    expect(backend.sources).toHaveLength(3);
  });

  it('hands on the whole list after a reconnect, for what changed while the stream was down', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp();
    const received: Connection[] = [];
    adapter.subscribe!((changed) => received.push(changed));
    backend.sources[0]!.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toEqual([]);

    backend.sources[0]!.fail();
    backend.memory.update('d365-eu', { status: 'connected' });
    await vi.advanceTimersByTimeAsync(1000);
    backend.sources[1]!.open();
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((changed) => changed.id).sort()).toEqual(backend.memory.snapshot().map((known) => known.id).sort());
    expect(received.find((changed) => changed.id === 'd365-eu')).toMatchObject({ status: 'connected' });
  });

  it('catches up on the first open of a stream that broke before it ever opened', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp();
    const received: Connection[] = [];
    adapter.subscribe!((changed) => received.push(changed));
    backend.sources[0]!.fail();
    await vi.advanceTimersByTimeAsync(1000);
    backend.sources[1]!.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toHaveLength(backend.memory.snapshot().length);
  });

  it('drops a catch-up list still on its way when the stream breaks and a newer one starts', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn<typeof globalThis.fetch>((_input, init) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))));
    const { backend, adapter } = setUp({ fetch });
    const second = deferredResponse();
    const received: Connection[] = [];
    adapter.subscribe!((changed) => received.push(changed));
    backend.sources[0]!.open();
    backend.sources[0]!.fail();
    await vi.advanceTimersByTimeAsync(1000);
    backend.sources[1]!.open();
    const first = fetch.mock.calls[0]![1]!.signal!;
    backend.sources[1]!.fail();
    await vi.advanceTimersByTimeAsync(2000);
    fetch.mockReturnValueOnce(second.promise);
    backend.sources[2]!.open();

    expect(first.aborted).toBe(true);
    second.resolve(new Response(JSON.stringify([connection({ accountName: 'Newest list' })])));
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((changed) => changed.accountName)).toEqual(['Newest list']);
  });

  it('does not hand on the catch-up list\'s older copy of a connection a sign-in returned while it was on its way', async () => {
    const { fetch, backend, adapter, list, received } = await reconnectWithListOnItsWay();

    fetch.mockResolvedValueOnce(new Response(JSON.stringify(connection({ status: 'connected', accountName: 'Signed in' }))));
    await adapter.submitCredentials!(connection(), { username: 'ana', password: 'x' }, { signal: signal() });
    list.resolve(new Response(JSON.stringify([connection({ status: 'authorization_required' }), connection({ id: 'other' })])));
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((changed) => changed.id)).toEqual(['other']);
  });

  it('drops the catch-up list when the store asked for a list after it started', async () => {
    const { fetch, adapter, list, received } = await reconnectWithListOnItsWay();

    // The store reloads (the window regained focus): that list is newer than the catch-up.
    fetch.mockResolvedValueOnce(new Response(JSON.stringify([connection({ status: 'connected', accountName: 'Reloaded' })])));
    expect(await adapter.listConnections({ signal: signal() })).toEqual([connection({ status: 'connected', accountName: 'Reloaded' })]);
    list.resolve(new Response(JSON.stringify([connection({ status: 'authorization_required', accountName: 'Caught up' })])));
    await vi.advanceTimersByTimeAsync(0);

    expect(received).toEqual([]);
  });

  it('still hands on the catch-up list when the list the store asked for after it failed', async () => {
    const { fetch, adapter, list, received } = await reconnectWithListOnItsWay();

    fetch.mockResolvedValueOnce(new Response('{}', { status: 503 }));
    await expect(adapter.listConnections({ signal: signal() })).rejects.toMatchObject({ retryable: true });
    list.resolve(new Response(JSON.stringify([connection({ status: 'authorization_required', accountName: 'Caught up' })])));
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((changed) => changed.accountName)).toEqual(['Caught up']);
  });

  it('asks again, backing off, when the catch-up list fails (a server back before its API)', async () => {
    const { fetch, list, received } = await reconnectWithListOnItsWay();

    list.resolve(new Response('{}', { status: 503 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toEqual([]);
    fetch.mockResolvedValueOnce(new Response(JSON.stringify([connection({ status: 'authorization_required', accountName: 'Caught up' })])));
    // The next wait of the stream's backoff: at most two seconds.
    await vi.advanceTimersByTimeAsync(2000);

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(received.map((changed) => changed.accountName)).toEqual(['Caught up']);
  });

  it('stops asking when the catch-up list is refused for good (a 401)', async () => {
    const { fetch, list, received } = await reconnectWithListOnItsWay();
    list.resolve(new Response('{}', { status: 401 }));
    fetch.mockImplementation(async () => new Response('{}', { status: 401 }));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(received).toEqual([]);
  });

  it('gives way to any list asked for after it that answered, even when a later one failed', async () => {
    const { fetch, adapter, list, received } = await reconnectWithListOnItsWay();
    const first = deferredResponse();
    const second = deferredResponse();
    fetch.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const one = adapter.listConnections({ signal: signal() });
    const two = adapter.listConnections({ signal: signal() }).catch(() => {});
    first.resolve(new Response(JSON.stringify([connection({ status: 'connected', accountName: 'Reloaded' })])));
    await one;
    list.resolve(new Response(JSON.stringify([connection({ status: 'authorization_required', accountName: 'Caught up' })])));
    second.resolve(new Response('{}', { status: 503 }));
    await two;
    await vi.advanceTimersByTimeAsync(0);

    expect(received).toEqual([]);
  });

  it('also waits for a list asked for while it waited on another', async () => {
    const { fetch, adapter, list, received } = await reconnectWithListOnItsWay();
    const first = deferredResponse();
    const second = deferredResponse();
    fetch.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const one = adapter.listConnections({ signal: signal() }).catch(() => {});
    list.resolve(new Response(JSON.stringify([connection({ status: 'connected', accountName: 'Caught up (old)' })])));
    await vi.advanceTimersByTimeAsync(0);
    const two = adapter.listConnections({ signal: signal() });
    first.resolve(new Response('{}', { status: 503 }));
    await one;
    await vi.advanceTimersByTimeAsync(0);
    second.resolve(new Response(JSON.stringify([connection({ status: 'authorization_required', accountName: 'Newest' })])));
    await two;
    await vi.advanceTimersByTimeAsync(0);

    expect(received).toEqual([]);
  });

  it('does not hand on the catch-up list\'s older copy of a connection pushed while it was on its way', async () => {
    const { fetch, backend, adapter, list, received } = await reconnectWithListOnItsWay();
    expect(fetch).toHaveBeenCalledTimes(1);

    // While the list is on its way, the stream pushes a newer version.
    backend.sources[1]!.send(JSON.stringify(connection({ status: 'connected', accountName: 'Pushed' })));
    list.resolve(new Response(JSON.stringify([connection({ status: 'authorization_required', accountName: 'Listed' }), connection({ id: 'other' })])));
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((changed) => `${changed.id}:${changed.accountName}`)).toEqual(['gads-search:Pushed', 'other:Acme Search']);
  });

  it('caps the wait between reconnects', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp({ reconnect: { initialDelayMs: 100, maxDelayMs: 300 } });
    adapter.subscribe!(() => {});
    for (let attempt = 0; attempt < 6; attempt += 1) {
      backend.sources.at(-1)!.fail();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(backend.sources).toHaveLength(7);
  });

  it('takes a cap of Infinity as the longest wait a timer allows, still backing off', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp({ reconnect: { initialDelayMs: 1000, maxDelayMs: Infinity } });
    adapter.subscribe!(() => {});
    // A stream that opens and drops at once does not start the waits over.
    backend.sources[0]!.open();
    await vi.advanceTimersByTimeAsync(1);
    backend.sources[0]!.fail();
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.sources).toHaveLength(2);
    backend.sources[1]!.fail();
    // The second wait is one to two seconds, not at once.
    await vi.advanceTimersByTimeAsync(999);
    expect(backend.sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1001);
    expect(backend.sources).toHaveLength(3);
    // Far along, a wait stays a wait.
    for (let attempt = 2; attempt < 40; attempt += 1) {
      backend.sources.at(-1)!.fail();
      await vi.advanceTimersByTimeAsync(2 ** 31);
    }
    backend.sources.at(-1)!.fail();
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.sources).toHaveLength(41);
  });

  it('closes the stream and cancels a pending reconnect on unsubscribe', async () => {
    vi.useFakeTimers();
    const { backend, adapter } = setUp();
    const received: unknown[] = [];
    const unsubscribe = adapter.subscribe!((changed) => received.push(changed));
    backend.sources[0]!.fail();
    unsubscribe();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(backend.sources).toHaveLength(1);

    const again = adapter.subscribe!((changed) => received.push(changed));
    const source = backend.sources[1]!;
    source.open();
    again();
    expect(source.readyState).toBe(2);
    source.send(JSON.stringify(connection()));
    expect(received).toEqual([]);
  });

  it('subscribes to nothing when told not to, even where the page has an EventSource', () => {
    const { backend } = setUp();
    vi.stubGlobal('EventSource', backend.EventSource);
    try {
      const adapter = createFetchAdapter({ baseUrl: backend.baseUrl, fetch: backend.fetch, EventSource: null });
      const unsubscribe = adapter.subscribe!(() => {});
      expect(() => unsubscribe()).not.toThrow();
      expect(backend.sources).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('listens on the page\'s own EventSource when given none', () => {
    const { backend } = setUp();
    vi.stubGlobal('EventSource', backend.EventSource);
    try {
      const adapter = createFetchAdapter({ baseUrl: backend.baseUrl, fetch: backend.fetch });
      const unsubscribe = adapter.subscribe!(() => {});
      expect(backend.sources).toHaveLength(1);
      unsubscribe();
      expect(backend.sources[0]!.readyState).toBe(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('subscribes to nothing, without throwing, where the page has no EventSource', () => {
    const { backend } = setUp();
    vi.stubGlobal('EventSource', undefined);
    try {
      const adapter = createFetchAdapter({ baseUrl: backend.baseUrl, fetch: backend.fetch });
      let unsubscribe: () => void = () => {};
      expect(() => {
        unsubscribe = adapter.subscribe!(() => {});
      }).not.toThrow();
      expect(() => unsubscribe()).not.toThrow();
      expect(backend.sources).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
