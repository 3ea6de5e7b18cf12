import { ConnectionsError } from '../../src';
import type { Connection, ConnectionsAdapter } from '../../src';

/* -------------------------------------------------------------------------------------------------
 * A scripted adapter for stories that hold one phase of a flow still
 * -----------------------------------------------------------------------------------------------*/

export interface StoryAdapterOptions {
  connections: Connection[];
  /** `never`: the authorization URL never arrives (the "opening the window" phase). @default 'resolve' */
  start?: 'resolve' | 'never';
  /**
   * How the backend answers the platform's code or the login form:
   * - `connected`: re-authorized (CRMs go on to backfill);
   * - `never`: still finishing;
   * - `fail`: the backend failed (retryable);
   * - `other-account`: the platform signed in to another account;
   * - `refused`: the platform refused the code (`provider_error`, with its own description), or
   *   the login form (`invalid_credentials`).
   * @default 'connected'
   */
  complete?: 'connected' | 'never' | 'fail' | 'other-account' | 'refused';
  /**
   * `never`: the list never loads; `fail`: it fails every time; `fail-once`: the first load fails
   * and "Try again" works; `fail-after-first`: the first load works and every reload fails.
   * Failures are not retryable, so the error shows at once. @default 'resolve'
   */
  list?: 'resolve' | 'never' | 'fail' | 'fail-once' | 'fail-after-first';
  /**
   * A request to an admin (`requestReauthorization`): `resolve` records it now, `never` is still
   * on its way, `fail` fails (retryable). Left out, the adapter has no such method, and a row this
   * user may not reconnect says who can. @default undefined
   */
  request?: 'resolve' | 'never' | 'fail';
}

function createStoryAdapter(options: StoryAdapterOptions): ConnectionsAdapter {
  const data = new Map(options.connections.map((connection) => [connection.id, structuredClone(connection)]));
  let flows = 0;
  let lists = 0;

  const finish = async (connection: Connection, signal: AbortSignal, login = false): Promise<Connection> => {
    const current = data.get(connection.id) ?? connection;
    switch (options.complete ?? 'connected') {
      case 'never':
        return untilAborted(signal);
      case 'fail':
        throw new ConnectionsError('adapter_failed', 'The connections service answered 503.', { retryable: true });
      case 'refused':
        if (login) throw new ConnectionsError('invalid_credentials', 'The username or password was not accepted.');
        throw new ConnectionsError('provider_error', 'The platform refused the grant.', {
          providerError: 'invalid_grant',
          providerErrorDescription: 'The sign-in expired before it was finished. <b>Start again</b> from the app.',
        });
      case 'other-account':
        return { ...current, accountId: 'another-account' };
      case 'connected': {
        const at = new Date().toISOString();
        const next: Connection =
          current.category === 'crm'
            ? { ...current, status: 'backfilling', statusSince: at, lastSyncedAt: at, backfill: { since: current.statusSince ?? at, progress: 0 } }
            : { ...current, status: 'connected', statusSince: at, lastSyncedAt: at };
        data.set(next.id, next);
        return structuredClone(next);
      }
    }
  };

  return {
    async listConnections({ signal }) {
      if (options.list === 'never') return untilAborted(signal);
      // A request given up at once, as StrictMode's first mount gives up its own, is not counted.
      await null;
      signal.throwIfAborted();
      lists += 1;
      if (options.list === 'fail' || (options.list === 'fail-once' && lists === 1) || (options.list === 'fail-after-first' && lists > 1)) {
        throw new ConnectionsError('adapter_failed', 'The connections service is unreachable.', { retryable: false });
      }
      return [...data.values()].map((connection) => structuredClone(connection));
    },
    async startAuthorization(connection, { signal }) {
      if (options.start === 'never') return untilAborted(signal);
      flows += 1;
      const state = `story-state-${flows}-${Math.random().toString(36).slice(2)}`;
      const url = new URL('https://accounts.example.com/oauth/authorize');
      url.search = new URLSearchParams({ state, account_id: connection.accountId ?? '' }).toString();
      return { url: url.href, state };
    },
    completeAuthorization: (connection, _result, { signal }) => finish(connection, signal),
    submitCredentials: (connection, _credentials, { signal }) => finish(connection, signal, true),
    ...(options.request && {
      async requestReauthorization(connection, { signal }) {
        if (options.request === 'never') return untilAborted(signal);
        if (options.request === 'fail') throw new ConnectionsError('adapter_failed', 'The connections service answered 503.', { retryable: true });
        const next: Connection = { ...(data.get(connection.id) ?? connection), reauthorizationRequestedAt: new Date().toISOString() };
        data.set(next.id, next);
        return structuredClone(next);
      },
    }),
  };
}

/** A promise that settles only by rejecting when its signal aborts, as a hung request would. */
function untilAborted<T>(signal: AbortSignal): Promise<T> {
  return new Promise<T>((_, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

export { createStoryAdapter };
