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

/** The codes that trying again cannot fix; every other code is retryable unless said otherwise. */
const FINAL: readonly ConnectionsErrorCode[] = ['invalid_authorization_url', 'unsupported'];

class ConnectionsError extends Error {
  override readonly name = 'ConnectionsError';
  declare readonly code: ConnectionsErrorCode;
  declare readonly retryable: boolean;
  declare readonly providerError?: string;
  declare readonly providerErrorDescription?: string;
  declare readonly providerErrorUri?: string;
  declare readonly connectionId?: string;

  constructor(code: ConnectionsErrorCode, message: string, options: ConnectionsErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    const { providerError, providerErrorDescription, providerErrorUri, connectionId } = options;
    const fields: Pick<ConnectionsError, 'code' | 'retryable' | 'providerError' | 'providerErrorDescription' | 'providerErrorUri' | 'connectionId'> = {
      code,
      retryable: options.retryable ?? !FINAL.includes(code),
      providerError,
      providerErrorDescription,
      providerErrorUri,
      connectionId,
    };
    Object.assign(this, fields);
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
