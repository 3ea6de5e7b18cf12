import { ConnectionsError, toConnectionsError } from './errors';
import type { ConnectionsErrorCode, ConnectionsErrorOptions } from './errors';
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
  /** Sets options; a key left `undefined` keeps its value. The first call after the last user left starts afresh. */
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
  /**
   * Takes a connection your backend returned outside a flow (a request to an admin, say), as a
   * pushed update: checked, reported if malformed, newer than any list asked for before.
   */
  receive(connection: unknown): void;
}

/** A flow under way, as the store sees it; everything else lives in its closure (see `run`). */
interface Flow {
  oauth: boolean;
  /** Waiting on the adapter's finishing call: no window, and not superseded. */
  finishing(): boolean;
  promise: Promise<Connection>;
  signal: AbortSignal;
  /** A second click: focus the window, or open it again. */
  reopen(): void;
  /** Ends the flow; `silent` sets no state (unmounting). Once an abandoned exchange settles, the list reloads. */
  end(error: ConnectionsError, silent?: boolean): void;
  /** With the window closed, ends the flow if the server shows the grant finished. */
  check(): void;
  /** Ends the flow with what the adapter's finishing call settles with. */
  settle(exchange: Promise<unknown>, where: string): void;
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
  let options: ConnectionStoreOptions = { ...initial };
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
  let stopped = false;
  const flows = new Map<string, Flow>();
  /** Every state a flow received: a result carrying one never completes another flow. */
  const spent = new Set<string>();

  const set = (patch: Partial<ConnectionsState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
    // A flow whose window closed ends when the server shows the grant it finished.
    for (const flow of [...flows.values()]) flow.check();
  };

  const report = (problem: ConnectionsError) => {
    if (problem.code + problem.message === lastReported) return;
    lastReported = problem.code + problem.message;
    try {
      (options.onError ?? log)(problem);
    } catch (thrown) {
      log(problem, thrown);
    }
  };

  /* -- loading ---------------------------------------------------------------------------------- */

  const refresh = async (): Promise<void> => {
    const { signal } = life;
    if (signal.aborted) return;
    lastLoad = Date.now();
    if (!loads++) set({ isRefreshing: true });
    await load(signal, 0);
    if (!signal.aborted && !--loads) set({ isRefreshing: false });
  };

