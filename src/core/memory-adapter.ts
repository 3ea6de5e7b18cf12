import { getProvider } from './catalog';
import { ConnectionsError } from './errors';
import { AUTHORIZATION_MESSAGE_TYPE } from './message';
import { simulated } from './store';
import type { AuthorizationResult, AuthorizationStart, Connection, ConnectionsAdapter } from './types';

/* -------------------------------------------------------------------------------------------------
 * createMemoryAdapter
 * -----------------------------------------------------------------------------------------------*/

export interface MemoryAdapterOptions {
  /** The connections to start with. @default a realistic sample in both categories and every status */
  connections?: Connection[];
  /** Delay of every call in milliseconds, or a `[min, max]` range. @default 0 */
  latencyMs?: number | readonly [number, number];
  /** Share of calls (0..1) that fail with a retryable `adapter_failed`. @default 0 */
  failureRate?: number;
  /** Give list answers random latencies up to three times `latencyMs`, so they can arrive out of order. @default false */
  outOfOrder?: boolean;
  /** Push a random status change to subscribers this often; `0` turns it off. @default 0 */
  pushIntervalMs?: number;
  /**
   * How fast a CRM backfill advances after re-authorizing (per step of 25%); `0` finishes it on
   * the next turn. It runs only while something is subscribed, and waits otherwise. @default 1500
   */
  backfillStepMs?: number;
  /** Passwords `submitCredentials` refuses. @default ['wrong'] */
  rejectedPasswords?: readonly string[];
  /** The clock for sample dates. @default Date.now */
  now?: () => number;
  /** Randomness for latency, failures and pushes (states stay cryptographically random). @default Math.random */
  random?: () => number;
}

/** A request to an admin, as the simulated backend keeps it. */
export interface ReauthorizationRequest {
  connectionId: string;
  /** As given; absent when none was given. */
  note?: string;
  /** ISO 8601, from the `now` option. */
  requestedAt: string;
}

/** The memory adapter plus controls for stories and tests. */
export interface MemoryAdapter extends ConnectionsAdapter {
  submitCredentials: NonNullable<ConnectionsAdapter['submitCredentials']>;
  subscribe: NonNullable<ConnectionsAdapter['subscribe']>;
  /**
   * Keeps the request and its note, and returns the connection with `reauthorizationRequestedAt`.
   * It refuses with `unsupported` a connection the user may reconnect, and with `adapter_failed`
   * a note that is not text of at most `MAX_NOTE_LENGTH` characters. It never trims the note.
   */
  requestReauthorization: NonNullable<ConnectionsAdapter['requestReauthorization']>;
  /** The requests to an admin so far, oldest first. */
  reauthorizationRequests(): ReauthorizationRequest[];
  /** Changes a connection and pushes it to subscribers, as a backend event would. */
  update(id: string, patch: Partial<Omit<Connection, 'id'>>): Connection;
  /** Lapses a connection's grant now (`authorization_required`). */
  lapse(id: string): Connection;
  /** The connections as the simulated backend holds them. */
  snapshot(): Connection[];
  /** Changes latency and failure knobs at run time. */
  setOptions(options: Pick<MemoryAdapterOptions, 'latencyMs' | 'failureRate' | 'outOfOrder'>): void;
}

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * The longest note a request to an admin may carry, in UTF-16 units as a textarea's `maxLength`
 * counts them. A longer one is refused, never cut.
 */
const MAX_NOTE_LENGTH = 500;

