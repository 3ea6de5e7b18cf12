import { describe, expect, it } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import type { AuthorizationStart, Connection, ConnectionsAdapter } from '../../../src/core/types';
import { createMemoryAdapter, describeAdapterContract } from '../../../src/testing';
import type { AdapterContractOptions } from '../../../src/testing';

/* -------------------------------------------------------------------------------------------------
 * Running the kit against adapters that break the contract, one rule at a time
 * -----------------------------------------------------------------------------------------------*/

describe('given an adapter whose list is malformed', () => {
  // The words are the validator's (src/core/validate.ts); the kit passes them on.
  it('says which field a connection without an id lacks', async () => {
    const kit = collect({ listConnections: async () => [{ provider: 'salesforce', category: 'crm', accountName: 'Acme', status: 'connected' } as unknown as Connection] });
    expect(await failureOf(kit, 'listConnections() › resolves to an array of well-formed connections with unique ids')).toMatch(
      /^listConnections\(\) returned .*"id".*; it must be a non-empty string/,
    );
  });

  it('names the unknown status and the statuses it accepts', async () => {
    const kit = collect({ listConnections: async () => [connection({ status: 'expired' as Connection['status'] })] });
    expect(await failureOf(kit, 'listConnections() › resolves to an array of well-formed connections with unique ids')).toBe(
      'listConnections() returned connection "gads" whose "status" is "expired"; it must be one of connected, authorization_required, backfilling, error.',
    );
  });

  it('names the date that is not ISO 8601', async () => {
    const kit = collect({ listConnections: async () => [connection({ lastSyncedAt: 'yesterday' })] });
    expect(await failureOf(kit, 'listConnections() › resolves to an array of well-formed connections with unique ids')).toMatch(
      /^listConnections\(\) returned connection "gads" whose "lastSyncedAt" is "yesterday"; it must be an ISO 8601 date\./,
    );
  });

  it('names an id given twice', async () => {
    const kit = collect({ listConnections: async () => [connection(), connection()] });
    expect(await failureOf(kit, 'listConnections() › resolves to an array of well-formed connections with unique ids')).toBe(
      'listConnections() returned the id "gads" more than once; ids must be unique.',
    );
  });

  it('says when there is no OAuth connection to re-authorize', async () => {
    const kit = collect({ listConnections: async () => [connection({ authMethod: 'credentials' })] });
    expect(await failureOf(kit, 'startAuthorization() › returns an https: authorization URL (http: only on a loopback host)')).toBe(
      'listConnections() returned no OAuth connection to re-authorize; seed the test backend with one (authMethod "oauth").',
    );
  });
});

