import { listenForAuthorizationResult, toOrigin } from './authorization-listener';
import { ConnectionsError, toConnectionsError } from './errors';
import { closePopup, focusPopup, isClosed, navigatePopup, openPopup, watchPopupClosed } from './popup';
import type { PopupOptions } from './popup';
import { MAX_TIMER_MS } from './time';
import { safeAuthorizationUrl } from './url';
import { checkConnection, findConnectionProblem } from './validate';
import type { AuthMethod, AuthorizationResult, Connection, ConnectionsAdapter } from './types';

/* -------------------------------------------------------------------------------------------------
 * Flow state
 * -----------------------------------------------------------------------------------------------*/

export type FlowPhase = 'idle' | 'starting' | 'awaiting_user' | 'completing' | 'succeeded' | 'failed';

/** Where the sign-in window stands while the flow waits for the user. */
export type PopupState = 'open' | 'closed' | 'blocked';

export interface FlowState {
  phase: FlowPhase;
  /** How this flow re-authorizes. Absent while idle. */
  method?: AuthMethod;
  /**
   * OAuth while `starting` or `awaiting_user`: `closed` when the window went away without a
   * result, `blocked` when reopening it was refused. Absent while `starting` with the window open.
   */
  popup?: PopupState;
  /** Why the flow ended, when `phase` is `failed`. */
  error?: ConnectionsError;
  /** The connection as the adapter returned it, when `phase` is `succeeded`. */
  connection?: Connection;
}

export interface ReauthorizeInput {
  /** For `authMethod: 'credentials'`: handed to `adapter.submitCredentials` and never kept. */
  credentials?: Record<string, string>;
  /**
   * The connection as the caller shows it, used only while the store has none with this id: a
   * dialog rendered from props, or a click before the list arrived. The store's copy wins.
   */
  connection?: Connection;
}

export interface FlowOptions {
  /**
   * How long a flow may take, from the click until the adapter has finished the grant or the
   * login, before it ends with `timeout`; `Infinity` waits for ever. @default 300000 (5 minutes)
   */
  flowTimeoutMs?: number;
  /** The origin of the OAuth callback page, compared exactly. @default window.location.origin */
  callbackOrigin?: string;
  /** Size of the sign-in window and the text it shows while loading. */
  popup?: PopupOptions;
}

const IDLE: FlowState = Object.freeze({ phase: 'idle' });
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** What the flow controller needs from the store that owns it. */
export interface FlowHost {
  readonly adapter: ConnectionsAdapter;
  getConnection(id: string): Connection | undefined;
  /** Applies a connection the adapter returned, stamped as newer than any list request in flight. */
  applyConnection(connection: Connection): void;
  refresh(): Promise<void>;
  /** Calls `listener` whenever the connection (or its flow) with this id changes. */
  subscribeTo(id: string, listener: () => void): () => void;
  /** The last account id read for this connection, even if its latest version's was malformed. */
  knownAccountId(id: string): string | undefined;
  setFlow(id: string, flow: FlowState | undefined): void;
  getOptions(): FlowOptions;
  /** Tells the integrator about a problem with the adapter's data. */
  report(error: ConnectionsError): void;
}

interface RunningFlow {
  id: string;
  method: AuthMethod;
  connection: Connection;
  /** The account the grant must be for, when known. */
  accountId: string | undefined;
  promise: Promise<Connection>;
  resolve(connection: Connection): void;
  reject(error: ConnectionsError): void;
  controller: AbortController;
  settled: boolean;
  /** What to undo when the flow ends: listeners, timers, watchers. */
  cleanups: Set<() => void>;
  /** `starting`: fetching the URL; `user`: waiting on the sign-in window; `adapter`: finishing. */
  stage: 'starting' | 'user' | 'adapter';
  popup: Window | null;
  /** The adapter call that finishes the grant (`adapter` stage), settled or not. */
  exchange?: Promise<unknown>;
  /** Ends the flow with `timeout` when it takes too long. */
  timer?: ReturnType<typeof setTimeout>;
  url?: string;
  state?: string;
  stopWatching?: () => void;
  /** Set once the window first closed: every later version of the connection is checked. */
  checkingServer?: boolean;
}

/* -------------------------------------------------------------------------------------------------
 * FlowController
 * -----------------------------------------------------------------------------------------------*/

/**
 * Runs re-authorization flows: one per connection (a second call joins the first), and at most
 * one OAuth popup at a time (a flow for another connection supersedes it). Every ending closes
 * the popup and removes every listener, timer and channel the flow set up.
 */
