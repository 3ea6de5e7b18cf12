import type { AuthorizationResult } from './types';

/* -------------------------------------------------------------------------------------------------
 * The message the callback page sends to the opener
 * -----------------------------------------------------------------------------------------------*/

/** The namespaced `type` of every message the library sends or accepts. */
const AUTHORIZATION_MESSAGE_TYPE = 'react-connected-accounts:authorization-result';
const AUTHORIZATION_MESSAGE_VERSION = 1;

export interface AuthorizationMessage {
  type: typeof AUTHORIZATION_MESSAGE_TYPE;
  version: typeof AUTHORIZATION_MESSAGE_VERSION;
  result: AuthorizationResult;
}

/** The same-origin `BroadcastChannel` used when `window.opener` is gone, keyed by `state`. */
function authorizationChannelName(state: string): string {
  return `${AUTHORIZATION_MESSAGE_TYPE}:${state}`;
}

/** What the app answers the callback page with once it has taken a result: `{ type, state }`. */
const AUTHORIZATION_RECEIPT_TYPE = 'react-connected-accounts:authorization-received';

function isAuthorizationReceipt(data: unknown, state: string): boolean {
  return (data as { type?: unknown } | null)?.type === AUTHORIZATION_RECEIPT_TYPE && (data as { state?: unknown }).state === state;
}

function createAuthorizationMessage(result: AuthorizationResult): AuthorizationMessage {
  return { type: AUTHORIZATION_MESSAGE_TYPE, version: AUTHORIZATION_MESSAGE_VERSION, result };
}

/**
 * The result inside a message, or `null` when the message is not exactly ours: any other shape,
 * type, version or a field of the wrong type is ignored rather than trusted.
 */
function readAuthorizationMessage(data: unknown): AuthorizationResult | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Partial<AuthorizationMessage>;
  if (message.type !== AUTHORIZATION_MESSAGE_TYPE || message.version !== AUTHORIZATION_MESSAGE_VERSION) return null;
  const result = message.result as Partial<AuthorizationResult> | undefined;
  if (typeof result !== 'object' || result === null) return null;
  if (typeof result.state !== 'string' || result.state === '') return null;
  for (const key of ['code', 'error', 'errorDescription', 'errorUri'] as const) {
    if (result[key] !== undefined && typeof result[key] !== 'string') return null;
  }
  const params: Record<string, string> = {};
  if (typeof result.params === 'object' && result.params !== null) {
    for (const [key, value] of Object.entries(result.params)) {
      if (typeof value === 'string') params[key] = value;
    }
  }
  return {
    state: result.state,
    ...(result.code !== undefined && { code: result.code }),
    ...(result.error !== undefined && { error: result.error }),
    ...(result.errorDescription !== undefined && { errorDescription: result.errorDescription }),
    ...(result.errorUri !== undefined && { errorUri: result.errorUri }),
    params,
  };
}

export {
  AUTHORIZATION_MESSAGE_TYPE,
  AUTHORIZATION_RECEIPT_TYPE,
  authorizationChannelName,
  isAuthorizationReceipt,
  createAuthorizationMessage,
  readAuthorizationMessage,
};
