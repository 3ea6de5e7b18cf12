import { MAX_NOTE_LENGTH } from '../core/memory-adapter';
import { safeUrl as safeAuthorizationUrl } from '../core/popup';
import { findConnectionProblem } from '../core/validate';
import type { AuthorizationResult, Connection, ConnectionsAdapter } from '../core/types';
import { check, fail, isAbortError, isConnectionsErrorLike, rejection, show } from './assertions';

/* -------------------------------------------------------------------------------------------------
 * describeAdapterContract
 * -----------------------------------------------------------------------------------------------*/

/** A test runner's `it` (or `test`): Vitest's and Jest's both fit. */
export interface ContractTestFunction {
  (name: string, body: () => Promise<void>, timeout?: number): unknown;
  skip?: (name: string, body: () => Promise<void>) => unknown;
}

/** A test runner's `describe`: Vitest's and Jest's both fit. */
export type ContractDescribeFunction = (name: string, body: () => void) => unknown;

/** What the user's consent at the platform handed to the callback page. */
export interface ContractConsent {
  code: string;
  /** Every other parameter the platform put on the redirect (`iss`, `scope`, …). */
  params?: Record<string, string>;
}

export interface AdapterContractOptions<A extends ConnectionsAdapter = ConnectionsAdapter> {
  /** Names the adapter in every test title. */
  name: string;
  /** A fresh adapter for each test, talking to a test backend seeded with at least one OAuth connection. */
  createAdapter: () => A | Promise<A>;
  /** Undoes `createAdapter` after each test (closes servers, clears data). */
  disposeAdapter?: (adapter: A) => void | Promise<void>;
  /** The runner's `describe`. */
  describe: ContractDescribeFunction;
  /** The runner's `it` or `test`; its `skip` marks the checks a missing hook leaves out. */
  it: ContractTestFunction;
  /**
   * Plays the user at the platform: opens `url`, signs in, consents and returns what the
   * platform sent to the redirect URI. Without it, the checks that need a real code are skipped.
   */
  authorize?: (url: string, context: { adapter: A; connection: Connection; state: string }) => Promise<ContractConsent>;
  /** Makes the backend push a change of `connection` to subscribers. Without it, only unsubscribing is checked. */
  pushChange?: (adapter: A, connection: Connection) => void | Promise<void>;
  /** Makes the backend fail the next call the way it fails when it is down (a 5xx or a network error). */
  failNextCall?: (adapter: A) => void | Promise<void>;
  /** Which connection the authorization checks use. @default the first OAuth connection that may be re-authorized */
  pickConnection?: (connections: Connection[]) => Connection | undefined;
  /** The login `submitCredentials` is called with in the abort checks. @default { username: 'contract-kit', password: 'contract-kit' } */
  credentials?: Record<string, string>;
  /**
   * A login the test backend refuses, such as a wrong password. Without it, the check that a
   * refused login gives `invalid_credentials` is skipped.
   */
  refusedCredentials?: Record<string, string>;
  /**
   * Reads the note the test backend stored with the latest request to an admin about
   * `connection`. Without it, the check that the note arrives as given is skipped.
   */
  readRequestNote?: (adapter: A, connection: Connection) => string | undefined | Promise<string | undefined>;
  /** How long to wait for a pushed change, in milliseconds. @default 2000 */
  pushTimeoutMs?: number;
  /** How long to watch for pushes that should no longer arrive after unsubscribing. @default 250 */
  quietMs?: number;
  /** Passed to every `it` as its timeout, for backends that need longer than the runner's default. */
  testTimeoutMs?: number;
}

/**
 * Registers the tests that check an adapter against what the library relies on: well-formed
 * lists, `AbortSignal` honoured by every method, safe authorization URLs with fresh unpredictable
 * states, wrong states and replayed codes refused, a refused login as `invalid_credentials`, a
 * working unsubscribe, a request to an admin that says when it was made and keeps its note as
 * given, and errors that surface as `ConnectionsError` with their cause. Call it at the top level
 * of a test file; it uses real timers.
 */
