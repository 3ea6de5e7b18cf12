import { ConnectionsError } from '../../../src/core/errors';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import type { MemoryAdapter } from '../../../src/core/memory-adapter';
import type { Connection } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * A fake backend for the fetch adapter: the documented REST + SSE API, answered in-process by a
 * memory adapter, with a `fetch` and an `EventSource` to hand to createFetchAdapter.
 * -----------------------------------------------------------------------------------------------*/

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export interface FakeRestBackend {
  baseUrl: string;
  memory: MemoryAdapter;
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  requests: RecordedRequest[];
  /** Event streams opened so far, newest last. */
  sources: FakeEventSource[];
  /** The next request fails: with a network error, or with this HTTP answer. */
  failNext(failure: 'network' | { status: number; body?: string; contentType?: string; headers?: Record<string, string> }): void;
}

export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readyState = FakeEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(
    readonly url: string,
    readonly init: EventSourceInit | undefined,
    private readonly registry: FakeEventSource[],
  ) {
    registry.push(this);
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.(new Event('open'));
  }

  send(data: string): void {
    if (this.readyState === FakeEventSource.OPEN) this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** The stream broke, as a dropped connection or a non-200 answer does. */
  fail(): void {
    this.onerror?.(new Event('error'));
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const STATUS_BY_CODE: Record<string, number> = { state_mismatch: 400, provider_error: 400, account_mismatch: 409, unsupported: 400, invalid_credentials: 401 };

export function createFakeRestBackend(memory: MemoryAdapter = createMemoryAdapter({ backfillStepMs: 0 }), baseUrl = 'https://app.example/api'): FakeRestBackend {
  const requests: RecordedRequest[] = [];
  const sources: FakeEventSource[] = [];
  let failure: Parameters<FakeRestBackend['failNext']>[0] | undefined;

  memory.subscribe((connection) => {
    for (const source of sources) source.send(JSON.stringify(connection));
  });

  const answer = async (method: string, path: string, body: unknown): Promise<Response> => {
    const server = new AbortController().signal;
    const find = (id: string): Connection => {
      const found = memory.snapshot().find((connection) => connection.id === id);
      if (!found) throw new ConnectionsError('adapter_failed', `No connection "${id}".`, { retryable: false });
      return found;
    };
    try {
      if (method === 'GET' && path === '/connections') return json(200, await memory.listConnections({ signal: server }));
      const match = /^\/connections\/([^/]+)\/(authorization|authorization\/complete|credentials|reauthorization-requests)$/.exec(path);
      if (method === 'POST' && match) {
        const before = find(decodeURIComponent(match[1]!));
        if (match[2] === 'authorization') return json(200, await memory.startAuthorization(before, { signal: server }));
        if (match[2] === 'credentials') return json(200, await memory.submitCredentials(before, body as Record<string, string>, { signal: server }));
        if (match[2] === 'reauthorization-requests') return json(200, await memory.requestReauthorization(before, { signal: server, note: (body as { note?: string }).note }));
        const after = await memory.completeAuthorization(before, body as never, { signal: server });
        if (before.accountId && after.accountId !== before.accountId) {
          return json(409, { code: 'account_mismatch', message: 'The platform signed in to another account.' });
        }
        return json(200, after);
      }
      return json(404, { code: 'not_found', message: `No route ${method} ${path}.` });
    } catch (error) {
      const known = error as ConnectionsError;
      const status = STATUS_BY_CODE[known.code] ?? (known.retryable ? 503 : 404);
      return json(status, {
        code: known.code,
        message: known.message,
        providerError: known.providerError,
        providerErrorDescription: known.providerErrorDescription,
      });
    }
  };

  const fakeFetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const { signal } = init;
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const url = String(input);
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ method: init.method ?? 'GET', url, headers: new Headers(init.headers), credentials: init.credentials, body });
      const planned = failure;
      failure = undefined;
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
      const response =
        planned === 'network'
          ? Promise.reject(new TypeError('Failed to fetch'))
          : planned
            ? Promise.resolve(new Response(planned.body ?? '', { status: planned.status, headers: { 'Content-Type': planned.contentType ?? 'text/html', ...planned.headers } }))
            : answer(init.method ?? 'GET', path, body);
      response.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
    });

  const Source = class extends FakeEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(String(url), init, sources);
    }
  };

  return {
    baseUrl,
    memory,
    fetch: fakeFetch as typeof fetch,
    EventSource: Source as unknown as typeof EventSource,
    requests,
    sources,
    failNext(next) {
      failure = next;
    },
  };
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
}
