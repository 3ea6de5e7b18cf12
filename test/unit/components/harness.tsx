import * as React from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { AUTHORIZATION_MESSAGE_TYPE } from '../../../src/core/message';
import type { AuthorizationMessage } from '../../../src/core/message';
import type { AuthorizationResult, AuthorizationStart, Connection, ConnectionsAdapter } from '../../../src/core/types';
import { ConnectionsProvider } from '../../../src/react/context';
import type { ConnectionsProviderProps } from '../../../src/react/context';
import { deferred } from '../../support/deferred';
import type { Deferred } from '../../support/deferred';

/* -------------------------------------------------------------------------------------------------
 * Shared set-up for the component tests: connections, a fake adapter with deferred answers,
 * fake sign-in windows
 * -----------------------------------------------------------------------------------------------*/

export const NOW = Date.parse('2026-03-10T12:00:00Z');
export const HOUR = 3_600_000;
export const ago = (ms: number) => new Date(NOW - ms).toISOString();

/** In every test of the calling file, the clock reads NOW; timers stay real. */
export function fixDate(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

export const googleSearch: Connection = {
  id: 'gads-search',
  provider: 'google_ads',
  category: 'advertising',
  accountName: 'Acme Search',
  accountId: '123-456-7890',
  status: 'authorization_required',
  statusSince: ago(76 * HOUR),
  lastSyncedAt: ago(77 * HOUR),
  autoTagging: true,
};
export const googleBrand: Connection = {
  id: 'gads-brand',
  provider: 'google_ads',
  category: 'advertising',
  accountName: 'Acme Brand',
  status: 'connected',
  statusSince: ago(40 * 24 * HOUR),
  lastSyncedAt: ago(2 * HOUR),
};
export const metaEmea: Connection = {
  id: 'meta-emea',
  provider: 'meta_ads',
  category: 'advertising',
  accountName: 'Acme EMEA',
  status: 'error',
  statusSince: ago(6 * HOUR),
  error: { code: 'quota', message: 'The platform rate-limited cost downloads.' },
};
export const salesforce: Connection = {
  id: 'sfdc-prod',
  provider: 'salesforce',
  category: 'crm',
  accountName: 'Acme Production',
  accountId: '00D5e',
  status: 'authorization_required',
  statusSince: ago(49 * HOUR),
};
export const dynamicsEu: Connection = {
  id: 'd365-eu',
  provider: 'dynamics365',
  category: 'crm',
  accountName: 'Acme Europe',
  status: 'backfilling',
  statusSince: ago(HOUR),
  backfill: { since: ago(96 * HOUR), progress: 0.4 },
};
export const dynamicsOnPrem: Connection = {
  id: 'd365-onprem',
  provider: 'dynamics365',
  category: 'crm',
  accountName: 'Acme On-Premises',
  status: 'authorization_required',
  statusSince: ago(9 * HOUR),
  authMethod: 'credentials',
};
export const hubspot: Connection = {
  id: 'hubspot',
  provider: 'hubspot',
  category: 'other',
  accountName: 'Acme Marketing',
  status: 'authorization_required',
  statusSince: ago(2 * HOUR),
  canReauthorize: false,
};

export const sample: Connection[] = [googleBrand, googleSearch, metaEmea, salesforce, dynamicsEu, dynamicsOnPrem, hubspot];

export { deferred };
export type { Deferred };

/** An adapter whose flow calls wait until the test answers them. */
export function createFakeAdapter(connections: Connection[] = sample) {
  const starts: Deferred<AuthorizationStart>[] = [];
  const completions: { result: AuthorizationResult; signal: AbortSignal; answer: Deferred<Connection> }[] = [];
  const logins: { credentials: Record<string, string>; answer: Deferred<Connection> }[] = [];
  let pushed: ((connection: Connection) => void) | undefined;
  const adapter = {
    listConnections: vi.fn(async () => connections.map((connection) => ({ ...connection }))),
    subscribe: (onChange: (connection: Connection) => void) => {
      pushed = onChange;
      return () => {
        pushed = undefined;
      };
    },
    startAuthorization: vi.fn(() => {
      const answer = deferred<AuthorizationStart>();
      starts.push(answer);
      return answer.promise;
    }),
    completeAuthorization: vi.fn((_connection: Connection, result: AuthorizationResult, { signal }: { signal: AbortSignal }) => {
      const answer = deferred<Connection>();
      completions.push({ result, signal, answer });
      return answer.promise;
    }),
    submitCredentials: vi.fn((_connection: Connection, credentials: Record<string, string>) => {
      const answer = deferred<Connection>();
      logins.push({ credentials: { ...credentials }, answer });
      return answer.promise;
    }),
  } satisfies ConnectionsAdapter;
  return {
    adapter,
    starts,
    completions,
    logins,
    /** A status change pushed by the backend. */
    push(connection: Connection) {
      pushed?.(connection);
    },
  };
}

/** The provider with no retries and no console noise. */
export function Provider({ children, ...props }: Partial<ConnectionsProviderProps> & Pick<ConnectionsProviderProps, 'adapter'>) {
  return (
    <ConnectionsProvider retry={false} refreshOnFocus={false} onError={() => {}} {...props}>
      {children}
    </ConnectionsProvider>
  );
}

export interface FakePopup {
  closed: boolean;
  close: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  location: { replace: ReturnType<typeof vi.fn> };
}

/** Replaces `window.open` with fake sign-in windows; `blocked = true` makes it return null. */
export function stubWindowOpen() {
  const control = { blocked: false, popups: [] as FakePopup[] };
  const open = vi.spyOn(window, 'open').mockImplementation(() => {
    if (control.blocked) return null;
    const popup: FakePopup = {
      closed: false,
      close: vi.fn(() => {
        popup.closed = true;
      }),
      focus: vi.fn(),
      location: { replace: vi.fn() },
    };
    control.popups.push(popup);
    return popup as unknown as Window;
  });
  return Object.assign(control, { open });
}

/** What the callback page posts back to the app, from the app's own origin. */
export function sendCallback(result: Omit<AuthorizationResult, 'params'> & { params?: Record<string, string> }) {
  const data: AuthorizationMessage = { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { params: {}, ...result } };
  window.dispatchEvent(new MessageEvent('message', { data, origin: window.location.origin }));
}
