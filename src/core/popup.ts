/* -------------------------------------------------------------------------------------------------
 * The sign-in popup: opened, navigated, watched and closed here, and nowhere else
 * -----------------------------------------------------------------------------------------------*/

export interface PopupOptions {
  /** @default 520 */
  width?: number;
  /** @default 680 */
  height?: number;
  /** Shown in the blank window while the authorization URL is fetched. */
  loadingText?: string;
}

/** How often the popup is checked for being closed: "within about a second". */
const CLOSED_POLL_MS = 500;
/**
 * A window told to close is looked at again after 200 ms, then after waits doubling to 6.4 s:
 * six looks over 12.6 s, long enough for a slow platform page to arrive. The last timer a flow
 * leaves behind, ending by itself.
 */
const CLOSE_FIRST_LOOK_MS = 200;
const CLOSE_LAST_LOOK_MS = 6400;
const CLOSING_MS = 2 * CLOSE_LAST_LOOK_MS - CLOSE_FIRST_LOOK_MS;

/**
 * Opens the popup synchronously, inside the user's click, on a blank same-origin page; it is
 * navigated to the platform once the authorization URL is known. The features never sever the
 * opener: the callback page needs `window.opener`, and a severed popup makes `window.open`
 * return `null`, which would read as blocked.
 * Returns `null` when the browser blocked it.
 */
function openPopup(options: PopupOptions = {}, url = ''): Window | null {
  let popup: Window | null = null;
  try {
    // Unnamed (`_blank`): a new window every time. A named one could be handed back (a window
    // still closing, or one left from before the app's page was reloaded, on an old sign-in),
    // and any frame that knows the name could send the user's sign-in window elsewhere.
    popup = window.open(url, '_blank', popupFeatures(options));
  } catch {
    return null;
  }
  if (!popup || isClosed(popup)) return null;
  if (!url && options.loadingText) showLoadingText(popup, options.loadingText);
  return popup;
}

/** Sends an open popup to the platform's authorization URL. */
function navigatePopup(popup: Window, url: string): void {
  popup.location.replace(url);
}

function focusPopup(popup: Window): void {
  try {
    popup.focus();
  } catch {
    // A popup the platform took into another browsing context group cannot be focused.
  }
}

/**
 * Closes the window. Chromium can lose a `close()` that lands while the window is between two
 * pages (the platform's page still loading after `navigatePopup`): `closed` reads true at once,
 * then false again once the new page is in. So the window is looked at again for a while (see
 * CLOSING_MS) and asked again whenever it is still there: a cancelled, timed-out or superseded
 * sign-in leaves no window behind. A window the user already closed needs none of this.
 */
function closePopup(popup: Window | null | undefined): void {
  if (popup && !isClosed(popup)) closeUntilGone(popup, CLOSE_FIRST_LOOK_MS);
}

function closeUntilGone(popup: Window, wait: number): void {
  try {
    if (!popup.closed) popup.close();
  } catch {
    return; // Gone already.
  }
  if (wait <= CLOSE_LAST_LOOK_MS) setTimeout(() => closeUntilGone(popup, wait * 2), wait);
}

/** `window.closed` can throw on a severed cross-origin window; treat that as closed. */
function isClosed(popup: Window): boolean {
  try {
    return popup.closed;
  } catch {
    return true;
  }
}

/** Calls `onClosed` once, within about a second of the popup closing. Returns the stop function. */
function watchPopupClosed(popup: Window, onClosed: () => void): () => void {
  const check = () => {
    if (!isClosed(popup)) return;
    stop();
    onClosed();
  };
  const timer = setInterval(check, CLOSED_POLL_MS);
  // The app's window comes back to the front when the sign-in window closes: check at once, since
  // a browser may slow a background page's timers to one tick a second or less.
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  const stop = () => {
    clearInterval(timer);
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', check);
  };
  return stop;
}

function popupFeatures({ width = 520, height = 680 }: PopupOptions): string {
  const outerWidth = window.outerWidth || window.innerWidth || width;
  const outerHeight = window.outerHeight || window.innerHeight || height;
  const w = Math.min(width, window.screen?.availWidth || width);
  const h = Math.min(height, window.screen?.availHeight || height);
  const left = Math.max(0, Math.round((window.screenX ?? 0) + (outerWidth - w) / 2));
  const top = Math.max(0, Math.round((window.screenY ?? 0) + (outerHeight - h) / 2));
  return `popup=yes,width=${w},height=${h},left=${left},top=${top}`;
}

function showLoadingText(popup: Window, text: string): void {
  try {
    const doc = popup.document;
    doc.title = text;
    const paragraph = doc.createElement('p');
    paragraph.textContent = text;
    paragraph.setAttribute('style', 'font: 16px system-ui, sans-serif; margin: 2rem; text-align: center');
    doc.body?.replaceChildren(paragraph);
  } catch {
    // Not same-origin (should not happen for a blank page): the text is only a nicety.
  }
}

export { closePopup, focusPopup, isClosed, navigatePopup, openPopup, watchPopupClosed, CLOSING_MS };
