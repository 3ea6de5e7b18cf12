import { describe, expect, it } from 'vitest';
import { ConnectionsError, isConnectionsError, toConnectionsError } from '../../../src/core/errors';
import type { ConnectionsErrorCode } from '../../../src/core/errors';

/* -------------------------------------------------------------------------------------------------
 * ConnectionsError
 * -----------------------------------------------------------------------------------------------*/

describe('given a ConnectionsError', () => {
  it('is an Error with a stable code, a name and the message given', () => {
    const error = new ConnectionsError('popup_blocked', 'The browser blocked the sign-in window.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ConnectionsError);
    expect(error.name).toBe('ConnectionsError');
    expect(error.code).toBe('popup_blocked');
    expect(error.message).toBe('The browser blocked the sign-in window.');
    expect(error.stack).toContain('ConnectionsError');
    expect(isConnectionsError(error)).toBe(true);
    expect(isConnectionsError(new Error('plain'))).toBe(false);
  });

  it('keeps the original error as cause, through the documented constructor', () => {
    const original = new TypeError('Failed to fetch');
    const error = new ConnectionsError('adapter_failed', 'Loading failed.', { cause: original });
    expect(error.cause).toBe(original);
    expect(new ConnectionsError('timeout', 'Too slow.').cause).toBeUndefined();
  });

  it('says by default which codes are worth trying again', () => {
    const expected: Record<ConnectionsErrorCode, boolean> = {
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
      invalid_credentials: false,
    };
    for (const [code, retryable] of Object.entries(expected)) {
      expect(new ConnectionsError(code as ConnectionsErrorCode, 'x').retryable, code).toBe(retryable);
    }
  });

  it('lets the thrower override the retryable default', () => {
    expect(new ConnectionsError('adapter_failed', 'Bad data.', { retryable: false }).retryable).toBe(false);
    expect(new ConnectionsError('unsupported', 'Not yet.', { retryable: true }).retryable).toBe(true);
  });

  it('carries the OAuth error, its description and URI, and reads access_denied as a cancellation', () => {
    const denied = new ConnectionsError('provider_error', 'The platform answered "access_denied".', {
      providerError: 'access_denied',
      providerErrorDescription: 'The user said no.',
      providerErrorUri: 'https://example.com/errors/access_denied',
      connectionId: 'gads',
    });
    expect(denied).toMatchObject({
      providerError: 'access_denied',
      providerErrorDescription: 'The user said no.',
      providerErrorUri: 'https://example.com/errors/access_denied',
      connectionId: 'gads',
      isCancellation: true,
    });
    expect(new ConnectionsError('cancelled', 'x').isCancellation).toBe(true);
    expect(new ConnectionsError('provider_error', 'x', { providerError: 'server_error' }).isCancellation).toBe(false);
    expect(new ConnectionsError('timeout', 'x').isCancellation).toBe(false);
  });
});

describe('given whatever an adapter threw', () => {
  it('passes a ConnectionsError through untouched', () => {
    const original = new ConnectionsError('account_mismatch', 'Wrong account.');
    expect(toConnectionsError(original, 'ignored')).toBe(original);
  });

  it('wraps anything else as a retryable adapter_failed that keeps the cause and its message', () => {
    const original = new Error('HTTP 503');
    const error = toConnectionsError(original, 'adapter.listConnections() failed', 'gads');
    expect(error).toMatchObject({ code: 'adapter_failed', retryable: true, connectionId: 'gads', cause: original });
    expect(error.message).toBe('adapter.listConnections() failed: HTTP 503');
    expect(toConnectionsError('nope', 'Loading failed').message).toBe('Loading failed');
  });

  it('respects a retryable flag the adapter put on its own error', () => {
    const permanent = Object.assign(new Error('HTTP 401'), { retryable: false });
    expect(toConnectionsError(permanent, 'Loading failed').retryable).toBe(false);
  });
});