describe('given an adapter that ignores its AbortSignal', () => {
  /** What waiting on a backend that is never told to stop looks like. */
  const backend = () => new Promise((resolve) => setTimeout(resolve, 1));
  const ignoring: Partial<ConnectionsAdapter> = {
    listConnections: async () => {
      await backend();
      return [connection()];
    },
    startAuthorization: async () => {
      await backend();
      return { url: 'https://platform.example/authorize?state=' + 'a1'.repeat(16), state: 'a1'.repeat(16) };
    },
  };

  it('fails when an already aborted list call still resolves', async () => {
    const kit = collect(ignoring);
    expect(await failureOf(kit, 'listConnections() › rejects when its signal is already aborted')).toBe(
      'listConnections() ignored a signal that was already aborted; check signal.aborted (or hand the signal to fetch) before doing any work. It resolved with [{"id":"gads","provider":"google_ads","category":"advertising","accountName":"Acme Search","accountId":"123","status":"a….',
    );
  });

  it('fails when an already aborted call still goes to the backend, which refuses it', async () => {
    const kit = collect({
      // Sends the code anyway, and the backend refuses it: that refusal is not an abort.
      completeAuthorization: async () => {
        throw new ConnectionsError('state_mismatch', 'The backend has no such sign-in.');
      },
    });
    expect(await failureOf(kit, 'completeAuthorization() › rejects when its signal is already aborted')).toBe(
      "completeAuthorization() rejected with ConnectionsError (state_mismatch): The backend has no such sign-in. when its signal was already aborted; reject with the signal's reason (an AbortError), so callers can tell an abort from a failure.",
    );
  });

  it('fails when a call aborted midway still resolves', async () => {
    const kit = collect(ignoring);
    expect(await failureOf(kit, 'startAuthorization() › rejects with an AbortError when its signal is aborted during the call')).toMatch(
      /^startAuthorization\(\) ignored its signal being aborted during the call; hand the signal to fetch, or listen for its "abort" event\. It resolved with \{"url":"https:\/\/platform\.example/,
    );
  });

  it('fails when an aborted call rejects with something other than an AbortError', async () => {
    const kit = collect({
      listConnections: async ({ signal }) => {
        await backend();
        if (signal.aborted) throw new Error('request failed');
        return [connection()];
      },
    });
    expect(await failureOf(kit, 'listConnections() › rejects with an AbortError when its signal is aborted during the call')).toBe(
      'listConnections() rejected with Error: request failed after its signal was aborted; reject with the signal\'s reason (an AbortError), so callers can tell an abort from a failure.',
    );
  });

  it('accepts an abort wrapped in a ConnectionsError as its cause', async () => {
    const kit = collect({
      listConnections: async ({ signal }) => {
        await backend();
        if (signal.aborted) throw new ConnectionsError('cancelled', 'Stopped.', { cause: signal.reason });
        return [connection()];
      },
    });
    await expect(kit.run('listConnections() › rejects with an AbortError when its signal is aborted during the call')).resolves.toBeUndefined();
  });
});

describe('given an adapter that answers from memory, with nothing left to abort once called', () => {
  it('passes the abort checks: it refuses an aborted signal, and its answer is there before any abort', async () => {
    const kit = collect({
      listConnections: async ({ signal }) => {
        signal.throwIfAborted();
        return [connection()];
      },
    });
    await expect(kit.run('listConnections() › rejects when its signal is already aborted')).resolves.toBeUndefined();
    await expect(kit.run('listConnections() › rejects with an AbortError when its signal is aborted during the call')).resolves.toBeUndefined();
  });

  it('passes them too when the answer is a promise already kept, awaited or chained', async () => {
    const cached = Promise.resolve([connection()]);
    for (const listConnections of [
      async ({ signal }: { signal: AbortSignal }) => {
        signal.throwIfAborted();
        return structuredClone(await cached);
      },
      async ({ signal }: { signal: AbortSignal }) => {
        signal.throwIfAborted();
        return cached.then((list) => structuredClone(list));
      },
    ]) {
      const kit = collect({ listConnections });
      await expect(kit.run('listConnections() › rejects with an AbortError when its signal is aborted during the call')).resolves.toBeUndefined();
    }
  });
});

describe('given an adapter whose authorization start is unsafe', () => {
  it('refuses a javascript: URL', async () => {
    const kit = collect({ startAuthorization: async () => ({ url: 'javascript:alert(1)', state: randomState() }) });
    expect(await failureOf(kit, 'startAuthorization() › returns an https: authorization URL (http: only on a loopback host)')).toBe(
      'startAuthorization() returned the URL "javascript:alert(1)", which the library refuses to open; it must be https: (http: only on localhost or 127.0.0.1) and carry no user name or password.',
    );
  });

  it('refuses plain http: on a public host', async () => {
    const kit = collect({ startAuthorization: async () => ({ url: 'http://platform.example/authorize', state: randomState() }) });
    expect(await failureOf(kit, 'startAuthorization() › returns an https: authorization URL (http: only on a loopback host)')).toContain(
      'returned the URL "http://platform.example/authorize", which the library refuses to open',
    );
  });

  it('refuses a URL whose state differs from the one returned', async () => {
    const kit = collect({ startAuthorization: async () => ({ url: 'https://platform.example/authorize?state=other', state: randomState() }) });
    expect(await failureOf(kit, 'startAuthorization() › puts the state it returns into the authorization URL')).toMatch(
      /^startAuthorization\(\) returned the state "[0-9a-f]{32}" but its URL carries state="other"; the platform echoes/,
    );
  });

  it('accepts a pushed or signed request (PAR, JAR), which carries the state inside it', async () => {
    for (const url of ['https://platform.example/authorize?client_id=app&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc', 'https://platform.example/authorize?client_id=app&request=eyJhbGciOi.e30.sig']) {
      const kit = collect({ startAuthorization: async () => ({ url, state: randomState() }) });
      await expect(kit.run('startAuthorization() › puts the state it returns into the authorization URL')).resolves.toBeUndefined();
    }
  });

  it('refuses a counter as the state', async () => {
    let counter = 0;
    const kit = collect({ startAuthorization: async () => withState(`state-${(counter += 1)}`) });
    expect(await failureOf(kit, 'startAuthorization() › returns a fresh, unpredictable state every time')).toBe(
      'startAuthorization() returned states that look guessable ("state-1", "state-2", "state-3", …): the part that changes carries at most 3 bits. Use at least 128 random bits from a cryptographic source, e.g. 32 hex characters from crypto.getRandomValues().',
    );
  });

  it('refuses a timestamp-sized random part behind a long shared prefix', async () => {
    const kit = collect({ startAuthorization: async () => withState(`connection-gads-flow-${Math.floor(Math.random() * 1e6)}`) });
    expect(await failureOf(kit, 'startAuthorization() › returns a fresh, unpredictable state every time')).toMatch(
      /looks? guessable .*: the part that changes carries at most \d{1,2} bits\./,
    );
  });

  it('refuses the same state twice', async () => {
    const state = randomState();
    const kit = collect({ startAuthorization: async () => withState(state) });
    expect(await failureOf(kit, 'startAuthorization() › returns a fresh, unpredictable state every time')).toBe(
      `startAuthorization() returned the state "${state}" twice; every flow needs its own.`,
    );
  });

  it('accepts random states that share a prefix naming the connection', async () => {
    const kit = collect({ startAuthorization: async () => withState(`gads.${randomState()}`) });
    await expect(kit.run('startAuthorization() › returns a fresh, unpredictable state every time')).resolves.toBeUndefined();
  });
});

describe('given an adapter that completes what it should refuse', () => {
  it('fails when an unknown state is accepted', async () => {
    const kit = collect({ completeAuthorization: async (target) => ({ ...target, status: 'connected' }) });
    expect(await failureOf(kit, 'completeAuthorization() › refuses a state it never issued with a state_mismatch ConnectionsError')).toMatch(
      /^completeAuthorization\(\) accepted a state that startAuthorization\(\) never issued; without this check any site can finish a grant in the user's name\. It resolved with \{"id":"gads-search"/,
    );
  });

  it('fails when an unknown state is refused with a plain Error', async () => {
    const kit = collect({
      completeAuthorization: async () => {
        throw new Error('bad state');
      },
    });
    expect(await failureOf(kit, 'completeAuthorization() › refuses a state it never issued with a state_mismatch ConnectionsError')).toBe(
      'completeAuthorization() refused an unknown state with Error: bad state; throw a ConnectionsError (code "state_mismatch") so the dialog can say what happened.',
    );
  });

  it('fails when an unknown state is refused with another code', async () => {
    const kit = collect({
      completeAuthorization: async () => {
        throw new ConnectionsError('adapter_failed', 'No.');
      },
    });
    expect(await failureOf(kit, 'completeAuthorization() › refuses a state it never issued with a state_mismatch ConnectionsError')).toBe(
      'completeAuthorization() refused an unknown state with code "adapter_failed"; use "state_mismatch".',
    );
  });

  it('fails when it never checks the state and only the platform refuses made-up codes', async () => {
    const memory = createMemoryAdapter({ backfillStepMs: 0 });
    // Hands any code to the platform, which knows its own codes and refuses the rest (reported as
    // a state mismatch): a forged state with a made-up code is refused, a real code is not.
    const kit = collect(
      {
        completeAuthorization: async (target, result) => {
          if (!result.code?.startsWith('code-')) throw new ConnectionsError('state_mismatch', 'The platform does not know this code.');
          return memory.update(target.id, { status: 'connected' });
        },
      },
      memory,
    );
    await kit.run('completeAuthorization() › refuses a state it never issued with a state_mismatch ConnectionsError');
    expect(await failureOf(kit, 'completeAuthorization() › refuses a real code sent with a state it never issued, with state_mismatch')).toMatch(
      /^completeAuthorization\(\) exchanged a real code sent with a state startAuthorization\(\) never issued; check the state before the code/,
    );
  });

  it('fails when the same code and state are accepted twice', async () => {
    const memory = createMemoryAdapter({ backfillStepMs: 0 });
    const kit = collect(
      // Forgets every flow it finished: a replay goes through again.
      {
        completeAuthorization: async (target) => {
          return memory.update(target.id, { status: 'connected' });
        },
      },
      memory,
    );
    expect(await failureOf(kit, 'completeAuthorization() › refuses the same code and state a second time')).toMatch(
      /^completeAuthorization\(\) accepted the same code and state twice; a state is single-use and a replayed answer must be refused\. It resolved with/,
    );
  });

  it('fails when a grant for another account is returned', async () => {
    const memory = createMemoryAdapter({ backfillStepMs: 0 });
    const kit = collect(
      { completeAuthorization: async (target) => memory.update(target.id, { status: 'connected', accountId: 'someone-else' }) },
      memory,
    );
    expect(await failureOf(kit, 'completeAuthorization() › completes a consented grant and returns the connection no longer needing authorization')).toBe(
      'completeAuthorization() returned account "someone-else" for a connection to "123-456-7890"; a grant for another account must be refused with "account_mismatch".',
    );
  });
});

describe('given an adapter that misreads a refused login', () => {
  const title = 'submitCredentials(), where the adapter has it › rejects a refused login with an invalid_credentials ConnectionsError';

  it('fails when the refused login is accepted', async () => {
    const kit = collect({ submitCredentials: async (target) => ({ ...target, status: 'connected' }) });
    expect(await failureOf(kit, title)).toMatch(
      /^submitCredentials\(\) accepted the login given as refusedCredentials; the test backend must refuse it\. It resolved with \{"id":"d365-onprem"/,
    );
  });

  it('fails when the refused login gives another code', async () => {
    const kit = collect({
      submitCredentials: async () => {
        throw new ConnectionsError('provider_error', 'The platform refused the login.', { providerError: 'invalid_grant' });
      },
    });
    expect(await failureOf(kit, title)).toBe(
      'submitCredentials() refused a login with ConnectionsError (provider_error): The platform refused the login.; throw a ConnectionsError with code "invalid_credentials", so the dialog asks for the password again.',
    );
  });

  it('passes when the refused login gives invalid_credentials, and calls it with the login it was given', async () => {
    const logins: Record<string, string>[] = [];
    const kit = collect({
      submitCredentials: async (_target, login) => {
        logins.push(login);
        throw new ConnectionsError('invalid_credentials', 'The username or password was not accepted.');
      },
    });
    await expect(kit.run(title)).resolves.toBeUndefined();
    expect(logins).toEqual([{ username: 'ana', password: 'wrong' }]);
  });

  it('says when there is no login-form connection to refuse', async () => {
    const kit = collect({ listConnections: async () => [connection()] });
    expect(await failureOf(kit, title)).toBe(
      'listConnections() returned no connection with authMethod "credentials"; seed the test backend with one to check a refused login.',
    );
  });
});

describe('given an adapter whose subscription cannot be stopped', () => {
  it('fails when subscribe returns no function', async () => {
    const kit = collect({ subscribe: (() => undefined) as unknown as ConnectionsAdapter['subscribe'] });
    expect(await failureOf(kit, 'subscribe(), where the adapter has it › returns an unsubscribe function that may be called more than once')).toBe(
      'subscribe() returned undefined; it must return the function that stops the updates.',
    );
  });

  it('fails when changes keep arriving after unsubscribing', async () => {
    const memory = createMemoryAdapter();
    const kit = collect(
      {
        subscribe: (onChange) => {
          memory.subscribe(onChange);
          return () => {};
        },
      },
      memory,
    );
    expect(await failureOf(kit, 'subscribe(), where the adapter has it › delivers pushed changes as well-formed connections, and none after unsubscribing')).toBe(
      'subscribe() kept delivering changes after its unsubscribe function was called (1 more).',
    );
  });
});

describe('given an adapter whose failures lose what went wrong', () => {
  it('fails when a backend failure escapes as a plain TypeError', async () => {
    let failNext = false;
    const kit = collect({
      listConnections: async () => {
        if (failNext) throw new TypeError('Failed to fetch');
        return [connection()];
      },
    }, undefined, { failNextCall: () => void (failNext = true) });
    expect(await failureOf(kit, 'listConnections() › surfaces a backend failure as a retryable ConnectionsError that keeps its cause')).toBe(
      'listConnections() rejected with TypeError: Failed to fetch; a failing backend must surface as a ConnectionsError (code "adapter_failed") so the screen can say what happened.',
    );
  });

  it('fails when the ConnectionsError drops its cause', async () => {
    let failNext = false;
    const kit = collect({
      listConnections: async () => {
        if (failNext) throw new ConnectionsError('adapter_failed', 'The server is down.');
        return [connection()];
      },
    }, undefined, { failNextCall: () => void (failNext = true) });
    expect(await failureOf(kit, 'listConnections() › surfaces a backend failure as a retryable ConnectionsError that keeps its cause')).toBe(
      'listConnections() rejected with a ConnectionsError without a "cause"; pass the original error as { cause } so integrators can debug it.',
    );
  });
});

describe('given an adapter whose requests to an admin break the contract', () => {
  const title = {
    answer: 'requestReauthorization(), where the adapter has it › returns the same connection with reauthorizationRequestedAt, a time not in the future',
    before: 'requestReauthorization(), where the adapter has it › rejects when its signal is already aborted',
    during: 'requestReauthorization(), where the adapter has it › rejects with an AbortError when its signal is aborted during the call',
    note: 'requestReauthorization(), where the adapter has it › sends the note as given, as plain text of up to 500 characters',
  };
  const now = () => new Date().toISOString();

  it('passes the memory adapter, asking about the connection this user may not reconnect, without a note', async () => {
    const memory = createMemoryAdapter({ backfillStepMs: 0 });
    const kit = collect({}, memory);
    for (const name of Object.values(title)) await expect(kit.run(name)).resolves.toBeUndefined();
    expect(memory.reauthorizationRequests()[0]).toEqual({ connectionId: 'linkedin-emea', requestedAt: expect.any(String) });
  });

  it('fails when the connection comes back without the time it was asked', async () => {
    const kit = collect({ requestReauthorization: async (target) => target });
    expect(await failureOf(kit, title.answer)).toBe(
      'requestReauthorization() returned connection "linkedin-emea" without "reauthorizationRequestedAt"; set it to when the request was made (ISO 8601), so the row can say so.',
    );
  });

  it('fails when the time asked is not a date', async () => {
    const kit = collect({ requestReauthorization: async (target) => ({ ...target, reauthorizationRequestedAt: 'just now' }) });
    expect(await failureOf(kit, title.answer)).toMatch(/^requestReauthorization\(\) returned connection "linkedin-emea" whose "reauthorizationRequestedAt" is "just now"; it must be an ISO 8601 date\./);
  });

  it('fails when the time asked is in the future, beyond a minute of clock skew', async () => {
    const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();
    const kit = collect({ requestReauthorization: async (target) => ({ ...target, reauthorizationRequestedAt: ahead(2 * 60 * 60 * 1000) }) });
    expect(await failureOf(kit, title.answer)).toMatch(/^requestReauthorization\(\) returned "reauthorizationRequestedAt" "[^"]+", 7200 s in the future; it must be when the request was made\.$/);
    const skewed = collect({ requestReauthorization: async (target) => ({ ...target, reauthorizationRequestedAt: ahead(30_000) }) });
    await expect(skewed.run(title.answer)).resolves.toBeUndefined();
  });

  it('fails when another connection comes back', async () => {
    const kit = collect({ requestReauthorization: async (target) => ({ ...target, id: 'gads-search', reauthorizationRequestedAt: now() }) });
    expect(await failureOf(kit, title.answer)).toBe('requestReauthorization() for "linkedin-emea" returned connection "gads-search".');
  });

  it('fails when it ignores its signal, before or during the call', async () => {
    const kit = collect({
      requestReauthorization: async (target) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { ...target, reauthorizationRequestedAt: now() };
      },
    });
    expect(await failureOf(kit, title.before)).toMatch(/^requestReauthorization\(\) ignored a signal that was already aborted; /);
    expect(await failureOf(kit, title.during)).toMatch(/^requestReauthorization\(\) ignored its signal being aborted during the call; /);
  });

  it.each([
    ['escapes it as HTML', (note: string) => note.replace(/&/g, '&amp;').replace(/</g, '&lt;'), 'it changed: from character 17, "<b>EMEA</b> & \\"Leads\\" — " became "&lt;b>EMEA&lt;/b> &amp; "'],
    ['strips its markup', (note: string) => note.replace(/<[^>]*>/g, ''), 'it changed: from character 17, "<b>EMEA</b> & \\"Leads\\" — " became "EMEA & \\"Leads\\" — it\'s ur"'],
    ['decodes its entities', (note: string) => note.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), 'it changed: from character 82, "&lt;kept&gt; ééééééééééé" became "<kept> ééééééééééééééééé"'],
    ['cuts it to 255 characters', (note: string) => note.slice(0, 255), 'it changed: from character 255, "éééééééééééééééééééééééé" became ""'],
  ])('fails when it %s', async (_name, alter, change) => {
    const notes: (string | undefined)[] = [];
    const kit = collect(
      {
        requestReauthorization: async (target, { signal, note }) => {
          signal.throwIfAborted();
          notes.push(note && alter(note));
          return { ...target, reauthorizationRequestedAt: now() };
        },
      },
      undefined,
      { readRequestNote: () => notes.at(-1) },
    );
    expect(await failureOf(kit, title.note)).toBe(
      `requestReauthorization() was given a note of 500 characters, but the test backend stored ${change}. Send the note as given, as plain text: never escaped, cut or read as markup.`,
    );
  });

  it('fails when it refuses a note of 500 characters, or sends none', async () => {
    const memory = createMemoryAdapter({ backfillStepMs: 0 });
    const refusing = collect({
      requestReauthorization: async (target, context) => {
        if ((context.note?.length ?? 0) > 255) throw new ConnectionsError('adapter_failed', 'The note is too long.', { retryable: false });
        return memory.requestReauthorization(target, context);
      },
    }, memory);
    expect(await failureOf(refusing, title.note)).toBe(
      'requestReauthorization() refused a note of 500 characters with ConnectionsError (adapter_failed): The note is too long.; the dialog lets notes that long through, so take them as given.',
    );
    const dropping = collect({ requestReauthorization: (target, { signal }) => memory.requestReauthorization(target, { signal }) }, memory);
    expect(await failureOf(dropping, title.note)).toBe(
      'requestReauthorization() was given a note of 500 characters, but the test backend stored undefined. Send the note as given, as plain text: never escaped, cut or read as markup.',
    );
  });

  it('skips every check, saying why, when the adapter has no such method or no connection to ask about', async () => {
    const without = collect({ requestReauthorization: undefined });
    const noAdminOnly = collect({ listConnections: async () => [connection()] });
    for (const name of Object.values(title)) {
      expect(await without.skipReason(name)).toBe('the adapter has no requestReauthorization()');
      expect(await noAdminOnly.skipReason(name)).toBe('listConnections() returned no connection with canReauthorize: false; seed the test backend with one to check it');
    }
  });

  it('lets a check with nothing to check pass under a runner that cannot skip at run time', async () => {
    const kit = collect({ requestReauthorization: undefined });
    await expect(kit.run(title.answer, { withoutSkip: true })).resolves.toBeUndefined();
  });
});