class FlowController {
  readonly #running = new Map<string, RunningFlow>();
  /** States whose result was already taken: `completeAuthorization` runs at most once per state. */
  readonly #consumedStates = new Set<string>();

  readonly #host: FlowHost;

  constructor(host: FlowHost) {
    this.#host = host;
  }

  reauthorize(id: string, input: ReauthorizeInput = {}): Promise<Connection> {
    const existing = this.#running.get(id);
    if (existing) {
      if (existing.method === 'oauth') this.#bringBackPopup(existing);
      return existing.promise;
    }

    const shown = input.connection;
    const connection = this.#host.getConnection(id) ?? (shown?.id === id && !findConnectionProblem(shown, 'reauthorize()') ? shown : undefined);
    if (!connection) {
      return handled(
        Promise.reject(new ConnectionsError('unsupported', `There is no connection with id "${id}".`, { connectionId: id })),
      );
    }
    const method: AuthMethod = connection.authMethod ?? 'oauth';
    if (connection.canReauthorize === false) {
      return this.#refuse(connection, method, 'unsupported', `This user may not re-authorize connection "${id}".`);
    }
    return method === 'credentials' ? this.#runCredentials(connection, input) : this.#runOAuth(connection);
  }

  /**
   * Ends the flow for its caller with `cancelled`. A grant being exchanged is aborted, but the
   * code was single-use and the server may have stored the grant already: once the abandoned
   * call settles, the list is loaded again so the screen shows what the server holds.
   */
  cancel(id: string): void {
    const flow = this.#running.get(id);
    if (flow) this.#abandon(flow, new ConnectionsError('cancelled', 'The re-authorization was cancelled.', { connectionId: id }));
  }

  /**
   * Ends every flow without reporting it: the store has no users left. No flow state is set
   * (unmounting sets no state); the store clears its flow states itself, without telling anyone.
   */
  dispose(): void {
    for (const flow of [...this.#running.values()]) {
      const error = new ConnectionsError('cancelled', 'The re-authorization ended because nothing uses it any more.', { connectionId: flow.id });
      this.#end(flow, error);
      flow.reject(error);
    }
  }

  isRunning(id: string): boolean {
    return this.#running.has(id);
  }

  /* -- credentials ------------------------------------------------------------------------------ */

  #runCredentials(connection: Connection, input: ReauthorizeInput): Promise<Connection> {
    const { adapter } = this.#host;
    if (!adapter.submitCredentials) {
      return this.#refuse(connection, 'credentials', 'unsupported', 'The adapter has no submitCredentials() for login-form connections.');
    }
    if (!input.credentials || typeof input.credentials !== 'object') {
      return this.#refuse(connection, 'credentials', 'unsupported', `Connection "${connection.id}" signs in with a login form: pass { credentials }.`);
    }
    const flow = this.#begin(connection, 'credentials');
    this.#arm(flow);
    this.#host.setFlow(connection.id, { phase: 'completing', method: 'credentials' });
    flow.exchange = call(() => adapter.submitCredentials!(connection, input.credentials!, { signal: flow.controller.signal }));
    flow.exchange.then(
      (returned) => this.#succeed(flow, returned, 'adapter.submitCredentials()'),
      (error: unknown) => this.#failFromAdapter(flow, error, 'Signing in with the login form failed'),
    );
    return flow.promise;
  }

  /* -- OAuth ------------------------------------------------------------------------------------ */

