import { ConnectionsError, isConnectionsError } from '../core/errors';
import type { ConnectionsErrorCode } from '../core/errors';
import { checkConnection } from '../core/validate';

const MAX_TIMER_MS = 2 ** 31 - 1;
import type { AuthorizationStart, Connection, ConnectionsAdapter } from '../core/types';

/* -------------------------------------------------------------------------------------------------
 * createFetchAdapter — the reference adapter for a small REST + Server-Sent-Events API
 *
 *   GET  {baseUrl}/connections                               → Connection[]
 *   POST {baseUrl}/connections/:id/authorization             → { url, state }
 *   POST {baseUrl}/connections/:id/authorization/complete    AuthorizationResult → Connection
 *   POST {baseUrl}/connections/:id/credentials               { username, password, … } → Connection
 *   GET  {baseUrl}/events                                    text/event-stream, one Connection per `data:`
 *
 * Errors answer with a status and `{ code, message, providerError?, providerErrorDescription?,
 * providerErrorUri? }`.
 * -----------------------------------------------------------------------------------------------*/

export interface FetchAdapterOptions {
  /** Where the API lives: `'/api'` on the app's origin, or an absolute URL. */
  baseUrl: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Extra headers for every request (a CSRF token, for instance); a function is asked before each one. */
  headers?: HeadersInit | (() => HeadersInit);
  /** How long a request may take before it fails with a retryable `timeout`; `0` or `Infinity` for no limit. @default 15000 */
  timeoutMs?: number;
  /** Cookies go with every request, and with the event stream. @default 'include' */
  credentials?: RequestCredentials;
  /** The `EventSource` used for `/events`; `null` turns push updates off. @default globalThis.EventSource */
  EventSource?: typeof EventSource | null;
  /**
   * Waits between reconnects of the event stream, doubling from the first to the cap; they start
   * over once a stream stayed open as long as the cap. After a reconnect the list is fetched and
   * each connection handed on, for what changed while the stream was down (not those known since
   * in a newer version, pushed or returned by a sign-in).
   * @default { initialDelayMs: 1000, maxDelayMs: 30000 }
   */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
}

/** Codes a server may answer with that keep their meaning; any other becomes `adapter_failed`. */
const SERVER_CODES: ReadonlySet<string> = new Set<ConnectionsErrorCode>([
  'state_mismatch',
  'provider_error',
  'account_mismatch',
  'adapter_failed',
  'unsupported',
  'timeout',
]);

const NOT_JSON = Symbol('not JSON');

