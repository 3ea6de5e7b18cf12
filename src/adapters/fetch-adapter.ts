import { ConnectionsError, isConnectionsError } from '../core/errors';
import type { ConnectionsErrorCode } from '../core/errors';
import type { AuthorizationStart, Connection, ConnectionsAdapter } from '../core/types';
import { checkConnection, quote } from '../core/validate';

/* -------------------------------------------------------------------------------------------------
 * createFetchAdapter — the reference adapter for a small REST + Server-Sent-Events API
 *
 *   GET  {baseUrl}/connections                               → Connection[]
 *   POST {baseUrl}/connections/:id/authorization             → { url, state }
 *   POST {baseUrl}/connections/:id/authorization/complete    AuthorizationResult → Connection
 *   POST {baseUrl}/connections/:id/credentials               { username, password, … } → Connection
 *   POST {baseUrl}/connections/:id/reauthorization-requests  { note? } → Connection
 *   GET  {baseUrl}/events                                    text/event-stream, one Connection per `data:`
 *
 * Errors answer with a status and `{ code, message, providerError?, providerErrorDescription?,
 * providerErrorUri? }`. A 429 or 503 may say how long to wait in `Retry-After`.
 *
 * A reauthorization request asks an admin to reconnect a connection with `canReauthorize: false`.
 * Its note is plain text, sent as given (absent when none). Store it as text, never as HTML. Refuse
 * a note over 500 characters (a 400), and a connection the user may reconnect (`unsupported`).
 * Answer the connection with `reauthorizationRequestedAt` set.
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
const KNOWN: string[] = ['state_mismatch', 'provider_error', 'account_mismatch', 'adapter_failed', 'unsupported', 'timeout', 'invalid_credentials'] satisfies ConnectionsErrorCode[];

/** Timers cannot wait longer (they would fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A list asked for, linked to the next one asked for: `answered` settles with whether it answered. */
interface Ask {
  answered?: Promise<boolean>;
  next?: Ask;
}