  #runOAuth(connection: Connection): Promise<Connection> {
    // Synchronously, inside the user's click: browsers block popups opened after an await.
    const popup = openPopup(this.#host.getOptions().popup);
    if (!popup) {
      return this.#refuse(connection, 'oauth', 'popup_blocked', 'The browser blocked the sign-in window.');
    }

    // One sign-in window at a time, once this one is open (a blocked window ends nothing). A flow
    // already exchanging its code has no window left and is not interrupted: the code is
    // single-use, and aborting the exchange could lose a grant the server is about to store.
    for (const other of [...this.#running.values()]) {
      if (other.method === 'oauth' && other.stage !== 'adapter') {
        this.#fail(other, new ConnectionsError('superseded', 'Another connection started re-authorizing.', { connectionId: other.id }));
      }
    }

    const flow = this.#begin(connection, 'oauth');
    flow.popup = popup;
    // Watched from the start: with a slow backend the user may close it before the URL arrives.
    this.#watch(flow);
    this.#arm(flow);

    call(() => this.#host.adapter.startAuthorization(connection, { signal: flow.controller.signal })).then(
      (start) => this.#awaitUser(flow, start),
      (error: unknown) => this.#failFromAdapter(flow, error, 'Starting the authorization failed'),
    );
    return flow.promise;
  }

  #awaitUser(flow: RunningFlow, start: unknown): void {
    if (flow.settled) return;
    const { url: given, state } = (typeof start === 'object' && start !== null ? start : {}) as { url?: unknown; state?: unknown };
    const url = safeAuthorizationUrl(given);
    if (!url) {
      this.#fail(flow, new ConnectionsError('invalid_authorization_url', 'adapter.startAuthorization() returned a URL that is not https: (or http: on a loopback host).', { connectionId: flow.id }));
      return;
    }
    if (typeof state !== 'string' || state === '' || this.#consumedStates.has(state)) {
      this.#fail(flow, new ConnectionsError('adapter_failed', 'adapter.startAuthorization() must return a fresh, non-empty state for every flow.', { connectionId: flow.id, retryable: false }));
      return;
    }
    flow.url = url;
    flow.state = state;
    flow.stage = 'user';

    const { callbackOrigin = window.location.origin } = this.#host.getOptions();
    if (toOrigin(callbackOrigin) === null) {
      // Every result would be ignored until the flow timed out: say why at once.
      this.#fail(flow, new ConnectionsError('unsupported', `The callbackOrigin ${JSON.stringify(callbackOrigin)} is not an http: or https: origin, such as "https://app.example.com".`, { connectionId: flow.id }));
      return;
    }
    flow.cleanups.add(listenForAuthorizationResult({ state, callbackOrigin, onResult: (result) => this.#complete(flow, result) }));

    const popup = flow.popup;
    if (popup && !isClosed(popup)) {
      try {
        navigatePopup(popup, url);
      } catch {
        closePopup(popup);
      }
    }
    this.#watch(flow);
  }

  /**
   * Keeps `popup` in the flow state in step with the window while the flow is `starting` or
   * waiting for the user, and checks the server when it closes.
   */
  #watch(flow: RunningFlow): void {
    this.#stopWatching(flow);
    const popup = flow.popup;
    if (!popup || isClosed(popup)) {
      this.#onPopupClosed(flow);
      return;
    }
    this.#host.setFlow(flow.id, flow.stage === 'starting' ? { phase: 'starting', method: 'oauth' } : { phase: 'awaiting_user', method: 'oauth', popup: 'open' });
    const stop = watchPopupClosed(popup, () => this.#onPopupClosed(flow));
    flow.stopWatching = stop;
    flow.cleanups.add(stop);
  }

  #stopWatching(flow: RunningFlow): void {
    const stop = flow.stopWatching;
    if (!stop) return;
    stop();
    flow.cleanups.delete(stop);
    flow.stopWatching = undefined;
  }

  #onPopupClosed(flow: RunningFlow): void {
    if (flow.settled) return;
    flow.popup = null;
    this.#stopWatching(flow);
    if (flow.stage === 'starting') {
      // No URL yet, so no grant either: say so, and wait for the URL (a second click reopens).
      this.#host.setFlow(flow.id, { phase: 'starting', method: 'oauth', popup: 'closed' });
      return;
    }
    // The flow stays open: a result may still arrive (the window may only look closed after the
    // platform severed it, or a server-side callback may have finished).
    this.#host.setFlow(flow.id, { phase: 'awaiting_user', method: 'oauth', popup: 'closed' });
    // Ask the server now, and look at every version of the connection that comes later (a
    // reload, a push): a server-side callback may finish the grant after the window went.
    if (!flow.checkingServer) {
      flow.checkingServer = true;
      flow.cleanups.add(this.#host.subscribeTo(flow.id, () => this.#checkServerGrant(flow)));
    }
    this.#host.refresh().then(() => this.#checkServerGrant(flow), noop);
  }

  /** With the window closed, ends the flow if the server shows that it finished the grant. */
  #checkServerGrant(flow: RunningFlow): void {
    // A result arrived meanwhile and its code is being exchanged (that exchange decides), or the
    // window is open again (its result decides).
    if (flow.settled || flow.popup || flow.stage !== 'user') return;
    const now = this.#host.getConnection(flow.id);
    // Only a grant the server finished counts: a connection that was usable before the flow
    // began proves nothing by still being usable, nor by moving on by itself (a backfill that
    // ended); only the same status begun anew does.
    const before = flow.connection;
    if (!now || !isUsable(now) || (isUsable(before) && (now.status !== before.status || now.statusSince === before.statusSince))) return;
    // Nor does a grant whose account cannot be read (left out, or malformed), when it must be one.
    if (flow.accountId !== undefined && now.accountId === undefined) return;
    if (flow.state) this.#consumedStates.add(flow.state);
    if (accountMismatch(flow, now)) {
      // The list now shows the other account as connected: show the connection as it was, with
      // the account it belongs to (which its shown copy may have lost).
      this.#host.applyConnection(flow.connection.accountId === undefined && flow.accountId !== undefined ? { ...flow.connection, accountId: flow.accountId } : flow.connection);
      this.#fail(flow, mismatch(flow, now));
      return;
    }
    this.#end(flow);
    this.#host.setFlow(flow.id, { phase: 'succeeded', method: 'oauth', connection: now });
    flow.resolve(now);
  }

  /** A second click while the flow runs: focus the window, or open it again if it went away. */
  #bringBackPopup(flow: RunningFlow): void {
    if (flow.settled || flow.stage === 'adapter') return;
    if (flow.popup && !isClosed(flow.popup)) {
      focusPopup(flow.popup);
      return;
    }
    const popup = openPopup(this.#host.getOptions().popup, flow.url ?? '');
    if (!popup) {
      this.#host.setFlow(flow.id, { phase: flow.stage === 'starting' ? 'starting' : 'awaiting_user', method: 'oauth', popup: 'blocked' });
      return;
    }
    flow.popup = popup;
    this.#watch(flow);
  }

  #complete(flow: RunningFlow, result: AuthorizationResult): void {
    if (flow.settled || this.#consumedStates.has(result.state)) return;
    this.#consumedStates.add(result.state);
    this.#releaseUserSide(flow);
    if (result.error) {
      this.#fail(
        flow,
        new ConnectionsError('provider_error', `The platform answered "${result.error}".`, {
          connectionId: flow.id,
          providerError: result.error,
          providerErrorDescription: result.errorDescription,
          providerErrorUri: result.errorUri,
        }),
      );
      return;
    }
    // From here on the flow waits only for the adapter: no popup, no listener; the flow's timer.
    flow.stage = 'adapter';
    this.#host.setFlow(flow.id, { phase: 'completing', method: 'oauth' });
    flow.exchange = call(() => this.#host.adapter.completeAuthorization(flow.connection, result, { signal: flow.controller.signal }));
    flow.exchange.then(
      (returned) => this.#succeed(flow, returned, 'adapter.completeAuthorization()'),
      (error: unknown) => this.#failFromAdapter(flow, error, 'Completing the authorization failed'),
    );
  }

  /* -- endings ---------------------------------------------------------------------------------- */

  #begin(connection: Connection, method: AuthMethod): RunningFlow {
    let resolve!: (connection: Connection) => void;
    let reject!: (error: ConnectionsError) => void;
    const promise = handled(
      new Promise<Connection>((res, rej) => {
        resolve = res;
        reject = rej;
      }),
    );
    const flow: RunningFlow = {
      id: connection.id,
      method,
      connection,
      accountId: this.#host.knownAccountId(connection.id) ?? connection.accountId,
      promise,
      resolve,
      reject,
      controller: new AbortController(),
      settled: false,
      cleanups: new Set(),
      stage: method === 'oauth' ? 'starting' : 'adapter',
      popup: null,
    };
    this.#running.set(connection.id, flow);
    return flow;
  }

