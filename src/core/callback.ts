import { toOrigin } from './authorization-listener';
import { authorizationChannelName, createAuthorizationMessage, isAuthorizationReceipt } from './authorization-message';
import type { AuthorizationResult } from './types';

/* -------------------------------------------------------------------------------------------------
 * handleAuthorizationCallback — for the OAuth callback page
 * -----------------------------------------------------------------------------------------------*/

export interface AuthorizationCallbackOptions {
  /**
   * The origin of the page that opened the popup, compared exactly by the browser. Never `'*'`.
   * @default window.location.origin
   */
  targetOrigin?: string;
  /** Close the window once the app says it has the result (not on error). @default true */
  closeOnSuccess?: boolean;
  /**
   * The language of the built-in words: a tag starting with `es` speaks Spanish, anything else
   * English. The message's `lang` is this tag where its words are in it (Spanish, or your own
   * `messages`), and `en` where the built-in English stands in. @default English
   */
  locale?: string;
  /**
   * Writes a short message into the page (as text) when something went wrong or the window
   * could not close. Pass `false` to render your own from the returned outcome.
   */
  messages?: false | Partial<CallbackMessages>;
}

export interface CallbackMessages {
  /** The platform refused or the user declined. */
  error: string;
  /** The page was opened without the parameters of an authorization answer. */
  invalid: string;
  /** Handed over, but the window could not close itself. */
  done: string;
  /** Handed over, but the app never said it took it (its tab was reloaded or closed, say). */
  lost: string;
}

export type AuthorizationCallbackOutcome =
  /** `received` settles with whether the app said, within 3 seconds, that it took the answer. */
  | { status: 'sent'; result: AuthorizationResult; received: Promise<boolean> }
  | { status: 'error'; result: AuthorizationResult }
  /** Nothing could carry the result to the app (no opener and no BroadcastChannel): the page stays. */
  | { status: 'undelivered'; result: AuthorizationResult }
  | { status: 'invalid' };

const EN: CallbackMessages = {
  error: 'The sign-in did not complete. You can close this window and try again from the app.',
  invalid: 'This page only completes a sign-in started from the app. You can close this window.',
  done: 'Signed in. You can close this window.',
  lost: 'The app did not get this sign-in. Try again from the app.',
};

const ES: CallbackMessages = {
  error: 'No se pudo completar el inicio de sesión. Puede cerrar esta ventana y volver a intentarlo desde la aplicación.',
  invalid: 'Esta página solo sirve para terminar un inicio de sesión abierto desde la aplicación. Puede cerrar esta ventana.',
  done: 'Sesión iniciada. Puede cerrar esta ventana.',
  lost: 'La aplicación no recibió este inicio de sesión. Vuelva a intentarlo desde ella.',
};

/**
 * Call this on the OAuth callback page (the redirect URI, on the app's own origin). It reads
 * `code`, `state`, `error`, `error_description` and every other parameter from the query and the
 * fragment, removes them from the address bar at once, and hands them to the app that opened the
 * window: by `postMessage` to `window.opener` with an exact target origin, and on a same-origin
 * `BroadcastChannel` keyed by state, which still arrives when the platform's
 * Cross-Origin-Opener-Policy severed `window.opener`. On success the window closes itself once
 * the app says it has the answer (or, if it never does, stays open and says so); on an error it
 * stays open and says what happened.
 */
function handleAuthorizationCallback(options: AuthorizationCallbackOptions = {}): AuthorizationCallbackOutcome {
  const { history } = window;
  const state: unknown = history.state;
  // Called again on this page (an effect run twice): the answer is gone from the address, so
  // give the first outcome again rather than call it invalid and replace what the page says.
  if (last && (state as Record<string, unknown> | null)?.[HANDLED]) return last;
  const params = readParams(window.location);
  // Codes must not linger in the address bar, the history or a Referer, whatever happens next.
  // The history entry is marked for a second call, keeping any state a router put there.
  const marked = state === null || state === undefined ? { [HANDLED]: true } : typeof state === 'object' ? { ...state, [HANDLED]: true } : state;
  try {
    history.replaceState(marked, '', window.location.pathname);
  } catch {
    // A sandboxed page may refuse; the parameters are still read only once.
  }
  return (last = handle(params, options));
}

const HANDLED = 'react-connected-accounts:callback-handled';

