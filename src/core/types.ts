/* -------------------------------------------------------------------------------------------------
 * Domain model
 * -----------------------------------------------------------------------------------------------*/

/** What the platform currently lets the product do with this account. */
export type ConnectionStatus = 'connected' | 'authorization_required' | 'backfilling' | 'error';

/** What kind of platform it is; it decides what stops while the grant has lapsed. */
export type ConnectionCategory = 'advertising' | 'crm' | 'other';

/** How the account is re-authorized: the platform's OAuth sign-in, or a login form. */
export type AuthMethod = 'oauth' | 'credentials';

export interface Connection {
  id: string;
  /** `'google_ads'`, `'meta_ads'`, `'linkedin_ads'`, `'microsoft_ads'`, `'salesforce'`, `'dynamics365'` or any other string. */
  provider: string;
  category: ConnectionCategory;
  /** The account's name as the platform gives it. */
  accountName: string;
  status: ConnectionStatus;
  /** ISO 8601: when the current status began (for instance when access lapsed). */
  statusSince?: string;
  /** ISO 8601: the last successful sync. */
  lastSyncedAt?: string;
  /** Advertising: whether UTM auto-tagging of new ads is on. */
  autoTagging?: boolean;
  /** @default 'oauth' */
  authMethod?: AuthMethod;
  /** The platform's own account id; a re-authorization that returns another one is refused. */
  accountId?: string;
  /** ISO 8601: when the grant will lapse, where the platform says. */
  expiresAt?: string;
  /** `false` when this user lacks the rights to re-authorize. @default true */
  canReauthorize?: boolean;
  /** ISO 8601: when this user last asked an admin to reconnect it (`requestReauthorization`). */
  reauthorizationRequestedAt?: string;
  /** When `status` is `'error'`. */
  error?: { code?: string; message: string };
  /** When `status` is `'backfilling'`; `progress` runs from 0 to 1. */
  backfill?: { since: string; progress?: number };
}

/* -------------------------------------------------------------------------------------------------
 * Adapter
 * -----------------------------------------------------------------------------------------------*/

export interface AdapterContext {
  /** Aborted when the answer is no longer wanted (unmount, supersession, cancel, timeout). */
  signal: AbortSignal;
}

/** What the OAuth callback page hands back to the opener. */
export interface AuthorizationResult {
  code?: string;
  state: string;
  error?: string;
  errorDescription?: string;
  errorUri?: string;
  /** Every query and fragment parameter the callback page received. */
  params: Record<string, string>;
}

export interface AuthorizationStart {
  /** The platform's authorization URL: `https:`, or `http:` on a loopback host. */
  url: string;
  /** The per-flow `state` value the callback must echo. */
  state: string;
}

/** What an integrator supplies to connect the library to their backend. */
export interface ConnectionsAdapter {
  listConnections(ctx: AdapterContext): Promise<Connection[]>;
  /** Push updates; returns the function that stops them. */
  subscribe?(onChange: (connection: Connection) => void): () => void;
  /** Begin an OAuth grant: the backend creates `state` (and PKCE) and builds the URL. */
  startAuthorization(connection: Connection, ctx: AdapterContext): Promise<AuthorizationStart>;
  /** Finish an OAuth grant: the backend checks `state`, exchanges the code, returns the connection. */
  completeAuthorization(
    connection: Connection,
    result: AuthorizationResult,
    ctx: AdapterContext,
  ): Promise<Connection>;
  /** For `authMethod: 'credentials'` connections. */
  submitCredentials?(
    connection: Connection,
    credentials: Record<string, string>,
    ctx: AdapterContext,
  ): Promise<Connection>;
  /**
   * For users who may not reconnect (`canReauthorize: false`): asks an admin to, with an optional
   * note (plain text). Returns the connection with `reauthorizationRequestedAt` set.
   */
  requestReauthorization?(connection: Connection, ctx: AdapterContext & { note?: string }): Promise<Connection>;
}