  #succeed(flow: RunningFlow, value: unknown, where: string): void {
    if (flow.settled || flow.controller.signal.aborted) return;
    // As with a list: a malformed optional field is left out and reported, not a failed sign-in
    // (the server has stored the grant by now); a malformed required field fails the flow.
    const { connection: returned, problems, lostAccountId } = checkConnection(value, where);
    // Without its accountId, another account could pass for this one.
    if (!returned || lostAccountId) {
      this.#fail(flow, new ConnectionsError('adapter_failed', problems.join(' '), { connectionId: flow.id, retryable: false }));
      return;
    }
    if (problems.length > 0) this.#host.report(new ConnectionsError('adapter_failed', problems.join(' '), { connectionId: flow.id, retryable: false }));
    if (returned.id !== flow.id) {
      this.#fail(flow, new ConnectionsError('adapter_failed', `${where} returned connection "${returned.id}" instead of "${flow.id}".`, { connectionId: flow.id, retryable: false }));
      return;
    }
    if (accountMismatch(flow, returned)) {
      this.#fail(flow, mismatch(flow, returned));
      return;
    }
    this.#host.applyConnection(returned);
    if (returned.status === 'authorization_required') {
      this.#fail(flow, new ConnectionsError('adapter_failed', `${where} returned connection "${flow.id}" still needing authorization.`, { connectionId: flow.id }));
      return;
    }
    this.#end(flow);
    this.#host.setFlow(flow.id, { phase: 'succeeded', method: flow.method, connection: returned });
    flow.resolve(returned);
  }

  #failFromAdapter(flow: RunningFlow, error: unknown, message: string): void {
    if (flow.settled || flow.controller.signal.aborted) return;
    const failure = withConnection(toConnectionsError(error, message, flow.id), flow.id);
    this.#fail(flow, failure);
    // A finishing call that timed out or lost its network says nothing of the grant, and the
    // server may have stored it: load the list, so the screen shows what the server holds.
    if (flow.stage === 'adapter' && failure.retryable) void this.#host.refresh();
  }

  /** Starts the flow's timer: the whole flow, the user's part and the adapter's, must fit in it. */
  #arm(flow: RunningFlow): void {
    const ms = flowTimeout(this.#host.getOptions().flowTimeoutMs);
    if (ms === null) return;
    flow.timer = setTimeout(() => {
      this.#abandon(flow, new ConnectionsError('timeout', 'The re-authorization took too long and was stopped.', { connectionId: flow.id }));
    }, ms);
  }

  /**
   * Ends the flow for its caller (cancelled, or timed out). A grant being exchanged is aborted,
   * but the code was single-use and the server may have stored the grant already: once the
   * abandoned call settles, the list is loaded again so the screen shows what the server holds.
   */
  #abandon(flow: RunningFlow, error: ConnectionsError): void {
    const exchange = flow.stage === 'adapter' ? flow.exchange : undefined;
    this.#fail(flow, error);
    if (exchange) {
      const refresh = () => void this.#host.refresh();
      exchange.then(refresh, refresh);
    }
  }

  #fail(flow: RunningFlow, error: ConnectionsError): void {
    if (flow.settled) return;
    this.#end(flow, error);
    this.#host.setFlow(flow.id, { phase: 'failed', method: flow.method, error });
    flow.reject(error);
  }

  /** Ends a flow before it started: nothing to clean up, but the dialog shows why. */
  #refuse(connection: Connection, method: AuthMethod, code: 'unsupported' | 'popup_blocked', message: string): Promise<Connection> {
    const error = new ConnectionsError(code, message, { connectionId: connection.id });
    this.#host.setFlow(connection.id, { phase: 'failed', method, error });
    return handled(Promise.reject(error));
  }

  /** Closes the popup, removes every listener, timer and channel, and aborts adapter calls. */
  #end(flow: RunningFlow, reason?: ConnectionsError): void {
    flow.settled = true;
    clearTimeout(flow.timer);
    this.#releaseUserSide(flow);
    // Adapter calls still in flight see why they are no longer wanted.
    flow.controller.abort(reason);
    if (this.#running.get(flow.id) === flow) this.#running.delete(flow.id);
  }

  /** Closes the popup and removes every listener, timer and channel of the user's part. */
  #releaseUserSide(flow: RunningFlow): void {
    for (const cleanup of flow.cleanups) cleanup();
    flow.cleanups.clear();
    flow.stopWatching = undefined;
    closePopup(flow.popup);
    flow.popup = null;
  }
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** Connected, or connected and catching up on missed data. */
function isUsable(connection: Connection): boolean {
  return connection.status === 'connected' || connection.status === 'backfilling';
}