/** Realistic sample data: several ad accounts and CRMs, in every status, one only an admin may reconnect. */
function createSampleConnections(now: number = Date.now()): Connection[] {
  const ago = (ms: number) => new Date(now - ms).toISOString();
  return [
    { id: 'gads-search', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', accountId: '123-456-7890', status: 'authorization_required', statusSince: ago(3 * DAY + 4 * HOUR), lastSyncedAt: ago(3 * DAY + 5 * HOUR), autoTagging: true },
    { id: 'gads-brand', provider: 'google_ads', category: 'advertising', accountName: 'Acme Brand', accountId: '234-567-8901', status: 'connected', statusSince: ago(41 * DAY), lastSyncedAt: ago(2 * HOUR), autoTagging: true },
    { id: 'meta-retargeting', provider: 'meta_ads', category: 'advertising', accountName: 'Acme Retargeting', accountId: 'act_5550142', status: 'connected', statusSince: ago(90 * DAY), lastSyncedAt: ago(35 * 60 * 1000), autoTagging: false, expiresAt: new Date(now + 12 * DAY).toISOString() },
    { id: 'linkedin-b2b', provider: 'linkedin_ads', category: 'advertising', accountName: 'Acme B2B', accountId: '508812', status: 'connected', statusSince: ago(20 * DAY), lastSyncedAt: ago(5 * HOUR), autoTagging: true },
    // Lapsed, and not this user's to reconnect: they may ask an admin to.
    { id: 'linkedin-emea', provider: 'linkedin_ads', category: 'advertising', accountName: 'Acme EMEA Leads', accountId: '771203', status: 'authorization_required', statusSince: ago(30 * HOUR), lastSyncedAt: ago(31 * HOUR), canReauthorize: false },
    { id: 'msads-emea', provider: 'microsoft_ads', category: 'advertising', accountName: 'Acme EMEA', accountId: 'F1203456', status: 'error', statusSince: ago(6 * HOUR), lastSyncedAt: ago(7 * HOUR), error: { code: 'quota_exceeded', message: 'The platform rate-limited cost downloads; the next sync retries automatically.' } },
    { id: 'sfdc-prod', provider: 'salesforce', category: 'crm', accountName: 'Acme Production', accountId: '00D5e000000AbCd', status: 'authorization_required', statusSince: ago(2 * DAY + 1 * HOUR), lastSyncedAt: ago(2 * DAY + 2 * HOUR) },
    { id: 'd365-eu', provider: 'dynamics365', category: 'crm', accountName: 'Acme Europe', accountId: 'acme-eu.crm4', status: 'backfilling', statusSince: ago(50 * 60 * 1000), lastSyncedAt: ago(10 * 60 * 1000), backfill: { since: ago(4 * DAY), progress: 0.4 } },
    { id: 'd365-onprem', provider: 'dynamics365', category: 'crm', accountName: 'Acme On-Premises', accountId: 'onprem-01', status: 'authorization_required', statusSince: ago(9 * HOUR), lastSyncedAt: ago(10 * HOUR), authMethod: 'credentials' },
  ];
}

/**
 * A deep copy of plain data. Not `structuredClone`: Jest's jsdom environment has none, and the
 * memory adapter is there for tests.
 */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The sign-in page's `blob:` URL, made once. */
let page: string | undefined;

/**
 * The simulated platform's sign-in page: a `blob:` URL of the app's own origin, so the app serves
 * no file. It reads the flow from its fragment and shows it as text. It posts the answer straight
 * to the app, as the callback page would, and closes. `undefined` outside a browser.
 */
function signInPage(): string | undefined {
  try {
    page ??= URL.createObjectURL(
      new Blob(
        [
          `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Sign in</title>
<style>:root{color-scheme:light dark;font:16px/1.5 system-ui}main{max-width:22rem;margin:auto;padding:1rem}button{display:block;width:100%;margin:.5rem 0;padding:.5rem;font:inherit}</style>
<main><h1>Sign in</h1><p><b id="name"></b><br><span id="id"></span></p>
<button id="allow">Allow</button><button id="other">Use another account</button><button id="deny">Deny</button>
<p><small>Simulated for demos and tests. Nothing leaves this browser.</small></p></main>
<script>
var q=new URLSearchParams(location.hash.slice(1)),s=q.get('state'),a=q.get('account_id'),T='${AUTHORIZATION_MESSAGE_TYPE}';
function $(i){return document.getElementById(i)}
document.title=document.querySelector('h1').textContent='Sign in to '+q.get('platform');
$('name').textContent=q.get('account_name');
$('id').textContent=a&&'Account ID '+a;
function send(p){p.state=s;var m={type:T,version:1,result:{state:s,code:p.code,error:p.error,errorDescription:p.error_description,params:p}};
try{opener.postMessage(m,location.origin)}catch(e){}
try{var c=new BroadcastChannel(T+':'+s);c.postMessage(m);c.close()}catch(e){}
close()}
function grant(id){send({code:crypto.getRandomValues(new Uint32Array(4)).join('-'),account_id:id})}
$('allow').onclick=function(){grant(a)};
$('other').onclick=function(){grant('other-account')};
$('deny').onclick=function(){send({error:'access_denied',error_description:'The user denied access.'})};
$('allow').focus()
</script>`,
        ],
        { type: 'text/html' },
      ),
    );
    // The store opens only a blob: of the app's origin. Node's have none, under jsdom too.
    return new URL(page).origin === location.origin ? page : undefined;
  } catch {
    return undefined;
  }
}

function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  let knobs = { latencyMs: options.latencyMs ?? 0, failureRate: options.failureRate ?? 0, outOfOrder: options.outOfOrder ?? false };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const backfillStepMs = options.backfillStepMs ?? 1500;
  const rejectedPasswords = new Set(options.rejectedPasswords ?? ['wrong']);
  const data = new Map<string, Connection>();
  for (const connection of options.connections ?? createSampleConnections(now())) data.set(connection.id, copy(connection));

  /** One entry per subscription, so the same callback may subscribe twice. */
  const listeners = new Set<{ onChange: (connection: Connection) => void }>();
  /** Authorization flows begun: state → the connection, and whether its code was used. */
  const pending = new Map<string, { connectionId: string; used: boolean }>();
  const usedCodes = new Set<string>();
  const requests: ReauthorizationRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Connections whose backfill is moving on, and those paused while nothing listened. */
  const backfilling = new Set<string>();
  const paused = new Set<string>();
  let pushTimer: ReturnType<typeof setInterval> | undefined;

  const emit = (connection: Connection) => {
    for (const listener of [...listeners]) listener.onChange(copy(connection));
  };

  const put = (connection: Connection): Connection => {
    data.set(connection.id, connection);
    emit(connection);
    return copy(connection);
  };

  const find = (id: string): Connection => {
    const connection = data.get(id);
    if (!connection) throw new ConnectionsError('adapter_failed', `The memory adapter has no connection "${id}".`, { retryable: false });
    return connection;
  };

  const delay = (signal: AbortSignal, factor = 1): Promise<void> => {
    const [min, max] = typeof knobs.latencyMs === 'number' ? [knobs.latencyMs, knobs.latencyMs] : knobs.latencyMs;
    const ms = (min + random() * (max - min)) * factor;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortError(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };

  const maybeFail = (what: string) => {
    if (knobs.failureRate > 0 && random() < knobs.failureRate) {
      // As a real backend's failure would, it keeps what went wrong underneath as its cause.
      const cause = new Error('503 Service Unavailable (simulated)');
      throw new ConnectionsError('adapter_failed', `The simulated backend failed to ${what}.`, { retryable: true, cause });
    }
  };

  const reconnect = (id: string, accountId: string | undefined): Connection => {
    const before = find(id);
    const at = new Date(now()).toISOString();
    const connection: Connection = { ...before, accountId: accountId ?? before.accountId, lastSyncedAt: at, statusSince: at };
    delete connection.error;
    // Reconnected: a request to an admin is answered.
    delete connection.reauthorizationRequestedAt;
    if (connection.category === 'crm') {
      // What was missed while disconnected is pushed to the CRM afterwards.
      connection.status = 'backfilling';
      connection.backfill = { since: before.statusSince ?? at, progress: 0 };
      scheduleBackfill(id);
    } else {
      connection.status = 'connected';
      delete connection.backfill;
    }
    return connection;
  };

  const scheduleBackfill = (id: string) => {
    // Nothing listens: it waits, like one paused when the screen was left.
    if (listeners.size === 0) return void paused.add(id);
    if (backfilling.has(id)) return;
    backfilling.add(id);
    const step = () => {
      const current = data.get(id);
      if (!current || current.status !== 'backfilling') return void backfilling.delete(id);
      const progress = Math.min(1, (current.backfill?.progress ?? 0) + 0.25);
      if (progress >= 1 || backfillStepMs === 0) {
        const done: Connection = { ...current, status: 'connected', statusSince: new Date(now()).toISOString() };
        delete done.backfill;
        backfilling.delete(id);
        put(done);
        return;
      }
      put({ ...current, backfill: { since: current.backfill?.since ?? new Date(now()).toISOString(), progress } });
      later(step, backfillStepMs);
    };
    later(step, backfillStepMs);
  };

  const later = (run: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const pushRandomChange = () => {
    const all = [...data.values()];
    if (all.length === 0) return;
    const target = all[Math.floor(random() * all.length)]!;
    const at = new Date(now()).toISOString();
    if (target.status === 'connected') put({ ...target, status: 'authorization_required', statusSince: at });
    else if (target.status === 'authorization_required' || target.status === 'error') {
      const next: Connection = { ...target, status: 'connected', statusSince: at, lastSyncedAt: at };
      delete next.error;
      delete next.reauthorizationRequestedAt;
      put(next);
    } else put({ ...target, lastSyncedAt: at });
  };

  const adapter: MemoryAdapter = {
    async listConnections({ signal }) {
      await delay(signal, knobs.outOfOrder ? 1 + random() * 2 : 1);
      maybeFail('list the connections');
      return [...data.values()].map((connection) => copy(connection));
    },

    subscribe(onChange) {
      const listener = { onChange };
      listeners.add(listener);
      if (listeners.size === 1) {
        if (options.pushIntervalMs) pushTimer = setInterval(pushRandomChange, options.pushIntervalMs);
        // Backfills paused while nothing listened go on where they stopped.
        for (const id of paused) scheduleBackfill(id);
        paused.clear();
      }
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) {
          // Nothing listens: no timer keeps running (a page that left the screen leaks nothing).
          clearInterval(pushTimer);
          pushTimer = undefined;
          for (const timer of timers) clearTimeout(timer);
          timers.clear();
          for (const id of backfilling) paused.add(id);
          backfilling.clear();
        }
      };
    },

    async startAuthorization(connection, { signal }): Promise<AuthorizationStart> {
      await delay(signal);
      maybeFail('start the authorization');
      const current = find(connection.id);
      const state = randomToken();
      pending.set(state, { connectionId: connection.id, used: false });
      const params = new URLSearchParams({ state, platform: getProvider(current.provider).label, account_name: current.accountName, account_id: current.accountId ?? '' });
      const url = signInPage();
      // Outside a browser no window opens: an address that leads nowhere still carries the flow.
      return { url: url ? `${url}#${params}` : `https://sign-in.invalid/?${params}`, state };
    },

    async completeAuthorization(connection, result: AuthorizationResult, { signal }) {
      await delay(signal);
      const flow = pending.get(result.state);
      if (!flow || flow.connectionId !== connection.id) {
        throw new ConnectionsError('state_mismatch', 'The memory adapter did not start an authorization with this state.', { retryable: false });
      }
      if (flow.used || (result.code !== undefined && usedCodes.has(result.code))) {
        throw new ConnectionsError('state_mismatch', 'This authorization was already completed; start again.', { retryable: false });
      }
      flow.used = true;
      if (result.error) {
        throw new ConnectionsError('provider_error', `The platform answered "${result.error}".`, {
          providerError: result.error,
          providerErrorDescription: result.errorDescription,
        });
      }
      if (!result.code) throw new ConnectionsError('adapter_failed', 'The callback carried no authorization code.', { retryable: false });
      usedCodes.add(result.code);
      maybeFail('exchange the authorization code');
      const chosenAccount = result.params.account_id || undefined;
      const expected = find(connection.id).accountId;
      if (chosenAccount && expected && chosenAccount !== expected) {
        // A real backend refuses the grant and keeps the old one; the connection stays as it was.
        return { ...copy(find(connection.id)), accountId: chosenAccount };
      }
      return copy(put(reconnect(connection.id, chosenAccount)));
    },

    async submitCredentials(connection, credentials, { signal }) {
      await delay(signal);
      maybeFail('check the login');
      const username = credentials.username?.trim();
      const password = credentials.password ?? '';
      if (!username || !password || rejectedPasswords.has(password)) {
        throw new ConnectionsError('invalid_credentials', 'The username or password was not accepted.');
      }
      return copy(put(reconnect(connection.id, undefined)));
    },

    async requestReauthorization(connection, { signal, note }) {
      await delay(signal);
      maybeFail('send the request to an admin');
      const current = find(connection.id);
      // What the backend holds decides, not what the caller says.
      if (current.canReauthorize !== false) {
        throw new ConnectionsError('unsupported', 'This user may reconnect it; there is no admin to ask.', { connectionId: current.id });
      }
      if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) {
        throw new ConnectionsError('adapter_failed', `The note must be text of at most ${MAX_NOTE_LENGTH} characters.`, { retryable: false, connectionId: current.id });
      }
      const requestedAt = new Date(now()).toISOString();
      requests.push(note === undefined ? { connectionId: current.id, requestedAt } : { connectionId: current.id, note, requestedAt });
      return put({ ...current, reauthorizationRequestedAt: requestedAt });
    },

    reauthorizationRequests() {
      return copy(requests);
    },

    update(id, patch) {
      return put({ ...find(id), ...patch, id });
    },

    lapse(id) {
      return put({ ...find(id), status: 'authorization_required', statusSince: new Date(now()).toISOString() });
    },

    snapshot() {
      return [...data.values()].map((connection) => copy(connection));
    },

    setOptions(next) {
      // A knob left undefined keeps its value.
      const given = Object.entries(next).filter(([, value]) => value !== undefined);
      knobs = { ...knobs, ...Object.fromEntries(given) };
    },
  };
  // The store opens its blob: sign-in page, which it refuses from any other adapter.
  simulated.add(adapter);
  return adapter;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

function randomToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export { MAX_NOTE_LENGTH, createMemoryAdapter, createSampleConnections };
