import { ConnectionsError, toConnectionsError } from './errors';
import { closePopup, isClosed, listen, openPopup, safeUrl, toOrigin, watchClosed } from './popup';
import type { PopupOptions } from './popup';
import type { AuthMethod, AuthorizationResult, Connection, ConnectionsAdapter } from './types';
import { checkConnection, quote } from './validate';

/* -------------------------------------------------------------------------------------------------
 * Options and state
 * -----------------------------------------------------------------------------------------------*/

export interface RetryOptions {
  /** How many times a transient list failure is retried. @default 3 */
  retries?: number;
  /** The first retry waits between this and twice this; each further one doubles. @default 1000 */
  minDelayMs?: number;
  /** No retry waits longer, unless the server asked for longer (`Retry-After`). @default 30000 */
  maxDelayMs?: number;
}

export interface FlowOptions {
  /** How long a re-authorization may take before it ends with `timeout`; `Infinity` for no limit. @default 300000 */
  flowTimeoutMs?: number;
  /** The origin of the OAuth callback page, compared exactly. @default window.location.origin */
  callbackOrigin?: string;
  /** The size of the sign-in window. */
  popup?: PopupOptions;
}

export interface ConnectionStoreOptions extends FlowOptions {
  /** Retry transient list failures with capped, jittered backoff; `false` turns it off. */
  retry?: RetryOptions | false;
  /** Reload when the window regains focus or the tab becomes visible. @default true */
  refreshOnFocus?: boolean;
  /** At most one focus reload per this many milliseconds. @default 15000 */
  focusThrottleMs?: number;
  /** Reload when the browser comes back online. @default true */
  refreshOnReconnect?: boolean;
  /** Told about each problem with the adapter's data or calls. @default `console.error` */
  onError?: (error: ConnectionsError) => void;
}

export type ListStatus = 'loading' | 'ready' | 'error';

export type FlowPhase = 'idle' | 'starting' | 'awaiting_user' | 'completing' | 'succeeded' | 'failed';

/** Where the sign-in window stands: `closed` without a result, or `blocked` when reopening it was refused. */
export type PopupState = 'open' | 'closed' | 'blocked';

export interface FlowState {
  phase: FlowPhase;
  /** How this flow re-authorizes; absent while idle. */
  method?: AuthMethod;
  /** OAuth, while `starting` or `awaiting_user`. */
  popup?: PopupState;
  /** Why the flow ended, when `failed`. */
  error?: ConnectionsError;
  /** The connection the adapter returned, when `succeeded`. */
  connection?: Connection;
}

export interface ReauthorizeInput {
  /** For `authMethod: 'credentials'`: handed to `adapter.submitCredentials` and never kept. */
  credentials?: Record<string, string>;
  /** The connection as the caller shows it, used only while the store has none with this id. */
  connection?: Connection;
}

export interface ConnectionsState {
  /** The latest known connections. */
  connections: readonly Connection[];
  /** `loading` until the first list arrives; `error` when none could be loaded. */
  status: ListStatus;
  /** Why the last load or update failed; the last good list stays. */
  error: ConnectionsError | null;
  /** Whether a list request, or a retry of one, is under way. */
  isRefreshing: boolean;
  /** Flow states that are not idle, by connection id. */
  flows: Readonly<Record<string, FlowState>>;
}

/** The connections of one adapter, shared by everything that uses it. */
export interface ConnectionStore {
  readonly adapter: ConnectionsAdapter;
  getState(): ConnectionsState;
  getConnection(id: string): Connection | undefined;
  /** One connection's flow; `{ phase: 'idle' }` when none. */
  getFlow(id: string): FlowState;
  /** Calls `listener` after every change. Returns the function that stops it. */
  subscribe(listener: () => void): () => void;
  /** Sets options; a key left `undefined` keeps its value. */
  configure(options: ConnectionStoreOptions): void;
  /**
   * Marks one more user. The first loads the list and listens for pushes, focus and going online;
   * when the last one calls the returned function, everything in flight ends, setting no state.
   */
  retain(): () => void;
  /** Loads the list again; resolves when done, never rejects (the outcome is in the state). */
  refresh(): Promise<void>;
  /** Runs a whole re-authorization; see SPEC. Call it from the click, with no `await` before it. */
  reauthorize(id: string, input?: ReauthorizeInput): Promise<Connection>;
  /** Ends the flow in progress; the window closes. */
  cancelReauthorize(id: string): void;
  /** Returns an ended flow to idle. */
  resetFlow(id: string): void;
}

