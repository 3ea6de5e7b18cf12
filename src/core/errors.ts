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
  | 'unsupported';

export interface ConnectionsErrorOptions {
  cause?: unknown;
  /** Whether trying the same thing again may succeed. Defaults by code. */
  retryable?: boolean;
  /** `provider_error`: the OAuth `error` value, e.g. `'access_denied'`. */
  providerError?: string;
  /** `provider_error`: the OAuth `error_description`, to be shown as text. */
  providerErrorDescription?: string;
  /** `provider_error`: the OAuth `error_uri`. */
  providerErrorUri?: string;
  /** The connection the error is about, where there is one. */
  connectionId?: string;
}

const RETRYABLE_BY_DEFAULT: Record<ConnectionsErrorCode, boolean> = {
  popup_blocked: true,
  popup_closed: true,
  cancelled: true,
  superseded: true,
  timeout: true,
  invalid_authorization_url: false,
  state_mismatch: true,
  provider_error: true,
  account_mismatch: true,
  adapter_failed: true,
  unsupported: false,
};

class ConnectionsError extends Error {
  override readonly name = 'ConnectionsError';
  readonly code: ConnectionsErrorCode;
  readonly retryable: boolean;
  readonly providerError?: string;
  readonly providerErrorDescription?: string;
  readonly providerErrorUri?: string;
  readonly connectionId?: string;

  constructor(code: ConnectionsErrorCode, message: string, options: ConnectionsErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[code];
    this.providerError = options.providerError;
    this.providerErrorDescription = options.providerErrorDescription;
    this.providerErrorUri = options.providerErrorUri;
    this.connectionId = options.connectionId;
  }

  /** `access_denied` and a user's own cancel read as a cancellation, not a failure. */
  get isCancellation(): boolean {
    return this.code === 'cancelled' || (this.code === 'provider_error' && this.providerError === 'access_denied');
  }
}

function isConnectionsError(value: unknown): value is ConnectionsError {
  return value instanceof ConnectionsError;
}

/**
 * Wraps whatever an adapter threw. A `ConnectionsError` passes through untouched; anything else
 * becomes `adapter_failed`, retryable unless the adapter said otherwise.
 */
function toConnectionsError(error: unknown, message: string, connectionId?: string): ConnectionsError {
  if (isConnectionsError(error)) return error;
  const retryable =
    typeof error === 'object' && error !== null && typeof (error as { retryable?: unknown }).retryable === 'boolean'
      ? (error as { retryable: boolean }).retryable
      : undefined;
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new ConnectionsError('adapter_failed', `${message}${detail}`, { cause: error, retryable, connectionId });
}

export { ConnectionsError, isConnectionsError, toConnectionsError };