function createFetchAdapter(options: FetchAdapterOptions): ConnectionsAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const limit = options.timeoutMs!;
  // 0 or Infinity: no timeout. Anything else that is not a duration: the default.
  const timeoutMs = limit === Infinity ? 0 : Math.min(limit >= 0 ? limit : 15_000, MAX_TIMER_MS);
  const credentials = options.credentials ?? 'include';

  const request = async (path: string, signal: AbortSignal, body?: unknown): Promise<unknown> => {
    const method = body === undefined ? 'GET' : 'POST';
    // Not `signal.throwIfAborted()`: Safari before 15.4 has no such method (nor `reason`).
    if (signal.aborted) throw aborted(signal);
    let headers: Headers;
    try {
      headers = new Headers(typeof options.headers == 'function' ? options.headers() : options.headers);
    } catch (error) {
      throw new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? `The headers for ${method} ${path} could not be made: ${(error as Error)?.message ?? error}` : 'headers', { cause: error, retryable: false });
    }
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (body !== undefined) headers.set('Content-Type', 'application/json');

    // Aborted by the caller's signal, or by the timer.
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort);
    const timer = timeoutMs ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
    try {
      // Credentials and codes travel only in the body, never in a URL.
      const response = await (options.fetch ?? fetch)(base + path, { method, headers, credentials, signal: controller.signal, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      let payload: unknown;
      try {
        payload = JSON.parse(text);
      } catch {
        // An error page may be HTML; a success must be JSON.
        if (response.ok) throw new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? `${method} ${path} answered HTTP ${response.status} with a body that is not JSON.` : 'not JSON', { retryable: false });
      }
      if (!response.ok) throw httpError(response, payload, `${method} ${path}`);
      return payload;
    } catch (error) {
      // The caller's abort wins over anything it caused.
      if (signal.aborted) throw aborted(signal);
      if (isConnectionsError(error)) throw error;
      throw controller.signal.aborted
        ? new ConnectionsError('timeout', process.env.NODE_ENV !== 'production' ? `${method} ${path} did not answer within ${timeoutMs} ms.` : 'timeout', { cause: error, retryable: true })
        : new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? `${method} ${path} could not be reached${(error as Error | null)?.message ? `: ${(error as Error).message}` : ''}.` : 'unreachable', { cause: error, retryable: true });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  };

  const list = async (signal: AbortSignal): Promise<Connection[]> => {
    const answer = await request('/connections', signal);
    // Each entry is checked by the store, which keeps the good ones and reports the rest.
    if (Array.isArray(answer)) return answer;
    throw new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? 'GET /connections answered without an array of connections.' : 'not a list', { retryable: false });
  };

  /** The last list asked for: a catch-up list gives way to any list asked for after it that answers. */
  let last: Ask = {};
  /** For each catch-up list on its way, the ids known since in a newer version (pushed, or returned by a sign-in). */
  const newer = new Set<Set<string>>();
  const touched = (id: unknown) => newer.forEach((ids) => ids.add(id as string));

  /** The path of one connection's endpoint; an id no URL can carry is refused before anything is sent. */
  const at = (id: string, end: string) => {
    let part = '';
    try {
      part = encodeURIComponent(id);
    } catch {
      // A lone surrogate has no UTF-8 form.
    }
    // A URL reads "." and ".." as moves up the path, and "" as no step: a code or a login would go elsewhere.
    if (!part || part === '.' || part === '..') {
      throw new ConnectionsError('unsupported', process.env.NODE_ENV !== 'production' ? `The connection id ${quote(id)} cannot be part of a URL path.` : 'bad id', { connectionId: id });
    }
    return `/connections/${part}/${end}`;
  };

  const post = async (id: string, end: string, signal: AbortSignal, body: unknown): Promise<Connection> => {
    const path = at(id, end);
    const answer = await request(path, signal, body);
    // Only what makes it a connection at all; the store leaves out (and reports) a malformed optional field.
    const [connection, problem] = checkConnection(answer, `POST ${path}`);
    if (!connection) throw problem;
    touched(connection.id);
    return connection;
  };

  return {
    listConnections({ signal }) {
      const answer = list(signal);
      last = last.next = { answered: answer.then(() => true, () => false) };
      return answer;
    },

    async startAuthorization({ id }, { signal }): Promise<AuthorizationStart> {
      const path = at(id, 'authorization');
      const answer = (await request(path, signal, {})) as Partial<AuthorizationStart> | null;
      if (typeof answer?.url == 'string' && typeof answer.state == 'string') return answer as AuthorizationStart;
      throw new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? `POST ${path} answered without { url, state } strings.` : 'no url, state', { retryable: false });
    },

    async completeAuthorization({ id }, result, { signal }) {
      return post(id, 'authorization/complete', signal, result);
    },

    async submitCredentials({ id }, login, { signal }) {
      return post(id, 'credentials', signal, login);
    },

    // JSON leaves out a note that is undefined.
    async requestReauthorization({ id }, { signal, note }) {
      return post(id, 'reauthorization-requests', signal, { note });
    },

    subscribe(onChange) {
      const Source = options.EventSource === undefined ? globalThis.EventSource : options.EventSource;
      if (!Source) return () => {};
      const first = options.reconnect?.initialDelayMs ?? 1000;
      // "No cap" (Infinity) and longer caps wait as long as a timer can.
      const cap = Math.min(options.reconnect?.maxDelayMs ?? 30_000, MAX_TIMER_MS);
      /** Doubling, capped and jittered, so a struggling server is not met by every client at once. */
      const wait = (attempt: number) => {
        const most = Math.min(cap, first * 2 ** attempt);
        return most / 2 + (Math.random() * most) / 2;
      };
      let source: EventSource;
      /** The wait to reconnect, or to ask for the catch-up list again. */
      let timer: ReturnType<typeof setTimeout> | undefined;
      let catchUp: AbortController | undefined;
      /** Reconnects since the waits last started over. */
      let attempt = 0;
      const stop = () => {
        clearTimeout(timer);
        catchUp?.abort();
      };

      // Back after a break, what changed meanwhile was never pushed: hand on the list. It is asked
      // for again while it fails in a way worth retrying.
      const catchUpNow = (tries = 0) => {
        const controller = (catchUp = new AbortController());
        const ids = new Set<string>();
        newer.add(ids);
        const since = last;
        list(controller.signal)
          .then(
            async (all) => {
              // A list asked for since then that answers is newer: this one gives way. Each is
              // waited for in turn, including those asked for while waiting.
              for (let ask = since.next; ask; ask = ask.next) if (await ask.answered) return;
              if (!controller.signal.aborted) for (const connection of all) if (!ids.has(connection?.id)) onChange(connection);
            },
            (error: ConnectionsError) => {
              // Refused for good (signed out, a body that is not a list): the next reload says so.
              if (!controller.signal.aborted && error.retryable) timer = setTimeout(catchUpNow, Math.min(Math.max(wait(tries), error.retryAfterMs ?? 0), MAX_TIMER_MS), tries + 1);
            },
          )
          .finally(() => newer.delete(ids));
      };

      const connect = () => {
        let openedAt = Infinity;
        const current = (source = new Source(`${base}/events`, { withCredentials: credentials === 'include' }));
        current.onopen = () => {
          openedAt = Date.now();
          // Every stream but the first follows a break.
          if (attempt) catchUpNow();
        };
        current.onmessage = ({ data }) => {
          let value: Connection;
          try {
            value = JSON.parse(data);
          } catch {
            return;
          }
          // The store checks the shape and reports a malformed push.
          touched(value?.id);
          onChange(value);
        };
        current.onerror = () => {
          // Reconnect on our own schedule; the next open catches up.
          current.close();
          stop();
          // A stream that stayed open as long as the longest wait starts the waits over.
          if (Date.now() - openedAt >= cap) attempt = 0;
          timer = setTimeout(connect, wait(attempt++));
        };
      };

      connect();
      return () => {
        stop();
        source.close();
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

/**
 * An HTTP error as a `ConnectionsError`: 5xx, 408 and 429 are worth retrying, other 4xx are not.
 * A 401 or 422 from the credentials endpoint is a refused login.
 */
function httpError({ status, headers }: Response, payload: unknown, where: string): ConnectionsError {
  const body = (payload && typeof payload == 'object' ? payload : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof body[key] == 'string' && body[key] ? (body[key] as string) : undefined);
  const code = text('code')!;
  const message = process.env.NODE_ENV !== 'production' ? `${where} answered HTTP ${status}.` : `HTTP ${status}`;
  return new ConnectionsError(
    (status === 401 || status === 422) && where.endsWith('/credentials') ? 'invalid_credentials' : KNOWN.includes(code) ? (code as ConnectionsErrorCode) : 'adapter_failed',
    text('message') ?? message,
    {
      cause: Object.assign(new Error(message), { status, body: payload }),
      retryable: status >= 500 || status === 408 || status === 429,
      providerError: text('providerError'),
      providerErrorDescription: text('providerErrorDescription'),
      providerErrorUri: text('providerErrorUri'),
      retryAfterMs: status === 429 || status === 503 ? retryAfter(headers.get('Retry-After') ?? '') : undefined,
    },
  );
}

/** `Retry-After` in milliseconds: seconds, or an HTTP date (a past one is 0). Anything else: `undefined`. */
function retryAfter(value: string): number | undefined {
  // Every HTTP date starts with the day's name; `Date.parse` alone would read "1.5" as a date.
  const ms = /^\d+$/.test(value) ? +value * 1000 : /^[a-z]/i.test(value) ? Date.parse(value) - Date.now() : NaN;
  return ms >= 0 ? ms : ms < 0 ? 0 : undefined;
}

export { createFetchAdapter };