/** A flow under way. */
interface Flow {
  id: string;
  method: AuthMethod;
  /** The connection as it was when the flow began. */
  connection: Connection;
  /** The account the grant must be for, where known. */
  accountId?: string;
  promise: Promise<Connection>;
  resolve(connection: Connection): void;
  reject(error: ConnectionsError): void;
  controller: AbortController;
  /** `starting`: fetching the URL; `user`: waiting on the window; `adapter`: the adapter finishes. */
  stage: 'starting' | 'user' | 'adapter';
  done?: boolean;
  popup: Window | null;
  url?: string;
  state?: string;
  timer?: ReturnType<typeof setTimeout>;
  /** Stops listening for the result, and watching the window. */
  stopListening?: () => void;
  stopWatching?: () => void;
  /** The adapter call that finishes the flow. */
  exchange?: Promise<unknown>;
}

const IDLE: FlowState = { phase: 'idle' };
const EMPTY: ConnectionsState = { connections: [], status: 'loading', error: null, isRefreshing: false, flows: {} };

/** Every store's state before its first list, as the server renders it. */
const getServerState = (): ConnectionsState => EMPTY;

/** Adapters whose sign-in page is a `blob:` URL of the app (the memory adapter). */
const simulated = new WeakSet<ConnectionsAdapter>();

/* -------------------------------------------------------------------------------------------------
 * createConnectionStore
 *
 * Order is kept with a logical clock: each list request, pushed update and flow result takes the
 * next tick. A list answer older than the one shown is dropped, and it never replaces a connection
 * pushed or re-authorized after it was requested.
 * -----------------------------------------------------------------------------------------------*/

