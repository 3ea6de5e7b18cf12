import { AUTHORIZATION_MESSAGE_TYPE, channelName } from './message';
import type { AuthorizationMessage } from './message';
import type { AuthorizationResult } from './types';

/* -------------------------------------------------------------------------------------------------
 * handleAuthorizationCallback — for the OAuth callback page (`react-connected-accounts/callback`)
 * -----------------------------------------------------------------------------------------------*/

export interface AuthorizationCallbackOptions {
  /** The app's origin, where the result goes; compared exactly by the browser. @default window.location.origin */
  targetOrigin?: string;
  /** Close the window once the result is handed over (never on an error). @default true */
  closeOnSuccess?: boolean;
  /** The words shown on the page, in your language; `false` shows none. @default English */
  messages?: false | Partial<CallbackMessages>;
  /** The language of your `messages`, set as the text's `lang`. */
  locale?: string;
}

export interface CallbackMessages {
  /** The platform refused, or the user declined. */
  error: string;
  /** The page was opened without an authorization answer. */
  invalid: string;
  /** Handed over, and the window could not close itself. */
  done: string;
}

export type AuthorizationCallbackOutcome =
  | { status: 'sent'; result: AuthorizationResult }
  | { status: 'error'; result: AuthorizationResult }
  /** Nothing could carry the result to the app: no opener and no BroadcastChannel. */
  | { status: 'undelivered'; result: AuthorizationResult }
  | { status: 'invalid' };

const EN: CallbackMessages = {
  error: 'The sign-in did not finish. Close this window and try again in the app.',
  invalid: 'This page only finishes a sign-in started in the app. You can close it.',
  done: 'Signed in. You can close this window.',
};

/** This page's outcome: a second call on the same arrival (an effect run twice) gives it again. */
let last: AuthorizationCallbackOutcome | undefined;

/**
 * Reads `code`, `state`, `error`, `error_description` and every other parameter from the query
 * and the fragment, strips them from the address bar at once, and hands them to the app that
 * opened the window: by `postMessage` to `window.opener` with an exact origin, and on a
 * same-origin `BroadcastChannel` keyed by state, for when the platform severed `window.opener`.
 * Then the window closes; on an error it stays open and says so.
 */
function handleAuthorizationCallback(options: AuthorizationCallbackOptions = {}): AuthorizationCallbackOutcome {
  // Nothing in the address: the parameters were read (and stripped) by a first call.
  if (last && !location.search && !location.hash) return last;
  const params: Record<string, string> = {};
  // The query wins over the fragment.
  for (const source of [location.hash.slice(1), location.search]) for (const [key, value] of new URLSearchParams(source)) params[key] = value;
  try {
    history.replaceState(history.state, '', location.pathname);
  } catch {
    // A sandboxed page may refuse.
  }
  return (last = deliver(params, options));
}

function deliver(params: Record<string, string>, { targetOrigin = location.origin, closeOnSuccess = true, messages, locale }: AuthorizationCallbackOptions): AuthorizationCallbackOutcome {
  const words = messages === false ? undefined : { ...EN, ...messages };
  const show = (key: keyof CallbackMessages) => {
    const text = words?.[key];
    if (!text || !document.body) return;
    const paragraph = document.createElement('p');
    paragraph.setAttribute('role', 'status');
    if (locale && messages) paragraph.lang = locale;
    paragraph.textContent = text;
    document.body.replaceChildren(paragraph);
  };

  const { state } = params;
  if (!state) {
    show(params.error ? 'error' : 'invalid');
    return { status: 'invalid' };
  }
  const result: AuthorizationResult = { state, params };
  for (const [key, name] of [['code', 'code'], ['error', 'error'], ['errorDescription', 'error_description'], ['errorUri', 'error_uri']] as const) {
    if (params[name] !== undefined) result[key] = params[name];
  }
  const message: AuthorizationMessage = { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result };

  // An exact origin, never '*': `new URL('*')` throws, and nothing is sent.
  const origin = new URL(targetOrigin).origin;
  let sent = false;
  const opener = window.opener as Window | null;
  try {
    opener?.postMessage(message, origin);
    sent = !!opener;
  } catch {
    // Gone, or cross-origin now: the channel below still carries it.
  }
  if (typeof BroadcastChannel == 'function') {
    const channel = new BroadcastChannel(channelName(state));
    channel.postMessage(message);
    channel.close();
    sent = true;
  }
  if (!sent || result.error) {
    show('error');
    return { status: sent ? 'error' : 'undelivered', result };
  }
  show('done');
  if (closeOnSuccess) window.close();
  return { status: 'sent', result };
}

export { handleAuthorizationCallback };
