import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleAuthorizationCallback } from '../../../src/core/callback';
import { AUTHORIZATION_MESSAGE_TYPE, channelName as authorizationChannelName } from '../../../src/core/message';
import { listen } from '../../../src/core/popup';
import type { AuthorizationResult } from '../../../src/core/types';
import { until, useFakeTimers } from './harness';

/* -------------------------------------------------------------------------------------------------
 * handleAuthorizationCallback, on the callback page inside the popup (SPEC §8, item 9)
 * -----------------------------------------------------------------------------------------------*/

let opener: { postMessage: ReturnType<typeof vi.fn> } | null;
let close: ReturnType<typeof vi.spyOn>;

/** The popup lands on the callback page with these parameters. */
function arriveAt(pathAndParams: string) {
  window.history.replaceState(null, '', pathAndParams);
}

beforeEach(() => {
  useFakeTimers();
  opener = { postMessage: vi.fn() };
  Object.defineProperty(window, 'opener', { configurable: true, get: () => opener });
  close = vi.spyOn(window, 'close').mockImplementation(() => {});
  document.body.replaceChildren();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, 'opener');
  window.history.replaceState(null, '', '/');
});

describe('given a page that calls it twice (an effect run twice in development)', () => {
  it('gives the first outcome again and leaves what the page says', () => {
    arriveAt('/oauth/callback?error=access_denied&error_description=Declined&state=s-1');
    const first = handleAuthorizationCallback();
    const text = document.body.textContent;
    expect(first.status).toBe('error');
    expect(handleAuthorizationCallback()).toBe(first);
    expect(document.body.textContent).toBe(text);
    expect(opener!.postMessage).toHaveBeenCalledTimes(1);
  });

  it('gives the first outcome again behind a router that keeps its own history state, and keeps that state', () => {
    window.history.replaceState({ idx: 0, key: 'default' }, '', '/oauth/callback?error=access_denied&error_description=Declined&state=s-1');
    const first = handleAuthorizationCallback();
    expect(first.status).toBe('error');
    expect(handleAuthorizationCallback()).toBe(first);
    expect(window.history.state).toMatchObject({ idx: 0, key: 'default' });
    expect(window.location.search).toBe('');
  });

  it('treats a new arrival with new parameters as new', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');
    expect(handleAuthorizationCallback().status).toBe('sent');
    arriveAt('/oauth/callback?error=access_denied&state=s-2');
    expect(handleAuthorizationCallback()).toMatchObject({ status: 'error', result: { state: 's-2' } });
  });
});

describe('given the platform redirected back with a code', () => {
  it('reads the parameters from the query and the fragment, the query winning', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1&scope=ads.read#state=from-fragment&session_state=xyz');

    const outcome = handleAuthorizationCallback();

    expect(outcome).toEqual({
      status: 'sent',
      result: { state: 's-1', code: 'abc', params: { code: 'abc', state: 's-1', scope: 'ads.read', session_state: 'xyz' } },
    });
  });

  it('reads a result that came only in the fragment', () => {
    arriveAt('/oauth/callback#code=abc&state=s-1');

    expect(handleAuthorizationCallback()).toMatchObject({ status: 'sent', result: { code: 'abc', state: 's-1' } });
  });

  it('strips the parameters from the address bar before handing them over', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1#x=1');
    const replaceState = vi.spyOn(window.history, 'replaceState');

    handleAuthorizationCallback();

    expect(window.location.pathname).toBe('/oauth/callback');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('');
    expect(replaceState.mock.invocationCallOrder[0]).toBeLessThan(opener!.postMessage.mock.invocationCallOrder[0]!);
  });

  it('posts the namespaced message to the opener with the exact origin of this page', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');

    handleAuthorizationCallback();

    expect(opener!.postMessage).toHaveBeenCalledTimes(1);
    expect(opener!.postMessage).toHaveBeenCalledWith(
      { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { state: 's-1', code: 'abc', params: { code: 'abc', state: 's-1' } } },
      window.location.origin,
    );
  });

  it('posts to the target origin it is given', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');

    handleAuthorizationCallback({ targetOrigin: 'https://app.example.com' });

    expect(opener!.postMessage).toHaveBeenCalledWith(expect.anything(), 'https://app.example.com');
  });

  it('refuses "*" as the target origin and sends nothing', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');
    const post = vi.spyOn(BroadcastChannel.prototype, 'postMessage');

    expect(() => handleAuthorizationCallback({ targetOrigin: '*' })).toThrow(TypeError);
    expect(opener!.postMessage).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
    // The code still leaves the address bar.
    expect(window.location.search).toBe('');
  });

  it('closes the window once the answer is handed over, and says it is done if the browser keeps it open', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');

    handleAuthorizationCallback();

    expect(close).toHaveBeenCalledTimes(1);
    expect(close.mock.invocationCallOrder[0]).toBeGreaterThan(opener!.postMessage.mock.invocationCallOrder[0]!);
    expect(document.body.querySelector('[role="status"]')?.textContent).toBe('Signed in. You can close this window.');
  });

  it('stays open when told not to close', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');

    handleAuthorizationCallback({ closeOnSuccess: false, messages: { done: 'All set.' } });

    expect(close).not.toHaveBeenCalled();
    expect(document.body.textContent).toBe('All set.');
  });

  it('hands the result over on a same-origin BroadcastChannel keyed by state when window.opener is gone', async () => {
    opener = null;
    arriveAt('/oauth/callback?code=abc&state=s-2');
    const received: unknown[] = [];
    const channel = new BroadcastChannel(authorizationChannelName('s-2'));
    channel.onmessage = (event: MessageEvent) => received.push(event.data);

    try {
      expect(handleAuthorizationCallback()).toMatchObject({ status: 'sent' });
      await until(() => received.length > 0);
    } finally {
      channel.close();
    }

    expect(received).toEqual([
      { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { state: 's-2', code: 'abc', params: { code: 'abc', state: 's-2' } } },
    ]);
  });

  it('sends a message the opening app accepts', () => {
    arriveAt('/oauth/callback?code=abc&state=s-3');
    const results: AuthorizationResult[] = [];
    const stop = listen('s-3', window.location.origin, (r) => results.push(r));
    opener!.postMessage.mockImplementation((data: unknown, targetOrigin: string) => {
      window.dispatchEvent(new window.MessageEvent('message', { data, origin: targetOrigin }));
    });

    try {
      handleAuthorizationCallback();
    } finally {
      stop();
    }

    expect(results).toEqual([{ state: 's-3', code: 'abc', params: { code: 'abc', state: 's-3' } }]);
  });
});