function describeAdapterContract<A extends ConnectionsAdapter>(options: AdapterContractOptions<A>): void {
  const { name, describe, authorize, pushChange, failNextCall, refusedCredentials, readRequestNote } = options;
  const credentials = options.credentials ?? { username: 'contract-kit', password: 'contract-kit' };

  /**
   * Runs a check with a fresh adapter and disposes of it afterwards. A check whose adapter or
   * backend lacks what it needs calls `skip`: Vitest then marks it skipped with the reason, other
   * runners let it pass.
   */
  const test = (title: string, body: (adapter: A, skip: (reason: string) => never) => Promise<void>) => {
    // Not an arrow function with a parameter: Vitest hands its test context as the first argument
    // and would read a declared parameter as fixtures; Jest would wait for a `done` callback.
    async function run() {
      const context = arguments[0] as { skip?: (note: string) => never } | undefined;
      const adapter = await options.createAdapter();
      try {
        await body(adapter, (reason) => {
          if (typeof context?.skip == 'function') context.skip(reason);
          throw NOTHING_TO_CHECK;
        });
      } catch (error) {
        if (error !== NOTHING_TO_CHECK) throw error;
      } finally {
        await options.disposeAdapter?.(adapter);
      }
    }
    if (options.testTimeoutMs === undefined) options.it(title, run);
    else options.it(title, run, options.testTimeoutMs);
  };

  /** Registers a check that needs a hook the integrator did not pass, as skipped and saying why. */
  const skipped = (title: string, reason: string) => {
    const label = `${title} (skipped: ${reason})`;
    if (options.it.skip) options.it.skip(label, async () => {});
    else options.it(label, async () => {});
  };

  const oauthConnection = async (adapter: A): Promise<Connection> => {
    const connections = await listChecked(adapter);
    const chosen = options.pickConnection
      ? options.pickConnection(connections)
      : connections.find((connection) => (connection.authMethod ?? 'oauth') === 'oauth' && connection.canReauthorize !== false);
    return chosen ?? fail(`listConnections() returned no OAuth connection to re-authorize; seed the test backend with one (authMethod "oauth").`);
  };

  const start = async (adapter: A, connection: Connection) => {
    const started: unknown = await adapter.startAuthorization(connection, { signal: new AbortController().signal });
    const { url, state } = (typeof started === 'object' && started !== null ? started : {}) as { url?: unknown; state?: unknown };
    check(typeof url === 'string' && typeof state === 'string' && state !== '', `startAuthorization() resolved with ${show(started)}; expected { url, state } with two non-empty strings.`);
    return { url, state };
  };

  describe(`${name} satisfies the connections adapter contract`, () => {
    describe('listConnections()', () => {
      test('resolves to an array of well-formed connections with unique ids', async (adapter) => {
        await listChecked(adapter);
      });

      test('rejects when its signal is already aborted', async (adapter) => {
        await expectAbortHonoured('listConnections()', (signal) => adapter.listConnections({ signal }), 'before');
      });

      test('rejects with an AbortError when its signal is aborted during the call', async (adapter) => {
        await expectAbortHonoured('listConnections()', (signal) => adapter.listConnections({ signal }), 'during');
      });

      if (failNextCall) {
        test('surfaces a backend failure as a retryable ConnectionsError that keeps its cause', async (adapter) => {
          await failNextCall(adapter);
          const error = await rejection(
            call(() => adapter.listConnections({ signal: new AbortController().signal })),
            'listConnections() was expected to fail after failNextCall(), but did not.',
          );
          check(isConnectionsErrorLike(error), `listConnections() rejected with ${show(error)}; a failing backend must surface as a ConnectionsError (code "adapter_failed") so the screen can say what happened.`);
          check(error.retryable, `listConnections() rejected with a ConnectionsError that is not retryable; a backend that is down (5xx or network error) is worth retrying.`);
          check(error.cause !== undefined, `listConnections() rejected with a ConnectionsError without a "cause"; pass the original error as { cause } so integrators can debug it.`);
        });
      } else {
        skipped('surfaces a backend failure as a retryable ConnectionsError that keeps its cause', 'pass failNextCall to check it');
      }
    });

    describe('startAuthorization()', () => {
      test('returns an https: authorization URL (http: only on a loopback host)', async (adapter) => {
        const { url } = await start(adapter, await oauthConnection(adapter));
        check(safeAuthorizationUrl(url) !== undefined, `startAuthorization() returned the URL ${show(url)}, which the library refuses to open; it must be https: (http: only on localhost or 127.0.0.1) and carry no user name or password.`);
      });

      test('puts the state it returns into the authorization URL', async (adapter) => {
        const { url, state } = await start(adapter, await oauthConnection(adapter));
        const params = new URL(url).searchParams;
        // Pushed (PAR, RFC 9126) or signed (JAR, RFC 9101) requests carry the state inside them.
        if (params.has('request_uri') || params.has('request')) return;
        const inUrl = params.get('state');
        check(inUrl === state, `startAuthorization() returned the state ${show(state)} but its URL carries state=${show(inUrl)}; the platform echoes the URL's state to the callback, and the library accepts only the returned one.`);
      });

      test('returns a fresh, unpredictable state every time', async (adapter) => {
        const connection = await oauthConnection(adapter);
        // Eight samples: with only a few, random states share their first or last character by
        // chance often enough (1 in 256 for three hex states) to pass for a fixed prefix.
        const states: string[] = [];
        for (let index = 0; index < 8; index += 1) states.push((await start(adapter, connection)).state);
        const repeated = states.find((state, index) => states.indexOf(state) !== index);
        check(repeated === undefined, `startAuthorization() returned the state ${show(repeated)} twice; every flow needs its own.`);
        const problem = guessableStates(states);
        check(problem === null, `startAuthorization() returned states that look guessable (${states.slice(0, 3).map((state) => show(state)).join(', ')}, …): ${problem}. Use at least 128 random bits from a cryptographic source, e.g. 32 hex characters from crypto.getRandomValues().`);
      });

      test('rejects when its signal is already aborted', async (adapter) => {
        const connection = await oauthConnection(adapter);
        await expectAbortHonoured('startAuthorization()', (signal) => adapter.startAuthorization(connection, { signal }), 'before');
      });

      test('rejects with an AbortError when its signal is aborted during the call', async (adapter) => {
        const connection = await oauthConnection(adapter);
        await expectAbortHonoured('startAuthorization()', (signal) => adapter.startAuthorization(connection, { signal }), 'during');
      });
    });

    describe('completeAuthorization()', () => {
      test('refuses a state it never issued with a state_mismatch ConnectionsError', async (adapter) => {
        const connection = await oauthConnection(adapter);
        await start(adapter, connection);
        const state = randomHex();
        const error = await rejection(
          call(() => adapter.completeAuthorization(connection, forged(state), { signal: new AbortController().signal })),
          'completeAuthorization() accepted a state that startAuthorization() never issued; without this check any site can finish a grant in the user\'s name.',
        );
        check(isConnectionsErrorLike(error), `completeAuthorization() refused an unknown state with ${show(error)}; throw a ConnectionsError (code "state_mismatch") so the dialog can say what happened.`);
        check(error.code === 'state_mismatch', `completeAuthorization() refused an unknown state with code ${show(error.code)}; use "state_mismatch".`);
      });

      test('rejects when its signal is already aborted', async (adapter) => {
        const connection = await oauthConnection(adapter);
        const { state } = await start(adapter, connection);
        await expectAbortHonoured('completeAuthorization()', (signal) => adapter.completeAuthorization(connection, forged(state), { signal }), 'before');
      });

      test('rejects with an AbortError when its signal is aborted during the call', async (adapter) => {
        const connection = await oauthConnection(adapter);
        const { state } = await start(adapter, connection);
        await expectAbortHonoured('completeAuthorization()', (signal) => adapter.completeAuthorization(connection, forged(state), { signal }), 'during');
      });

      const consented = async (adapter: A) => {
        const connection = await oauthConnection(adapter);
        const { url, state } = await start(adapter, connection);
        const consent = await authorize!(url, { adapter, connection, state });
        check(typeof consent?.code === 'string' && consent.code !== '', `authorize() resolved with ${show(consent)}; it must return the { code } the platform sent to the callback.`);
        const result: AuthorizationResult = { code: consent.code, state, params: { ...consent.params, code: consent.code, state } };
        return { connection, result };
      };

      if (authorize) {
        test('completes a consented grant and returns the connection no longer needing authorization', async (adapter) => {
          const { connection, result } = await consented(adapter);
          const returned: unknown = await adapter.completeAuthorization(connection, result, { signal: new AbortController().signal });
          const problem = findConnectionProblem(returned, 'completeAuthorization()');
          check(problem === null, problem ?? '');
          const after = returned as Connection;
          check(after.id === connection.id, `completeAuthorization() for "${connection.id}" returned connection "${after.id}".`);
          check(after.status !== 'authorization_required', `completeAuthorization() returned connection "${after.id}" still needing authorization after a consented grant.`);
          check(
            connection.accountId === undefined || after.accountId === undefined || after.accountId === connection.accountId,
            `completeAuthorization() returned account ${show(after.accountId)} for a connection to ${show(connection.accountId)}; a grant for another account must be refused with "account_mismatch".`,
          );
        });

        test('refuses a real code sent with a state it never issued, with state_mismatch', async (adapter) => {
          // A forged state with a made-up code could be refused by the platform alone; with a code
          // the platform really issued, only the adapter's own state check can refuse it.
          const { connection, result } = await consented(adapter);
          const state = randomHex();
          const error = await rejection(
            call(() => adapter.completeAuthorization(connection, { ...result, state, params: { ...result.params, state } }, { signal: new AbortController().signal })),
            'completeAuthorization() exchanged a real code sent with a state startAuthorization() never issued; check the state before the code, or any site can finish a grant in the user\'s name.',
          );
          check(isConnectionsErrorLike(error) && error.code === 'state_mismatch', `completeAuthorization() refused a real code with an unknown state with ${show(error)}; throw a ConnectionsError with code "state_mismatch".`);
        });

        test('refuses the same code and state a second time', async (adapter) => {
          const { connection, result } = await consented(adapter);
          await adapter.completeAuthorization(connection, result, { signal: new AbortController().signal });
          const error = await rejection(
            call(() => adapter.completeAuthorization(connection, result, { signal: new AbortController().signal })),
            'completeAuthorization() accepted the same code and state twice; a state is single-use and a replayed answer must be refused.',
          );
          check(isConnectionsErrorLike(error), `completeAuthorization() refused a replay with ${show(error)}; throw a ConnectionsError.`);
        });

        test('refuses a code that was already used, even with a new state', async (adapter) => {
          const { connection, result } = await consented(adapter);
          await adapter.completeAuthorization(connection, result, { signal: new AbortController().signal });
          const { state } = await start(adapter, connection);
          const error = await rejection(
            call(() => adapter.completeAuthorization(connection, { ...result, state, params: { ...result.params, state } }, { signal: new AbortController().signal })),
            'completeAuthorization() accepted an authorization code that was already exchanged; codes are single-use.',
          );
          check(isConnectionsErrorLike(error), `completeAuthorization() refused a used code with ${show(error)}; throw a ConnectionsError.`);
        });
      } else {
        const reason = 'pass authorize to play the user\'s consent';
        skipped('completes a consented grant and returns the connection no longer needing authorization', reason);
        skipped('refuses a real code sent with a state it never issued, with state_mismatch', reason);
        skipped('refuses the same code and state a second time', reason);
        skipped('refuses a code that was already used, even with a new state', reason);
      }
    });

    describe('submitCredentials(), where the adapter has it', () => {
      const credentialsConnection = async (adapter: A) => {
        const connections = await listChecked(adapter);
        return connections.find((connection) => connection.authMethod === 'credentials') ?? connections[0] ?? fail('listConnections() returned no connections.');
      };

      test('rejects when its signal is already aborted', async (adapter) => {
        if (!adapter.submitCredentials) return;
        const connection = await credentialsConnection(adapter);
        await expectAbortHonoured('submitCredentials()', (signal) => adapter.submitCredentials!(connection, { ...credentials }, { signal }), 'before');
      });

      test('rejects with an AbortError when its signal is aborted during the call', async (adapter) => {
        if (!adapter.submitCredentials) return;
        const connection = await credentialsConnection(adapter);
        await expectAbortHonoured('submitCredentials()', (signal) => adapter.submitCredentials!(connection, { ...credentials }, { signal }), 'during');
      });

      if (refusedCredentials) {
        test('rejects a refused login with an invalid_credentials ConnectionsError', async (adapter) => {
          if (!adapter.submitCredentials) return;
          const connection =
            (await listChecked(adapter)).find((connection) => connection.authMethod === 'credentials') ??
            fail('listConnections() returned no connection with authMethod "credentials"; seed the test backend with one to check a refused login.');
          const error = await rejection(
            call(() => adapter.submitCredentials!(connection, { ...refusedCredentials }, { signal: new AbortController().signal })),
            'submitCredentials() accepted the login given as refusedCredentials; the test backend must refuse it.',
          );
          check(
            isConnectionsErrorLike(error) && error.code === 'invalid_credentials',
            `submitCredentials() refused a login with ${show(error)}; throw a ConnectionsError with code "invalid_credentials", so the dialog asks for the password again.`,
          );
        });
      } else {
        skipped('rejects a refused login with an invalid_credentials ConnectionsError', 'pass refusedCredentials to check it');
      }
    });

    describe('subscribe(), where the adapter has it', () => {
      test('returns an unsubscribe function that may be called more than once', async (adapter) => {
        if (!adapter.subscribe) return;
        const unsubscribe: unknown = adapter.subscribe(() => {});
        check(typeof unsubscribe === 'function', `subscribe() returned ${show(unsubscribe)}; it must return the function that stops the updates.`);
        unsubscribe();
        unsubscribe();
      });

      if (pushChange) {
        test('delivers pushed changes as well-formed connections, and none after unsubscribing', async (adapter) => {
          if (!adapter.subscribe) return;
          const connection = (await listChecked(adapter))[0] ?? fail('listConnections() returned no connections.');
          const received: unknown[] = [];
          const unsubscribe = adapter.subscribe((changed) => received.push(changed));
          try {
            // A push made before an event stream is open can be lost on the way, as it is for any
            // client: push again now and then until one arrives or the time is up.
            const limit = options.pushTimeoutMs ?? 2000;
            const started = Date.now();
            do {
              await pushChange(adapter, connection);
              await waitFor(() => received.length > 0, limit / 4);
            } while (received.length === 0 && Date.now() - started < limit);
            check(received.length > 0, `subscribe() delivered nothing within ${options.pushTimeoutMs ?? 2000} ms of pushChange().`);
            const problem = findConnectionProblem(received[0], 'subscribe()');
            check(problem === null, problem ?? '');
          } finally {
            unsubscribe();
          }
          const before = received.length;
          await pushChange(adapter, connection);
          await delay(options.quietMs ?? 250);
          check(received.length === before, `subscribe() kept delivering changes after its unsubscribe function was called (${received.length - before} more).`);
        });
      } else {
        skipped('delivers pushed changes as well-formed connections, and none after unsubscribing', 'pass pushChange to check it');
      }
    });

    describe('requestReauthorization(), where the adapter has it', () => {
      /** A connection this user may not reconnect, to ask an admin about; the check is skipped without one. */
      const adminOnly = async (adapter: A, skip: (reason: string) => never): Promise<Connection> => {
        if (!adapter.requestReauthorization) skip('the adapter has no requestReauthorization()');
        const chosen = (await listChecked(adapter)).find((connection) => connection.canReauthorize === false);
        return chosen ?? skip('listConnections() returned no connection with canReauthorize: false; seed the test backend with one to check it');
      };

      test('returns the same connection with reauthorizationRequestedAt, a time not in the future', async (adapter, skip) => {
        const connection = await adminOnly(adapter, skip);
        const returned: unknown = await adapter.requestReauthorization!(connection, { signal: new AbortController().signal });
        const problem = findConnectionProblem(returned, 'requestReauthorization()');
        check(problem === null, problem ?? '');
        const { id, reauthorizationRequestedAt: at } = returned as Connection;
        check(id === connection.id, `requestReauthorization() for "${connection.id}" returned connection "${id}".`);
        check(at !== undefined, `requestReauthorization() returned connection "${id}" without "reauthorizationRequestedAt"; set it to when the request was made (ISO 8601), so the row can say so.`);
        const ahead = Math.round((Date.parse(at) - Date.now()) / 1000);
        check(ahead <= CLOCK_SKEW_S, `requestReauthorization() returned "reauthorizationRequestedAt" ${show(at)}, ${ahead} s in the future; it must be when the request was made.`);
      });

      test('rejects when its signal is already aborted', async (adapter, skip) => {
        const connection = await adminOnly(adapter, skip);
        await expectAbortHonoured('requestReauthorization()', (signal) => adapter.requestReauthorization!(connection, { signal, note: 'contract kit' }), 'before');
      });

      test('rejects with an AbortError when its signal is aborted during the call', async (adapter, skip) => {
        const connection = await adminOnly(adapter, skip);
        await expectAbortHonoured('requestReauthorization()', (signal) => adapter.requestReauthorization!(connection, { signal, note: 'contract kit' }), 'during');
      });

      if (readRequestNote) {
        test(`sends the note as given, as plain text of up to ${MAX_NOTE_LENGTH} characters`, async (adapter, skip) => {
          const connection = await adminOnly(adapter, skip);
          await call(() => adapter.requestReauthorization!(connection, { signal: new AbortController().signal, note: NOTE })).catch((error: unknown) =>
            fail(`requestReauthorization() refused a note of ${MAX_NOTE_LENGTH} characters with ${show(error)}; the dialog lets notes that long through, so take them as given.`),
          );
          const stored: unknown = await readRequestNote(adapter, connection);
          if (stored === NOTE) return;
          let at = 0;
          if (typeof stored == 'string') while (stored[at] === NOTE[at]) at += 1;
          fail(
            `requestReauthorization() was given a note of ${MAX_NOTE_LENGTH} characters, but the test backend stored ${
              typeof stored == 'string' ? `it changed: from character ${at}, ${show(NOTE.slice(at, at + 24))} became ${show(stored.slice(at, at + 24))}` : show(stored)
            }. Send the note as given, as plain text: never escaped, cut or read as markup.`,
          );
        });
      } else {
        skipped(`sends the note as given, as plain text of up to ${MAX_NOTE_LENGTH} characters`, 'pass readRequestNote to check it');
      }
    });
  });
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

async function listChecked(adapter: ConnectionsAdapter): Promise<Connection[]> {
  const answer: unknown = await adapter.listConnections({ signal: new AbortController().signal });
  check(Array.isArray(answer), `listConnections() resolved with ${show(answer)}; expected an array of connections.`);
  const seen = new Set<string>();
  for (const entry of answer) {
    const problem = findConnectionProblem(entry, 'listConnections()');
    check(problem === null, problem ?? '');
    const { id } = entry as Connection;
    check(!seen.has(id), `listConnections() returned the id "${id}" more than once; ids must be unique.`);
    seen.add(id);
  }
  return answer as Connection[];
}

/** Ends a check with nothing to check, where the runner cannot mark it skipped. */
const NOTHING_TO_CHECK = Symbol('nothing to check');

/** How far ahead a backend's clock may run of the test's. */
const CLOCK_SKEW_S = 60;

/** The longest note the dialog lets through, with what escaping, markup or cutting would change. */
const NOTE = `Please reconnect <b>EMEA</b> & "Leads" — it's urgent 🙂\n<script>alert(1)</script> &lt;kept&gt; ${'é'.repeat(MAX_NOTE_LENGTH)}`.slice(0, MAX_NOTE_LENGTH);

/** Microtask turns an answer from memory may take (awaits and chained promises add a few each). */
const MEMORY_TURNS = 20;

/** Checks that a call honours its signal, aborted before the call or right after it began. */
async function expectAbortHonoured(method: string, run: (signal: AbortSignal) => Promise<unknown>, when: 'before' | 'during'): Promise<void> {
  const controller = new AbortController();
  // Aborted before the call, the adapter must not even start: the rejection is the abort itself,
  // not whatever the backend answers (a refused code or login would look like one).
  if (when === 'before') controller.abort();
  const pending = call(() => run(controller.signal));
  if (when === 'during') {
    // An answer settled without waiting on anything outside (a list kept in memory, a URL built
    // without asking the backend) left nothing to abort: there is nothing to check. A few turns
    // of the microtask queue tell them apart from calls still waiting on a backend or a timer.
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let turn = 0; turn < MEMORY_TURNS && !settled; turn += 1) await Promise.resolve();
    if (settled) return;
    controller.abort();
  }
  const error = await rejection(
    pending,
    when === 'before'
      ? `${method} ignored a signal that was already aborted; check signal.aborted (or hand the signal to fetch) before doing any work.`
      : `${method} ignored its signal being aborted during the call; hand the signal to fetch, or listen for its "abort" event.`,
  );
  check(
    isAbortError(error, controller.signal.reason),
    `${method} rejected with ${show(error)} ${when === 'before' ? 'when its signal was already aborted' : 'after its signal was aborted'}; reject with the signal's reason (an AbortError), so callers can tell an abort from a failure.`,
  );
}