  /**
   * One attempt, then the retries of transient failures. A failure shows at once, while the
   * retries go on; only the last one is reported.
   */
  const load = async (signal: AbortSignal, attempt: number): Promise<void> => {
    const tick = ++clock;
    try {
      const answer = await call(() => adapter.listConnections({ signal }));
      // Unmounted meanwhile: sets no state.
      if (!signal.aborted) apply(tick, answer);
    } catch (thrown) {
      if (signal.aborted || tick < shownTick) return;
      const failure = toConnectionsError(thrown, process.env.NODE_ENV !== 'production' ? 'adapter.listConnections() failed' : 'list');
      const retry = options.retry || {};
      failedTick = tick;
      set({ error: failure, status: state.status === 'ready' ? 'ready' : 'error' });
      if (!failure.retryable || !(attempt < (options.retry === false ? 0 : atLeastZero(retry.retries, 3)))) return report(failure);
      await sleep(backoff(attempt, retry, failure.retryAfterMs), signal);
      // A newer list landed meanwhile: nothing left to bring.
      if (!signal.aborted && shownTick < tick) return load(signal, attempt + 1);
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
      if (typeof id != 'string') continue;
      if (seen.has(id)) {
        problem ??= new ConnectionsError('adapter_failed', process.env.NODE_ENV !== 'production' ? `adapter.listConnections() returned the id ${quote(id)} more than once; the first is shown.` : `${quote(id)} twice`, { retryable: false });
        continue;
      }
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

  const receive = (value: unknown, where = 'adapter.subscribe()') => {
    if (!users) return;
    const [connection, problem] = checkConnection(value, where);
    if (connection) return update(connection);
    report(problem!);
    set({ error: problem! });
  };

  const start = () => {
    // A refresh() called before anything retained the store ends here.
    life.abort();
    stopped = false;
    life = new AbortController();
    loads = 0;
    try {
      const unsubscribe = adapter.subscribe?.(receive);
      if (typeof unsubscribe == 'function') teardown.push(unsubscribe);
      else if (process.env.NODE_ENV !== 'production' && adapter.subscribe) report(new ConnectionsError('adapter_failed', 'adapter.subscribe() must return a function that unsubscribes.', { retryable: false }));
    } catch (thrown) {
      report(toConnectionsError(thrown, 'adapter.subscribe() threw'));
    }
    if (typeof window != 'undefined') {
      const onFocus = () => options.refreshOnFocus !== false && Date.now() - lastLoad >= (options.focusThrottleMs ?? 15_000) && void refresh();
      const onOnline = () => options.refreshOnReconnect !== false && void refresh();
      addEventListener('focus', onFocus);
      addEventListener('online', onOnline);
      teardown.push(() => {
        removeEventListener('focus', onFocus);
        removeEventListener('online', onOnline);
      });
    }
    void refresh();
  };

  const stop = () => {
    life.abort();
    for (const undo of teardown.splice(0)) undo();
    for (const [id, flow] of flows) flow.end(error('cancelled', id), true);
    // Unmounting sets no state: nobody is told, and a later mount starts without stale flows.
    state = { ...state, flows: {}, isRefreshing: false };
    // A later screen's first render forgets this one's options (its onError) and what was
    // reported. StrictMode mounts again with no render between: the options stay.
    stopped = true;
  };

  /* -- flows ------------------------------------------------------------------------------------ */

  const setFlow = (id: string, flow?: FlowState) => {
    // Computed keys: an id such as "__proto__" is only a key.
    const { [id]: _, ...others } = state.flows;
    set({ flows: flow ? { ...others, [id]: flow } : others });
  };

  const refuse = (id: string, method: AuthMethod, error: ConnectionsError) => {
    setFlow(id, { phase: 'failed', method, error });
    const promise = Promise.reject(error);
    promise.catch(noop);
    return promise;
  };

  const reauthorize = (id: string, input: ReauthorizeInput = {}): Promise<Connection> => {
    const running = flows.get(id);
    if (running) {
      running.reopen();
      return running.promise;
    }
    const given = input.connection?.id === id ? checkConnection(input.connection, 'reauthorize()') : [];
    const connection = byId.get(id) ?? (given[1] ? undefined : given[0]);
    const method: AuthMethod = connection?.authMethod === 'credentials' ? 'credentials' : 'oauth';
    if (!connection || connection.canReauthorize === false) {
      return refuse(id, method, error('unsupported', id, process.env.NODE_ENV !== 'production' ? `Connection ${quote(id)} is unknown, or this user may not reconnect it.` : ''));
    }
    if (method === 'credentials') {
      const { credentials } = input;
      if (!adapter.submitCredentials || !credentials) {
        return refuse(id, method, error('unsupported', id, process.env.NODE_ENV !== 'production' ? 'A login-form connection needs adapter.submitCredentials() and { credentials }.' : ''));
      }
      const flow = run(connection, null);
      // Called here, where no closure holds the credentials: they are gone once the adapter is done.
      let exchange: Promise<unknown>;
      try {
        exchange = Promise.resolve(adapter.submitCredentials(connection, credentials, { signal: flow.signal }));
      } catch (thrown) {
        exchange = Promise.reject(thrown);
      }
      flow.settle(exchange, 'adapter.submitCredentials()');
      return flow.promise;
    }
    // Opened inside the user's click: browsers block windows opened after an await.
    const popup = openPopup(options.popup);
    if (!popup) return refuse(id, method, error('popup_blocked', id));
    // One sign-in window at a time; a flow exchanging its single-use code is left to finish.
    for (const [other, flow] of flows) if (flow.oauth && !flow.finishing()) flow.end(error('superseded', other));
    return run(connection, popup).promise;
  };

  /** Runs one flow: OAuth with its window, or a login form (no window). */
  const run = (connection: Connection, popup: Window | null): Flow => {
    const { id } = connection;
    const oauth = !!popup;
    const method: AuthMethod = oauth ? 'oauth' : 'credentials';
    const controller = new AbortController();
    const { signal } = controller;
    let stage: 'starting' | 'user' | 'adapter' = oauth ? 'starting' : 'adapter';
    let done = false;
    let url: string | undefined;
    let state: string | undefined;
    let stopListening = noop;
    let stopWatching = noop;
    let exchange: Promise<unknown> | undefined;
    let resolve!: (connection: Connection) => void;
    let reject!: (error: ConnectionsError) => void;
    const promise = new Promise<Connection>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(noop);
    const show = (shown: Omit<FlowState, 'method'>) => setFlow(id, { ...shown, method });
    /** Shows where the window stands while the flow waits on it. */
    const showPopup = (popup: PopupState) => show({ phase: stage === 'starting' ? 'starting' : 'awaiting_user', popup });

    /** However it ends: its state is spent, its window closed, its timer and calls stopped. */
    const finish = (failure?: ConnectionsError, result?: Connection, silent?: boolean) => {
      if (done) return;
      done = true;
      if (state) spent.add(state);
      clearTimeout(timer);
      release();
      controller.abort(failure);
      if (flows.get(id) === flow) flows.delete(id);
      // Formatting the stack lets go of what the frames held (a login's closure, say).
      void failure?.stack;
      if (!silent) show(failure ? { phase: 'failed', error: failure } : { phase: 'succeeded', connection: result });
      if (failure) reject(failure);
      else resolve(result!);
    };

    const release = () => {
      stopListening();
      stopWatching();
      closePopup(popup);
      popup = null;
    };

    /** Keeps the flow state in step with the window while the flow waits on it. */
    const watch = () => {
      stopWatching();
      if (!popup || isClosed(popup)) return closed();
      showPopup('open');
      stopWatching = watchClosed(popup, closed);
    };

    /** The window went away without a result: the flow waits on, and asks the server. */
    const closed = () => {
      if (done) return;
      popup = null;
      stopWatching();
      showPopup('closed');
      if (stage === 'user') void refresh();
    };

    const failFromAdapter = (thrown: unknown, where: string) => {
      if (done) return;
      const failure = toConnectionsError(thrown, `${where} failed`, id);
      finish(failure);
      // A finishing call that timed out or lost the network says nothing of the grant: ask the server.
      if (stage === 'adapter' && failure.retryable) void refresh();
    };

    const flow: Flow = {
      oauth,
      promise,
      signal,
      finishing: () => stage === 'adapter',
      reopen() {
        if (!oauth || stage === 'adapter') return;
        if (popup && !isClosed(popup)) return popup.focus();
        const reopened = openPopup(options.popup, url);
        if (!reopened) return showPopup('blocked');
        popup = reopened;
        watch();
      },
      end(failure, silent) {
        const abandoned = stage === 'adapter' && exchange;
        finish(failure, undefined, silent);
        if (abandoned && !silent) abandoned.then(() => refresh(), () => refresh());
      },
      check() {
        if (done || popup || stage !== 'user') return;
        const now = byId.get(id);
        // Only a grant begun anew counts: a connection usable before proves nothing by staying so.
        if (!now || !usable(now) || (usable(connection) && (now.status !== connection.status || now.statusSince === connection.statusSince))) return;
        if (mismatch(connection, now)) {
          update(connection);
          return finish(mismatchError(connection, now));
        }
        finish(undefined, now);
      },
      settle(call, where) {
        exchange = call;
        call.then((value) => {
          if (done) return;
          const [returned, problem] = checkConnection(value, where);
          if (!returned || returned.id !== id) {
            return finish(problem ?? error('adapter_failed', id, process.env.NODE_ENV !== 'production' ? `${where} returned connection ${quote(returned?.id)}, not ${quote(id)}.` : '', false));
          }
          if (mismatch(connection, returned)) return finish(mismatchError(connection, returned));
          update(returned);
          if (returned.status === 'authorization_required') return finish(error('adapter_failed', id, process.env.NODE_ENV !== 'production' ? `${where} returned the connection still needing authorization.` : ''));
          finish(undefined, returned);
        }, (thrown) => failFromAdapter(thrown, where));
      },
    };

    const ms = options.flowTimeoutMs;
    const timer = ms === Infinity ? undefined : setTimeout(() => flow.end(error('timeout', id)), ms! > 0 ? Math.min(ms!, 2 ** 31 - 1) : 300_000);
    flows.set(id, flow);

    if (!oauth) {
      show({ phase: 'completing' });
      return flow;
    }
    watch();
    call(() => adapter.startAuthorization(connection, { signal })).then((started) => {
      if (done) return;
      const { url: given, state: fresh } = (started ?? {}) as { url?: unknown; state?: unknown };
      const safe = safeUrl(given, simulated.has(adapter));
      const origin = toOrigin(options.callbackOrigin ?? location.origin);
      if (!safe) return finish(error('invalid_authorization_url', id, process.env.NODE_ENV !== 'production' ? `adapter.startAuthorization() returned ${quote(given)}: not https:, nor http: on a loopback host.` : ''));
      if (typeof fresh != 'string' || !fresh || spent.has(fresh)) {
        return finish(error('adapter_failed', id, process.env.NODE_ENV !== 'production' ? 'adapter.startAuthorization() must return a fresh, non-empty state for every flow.' : '', false));
      }
      if (!origin) return finish(error('unsupported', id, process.env.NODE_ENV !== 'production' ? `callbackOrigin ${quote(options.callbackOrigin)} is not an http(s) origin.` : ''));
      url = safe;
      state = fresh;
      stage = 'user';
      stopListening = listen(fresh, origin, (result) => {
        if (done || stage !== 'user') return;
        release();
        if (result.error) {
          return finish(
            error('provider_error', id, process.env.NODE_ENV !== 'production' ? `The platform answered ${quote(result.error)}.` : '', undefined, {
              providerError: result.error,
              providerErrorDescription: result.errorDescription,
              providerErrorUri: result.errorUri,
            }),
          );
        }
        stage = 'adapter';
        show({ phase: 'completing' });
        flow.settle(call(() => adapter.completeAuthorization(connection, result, { signal })), 'adapter.completeAuthorization()');
      });
      if (popup && !isClosed(popup)) {
        try {
          popup.location.replace(safe);
        } catch {
          closePopup(popup);
        }
      }
      watch();
    }, (thrown) => failFromAdapter(thrown, 'adapter.startAuthorization()'));
    return flow;
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
      if (stopped) {
        stopped = false;
        options = { ...initial };
        lastReported = '';
      }
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
    receive: (value) => receive(value, 'store.receive()'),
    reauthorize,
    cancelReauthorize(id) {
      flows.get(id)?.end(error('cancelled', id));
    },
    resetFlow(id) {
      if (!flows.has(id) && Object.hasOwn(state.flows, id)) setFlow(id);
    },
  };
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

/** The grant is for another account, or names none where one is known. */
function mismatch(before: Connection, after: Connection): boolean {
  return before.accountId !== undefined && after.accountId !== before.accountId;
}

function mismatchError(before: Connection, after: Connection): ConnectionsError {
  return error('account_mismatch', before.id, process.env.NODE_ENV !== 'production' ? `The platform signed in to account ${quote(after.accountId)}, not ${quote(before.accountId)}.` : '');
}

/**
 * A `ConnectionsError` about one connection. In production its message is its code: the long
 * sentence is for development only.
 */
function error(code: ConnectionsErrorCode, connectionId: string, message = '', retryable?: boolean, more?: ConnectionsErrorOptions): ConnectionsError {
  return new ConnectionsError(code, message || code, { ...more, connectionId, retryable });
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

/** What `onError` does by default, and what it could not do itself (`thrown`). */
function log(problem: ConnectionsError, thrown?: unknown): void {
  console.error(`[react-connected-accounts] ${thrown ? 'onError threw on: ' : ''}${problem.message}`, ...(thrown ? [thrown] : []));
}

export { createConnectionStore, flowIn, getConnectionStore, getServerState, simulated, usable };
