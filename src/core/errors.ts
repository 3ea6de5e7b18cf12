/* -------------------------------------------------------------------------------------------------
 * ConnectionsError
 * -----------------------------------------------------------------------------------------------*/

/** Stable codes: callers branch on `code`, never on `message`. */
export type ConnectionsErrorCode =
  | 'popup_blocked'
  | 'popup_closed'
  | 'cancelled'
  | 'superseded'
  | 'timeout'
  | 'invalid_authorization_url'
  | 'state_mismatch'
  | 'provider_error'
  | 'account_mismatch'
  | 'adapter_failed'
  | 'unsupported'
  | 'invalid_credentials';

export interface ConnectionsErrorOptions {
  cause?: unknown;
  /** Whether trying the same thing again may succeed. @default false for `invalid_authorization_url`, `unsupported` and `invalid_credentials`, else true */
  retryable?: boolean;
  /** `provider_error`: the OAuth `error`, e.g. `'access_denied'`. */
  providerError?: string;
  /** `provider_error`: the OAuth `error_description`, shown as text. */
  providerErrorDescription?: string;
  /** `provider_error`: the OAuth `error_uri`. */
  providerErrorUri?: string;
  /** The connection the error is about. */
  connectionId?: string;
  /** How long the server asked to wait before trying again (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
}

/** Marks errors of every copy and version of the package, where `instanceof` sees only its own. */
const BRAND = Symbol.for('react-connected-accounts.error');

const FINAL = ['invalid_authorization_url', 'unsupported', 'invalid_credentials'];

class ConnectionsError extends Error {
  declare readonly code: ConnectionsErrorCode;
  declare readonly retryable: boolean;
  declare readonly providerError?: string;
  declare readonly providerErrorDescription?: string;
  declare readonly providerErrorUri?: string;
  declare readonly connectionId?: string;
  declare readonly retryAfterMs?: number;

  constructor(code: ConnectionsErrorCode, message: string, { cause, ...options }: ConnectionsErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, options, { code, retryable: options.retryable ?? !FINAL.includes(code) });
  }

  override get name(): string {
    return 'ConnectionsError';
  }

  get [BRAND](): true {
    return true;
  }

  /** `access_denied` and a user's own cancel read as a cancellation, not a failure. */
  get isCancellation(): boolean {
    return this.code === 'cancelled' || (this.code === 'provider_error' && this.providerError === 'access_denied');
  }
}

/** Whether `value` is a `ConnectionsError` from any copy or version of the package. */
function isConnectionsError(value: unknown): value is ConnectionsError {
  return !!value && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/**
 * What an adapter threw, as a `ConnectionsError`: one passes through; anything else becomes
 * `adapter_failed`, retryable unless it says `retryable: false`.
 */
function toConnectionsError(error: unknown, message: string, connectionId?: string): ConnectionsError {
  if (isConnectionsError(error)) return error;
  const detail = (error as Error | null)?.message;
  return new ConnectionsError('adapter_failed', typeof detail === 'string' && detail ? `${message}: ${detail.slice(0, 200)}` : message, {
    cause: error,
    retryable: (error as { retryable?: unknown } | null)?.retryable !== false,
    connectionId,
  });
}

export { ConnectionsError, isConnectionsError, toConnectionsError };