function createConnectionStore(adapter: ConnectionsAdapter, initial: ConnectionStoreOptions = {}): ConnectionStore {
  let options: ConnectionStoreOptions = {};
  let state = EMPTY;
  const listeners = new Set<() => void>();
  let byId = new Map<string, Connection>();
  /** The tick of each connection's last push or flow result. */
  const updatedAt = new Map<string, number>();
  let clock = 0;
  /** The tick of the list shown, and of the last list that failed. */
  let shownTick = 0;
  let failedTick = 0;
  let users = 0;
  let loads = 0;
  let lastLoad = -Infinity;
  let life = new AbortController();
  let teardown: (() => void)[] = [];
  let lastReported = '';
  const flows = new Map<string, Flow>();
  /** Every state a flow received: a result carrying one never completes another flow. */
  const spent = new Set<string>();

  const set = (patch: Partial<ConnectionsState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
    // A flow whose window closed ends when the server shows the grant it finished.
    for (const flow of [...flows.values()]) checkServer(flow);
  };

  const report = (error: ConnectionsError) => {
    const key = error.code + error.message;
    if (key === lastReported) return;
    lastReported = key;
    try {
      if (options.onError) options.onError(error);
      else console.error(`[react-connected-accounts] ${error.message}`);
    } catch (thrown) {
      console.error(`[react-connected-accounts] onError threw on: ${error.message}`, thrown);
    }
  };

  /* -- loading ---------------------------------------------------------------------------------- */

  const refresh = async (): Promise<void> => {
    const { signal } = life;
    if (signal.aborted) return;
    lastLoad = Date.now();
    if (loads++ === 0) set({ isRefreshing: true });
    try {
      for (let attempt = 0; ; attempt += 1) {
        const tick = ++clock;
        try {
          apply(tick, await untilAborted(call(() => adapter.listConnections({ signal })), signal));
          return;
        } catch (thrown) {
          if (signal.aborted) return;
          const error = toConnectionsError(thrown, process.env.NODE_ENV !== 'production' ? 'adapter.listConnections() failed' : 'list');
          const retry = options.retry || {};
          if (!error.retryable || !(attempt < (options.retry === false ? 0 : atLeastZero(retry.retries, 3)))) {
            if (tick < shownTick) return;
            failedTick = tick;
            report(error);
            set({ error, status: state.status === 'ready' ? 'ready' : 'error' });
            return;
          }
          await sleep(backoff(attempt, retry, error.retryAfterMs), signal);
          // Unmounted, or a newer list landed meanwhile: nothing left to bring.
          if (signal.aborted || shownTick > tick) return;
        }
      }
    } finally {
      if (!signal.aborted && --loads === 0) set({ isRefreshing: false });
    }
  };

  /** Shows a list answer: throws when it is not a list at all. */
  const apply = (tick: number, answer: unknown) => {
    if (tick < shownTick) return;
    if (!Array.isArray(answer)) {
      throw new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? `adapter.listConnections() resolved with ${quote(answer)} instead of an array.` : 'not a list', { retryable: false });
    }
    const next: Connection[] = [];
    const seen = new Set<string>();
    const keep = (connection: Connection) => {
      next.push(connection);
      seen.add(connection.id);
    };
    let problem: ConnectionsError | undefined;
    for (const value of answer) {
      const [fresh, fault] = checkConnection(value, 'adapter.listConnections()');
      problem ??= fault;
      // A rejected entry (or a second one with the same id) keeps the version shown.
      const id = fresh?.id ?? (value as { id?: unknown } | null)?.id;
      if (typeof id != 'string' || seen.has(id)) continue;
      const current = byId.get(id);
      if (fresh && !(current && ((updatedAt.get(id) ?? 0) > tick || same(current, fresh)))) keep(fresh);
      else if (current) keep(current);
    }
    // Pushed after this request began, or perhaps hidden behind a rejected entry: kept.
    for (const current of state.connections) {
      if (!seen.has(current.id) && (problem || (updatedAt.get(current.id) ?? 0) > tick)) keep(current);
    }
    shownTick = tick;
    if (problem) report(problem);
    const unchanged = next.length === state.connections.length && next.every((connection, index) => connection === state.connections[index]);
    if (!unchanged) byId = new Map(next.map((connection) => [connection.id, connection]));
    set({
      connections: unchanged ? state.connections : next,
      status: 'ready',
      // A load that began later and failed still stands.
      error: problem ?? (failedTick > tick ? state.error : null),
    });
  };

  /** A pushed update or a flow's result: newer than every list requested before it. */
  const update = (connection: Connection) => {
    updatedAt.set(connection.id, ++clock);
    const current = byId.get(connection.id);
    if (current && same(current, connection)) return;
    byId.set(connection.id, connection);
    set({ connections: current ? state.connections.map((c) => (c === current ? connection : c)) : [...state.connections, connection] });
  };

  const receive = (value: unknown) => {
    if (!users) return;
    const [connection, problem] = checkConnection(value, 'adapter.subscribe()');
    if (problem) {
      report(problem);
      set({ error: problem });
    }
    if (connection) update(connection);
  };

  const start = () => {
    // A refresh() called before anything retained the store ends here.
    life.abort();
    life = new AbortController();
    loads = 0;
    try {
      const unsubscribe = adapter.subscribe?.(receive);
      if (typeof unsubscribe == 'function') teardown.push(unsubscribe);
      else if (adapter.subscribe) report(new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? 'adapter.subscribe() must return a function that unsubscribes.' : 'subscribe', { retryable: false }));
    } catch (thrown) {
      report(toConnectionsError(thrown, 'adapter.subscribe() threw'));
    }
    if (typeof window != 'undefined') {
      const onFocus = (event: Event) => {
        if ((event.type === 'focus' || document.visibilityState === 'visible') && options.refreshOnFocus !== false && Date.now() - lastLoad >= (options.focusThrottleMs ?? 15_000)) void refresh();
      };
      const onOnline = () => options.refreshOnReconnect !== false && void refresh();
      addEventListener('focus', onFocus);
      document.addEventListener('visibilitychange', onFocus);
      addEventListener('online', onOnline);
      teardown.push(() => {
        removeEventListener('focus', onFocus);
        document.removeEventListener('visibilitychange', onFocus);
        removeEventListener('online', onOnline);
      });
    }
    void refresh();
  };

  const stop = () => {
    life.abort();
    for (const undo of teardown.splice(0)) undo();
    for (const flow of [...flows.values()]) {
      const error = new ConnectionsError('cancelled', 'Unmounted.', { connectionId: flow.id });
      end(flow, error);
      flow.reject(error);
    }
    // Unmounting sets no state: nobody is told, and a later mount starts without stale flows.
    state = { ...state, flows: {}, isRefreshing: false };
  };

  /* -- flows ------------------------------------------------------------------------------------ */

  const setFlow = (id: string, flow?: FlowState) => {
    // Computed keys: an id such as "__proto__" is only a key.
    const { [id]: _, ...others } = state.flows;
    set({ flows: flow ? { ...others, [id]: flow } : others });
  };

  const reauthorize = (id: string, input: ReauthorizeInput = {}): Promise<Connection> => {
    const running = flows.get(id);
    if (running) {
      if (running.method === 'oauth') reopen(running);
      return running.promise;
    }
    const given = input.connection?.id === id ? checkConnection(input.connection, 'reauthorize()') : [];
    const connection = byId.get(id) ?? (given[1] ? undefined : given[0]);
    const method: AuthMethod = connection?.authMethod === 'credentials' ? 'credentials' : 'oauth';
    if (!connection || connection.canReauthorize === false) {
      return refuse(id, method, 'unsupported', process.env.NODE_ENV !== 'production' ? `Connection ${quote(id)} is unknown, or this user may not re-authorize it.` : 'refused');
    }

    if (method === 'credentials') {
      const { credentials } = input;
      if (!adapter.submitCredentials || !credentials) {
        return refuse(id, method, 'unsupported', process.env.NODE_ENV !== 'production' ? 'A login-form connection needs adapter.submitCredentials() and { credentials }.' : 'no login');
      }
      const flow = begin(connection, method);
      setFlow(id, { phase: 'completing', method });
      // No closure holds the credentials: they are an argument, and gone once the adapter is done.
      let exchange: Promise<Connection>;
      try {
        exchange = Promise.resolve(adapter.submitCredentials(connection, credentials, { signal: flow.controller.signal }));
      } catch (thrown) {
        exchange = Promise.reject(thrown);
      }
      finishWith(flow, exchange, 'adapter.submitCredentials()');
      return flow.promise;
    }

    // Opened inside the user's click: browsers block windows opened after an await.
    const popup = openPopup(options.popup);
    if (!popup) return refuse(id, method, 'popup_blocked', 'The browser blocked the sign-in window.');
    // One sign-in window at a time; a flow exchanging its single-use code is left to finish.
    for (const other of flows.values()) {
      if (other.method === 'oauth' && other.stage !== 'adapter') fail(other, new ConnectionsError('superseded', 'Another connection started signing in.', { connectionId: other.id }));
    }
    const flow = begin(connection, method);
    flow.popup = popup;
    watch(flow);
    call(() => adapter.startAuthorization(connection, { signal: flow.controller.signal })).then(
      (started) => awaitUser(flow, started),
      (thrown) => failFromAdapter(flow, thrown, 'adapter.startAuthorization() failed'),
    );
    return flow.promise;
  };

  const begin = (connection: Connection, method: AuthMethod): Flow => {
    let resolve!: Flow['resolve'];
    let reject!: Flow['reject'];
    const promise = new Promise<Connection>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(noop);
    const flow: Flow = {
      id: connection.id,
      method,
      connection,
      accountId: byId.get(connection.id)?.accountId ?? connection.accountId,
      promise,
      resolve,
      reject,
      controller: new AbortController(),
      stage: method === 'oauth' ? 'starting' : 'adapter',
      popup: null,
    };
    const ms = options.flowTimeoutMs;
    if (ms !== Infinity) {
      flow.timer = setTimeout(
        () => abandon(flow, new ConnectionsError('timeout', 'The re-authorization took too long.', { connectionId: flow.id })),
        ms! > 0 ? Math.min(ms!, 2 ** 31 - 1) : 300_000,
      );
    }
    flows.set(connection.id, flow);
    return flow;
  };

  const awaitUser = (flow: Flow, started: unknown) => {
    if (flow.done) return;
    const { url, state: given } = (started ?? {}) as { url?: unknown; state?: unknown };
    const safe = safeUrl(url, simulated.has(adapter));
    const origin = toOrigin(options.callbackOrigin ?? location.origin);
    const dev = process.env.NODE_ENV !== 'production';
    if (!safe) return fail(flow, new ConnectionsError('invalid_authorization_url', dev ? `adapter.startAuthorization() returned ${quote(url)}: not https: (or http: on a loopback host).` : 'bad url', { connectionId: flow.id }));
    if (typeof given != 'string' || !given || spent.has(given)) {
      return fail(flow, new ConnectionsError('adapter_failed', dev ? 'adapter.startAuthorization() must return a fresh, non-empty state for every flow.' : 'bad state', { connectionId: flow.id, retryable: false }));
    }
    if (!origin) return fail(flow, new ConnectionsError('unsupported', dev ? `callbackOrigin ${quote(options.callbackOrigin)} is not an http(s) origin.` : 'bad origin', { connectionId: flow.id }));
    flow.url = safe;
    flow.state = given;
    flow.stage = 'user';
    flow.stopListening = listen(given, origin, (result) => complete(flow, result));
    if (flow.popup && !isClosed(flow.popup)) {
      try {
        flow.popup.location.replace(safe);
      } catch {
        closePopup(flow.popup);
      }
    }
    watch(flow);
  };

  /** Keeps the flow state in step with the window while the flow waits on it. */
  const watch = (flow: Flow) => {
    flow.stopWatching?.();
    const { popup } = flow;
    if (!popup || isClosed(popup)) return closed(flow);
    setFlow(flow.id, flow.stage === 'starting' ? { phase: 'starting', method: 'oauth' } : { phase: 'awaiting_user', method: 'oauth', popup: 'open' });
    flow.stopWatching = watchClosed(popup, () => closed(flow));
  };

  /** The window went away without a result: the flow waits on, and asks the server. */
  const closed = (flow: Flow) => {
    if (flow.done) return;
    flow.popup = null;
    flow.stopWatching?.();
    setFlow(flow.id, { phase: flow.stage === 'starting' ? 'starting' : 'awaiting_user', method: 'oauth', popup: 'closed' });
    if (flow.stage === 'user') void refresh();
  };

  /** With the window closed, ends the flow when the server shows the grant finished. */
  const checkServer = (flow: Flow) => {
    if (flow.done || flow.popup || flow.stage !== 'user') return;
    const now = byId.get(flow.id);
    const before = flow.connection;
    // Only a grant begun anew counts: a connection usable before proves nothing by staying so.
    if (!now || !usable(now) || (usable(before) && (now.status !== before.status || now.statusSince === before.statusSince))) return;
    if (mismatch(flow, now)) {
      update({ ...before, accountId: flow.accountId });
      return fail(flow, mismatchError(flow, now));
    }
    succeed(flow, now);
  };

  /** A second click while the flow runs: focus the window, or open it again from this click. */
  const reopen = (flow: Flow) => {
    if (flow.stage === 'adapter') return;
    if (flow.popup && !isClosed(flow.popup)) return flow.popup.focus();
    const popup = openPopup(options.popup, flow.url);
    if (!popup) return setFlow(flow.id, { phase: flow.stage === 'starting' ? 'starting' : 'awaiting_user', method: 'oauth', popup: 'blocked' });
    flow.popup = popup;
    watch(flow);
  };

  const complete = (flow: Flow, result: AuthorizationResult) => {
    if (flow.stage !== 'user' || flow.done) return;
    release(flow);
    if (result.error) {
      return fail(
        flow,
        new ConnectionsError('provider_error', process.env.NODE_ENV !== 'production' ? `The platform answered ${quote(result.error)}.` : result.error.slice(0, 40), {
          connectionId: flow.id,
          providerError: result.error,
          providerErrorDescription: result.errorDescription,
          providerErrorUri: result.errorUri,
        }),
      );
    }
    flow.stage = 'adapter';
    setFlow(flow.id, { phase: 'completing', method: 'oauth' });
    finishWith(flow, call(() => adapter.completeAuthorization(flow.connection, result, { signal: flow.controller.signal })), 'adapter.completeAuthorization()');
  };

  /** Ends the flow with what the adapter's finishing call settles with. Never retried: codes are single-use. */
  const finishWith = (flow: Flow, exchange: Promise<unknown>, where: string) => {
    flow.exchange = exchange;
    exchange.then(
      (value) => {
        if (flow.done) return;
        const [connection, problem] = checkConnection(value, where);
        const dev = process.env.NODE_ENV !== 'production';
        if (!connection || connection.id !== flow.id) {
          return fail(flow, problem ?? new ConnectionsError('adapter_failed', dev ? `${where} returned connection ${quote(connection?.id)}, not ${quote(flow.id)}.` : 'wrong id', { connectionId: flow.id, retryable: false }));
        }
        if (problem) report(problem);
        if (mismatch(flow, connection)) return fail(flow, mismatchError(flow, connection));
        update(connection);
        if (connection.status === 'authorization_required') {
          return fail(flow, new ConnectionsError('adapter_failed', dev ? `${where} returned the connection still needing authorization.` : 'still lapsed', { connectionId: flow.id }));
        }
        succeed(flow, connection);
      },
      (thrown) => failFromAdapter(flow, thrown, `${where} failed`),
    );
  };

  const failFromAdapter = (flow: Flow, thrown: unknown, message: string) => {
    if (flow.done) return;
    const error = toConnectionsError(thrown, message, flow.id);
    fail(flow, error.connectionId ? error : new ConnectionsError(error.code, error.message, { ...error, cause: error.cause, connectionId: flow.id }));
    // A finishing call that timed out or lost the network says nothing of the grant: ask the server.
    if (flow.stage === 'adapter' && error.retryable) void refresh();
  };

  const succeed = (flow: Flow, connection: Connection) => {
    end(flow);
    setFlow(flow.id, { phase: 'succeeded', method: flow.method, connection });
    flow.resolve(connection);
  };

  const fail = (flow: Flow, error: ConnectionsError) => {
    if (flow.done) return;
    end(flow, error);
    setFlow(flow.id, { phase: 'failed', method: flow.method, error });
    flow.reject(error);
  };

  /** Ends the flow for its caller (cancel, timeout); once an abandoned exchange settles, reloads. */
  const abandon = (flow: Flow, error: ConnectionsError) => {
    const exchange = flow.stage === 'adapter' ? flow.exchange : undefined;
    fail(flow, error);
    exchange?.then(() => refresh(), () => refresh());
  };

  const refuse = (id: string, method: AuthMethod, code: 'unsupported' | 'popup_blocked', message: string) => {
    const error = new ConnectionsError(code, message, { connectionId: id });
    setFlow(id, { phase: 'failed', method, error });
    const promise = Promise.reject(error);
    promise.catch(noop);
    return promise;
  };

  /** Closes the window and stops listening for the result and watching the window. */
  const release = (flow: Flow) => {
    flow.stopListening?.();
    flow.stopWatching?.();
    closePopup(flow.popup);
    flow.popup = null;
  };

  /** However the flow ends: its state is spent, its window closed, its timer and calls stopped. */
  const end = (flow: Flow, reason?: ConnectionsError) => {
    flow.done = true;
    if (flow.state) spent.add(flow.state);
    clearTimeout(flow.timer);
    release(flow);
    flow.controller.abort(reason);
    if (flows.get(flow.id) === flow) flows.delete(flow.id);
  };

  /* -- the store -------------------------------------------------------------------------------- */

  const store: ConnectionStore = {
    adapter,
    getState: () => state,
    getConnection: (id) => byId.get(id),
    getFlow: (id) => flowIn(state, id),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    configure(patch) {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) (options as Record<string, unknown>)[key] = value;
    },
    retain() {
      if (users++ === 0) start();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--users === 0) stop();
      };
    },
    refresh,
    reauthorize,
    cancelReauthorize(id) {
      const flow = flows.get(id);
      if (flow) abandon(flow, new ConnectionsError('cancelled', 'The re-authorization was cancelled.', { connectionId: id }));
    },
    resetFlow(id) {
      if (!flows.has(id) && Object.hasOwn(state.flows, id)) setFlow(id);
    },
  };
  store.configure(initial);
  return store;
}

