import { sameConnection } from './equal';
import { ConnectionsError, toConnectionsError } from './errors';
import { FlowController, IDLE_FLOW, isUsable } from './flows';
import type { FlowOptions, FlowState, ReauthorizeInput } from './flows';
import { checkConnection, checkConnectionList } from './validate';
import type { Connection, ConnectionsAdapter } from './types';

/* -------------------------------------------------------------------------------------------------
 * Options and state
 * -----------------------------------------------------------------------------------------------*/

export interface RetryOptions {
  /** How many times a transient failure is retried after the first attempt. @default 3 */
  retries?: number;
  /**
   * The shortest delay before a retry: the first retry waits between this and twice this, and
   * each further retry doubles both bounds. No retry ever comes sooner. @default 1000
   */
  minDelayMs?: number;
  /** The cap on any one delay: no retry ever waits longer. @default 30000 */
  maxDelayMs?: number;
}

export interface ConnectionStoreOptions extends FlowOptions {
  /** Retrying transient list failures with capped, jittered backoff; `false` turns it off. */
  retry?: RetryOptions | false;
  /** Refresh when the window regains focus or the tab becomes visible. @default true */
  refreshOnFocus?: boolean;
  /** At most one focus refresh per this many milliseconds. @default 15000 */
  focusThrottleMs?: number;
  /** Refresh when the browser comes back online. @default true */
  refreshOnReconnect?: boolean;
  /**
   * Told about every problem with the adapter's data or calls, once per distinct problem.
   * @default logs once with `console.error`
   */
  onError?: (error: ConnectionsError) => void;
}

export type ListStatus = 'loading' | 'ready' | 'error';

export interface ConnectionsState {
  /** The latest known connections. */
  connections: readonly Connection[];
  /** `loading` until the first list arrives; `error` when it could not be loaded at all. */
  status: ListStatus;
  /** Why the last load or update failed; the last good list stays in `connections`. */
  error: ConnectionsError | null;
  /** Whether a list request (or a retry of one) is under way. */
  isRefreshing: boolean;
  /** Flow states that are not idle, by connection id. */
  flows: Readonly<Record<string, FlowState>>;
}

const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, minDelayMs: 1000, maxDelayMs: 30_000 };

/** Every store's state before its first list, as the server renders it. */
const SERVER_STATE: ConnectionsState = { connections: [], status: 'loading', error: null, isRefreshing: false, flows: {} };

/**
 * The state to hydrate from (`useSyncExternalStore`'s server snapshot): what the server rendered,
 * whatever the store has loaded since, so that a part of the page that hydrates late matches it.
 */
const getServerState = (): ConnectionsState => SERVER_STATE;

/* -------------------------------------------------------------------------------------------------
 * ConnectionStore
 * -----------------------------------------------------------------------------------------------*/

/**
 * The connections of one adapter, shared by every hook and component that uses that adapter.
 *
 * Ordering is kept with a logical clock: every list request, pushed update and flow result takes
 * the next tick. A list answer is dropped when a newer list answer was already applied, and it
 * never replaces a connection that was updated (pushed, or re-authorized) after the request began.
 */
class ConnectionStore {
  readonly adapter: ConnectionsAdapter;
  /** Given to the store itself (`getConnectionStore`, `configure`). */
  #base: ConnectionStoreOptions;
  /** Given by each mounted provider and hook, removed when it unmounts; see `setOptions`. */
  readonly #layers = new Map<object, { options: ConnectionStoreOptions; rank: number }>();
  /** What applies: the base, then each layer by rank and, within a rank, in the order they came. */
  #options: ConnectionStoreOptions;
  #state: ConnectionsState = SERVER_STATE;
  readonly #listeners = new Set<(changed: readonly string[]) => void>();
  /** Listeners of one connection and its flow, by id. */
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #flows: FlowController;

  #clock = 0;
  /** The tick at which the list now shown was requested. */
  #appliedListTick = 0;
  /** The tick of each connection's last pushed update or flow result. */
  readonly #updatedAt = new Map<string, number>();
  readonly #byId = new Map<string, Connection>();
  /** Account ids of connections whose shown version lost theirs (malformed, and left out). */
  readonly #accountIds = new Map<string, string>();
  readonly #reconnectedWhileShown = new Set<string>();