/** This page's first outcome. */
let last: AuthorizationCallbackOutcome | undefined;

/** Hands the parameters read from the address on to the app, and says what happened. */
function handle(params: Record<string, string>, options: AuthorizationCallbackOptions): AuthorizationCallbackOutcome {
  const { targetOrigin = window.location.origin, closeOnSuccess = true } = options;
  if (targetOrigin === '*') throw new TypeError('handleAuthorizationCallback() needs an exact targetOrigin, never "*".');
  const builtIn = builtInMessages(options.locale);
  const messages = options.messages === false ? null : { ...builtIn, ...options.messages };
  // Words in English under a French tag would be read with a French voice.
  const tagFits = builtIn === ES || options.messages || /^en(?:[-_]|$)/i.test(options.locale ?? '');
  const lang = options.locale && (tagFits ? options.locale.replace(/_/g, '-') : 'en');
  const show = (text: string | undefined) => showText(text, lang);

  const state = params.state;
  if (!state) {
    // Without a state the answer belongs to no sign-in; a platform's error still reads as one.
    show(params.error ? messages?.error : messages?.invalid);
    return { status: 'invalid' };
  }

  const result: AuthorizationResult = {
    state,
    ...(params.code !== undefined && { code: params.code }),
    ...(params.error !== undefined && { error: params.error }),
    ...(params.error_description !== undefined && { errorDescription: params.error_description }),
    ...(params.error_uri !== undefined && { errorUri: params.error_uri }),
    params,
  };
  const message = createAuthorizationMessage(result);

  let delivered = false;
  const opener = window.opener as Window | null;
  if (opener && opener !== window) {
    try {
      opener.postMessage(message, targetOrigin);
      delivered = true;
    } catch {
      // The opener navigated away or is cross-origin now; the channel below still carries it.
    }
  }
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(authorizationChannelName(state)) : undefined;
  if (channel) {
    channel.postMessage(message);
    delivered = true;
  }

  if (!delivered || result.error) {
    channel?.close();
    // Stays open: closing would leave the app waiting until its timeout with nothing said, and
    // an error is the app's to report (it closes the window once it has the answer).
    show(messages?.error);
    return { status: delivered ? 'error' : 'undelivered', result };
  }
  // Sent is not received (an app tab reloaded mid-sign-in listens no more): close, or say it is
  // done, only once the app says it has the answer.
  const received = receipt(state, toOrigin(targetOrigin), channel);
  void received.then((got) => {
    if (!got) show(messages?.lost);
    else if (!closeOnSuccess) show(messages?.done);
    else {
      window.close();
      // Still here: the browser refused to close a window this script did not open.
      setTimeout(() => show(messages?.done), 100);
    }
  });
  return { status: 'sent', result, received };
}

/** How long the page waits for the app to say it has the answer. */
const RECEIPT_MS = 3000;

/** Whether the app says it took the answer for `state`, by message from `from` or on the channel. */
function receipt(state: string, from: string | null, channel: BroadcastChannel | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (got: boolean) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      channel?.close();
      resolve(got);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin === from && isAuthorizationReceipt(event.data, state)) done(true);
    };
    window.addEventListener('message', onMessage);
    if (channel) channel.onmessage = (event: MessageEvent) => isAuthorizationReceipt(event.data, state) && done(true);
    const timer = setTimeout(() => done(false), RECEIPT_MS);
  });
}

function readParams(location: Location): Record<string, string> {
  const params: Record<string, string> = {};
  const add = (source: string) => {
    for (const [key, value] of new URLSearchParams(source)) params[key] = value;
  };
  add(location.hash.replace(/^#/, ''));
  // The query wins over the fragment where both carry a parameter.
  add(location.search);
  return params;
}

/** Spanish for `es`, `es-MX`, `es_ES`…; English for everything else. */
function builtInMessages(locale: string | undefined): CallbackMessages {
  return locale && /^es(?:[-_]|$)/i.test(locale) ? ES : EN;
}

function showText(text: string | undefined, lang: string | undefined): void {
  if (!text || typeof document === 'undefined' || !document.body) return;
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'status');
  if (lang) paragraph.setAttribute('lang', lang);
  paragraph.textContent = text;
  document.body.replaceChildren(paragraph);
}

export { handleAuthorizationCallback };
