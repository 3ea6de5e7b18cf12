import { AUTHORIZATION_RECEIPT_TYPE, authorizationChannelName, readAuthorizationMessage } from './authorization-message';
import type { AuthorizationResult } from './types';

/* -------------------------------------------------------------------------------------------------
 * Listening for the callback page's answer
 * -----------------------------------------------------------------------------------------------*/

export interface AuthorizationListenerOptions {
  /** The `state` of the flow in progress; results with any other state are ignored. */
  state: string;
  /** The callback page's origin, compared exactly with `event.origin`. */
  callbackOrigin: string;
  onResult(result: AuthorizationResult): void;
}

/**
 * Listens for the result of one flow on `window` `message` events (from the callback page in
 * the popup) and on a same-origin `BroadcastChannel` keyed by state (when the popup lost its
 * opener). Anything from another origin, of another shape or for another state is ignored.
 * Returns the function that removes both listeners.
 */
function listenForAuthorizationResult({ state, callbackOrigin, onResult }: AuthorizationListenerOptions): () => void {
  const expectedOrigin = toOrigin(callbackOrigin);
  let active = true;
  const receipt = { type: AUTHORIZATION_RECEIPT_TYPE, state };
  /** Takes a result for this flow, first telling the callback page it arrived (so it may close). */
  const accept = (data: unknown, answer: () => void) => {
    if (!active) return;
    const result = readAuthorizationMessage(data);
    if (!result || result.state !== state) return;
    try {
      answer();
    } catch {
      // The page went away: it needs no answer.
    }
    onResult(result);
  };

  const onMessage = (event: MessageEvent) => {
    if (expectedOrigin === null || event.origin !== expectedOrigin) return;
    accept(event.data, () => (event.source as Window | null)?.postMessage(receipt, event.origin));
  };
  window.addEventListener('message', onMessage);

  let channel: BroadcastChannel | undefined;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(authorizationChannelName(state));
    // A channel only carries messages from the same origin; the callback origin must be ours too.
    channel.onmessage = (event: MessageEvent) => {
      if (expectedOrigin === window.location.origin) accept(event.data, () => channel!.postMessage(receipt));
    };
  }

  return () => {
    active = false;
    window.removeEventListener('message', onMessage);
    if (channel) {
      channel.onmessage = null;
      channel.close();
    }
  };
}

/**
 * The origin of a configured callback origin or URL (`https://app.example/` and
 * `https://app.example` name the same origin), or `null` when it is not an http(s) origin, in
 * which case nothing is accepted.
 */
function toOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export { listenForAuthorizationResult, toOrigin };
