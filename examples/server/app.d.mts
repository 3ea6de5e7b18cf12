// Types for app.mjs, for TypeScript callers (the project's end-to-end tests).
export interface StartAppOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The OpenID Connect authorization server and this app's registration with it. */
  platform: { issuer: string; clientId: string; clientSecret: string };
  /** @default sampleConnections() */
  connections?: object[];
  /** Bundle the library from this file instead of the build in `dist/`. */
  libraryEntry?: string;
  /** A stylesheet served at /assets/styles.css for the demo page. */
  stylesheet?: string;
  /** Asks the platform whether a login is right; the default stand-in takes any password but "wrong". */
  verifyCredentials?: (connection: object, credentials: Record<string, string>) => Promise<boolean>;
  /** How long a CRM's backfill runs after re-authorizing. @default 3000 */
  backfillMs?: number;
}

/** A request to an admin to reconnect a connection, as the backend keeps it. */
export interface ReauthorizationRequest {
  connectionId: string;
  /** As the user wrote it; absent when none was given. */
  note?: string;
  /** ISO 8601. */
  requestedAt: string;
}

export interface App {
  origin: string;
  redirectUri: string;
  /** The requests to an admin so far, oldest first. */
  requests(): ReauthorizationRequest[];
  close(): Promise<void>;
}

export function startApp(options: StartAppOptions): Promise<App>;
