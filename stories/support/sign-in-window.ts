import { AUTHORIZATION_MESSAGE_TYPE } from '../../src';
import type { AuthorizationMessage, AuthorizationResult } from '../../src';

/* -------------------------------------------------------------------------------------------------
 * A stand-in for the platform's sign-in window, for stories that must hold or script a flow
 *
 * Replaces `window.open` for one story: the "window" reads `state` from the authorization URL
 * and, a moment later, answers the way a person at the platform would, through the same
 * namespaced message the real callback page sends. Browsing the page story uses the memory
 * adapter's own sign-in page instead.
 * -----------------------------------------------------------------------------------------------*/

export type SignInAnswer =
  /** The user allows access: a code comes back. */
  | 'allow'
  /** The user signs in with another account than the connection's. */
  | 'other-account'
  /** The user declines: `access_denied`. */
  | 'deny'
  /** The user closes the window without answering. */
  | 'close'
  /** The window stays open and nothing comes back (the user is still signing in). */
  | 'stay'
  /** The browser blocks the window: `window.open` returns `null`. */
  | 'blocked';

/** How long the stand-in takes to answer, so each phase is seen in turn. */
const ANSWER_AFTER_MS = 50;

/** Replaces `window.open` with the stand-in; returns the function that puts it back. */
function stubSignInWindow(answer: SignInAnswer): () => void {
  const original = window.open;
  const opened: FakeSignInWindow[] = [];
  window.open = ((url?: string | URL) => {
    if (answer === 'blocked') return null;
    const popup = new FakeSignInWindow(answer);
    opened.push(popup);
    if (url) popup.navigate(String(url));
    return popup as unknown as Window;
  }) as typeof window.open;
  return () => {
    window.open = original;
    for (const popup of opened) popup.close();
  };
}

class FakeSignInWindow {
  closed = false;
  readonly location = { replace: (url: string) => this.navigate(url) };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly answer: Exclude<SignInAnswer, 'blocked'>) {}

  focus(): void {}

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  navigate(url: string): void {
    let state = '';
    let accountId = '';
    try {
      // The memory adapter's sign-in page carries the flow in its fragment.
      const address = new URL(url);
      const params = new URLSearchParams(address.hash.slice(1) || address.search);
      state = params.get('state') ?? '';
      accountId = params.get('account_id') ?? '';
    } catch {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.respond(state, accountId), ANSWER_AFTER_MS);
  }

  private respond(state: string, accountId: string): void {
    if (this.closed || !state) return;
    switch (this.answer) {
      case 'stay':
        return;
      case 'close':
        this.close();
        return;
      case 'deny':
        send({
          state,
          error: 'access_denied',
          errorDescription: 'The account owner declined to grant access.',
          params: { state, error: 'access_denied', error_description: 'The account owner declined to grant access.' },
        });
        break;
      case 'allow':
      case 'other-account': {
        const code = `story-code-${Math.random().toString(36).slice(2)}`;
        const account = this.answer === 'allow' ? accountId : 'other-account';
        send({ state, code, params: { state, code, ...(account && { account_id: account }) } });
        break;
      }
    }
    // The callback page closes itself once it handed the answer over.
    setTimeout(() => this.close(), ANSWER_AFTER_MS);
  }
}

/** What the callback page would post to its opener, from the app's own origin. */
function send(result: AuthorizationResult): void {
  const message: AuthorizationMessage = { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result };
  window.postMessage(message, window.location.origin);
}

export { stubSignInWindow };