  #users = 0;
  /** Aborts every list request and retry of the current mount. */
  #lifetime = new AbortController();
  /** List loads under way (with their retries), for `isRefreshing`. */
  #loads = 0;
  /** When the last list load began: a focus refresh within the throttle of it is not needed. */
  #lastLoadStart = -Infinity;
  /** The tick of the last list load that failed: an older answer landing later does not hide it. */
  #failedListTick = 0;
  #teardown: (() => void)[] = [];
  /** Problems already told, per listening component (see `#onErrorOwner`), and to the console. */
  readonly #reported = new WeakMap<object, Set<string>>();
  readonly #logged = new Set<string>();
  /**
   * The component (the owner given to `setOptions`; the store itself for its own options) whose
   * `onError` applies, or `null` for the console. A component, not a function: an inline
   * `onError` is a new function on every render, yet the same listener.
   */
  #onErrorOwner: object | null = null;
  /** How many dialogs (or other UIs) show each connection's flow right now. */
  readonly #shown = new Map<string, number>();

  constructor(adapter: ConnectionsAdapter, options: ConnectionStoreOptions = {}) {
    this.adapter = adapter;
    this.#base = this.#options = options;
    this.#flows = new FlowController({
      adapter,
      getConnection: (id) => this.#byId.get(id),
      applyConnection: (connection) => this.#applyUpdate(connection),
      refresh: () => this.refresh(),
      subscribeTo: (id, listener) => this.subscribeTo(id, listener),
      knownAccountId: (id) => this.knownAccountId(id),
      setFlow: (id, flow) => this.#setFlow(id, flow),
      getOptions: () => this.#options,
      report: (error) => this.#report(error),
    });
  }

  /* -- reading ---------------------------------------------------------------------------------- */

  getState = (): ConnectionsState => this.#state;

  getConnection = (id: string): Connection | undefined => this.#byId.get(id);

  getFlow = (id: string): FlowState => flowIn(this.#state, id);

  /**
   * Calls `listener` after every change, with the ids whose connection or flow changed (none when
   * only the list's status, error or `isRefreshing` did): a listener that cares about rows need
   * not look at every row.
   */
  subscribe = (listener: (changed: readonly string[]) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /**
   * Like `subscribe`, but told only when the connection with this id or its flow changes: a row
   * of a long list then costs nothing when another row changes.
   */
  subscribeTo = (id: string, listener: () => void): (() => void) => {
    let set = this.#watchers.get(id);
    if (!set) this.#watchers.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#watchers.get(id) === set) this.#watchers.delete(id);
    };
  };

  /**
   * Merges options into the store's. A key left `undefined` keeps the value already set, so a
   * hook that passes `{ retry: props.retry }` does not undo its provider's `retry`.
   */
  configure(options: ConnectionStoreOptions): void {
    this.#base = withDefined(this.#base, options);
    this.#applyOptions();
  }

  /**
   * Sets the options one owner (a mounted provider or hook) gives, or removes them (`null`), so
   * that an unmounted screen's `onError` or `retry` stops applying. Higher ranks win (a hook's 1
   * over its provider's 0), and within a rank the owner that came last; a key left `undefined`
   * keeps what the others give.
   */
  setOptions(owner: object, options: ConnectionStoreOptions | null, rank = 1): void {
    if (options) this.#layers.set(owner, { options, rank });
    else if (!this.#layers.delete(owner)) return;
    this.#applyOptions();
  }

  #applyOptions(): void {
    // sort() is stable: within a rank, the order the owners came in.
    const layers = [...this.#layers].sort(([, a], [, b]) => a.rank - b.rank);
    let options = this.#base;
    let owner: object | null = this.#base.onError ? this : null;
    for (const [by, layer] of layers) {
      options = withDefined(options, layer.options);
      if (layer.options.onError) owner = by;
    }
    this.#options = options;
    this.#onErrorOwner = owner;
  }

  /* -- lifetime --------------------------------------------------------------------------------- */

  /**
   * Marks one more user (a mounted hook or component). The first one loads the list, subscribes
   * to pushed updates and listens for focus and reconnection. Returns the release function; when
   * the last user releases, everything in flight is aborted and every timer and listener removed.
   */
  retain = (): (() => void) => {
    this.#users += 1;
    if (this.#users === 1) this.#start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#users -= 1;
      if (this.#users === 0) this.#stop();
    };
  };

  #start(): void {
    // A refresh() called before anything retained the store ends here: it has no user to load for.
    this.#lifetime.abort();
    this.#lifetime = new AbortController();
    const { adapter } = this;
    if (adapter.subscribe) {
      try {
        const unsubscribe: unknown = adapter.subscribe((connection) => this.#receivePush(connection));
        if (typeof unsubscribe === 'function') this.#teardown.push(unsubscribe as () => void);
        else {
          // Pushes would keep coming after the screen is gone.
          this.#report(new ConnectionsError('adapter_failed', 'adapter.subscribe() must return a function that unsubscribes.', { retryable: false }));
        }
      } catch (error) {
        this.#report(toConnectionsError(error, 'adapter.subscribe() threw'));
      }
    }
    if (typeof window !== 'undefined') {
      const onFocus = () => this.#refreshOnFocus();
      const onVisible = () => {
        if (document.visibilityState === 'visible') this.#refreshOnFocus();
      };
      const onOnline = () => {
        if (this.#options.refreshOnReconnect !== false) void this.refresh();
      };
      window.addEventListener('focus', onFocus);
      document.addEventListener('visibilitychange', onVisible);
      window.addEventListener('online', onOnline);
      this.#teardown.push(() => {
        window.removeEventListener('focus', onFocus);
        document.removeEventListener('visibilitychange', onVisible);
        window.removeEventListener('online', onOnline);
      });
    }
    void this.refresh();
  }

  #stop(): void {
    this.#lifetime.abort();
    for (const undo of this.#teardown.splice(0)) undo();
    this.#flows.dispose();
    // Unmounting sets no state: listeners that are still attached (children unsubscribe after
    // their provider releases) are not told, and a later mount starts without stale flows.
    this.#state = { ...this.#state, flows: {}, isRefreshing: false };
  }

  /* -- loading ---------------------------------------------------------------------------------- */

  /**
   * Loads the list again. Resolves when that load is done, successful or not (the outcome is in
   * `status` and `error`); never rejects. Transient failures are retried with backoff first.
   */
  refresh = (): Promise<void> => this.#load(this.#lifetime.signal);

  /**
   * A load begun within the throttle, under way or not, already brings the list up to date (one
   * that hangs longer does not stop the next).
   */
  #refreshOnFocus(): void {
    if (this.#options.refreshOnFocus === false) return;
    if (Date.now() - this.#lastLoadStart < (this.#options.focusThrottleMs ?? 15_000)) return;
    void this.refresh();
  }

  async #load(lifetime: AbortSignal): Promise<void> {
    // Unmounted: nothing to load for, and no state to set.
    if (lifetime.aborted) return;
    this.#lastLoadStart = Date.now();
    const tracker = this.#track();
    try {
      for (let attempt = 0; ; attempt += 1) {
        if (lifetime.aborted) return;
        const tick = ++this.#clock;
        const controller = new AbortController();
        const abort = () => controller.abort(lifetime.reason);
        lifetime.addEventListener('abort', abort, { once: true });
        let answer: unknown;
        try {
          // An adapter that ignores its signal must not keep this load (and isRefreshing) alive.
          answer = await untilAborted(this.adapter.listConnections({ signal: controller.signal }), lifetime);
        } catch (cause) {
          if (lifetime.aborted) return;
          const error = toConnectionsError(cause, 'adapter.listConnections() failed');
          // Read when needed: a provider configures the store after its children's effects ran.
          const retry = this.#retryOptions();
          if (!error.retryable || attempt >= retry.retries) {
            this.#loadFailed(tick, error);
            return;
          }
          await sleep(backoff(attempt, retry), lifetime);
          // A newer load landed meanwhile: this one has nothing left to bring.
          if (this.#appliedListTick > tick) return;
          continue;
        } finally {
          lifetime.removeEventListener('abort', abort);
        }
        if (lifetime.aborted) return;
        try {
          this.#applyList(tick, answer);
        } catch (error) {
          // Not only the answer's own refusal: an array whose entries throw when read, too.
          this.#loadFailed(tick, toConnectionsError(error, 'adapter.listConnections() returned a list that could not be read'));
        }
        return;
      }
    } finally {
      tracker();
    }
  }

  /** Each setting that is not a number of zero or more (left out, undefined, NaN) keeps its default. */
  #retryOptions(): Required<RetryOptions> {
    const { retry } = this.#options;
    const options = { ...DEFAULT_RETRY };
    if (retry === false) options.retries = 0;
    else {
      for (const key of Object.keys(options) as (keyof RetryOptions)[]) {
        const value = retry?.[key];
        if (typeof value === 'number' && value >= 0) options[key] = value;
      }
    }
    return options;
  }

  /** Counts loads in flight for `isRefreshing`; returns the function that marks this one done. */
  #track(): () => void {
    this.#loads += 1;
    if (!this.#state.isRefreshing) this.#setState({ isRefreshing: true });
    return () => {
      this.#loads -= 1;
      if (this.#loads === 0 && this.#state.isRefreshing) this.#setState({ isRefreshing: false });
    };
  }

  #applyList(tick: number, answer: unknown): void {
    // A newer list answer is already shown: this older one has nothing to add.
    if (tick < this.#appliedListTick) return;
    const { connections: fresh, problems, order, unnamed } = checkConnectionList(answer, 'adapter.listConnections()');
    this.#appliedListTick = tick;

    const freshById = new Map(fresh.map((connection) => [connection.id, connection]));
    const next: Connection[] = [];
    const placed = new Set<string>();
    const keep = (connection: Connection) => {
      next.push(connection);
      placed.add(connection.id);
    };
    // In the answer's order; a malformed entry never blanks (or moves) the good version shown.
    for (const id of order) {
      const current = this.#byId.get(id);
      const incoming = freshById.get(id);
      if (!incoming || (current && (this.#updatedAt.get(id) ?? 0) > tick)) {
        if (current) keep(current);
      } else {
        keep(current && sameConnection(current, incoming) ? current : incoming);
      }
    }
    // Connections pushed after this request began are newer than its answer; and an entry
    // without a usable id may be any connection shown, so none is taken as gone.
    for (const current of this.#state.connections) {
      if (!placed.has(current.id) && (unnamed || (this.#updatedAt.get(current.id) ?? 0) > tick)) keep(current);
    }

    const problem = problems.length > 0 ? new ConnectionsError('adapter_failed', problems.join(' '), { retryable: false }) : null;
    if (problem) this.#report(problem);
    // A load that began later and failed still stands: this older answer does not clear its error.
    const error = problem ?? (this.#failedListTick > tick ? this.#state.error : null);
    this.#commit(next, { status: 'ready', error });
  }

  #loadFailed(tick: number, error: ConnectionsError): void {
    if (tick < this.#appliedListTick) return;
    this.#failedListTick = Math.max(this.#failedListTick, tick);
    this.#report(error);
    this.#setState({ status: this.#state.status === 'ready' ? 'ready' : 'error', error });
  }

  /* -- updates ---------------------------------------------------------------------------------- */

  #receivePush(value: unknown): void {
    if (this.#users === 0) return;
    const { connection, problems } = checkConnection(value, 'adapter.subscribe()');
    if (problems.length > 0) {
      const error = new ConnectionsError('adapter_failed', problems.join(' '), { retryable: false });
      this.#report(error);
      this.#setState({ error });
    }
    if (connection) this.#applyUpdate(connection);
  }

  /**
   * The last account id read for a connection, kept when a later version's was malformed and left
   * out: a sign-in is still checked against the account it belongs to.
   */
  knownAccountId = (id: string): string | undefined => this.#byId.get(id)?.accountId ?? this.#accountIds.get(id);

  /** A pushed update or a flow's result: newer than every list request begun before it. */
  #applyUpdate(connection: Connection): void {
    this.#updatedAt.set(connection.id, ++this.#clock);
    const current = this.#byId.get(connection.id);
    if (current && sameConnection(current, connection)) return;
    const next = current
      ? this.#state.connections.map((c) => (c.id === connection.id ? connection : c))
      : [...this.#state.connections, connection];
    this.#commit(next, {}, connection);
  }

  /* -- flows ------------------------------------------------------------------------------------ */

  /** Runs the whole re-authorization of one connection; see `FlowController`. */
  reauthorize = (id: string, input?: ReauthorizeInput): Promise<Connection> => {
    // A new flow of its own takes over from a reconnection made elsewhere (joining the one that
    // runs, to reopen its window, does not).
    if (!this.#flows.isRunning(id)) this.#forgetReconnection(id);
    return this.#flows.reauthorize(id, input);
  };

  /** Ends the flow in progress for this connection; the popup closes. */
  cancelReauthorize = (id: string): void => this.#flows.cancel(id);

  /**
   * Marks one connection's flow as shown to the user (a dialog is open for it) until the returned
   * function is called; see `isShown`.
   */
  show = (id: string): (() => void) => {
    this.#shown.set(id, (this.#shown.get(id) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = this.#shown.get(id)! - 1;
      if (left > 0) {
        this.#shown.set(id, left);
      } else {
        this.#shown.delete(id);
        this.#forgetReconnection(id);
      }
    };
  };

  /** Whether something shows this connection's flow, and says what happens to it. */
  isShown = (id: string): boolean => this.#shown.has(id);

  /**
   * Whether the connection, while shown, went from needing attention to connected for the same
   * account by other means than a flow's own result (another tab, a push, a server-side callback,
   * a grant whose answer was lost), and no flow of its own runs or ended for another account:
   * what shows it should say so ("connected again"); `ConnectionList` then does not. Cleared
   * when it stops being shown, a new flow starts or one succeeds, or it stops working again.
   */
  reconnectedWhileShown = (id: string): boolean =>
    this.#reconnectedWhileShown.has(id) && !this.#flows.isRunning(id) && this.getFlow(id).error?.code !== 'account_mismatch';

  /** Clears the mark, and tells those who read it. */
  #forgetReconnection(id: string): void {
    if (this.#reconnectedWhileShown.delete(id)) this.#notify([id]);
  }

  /** Returns an ended flow to `idle` (for instance when its dialog closes). A running flow is kept. */
  resetFlow = (id: string): void => {
    if (!this.#flows.isRunning(id)) this.#setFlow(id, undefined);
  };

  #setFlow(id: string, flow: FlowState | undefined): void {
    const flows = { ...this.#state.flows };
    // defineProperty, not assignment: an id such as "__proto__" must become a key of its own.
    if (flow) Object.defineProperty(flows, id, { value: flow, enumerable: true, writable: true, configurable: true });
    else if (Object.prototype.hasOwnProperty.call(flows, id)) delete flows[id];
    else return;
    // Its own result says "connected again": no reconnection by other means to tell of.
    if (flow?.phase === 'succeeded') this.#reconnectedWhileShown.delete(id);
    this.#setState({ flows }, [id]);
  }

  /* -- plumbing --------------------------------------------------------------------------------- */

  /**
   * Shows `connections`. `updated` is the only connection that differs from what is shown (a
   * pushed update or a flow's result); without it the whole list is compared.
   */
  #commit(connections: Connection[], patch: Partial<ConnectionsState>, updated?: Connection): void {
    let changed: string[];
    if (updated) {
      this.#noteReconnection(this.#byId.get(updated.id), updated);
      this.#rememberAccount(this.#byId.get(updated.id), updated);
      this.#byId.set(updated.id, updated);
      changed = [updated.id];
    } else {
      const before = new Map(this.#byId);
      changed = [];
      this.#byId.clear();
      for (const connection of connections) {
        this.#byId.set(connection.id, connection);
        const previous = before.get(connection.id);
        if (previous !== connection) {
          this.#noteReconnection(previous, connection);
          this.#rememberAccount(previous, connection);
          changed.push(connection.id);
        }
        before.delete(connection.id);
      }
      for (const gone of before.keys()) {
        this.#accountIds.delete(gone);
        this.#reconnectedWhileShown.delete(gone);
      }
      changed.push(...before.keys());
    }
    this.#setState({ ...patch, connections }, changed);
  }

  /** See `reconnectedWhileShown`. Runs before `#rememberAccount`, with the account known before. */
  #noteReconnection(previous: Connection | undefined, next: Connection): void {
    const { id } = next;
    if (!isUsable(next)) {
      this.#reconnectedWhileShown.delete(id);
      return;
    }
    // A flow's own result counts too for now: its success clears the mark (see #setFlow); a
    // flow that ends otherwise leaves it, and the reconnection is still said.
    if (!previous || isUsable(previous) || !this.#shown.has(id)) return;
    // (Right after a sign-in to the wrong account, `reconnectedWhileShown` hides the mark.)
    const known = previous.accountId ?? this.#accountIds.get(id);
    if (known === undefined || known === next.accountId) this.#reconnectedWhileShown.add(id);
  }

  #rememberAccount(previous: Connection | undefined, next: Connection): void {
    if (next.accountId !== undefined) this.#accountIds.delete(next.id);
    else if (previous?.accountId !== undefined) this.#accountIds.set(next.id, previous.accountId);
  }

  /** Tells every listener, then the listeners of each id in `changed`. */
  #setState(patch: Partial<ConnectionsState>, changed: readonly string[] = []): void {
    this.#state = { ...this.#state, ...patch };
    this.#notify(changed);
  }

  #notify(changed: readonly string[]): void {
    for (const listener of [...this.#listeners]) listener(changed);
    for (const id of changed) {
      const set = this.#watchers.get(id);
      if (set) for (const listener of [...set]) listener();
    }
  }

  /** Tells the integrator about a problem, once per distinct message. */
  #report(error: ConnectionsError): void {
    const { onError } = this.#options;
    const owner = this.#onErrorOwner;
    let reported = owner ? this.#reported.get(owner) : this.#logged;
    if (!reported) this.#reported.set(owner!, (reported = new Set()));
    const key = `${error.code}:${error.message}`;
    if (reported.has(key)) return;
    // Messages name the values they found: a feed of ever new bad dates must not grow this for ever.
    if (reported.size >= 200) reported.clear();
    reported.add(key);
    if (!onError) {
      console.error(`[react-connected-accounts] ${error.message}`);
      return;
    }
    // A throwing callback must not leave the store half-updated or make refresh() reject.
    try {
      onError(error);
    } catch (thrown) {
      console.error(`[react-connected-accounts] onError threw while reporting: ${error.message}`, thrown);
    }
  }
}

/* -------------------------------------------------------------------------------------------------
 * One store per adapter
 * -----------------------------------------------------------------------------------------------*/

const stores = new WeakMap<ConnectionsAdapter, ConnectionStore>();

/** The store shared by everything that uses this adapter; created on first use. */
function getConnectionStore(adapter: ConnectionsAdapter, options?: ConnectionStoreOptions): ConnectionStore {
  let store = stores.get(adapter);
  if (!store) {
    store = new ConnectionStore(adapter, options);
    stores.set(adapter, store);
  } else if (options) {
    store.configure(options);
  }
  return store;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** `options` with the keys of `patch` that are not `undefined` laid over it. */
function withDefined(options: ConnectionStoreOptions, patch: ConnectionStoreOptions): ConnectionStoreOptions {
  const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
  return defined.length > 0 ? { ...options, ...Object.fromEntries(defined) } : options;
}

/** The flow state of one connection in a state snapshot; ids like "constructor" are only ids. */
function flowIn(state: ConnectionsState, id: string): FlowState {
  return Object.prototype.hasOwnProperty.call(state.flows, id) ? state.flows[id]! : IDLE_FLOW;
}

/**
 * Capped exponential backoff with equal jitter: the nth retry waits between `min * 2^n` and
 * `min * 2^(n+1)`, with the ceiling capped at `max` and the floor never under `min`, so clients
 * that failed together spread apart yet none retries sooner than `min` or later than `max`.
 */
function backoff(attempt: number, { minDelayMs, maxDelayMs }: Required<RetryOptions>): number {
  const min = Math.max(0, Math.min(minDelayMs, maxDelayMs));
  const ceiling = Math.min(maxDelayMs, min * 2 ** (attempt + 1));
  const floor = Math.max(min, ceiling / 2);
  return floor + Math.random() * (ceiling - floor);
}

/** Settles as the promise does, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export { ConnectionStore, flowIn, getConnectionStore, getServerState };