describe('given no hooks for consent, pushes, failures, a refused login or a stored note', () => {
  it('registers those checks as skipped, saying which hook to pass', () => {
    const kit = collect({}, undefined, { authorize: undefined, pushChange: undefined, refusedCredentials: undefined, readRequestNote: undefined });
    expect(kit.skipped).toEqual([
      'listConnections() › surfaces a backend failure as a retryable ConnectionsError that keeps its cause (skipped: pass failNextCall to check it)',
      "completeAuthorization() › completes a consented grant and returns the connection no longer needing authorization (skipped: pass authorize to play the user's consent)",
      "completeAuthorization() › refuses a real code sent with a state it never issued, with state_mismatch (skipped: pass authorize to play the user's consent)",
      "completeAuthorization() › refuses the same code and state a second time (skipped: pass authorize to play the user's consent)",
      "completeAuthorization() › refuses a code that was already used, even with a new state (skipped: pass authorize to play the user's consent)",
      'submitCredentials(), where the adapter has it › rejects a refused login with an invalid_credentials ConnectionsError (skipped: pass refusedCredentials to check it)',
      'subscribe(), where the adapter has it › delivers pushed changes as well-formed connections, and none after unsubscribing (skipped: pass pushChange to check it)',
      'requestReauthorization(), where the adapter has it › sends the note as given, as plain text of up to 500 characters (skipped: pass readRequestNote to check it)',
    ]);
  });
});