/** A sentence on why the states look guessable, or `null` when they look random enough. */
function guessableStates(states: string[]): string | null {
  // What all states share (a prefix naming the connection, a version) adds no randomness.
  const prefix = commonLength(states, (state, index) => state[index]);
  const suffix = commonLength(states, (state, index) => state[state.length - 1 - index]);
  for (const state of states) {
    const random = state.slice(prefix, Math.max(prefix, state.length - suffix));
    const bits = Math.floor(random.length * Math.log2(alphabetSize(random)));
    if (bits < 128) return `the part that changes carries at most ${bits} bits`;
    if (new Set(random).size < 8) return `the part that changes uses only ${new Set(random).size} different characters`;
  }
  return null;
}

function commonLength(values: string[], at: (value: string, index: number) => string | undefined): number {
  const shortest = Math.min(...values.map((value) => value.length));
  let length = 0;
  while (length < shortest && values.every((value) => at(value, length) === at(values[0]!, length))) length += 1;
  return length;
}

/** The smallest usual alphabet that holds every character of the value. */
function alphabetSize(value: string): number {
  if (/^[0-9]*$/.test(value)) return 10;
  if (/^[0-9a-f]*$/.test(value) || /^[0-9A-F]*$/.test(value)) return 16;
  if (/^[0-9a-z]*$/.test(value) || /^[0-9A-Z]*$/.test(value)) return 36;
  if (/^[0-9A-Za-z]*$/.test(value)) return 62;
  if (/^[0-9A-Za-z_\-+/=.~]*$/.test(value)) return 64;
  return 95;
}

function forged(state: string): AuthorizationResult {
  const code = `contract-kit-${randomHex()}`;
  return { code, state, params: { code, state } };
}

function randomHex(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Runs an adapter method, turning a synchronous throw into a rejection. */
function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await delay(10);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { describeAdapterContract };
