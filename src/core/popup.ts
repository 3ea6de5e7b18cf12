import { AUTHORIZATION_MESSAGE_TYPE, channelName } from './message';
import type { AuthorizationResult } from './types';

/* -------------------------------------------------------------------------------------------------
 * The sign-in window: opened, watched, closed and listened to here, and nowhere else
 * -----------------------------------------------------------------------------------------------*/

export interface PopupOptions {
  /** @default 520 */
  width?: number;
  /** @default 680 */
  height?: number;
}

/**
 * Opens the window inside the user's click, blank until the platform's address is known. Never
 * `noopener`: the callback page needs `window.opener`, and a severed window reads as blocked.
 * `null` when the browser blocked it.
 */
function openPopup({ width = 520, height = 680 }: PopupOptions = {}, url = ''): Window | null {
  try {
    const popup = window.open(url, '_blank', `popup=yes,width=${width},height=${height}`);
    return popup && !isClosed(popup) ? popup : null;
  } catch {
    return null;
  }
}

/** `closed` can throw on a window the platform severed: that counts as closed. */
function isClosed(popup: Window): boolean {
  try {
    return popup.closed;
  } catch {
    return true;
  }
}

/**
 * Closes the window, and looks again six times over 12.6 s: Chromium can lose a `close()` that
 * lands while the window is between two pages (it reads closed, then open again).
 */
function closePopup(popup: Window | null, wait = 200): void {
  try {
    if (!popup || (wait === 200 && popup.closed)) return;
    if (!popup.closed) popup.close();
  } catch {
    return;
  }
  if (wait <= 6400) setTimeout(closePopup, wait, popup, wait * 2);
}

/**
 * Calls `onClosed` once the window closes: checked every 500 ms, and at once when the app's
 * window comes back to the front (a hidden page's timers may be slowed). Returns the stop function.
 */
function watchClosed(popup: Window, onClosed: () => void): () => void {
  const check = () => {
    if (!isClosed(popup)) return;
    stop();
    onClosed();
  };
  const timer = setInterval(check, 500);
  addEventListener('focus', check);
  const stop = () => {
    clearInterval(timer);
    removeEventListener('focus', check);
  };
  return stop;
}

/**
 * The authorization URL to open, or `undefined`: `https:`, or `http:` on a loopback host, without
 * a user name or password. `blob:` of the app's own origin only for `allowBlob` (the memory adapter).
 */
function safeUrl(value: unknown, allowBlob?: boolean): string | undefined {
  try {
    const url = new URL(value as string);
    const { protocol } = url;
    if (typeof value != 'string' || url.username || url.password) return;
    if (protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) return url.href;
    if (allowBlob && protocol === 'blob:' && url.origin === location.origin) return url.href;
  } catch {
    // Not a URL.
  }
}

/** The origin of an http(s) origin or URL, or `null`. */
function toOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Listens for the result with this `state`: `message` events from `origin` exactly, and the
 * `BroadcastChannel` keyed by state when `origin` is the app's own. Anything of another origin,
 * shape or state is ignored. Returns the function that stops listening.
 */
function listen(state: string, origin: string, onResult: (result: AuthorizationResult) => void): () => void {
  const accept = (data: unknown) => {
    const result = readResult(data);
    if (result?.state === state) onResult(result);
  };
  const onMessage = (event: MessageEvent) => event.origin === origin && accept(event.data);
  addEventListener('message', onMessage);
  const channel = origin === location.origin && typeof BroadcastChannel == 'function' ? new BroadcastChannel(channelName(state)) : null;
  if (channel) channel.onmessage = (event) => accept(event.data);
  return () => {
    removeEventListener('message', onMessage);
    channel?.close();
  };
}

/** The result inside a message of exactly the library's shape, or `null`: text where text belongs, string params. */
function readResult(data: unknown): AuthorizationResult | null {
  const message = data as { type?: unknown; version?: unknown; result?: AuthorizationResult } | null;
  const result = message?.type === AUTHORIZATION_MESSAGE_TYPE && message.version === 1 ? message.result : undefined;
  const { state, params, ...rest } = result ?? {};
  const text = (value: unknown) => value === undefined || typeof value == 'string';
  return result && state && typeof state == 'string' && params && typeof params == 'object' && Object.values(params).every(text) && Object.values(rest).every(text) ? result : null;
}

export { closePopup, isClosed, listen, openPopup, readResult, safeUrl, toOrigin, watchClosed };