/* -------------------------------------------------------------------------------------------------
 * One store per adapter
 * -----------------------------------------------------------------------------------------------*/

const stores = new WeakMap<ConnectionsAdapter, ConnectionStore>();

/** The store shared by everything that uses this adapter, made on first use. */
function getConnectionStore(adapter: ConnectionsAdapter, options?: ConnectionStoreOptions): ConnectionStore {
  let store = stores.get(adapter);
  if (!store) stores.set(adapter, (store = createConnectionStore(adapter)));
  if (options) store.configure(options);
  return store;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

function flowIn(state: ConnectionsState, id: string): FlowState {
  return Object.hasOwn(state.flows, id) ? state.flows[id]! : IDLE;
}

/** Connected, or connected and catching up. */
function usable(connection: Connection): boolean {
  return connection.status === 'connected' || connection.status === 'backfilling';
}

/** The grant is for another account, or says none where one is known. */
function mismatch(flow: Flow, connection: Connection): boolean {
  return flow.accountId !== undefined && connection.accountId !== flow.accountId;
}

function mismatchError(flow: Flow, connection: Connection): ConnectionsError {
  return new ConnectionsError(
    'account_mismatch',
    process.env.NODE_ENV !== 'production' ? `The platform signed in to account ${quote(connection.accountId)}, not ${quote(flow.accountId)}.` : 'wrong account',
    { connectionId: flow.id },
  );
}

/** Whether two connections hold the same data, so the old object (and its row) can stay. */
function same(a: Connection, b: Connection): boolean {
  const keys = Object.keys(a) as (keyof Connection)[];
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => key in b && (a[key] === b[key] || (typeof a[key] == 'object' && JSON.stringify(a[key]) === JSON.stringify(b[key]))))
  );
}

/**
 * Capped exponential backoff with equal jitter: the nth retry waits between `min * 2^n` and
 * `min * 2^(n+1)`, never under `min` nor over `max`, and never under what the server asked.
 */
function backoff(attempt: number, retry: RetryOptions, retryAfterMs = 0): number {
  const minDelayMs = atLeastZero(retry.minDelayMs, 1000);
  const maxDelayMs = atLeastZero(retry.maxDelayMs, 30_000);
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt + 1));
  const floor = Math.min(Math.max(minDelayMs, ceiling / 2), ceiling);
  return Math.max(retryAfterMs, floor + Math.random() * (ceiling - floor));
}

/** A setting passed straight from props: anything but a number of zero or more keeps the default. */
function atLeastZero(value: number | undefined, otherwise: number): number {
  return (value as number) >= 0 ? value! : otherwise;
}

/** Runs an adapter method, a synchronous throw becoming a rejection. */
function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Settles as the promise does, or rejects as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(ms, 2 ** 31 - 1));
    signal.addEventListener('abort', done);
  });
}

function noop(): void {}

export { createConnectionStore, flowIn, getConnectionStore, getServerState, simulated, usable };