/**
 * The timeout to arm, in milliseconds, or `null` for none (`Infinity`). Timers cannot wait
 * longer than 2^31 - 1 ms (they would fire at once), so longer waits are capped.
 */
function flowTimeout(value: number | undefined): number | null {
  if (value === Infinity) return null;
  if (value === undefined || !Number.isFinite(value) || value <= 0) return DEFAULT_TIMEOUT_MS;
  return Math.min(value, MAX_TIMER_MS);
}

function accountMismatch(flow: RunningFlow, after: Connection): boolean {
  return flow.accountId !== undefined && after.accountId !== undefined && flow.accountId !== after.accountId;
}

function mismatch(flow: RunningFlow, after: Connection): ConnectionsError {
  return new ConnectionsError('account_mismatch', `The platform signed in to account "${after.accountId}", not "${flow.accountId}".`, { connectionId: flow.id });
}

function withConnection(error: ConnectionsError, connectionId: string): ConnectionsError {
  if (error.connectionId) return error;
  // Its own fields (code, retryable, the provider's error) are its own enumerable properties.
  return new ConnectionsError(error.code, error.message, { ...error, cause: error.cause, connectionId });
}

/** Runs an adapter method, turning a synchronous throw into a rejection. */
function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Marks a promise as handled so a caller that fires and forgets causes no unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(noop);
  return promise;
}

function noop(): void {}

export { FlowController, IDLE as IDLE_FLOW, isUsable };
