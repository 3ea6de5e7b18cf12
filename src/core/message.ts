import type { AuthorizationResult } from './types';

/* -------------------------------------------------------------------------------------------------
 * The message the callback page hands to the app
 * -----------------------------------------------------------------------------------------------*/

/** The namespaced `type` of the one message the library sends and accepts. */
const AUTHORIZATION_MESSAGE_TYPE = 'react-connected-accounts:authorization-result';

export interface AuthorizationMessage {
  type: typeof AUTHORIZATION_MESSAGE_TYPE;
  version: 1;
  result: AuthorizationResult;
}

/** The same-origin `BroadcastChannel` that carries the result when `window.opener` is gone. */
const channelName = (state: string): string => `${AUTHORIZATION_MESSAGE_TYPE}:${state}`;

export { AUTHORIZATION_MESSAGE_TYPE, channelName };