function createFetchAdapter(options: FetchAdapterOptions): ConnectionsAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  // 0 or Infinity: no timeout; anything else that is not a duration: the default. Timers cannot
  // wait longer than 2^31 - 1 ms (they would fire at once), so a longer one is capped.
  const limit = options.timeoutMs === undefined || Number.isNaN(options.timeoutMs) || options.timeoutMs < 0 ? 15_000 : options.timeoutMs;
  const timeoutMs = limit === Infinity ? 0 : Math.min(limit, MAX_TIMER_MS);
  const credentials = options.credentials ?? 'include';

  const request = async (method: 'GET' | 'POST', path: string, signal: AbortSignal, where: string, body?: unknown): Promise<unknown> => {
    // Not `signal.throwIfAborted()`: Safari before 15.4 has no such method (nor `reason`).
    if (signal.aborted) throw aborted(signal);
    let headers: Headers;
    try {
      headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
    } catch (error) {
      throw new ConnectionsError('adapter_failed', `The headers for ${where} could not be made: ${error instanceof Error ? error.message : String(error)}`, { cause: error, retryable: false });
    }
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (body !== undefined) headers.set('Content-Type', 'application/json');

    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;

    try {
      const response = await (options.fetch ?? globalThis.fetch)(base + path, {
        method,
        headers,
        credentials,
        signal: controller.signal,
        // Credentials and codes travel only here, never in a URL.
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let payload: unknown = NOT_JSON;
      try {
        payload = text ? JSON.parse(text) : undefined;
      } catch {
        // Judged below: an error page may be HTML; a success must be JSON.
      }
      if (!response.ok) throw httpError(response.status, payload, where);
      if (payload === NOT_JSON) {
        throw new ConnectionsError('adapter_failed', `${where} answered HTTP ${response.status} with a body that is not JSON.`, { retryable: false });
      }
      return payload;
    } catch (error) {
      // The caller's abort wins over anything it caused.
      if (signal.aborted) throw aborted(signal);
      if (isConnectionsError(error)) throw error;
      if (timedOut) throw new ConnectionsError('timeout', `${where} did not answer within ${timeoutMs} ms.`, { cause: error, retryable: true });
      const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
      throw new ConnectionsError('adapter_failed', `${where} could not be reached${detail}.`, { cause: error, retryable: true });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  };

  /**
   * For each catch-up list on its way after the event stream came back, the ids of connections
   * known since in a newer version (pushed, or returned by a sign-in): its older copies must not win.
   * A list asked for after the catch-up started that answers is newer than all of it: the
   * catch-up is then dropped.
   */
  const catchUps = new Set<Set<string>>();
  let listsAsked = 0;
  /** The number of the latest list asked for that answered. */
  let lastAnswered = 0;
  /** Lists on their way, by number: each settles with whether it answered. */
  const pendingLists = new Map<number, Promise<boolean>>();
  const fresher = (id: unknown) => {
    for (const ids of catchUps) ids.add(id as string);
  };

  const connection = async (path: string, signal: AbortSignal, where: string, body: unknown): Promise<Connection> => {
    const payload = await request('POST', path, signal, where, body);
    // Only what makes it a connection at all is checked here; the store leaves out (and reports) a
    // malformed optional field, as it does for lists.
    const [checked, problem] = checkConnection(payload, where);
    if (!checked) throw problem;
    fresher((payload as Connection).id);
    return payload as Connection;
  };

  const at = (id: string) => {
    // A URL parser reads "." and ".." as moves up the path (encodeURIComponent leaves dots be): a
    // code or a login would go to another endpoint.
    if (id === '.' || id === '..') {
      throw new ConnectionsError('unsupported', `The connection id "${id}" cannot be part of a URL path.`, { connectionId: id, retryable: false });
    }
    return `/connections/${encodeURIComponent(id)}`;
  };

  const fetchList = async (signal: AbortSignal): Promise<Connection[]> => {
    const payload = await request('GET', '/connections', signal, 'GET /connections');
    if (!Array.isArray(payload)) {
      throw new ConnectionsError('adapter_failed', 'GET /connections answered without an array of connections.', { retryable: false });
    }
    // Each entry is checked by the store, which keeps the good ones and reports the rest.
    return payload as Connection[];
  };

  return {
    listConnections({ signal }) {
      const number = ++listsAsked;
      const list = fetchList(signal);
      const answered = list.then(
        () => {
          lastAnswered = Math.max(lastAnswered, number);
          return true;
        },
        () => false,
      );
      pendingLists.set(number, answered);
      void answered.then(() => pendingLists.delete(number));
      return list;
    },

    async startAuthorization({ id }, { signal }): Promise<AuthorizationStart> {
      const where = `POST ${at(id)}/authorization`;
      const payload = (await request('POST', `${at(id)}/authorization`, signal, where, {})) as Partial<AuthorizationStart> | null;
      if (typeof payload?.url !== 'string' || typeof payload.state !== 'string') {
        throw new ConnectionsError('adapter_failed', `${where} answered without { url, state } strings.`, { retryable: false });
      }
      return { url: payload.url, state: payload.state };
    },

    async completeAuthorization({ id }, result, { signal }) {
      return connection(`${at(id)}/authorization/complete`, signal, `POST ${at(id)}/authorization/complete`, result);
    },

    async submitCredentials({ id }, login, { signal }) {
      return connection(`${at(id)}/credentials`, signal, `POST ${at(id)}/credentials`, login);
    },

    subscribe(onChange) {
      const Source = options.EventSource === undefined ? globalThis.EventSource : options.EventSource;
      if (!Source) return () => {};
      const { initialDelayMs = 1000 } = options.reconnect ?? {};
      // Timers cannot wait longer than 2^31 - 1 ms (they would fire at once): "no cap" (Infinity)
      // and longer caps wait that long.
      const maxDelayMs = Math.min(options.reconnect?.maxDelayMs ?? 30_000, MAX_TIMER_MS);
      let source: EventSource | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      /** Resets the backoff once a stream has stayed open as long as the longest wait. */
      let healthy: ReturnType<typeof setTimeout> | undefined;
      let attempt = 0;
      /** The stream broke since it was last open: changes may have gone unpushed. */
      let broke = false;
      let catchUp: AbortController | undefined;
      /** Asks for the catch-up list again after it failed. */
      let retry: ReturnType<typeof setTimeout> | undefined;
      let retries = 0;

      /** Doubling, capped and jittered, so a struggling server is not met by every client at once. */
      const backoff = (attempts: number) => {
        const wait = Math.min(maxDelayMs, initialDelayMs * 2 ** attempts);
        return wait / 2 + (Math.random() * wait) / 2;
      };

      // Back after a break: what changed meanwhile was never pushed, so hand on the list (one list
      // at a time: an older one still on its way is dropped), asking again until it comes.
      const catchUpNow = () => {
        catchUp?.abort();
        clearTimeout(retry);
        const controller = (catchUp = new AbortController());
        const newer = new Set<string>();
        catchUps.add(newer);
        const asked = listsAsked;
        fetchList(controller.signal).then(
          async (all) => {
            retries = 0;
            // A list asked for since that answered, or answers (those on their way, including any
            // asked for while waiting, are waited for), is newer than this one.
            // Unsubscribing ends the wait too (lists without a timeout may never settle).
            const stopped = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
            for (;;) {
              const later = [...pendingLists].filter(([number]) => number > asked).map(([, answered]) => answered);
              if (later.length === 0 || controller.signal.aborted) break;
              await Promise.race([Promise.all(later), stopped]);
            }
            const superseded = lastAnswered > asked;
            catchUps.delete(newer);
            if (superseded || controller.signal.aborted) return;
            for (const changed of all) if (!newer.has(changed?.id)) onChange(changed);
          },
          (error: unknown) => {
            catchUps.delete(newer);
            // Refused for good (signed out, a body that is not a list): the next reload says so.
            if (controller.signal.aborted || (error as Partial<ConnectionsError> | null)?.retryable === false) return;
            retry = setTimeout(catchUpNow, backoff(retries));
            retries += 1;
          },
        );
      };

      const connect = () => {
        const current = new Source(`${base}/events`, { withCredentials: credentials === 'include' });
        source = current;
        current.onopen = () => {
          healthy = setTimeout(() => (attempt = 0), maxDelayMs);
          if (!broke) return;
          broke = false;
          retries = 0;
          catchUpNow();
        };
        current.onmessage = (event: MessageEvent) => {
          let value: unknown;
          try {
            value = JSON.parse(String(event.data));
          } catch {
            return;
          }
          // The store checks the shape and reports a malformed push.
          fresher((value as Partial<Connection> | null)?.id);
          onChange(value as Connection);
        };
        current.onerror = () => {
          // Reconnect on our own schedule; the next open catches up.
          current.close();
          clearTimeout(healthy);
          clearTimeout(retry);
          broke = true;
          timer = setTimeout(connect, backoff(attempt));
          attempt += 1;
        };
      };

      connect();
      return () => {
        clearTimeout(timer);
        clearTimeout(healthy);
        clearTimeout(retry);
        catchUp?.abort();
        source?.close();
        source = undefined;
      };
    },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** Why a signal aborted: its reason, or an AbortError where the browser gives none (Safari < 15.4). */
function aborted(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** An HTTP error as a `ConnectionsError`: 5xx, 408 and 429 are worth retrying, other 4xx are not. */
function httpError(status: number, payload: unknown, where: string): ConnectionsError {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);
  const code = text('code');
  const cause = Object.assign(new Error(`${where} answered HTTP ${status}.`), { status, body: payload === NOT_JSON ? undefined : payload });
  return new ConnectionsError(code && SERVER_CODES.has(code) ? (code as ConnectionsErrorCode) : 'adapter_failed', text('message') ?? cause.message, {
    cause,
    retryable: status >= 500 || status === 408 || status === 429,
    providerError: text('providerError'),
    providerErrorDescription: text('providerErrorDescription'),
    providerErrorUri: text('providerErrorUri'),
  });
}

export { createFetchAdapter };