describe('given the platform redirected back with an error', () => {
  it('hands the error over, stays open and says what happened as text', () => {
    const description = '<img src=x onerror=alert(1)>Denied';
    arriveAt(`/oauth/callback?error=access_denied&error_description=${encodeURIComponent(description)}&state=s-1`);

    const outcome = handleAuthorizationCallback();
    vi.advanceTimersByTime(1000);

    expect(outcome).toMatchObject({ status: 'error', result: { error: 'access_denied', errorDescription: description } });
    expect(opener!.postMessage).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
    const status = document.body.querySelector('[role="status"]');
    expect(status?.textContent).toBe('The sign-in did not finish. Close this window and try again in the app.');
    expect(document.body.querySelector('img')).toBeNull();
  });

  it('shows the integrator’s own wording', () => {
    arriveAt('/oauth/callback?error=server_error&state=s-1');

    handleAuthorizationCallback({ messages: { error: 'Something went wrong on the platform.' } });

    expect(document.body.textContent).toBe('Something went wrong on the platform.');
  });
});

describe('given the page is opened without an authorization answer', () => {
  it('sends nothing and says what the page is for', () => {
    arriveAt('/oauth/callback?code=abc');
    const post = vi.spyOn(BroadcastChannel.prototype, 'postMessage');

    expect(handleAuthorizationCallback()).toEqual({ status: 'invalid' });
    expect(opener!.postMessage).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
    expect(document.body.textContent).toMatch(/only finishes a sign-in started in the app/);
  });

  it('leaves the page alone when told to render its own message', () => {
    arriveAt('/oauth/callback');
    document.body.textContent = 'custom';

    expect(handleAuthorizationCallback({ messages: false })).toEqual({ status: 'invalid' });
    expect(document.body.textContent).toBe('custom');
  });
});

describe('given words in another language', () => {
  it('shows them, marked with their language', () => {
    arriveAt('/oauth/callback?error=access_denied&state=s-1');

    handleAuthorizationCallback({ locale: 'fr', messages: { error: 'La connexion a échoué.' } });

    const status = document.body.querySelector('[role="status"]');
    expect(status?.textContent).toBe('La connexion a échoué.');
    expect(status?.getAttribute('lang')).toBe('fr');
  });

  it('does not mark the built-in English with another language', () => {
    arriveAt('/oauth/callback?error=access_denied&state=s-1');

    handleAuthorizationCallback({ locale: 'fr' });

    expect(document.body.querySelector('[role="status"]')?.hasAttribute('lang')).toBe(false);
  });
});

describe('given nothing can carry the result to the app', () => {
  it('stays open and says the sign-in did not complete, instead of closing as if it had', () => {
    arriveAt('/oauth/callback?code=abc&state=s-1');
    opener = null;
    vi.stubGlobal('BroadcastChannel', undefined);

    const outcome = handleAuthorizationCallback();
    vi.advanceTimersByTime(1000);

    expect(outcome).toMatchObject({ status: 'undelivered', result: { state: 's-1', code: 'abc' } });
    expect(close).not.toHaveBeenCalled();
    expect(document.body.textContent).toBe('The sign-in did not finish. Close this window and try again in the app.');
    vi.unstubAllGlobals();
  });
});

describe('given the platform answered with an error but no state', () => {
  it('says the sign-in did not complete rather than that the page was opened by mistake', () => {
    arriveAt('/oauth/callback?error=invalid_request&error_description=Missing+client_id');

    expect(handleAuthorizationCallback()).toEqual({ status: 'invalid' });
    expect(document.body.textContent).toBe('The sign-in did not finish. Close this window and try again in the app.');
  });
});