/* -------------------------------------------------------------------------------------------------
 * Helpers: a runner that only collects the kit's tests, and a memory adapter with one rule broken
 * -----------------------------------------------------------------------------------------------*/

interface CollectedKit {
  titles: string[];
  skipped: string[];
  /** Runs a check as Vitest does, handing it a test context; `withoutSkip` plays a runner that hands none. */
  run(title: string, options?: { withoutSkip?: boolean }): Promise<void>;
  /** Why the check skipped itself at run time; throws when it did not. */
  skipReason(title: string): Promise<string>;
}

/** What the test context's `skip` throws, as Vitest's does. */
class Skipped extends Error {}

function collect(
  broken: Partial<ConnectionsAdapter>,
  memory = createMemoryAdapter({ backfillStepMs: 0 }),
  hooks: Partial<AdapterContractOptions> = {},
): CollectedKit {
  const tests = new Map<string, () => Promise<void>>();
  const skipped: string[] = [];
  const path: string[] = [];
  const title = (name: string) => [...path.slice(1), name].join(' › ');
  const it = Object.assign((name: string, body: () => Promise<void>) => void tests.set(title(name), body), {
    skip: (name: string) => void skipped.push(title(name)),
  });
  describeAdapterContract({
    name: 'a broken adapter',
    createAdapter: () => ({ ...memory, ...broken }),
    describe: (name, body) => {
      path.push(name);
      body();
      path.pop();
    },
    it,
    authorize: async (url) => ({ code: `code-${crypto.randomUUID()}`, params: { account_id: new URL(url).searchParams.get('account_id') ?? '' } }),
    pushChange: (adapter, target) => void memory.update(target.id, { lastSyncedAt: new Date().toISOString() }),
    refusedCredentials: { username: 'ana', password: 'wrong' },
    readRequestNote: (_adapter, target) => memory.reauthorizationRequests().filter((request) => request.connectionId === target.id).at(-1)?.note,
    quietMs: 0,
    ...hooks,
  });
  const run = async (name: string, { withoutSkip = false } = {}) => {
    const body = tests.get(name) as ((context?: unknown) => Promise<void>) | undefined;
    if (!body) throw new Error(`No contract test is titled "${name}". There are: ${[...tests.keys()].join(' | ')}`);
    const context = {
      skip: (note: string) => {
        throw new Skipped(note);
      },
    };
    await (withoutSkip ? body() : body(context));
  };
  return {
    titles: [...tests.keys()],
    skipped,
    run,
    skipReason: async (name) => {
      try {
        await run(name);
      } catch (error) {
        if (error instanceof Skipped) return error.message;
        throw error;
      }
      throw new Error(`The contract test "${name}" did not skip itself.`);
    },
  };
}

/** The message the named contract test failed with; throws when it passed. */
async function failureOf(kit: CollectedKit, name: string): Promise<string> {
  try {
    await kit.run(name);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AdapterContractError');
    return (error as Error).message;
  }
  throw new Error(`The contract test "${name}" passed against a broken adapter.`);
}

function connection(patch: Partial<Connection> = {}): Connection {
  return { id: 'gads', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', accountId: '123', status: 'authorization_required', ...patch };
}

function withState(state: string): AuthorizationStart {
  return { url: `https://platform.example/authorize?state=${encodeURIComponent(state)}`, state };
}

function randomState(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
