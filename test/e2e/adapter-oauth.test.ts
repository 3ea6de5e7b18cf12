import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, loopbackContext } from './support/chromium';
import { startOAuthStack } from './support/oauth-stack';
import type { OAuthStack } from './support/oauth-stack';

/* -------------------------------------------------------------------------------------------------
 * Re-authorizing through the example backend and a real OpenID Connect server, in Chromium
 * -----------------------------------------------------------------------------------------------*/

let browser: Browser;
let stack: OAuthStack;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  stack = await startOAuthStack();
  context = await loopbackContext(browser);
  page = await context.newPage();
  await page.goto(`${stack.origin}/`);
});

afterEach(async () => {
  await context?.close();
  await stack?.close();
});

const row = (id: string) => page.locator(`li[data-connection-id="${id}"]`);
const announcement = () => page.locator('p.announcement');

/** Clicks the red key of a row and returns the sign-in window, with the callback URLs it visits. */
async function openSignIn(accountName: string) {
  const callbacks: URL[] = [];
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: `Re-authorize ${accountName}` }).click();
  const popup = await opened;
  popup.on('request', (request) => {
    const url = new URL(request.url());
    if (`${url.origin}${url.pathname}` === `${stack.origin}/oauth/callback`) callbacks.push(url);
  });
  // The platform's own login page, on its own origin.
  await popup.locator('input[name="login"]').waitFor();
  expect(new URL(popup.url()).origin).toBe(stack.issuer);
  return { popup, callbacks };
}

async function signInAndConsent(popup: Page, login: string) {
  await popup.locator('input[name="login"]').fill(login);
  await popup.locator('input[name="password"]').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.getByRole('button', { name: 'Continue' }).click();
}

/**
 * Signs in on the platform in a tab of its own (no opener), for a sign-in the test started, and
 * returns the answer the platform sent to the callback page.
 */
async function signInWithoutTheApp(url: string, login: string): Promise<Record<string, string>> {
  const tab = await context.newPage();
  try {
    let answered: URL | undefined;
    tab.on('request', (request) => {
      const target = new URL(request.url());
      if (`${target.origin}${target.pathname}` === `${stack.origin}/oauth/callback`) answered = target;
    });
    await tab.goto(url);
    await signInAndConsent(tab, login);
    await tab.waitForURL((current) => current.origin === stack.origin);
    if (!answered) throw new Error('The platform never redirected to the callback page.');
    return Object.fromEntries(answered.searchParams);
  } finally {
    await tab.close();
  }
}

/** Posts to the example API from the app's page, as the adapter does (same origin, session cookie). */
function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(
    async ([url, payload]) => {
      const response = await fetch(url as string, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
      return { status: response.status, body: await response.json() };
    },
    [`${stack.origin}/api${path}`, body] as const,
  );
}

describe('given a lapsed Google Ads connection', () => {
  it('turns connected after the user signs in and consents on the platform\'s page in the popup', async () => {
    await expect.poll(() => row('gads-search').getAttribute('data-status')).toBe('authorization_required');
    const { popup, callbacks } = await openSignIn('Acme Search');
    // The backend asked the platform for this account.
    await expect.poll(() => popup.locator('input[name="login"]').inputValue()).toBe('acme-search');

    await signInAndConsent(popup, 'acme-search');

    await expect.poll(() => row('gads-search').getAttribute('data-status')).toBe('connected');
    await expect.poll(() => announcement().textContent()).toBe('Acme Search reconnected.');
    await expect.poll(() => popup.isClosed()).toBe(true);
    // The platform answered on the app's callback page with a code, the flow's state and its issuer.
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.searchParams.get('code')).toBeTruthy();
    expect(callbacks[0]!.searchParams.get('iss')).toBe(stack.issuer);
    // The key button is gone, and nothing the browser can read carries a token.
    await expect.poll(() => page.getByRole('button', { name: 'Re-authorize Acme Search' }).count()).toBe(0);
    const listed = await page.evaluate(async (url) => (await fetch(url)).text(), `${stack.origin}/api/connections`);
    expect(listed).not.toMatch(/token/i);
  });

  it('reads as cancelled, and stays lapsed, when the user cancels on the platform\'s page', async () => {
    const { popup, callbacks } = await openSignIn('Acme Search');
    await popup.getByRole('link', { name: '[ Cancel ]' }).click();

    await expect.poll(() => announcement().textContent()).toBe('Sign-in for Acme Search was cancelled; it still needs authorization.');
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.searchParams.get('error')).toBe('access_denied');
    expect(await row('gads-search').getAttribute('data-status')).toBe('authorization_required');
    await expect.poll(() => popup.isClosed()).toBe(true);
    // The key is still there for another try.
    expect(await page.getByRole('button', { name: 'Re-authorize Acme Search' }).count()).toBe(1);
  });

  it('refuses a grant for a different account and keeps the connection lapsed', async () => {
    const { popup } = await openSignIn('Acme Search');
    await signInAndConsent(popup, 'someone-else');

    await expect.poll(() => announcement().textContent()).toBe(
      'Acme Search could not be re-authorized: You signed in as "someone-else", but this connection belongs to "acme-search".',
    );
    expect(await row('gads-search').getAttribute('data-status')).toBe('authorization_required');
  });
});

describe('given a lapsed Salesforce connection re-authorized once', () => {
  it('refuses the same authorization code when it is replayed', async () => {
    const { popup, callbacks } = await openSignIn('Acme Production');
    await signInAndConsent(popup, 'acme-crm');
    // A CRM first pushes what it missed, then reports connected over the event stream.
    await expect.poll(() => row('sfdc-prod').getAttribute('data-status')).toMatch(/^(backfilling|connected)$/);
    await expect.poll(() => row('sfdc-prod').getAttribute('data-status')).toBe('connected');

    const code = callbacks[0]!.searchParams.get('code')!;
    const state = callbacks[0]!.searchParams.get('state')!;
    const params = Object.fromEntries(callbacks[0]!.searchParams);

    // The same answer again: its state is spent.
    const replay = await post('/connections/sfdc-prod/authorization/complete', { code, state, params });
    expect(replay).toMatchObject({ status: 400, body: { code: 'state_mismatch' } });

    // The same code under a fresh state of this session: the platform refuses to exchange it twice.
    const fresh = await post('/connections/sfdc-prod/authorization', {});
    expect(fresh.status).toBe(200);
    const reused = await post('/connections/sfdc-prod/authorization/complete', { code, state: fresh.body.state, params: { ...params, state: fresh.body.state } });
    expect(reused).toMatchObject({ status: 400, body: { code: 'provider_error', providerError: 'invalid_grant' } });
  });

  it('refuses an answer that does not name the platform, or names another one (RFC 9207)', async () => {
    // The test starts this sign-in itself, on a tab with no opener. No flow of the app listens
    // for its state, so only the test sends its answer. It used to sign in through the app's
    // popup and hold the answer back with a route. Playwright does not route a redirect's
    // target, though: the callback page reached the app, and on a slow machine the app spent
    // the state first (state_mismatch).
    const started = await post('/connections/sfdc-prod/authorization', {});
    expect(started.status).toBe(200);
    const params = await signInWithoutTheApp(started.body.url as string, 'acme-crm');
    expect(params.state).toBe(started.body.state);
    expect(params.iss).toBe(stack.issuer);
    const { iss: _iss, ...withoutIss } = params;
    const answer = (extra: Record<string, string>) => ({ code: params.code, state: params.state, params: { ...withoutIss, ...extra } });

    // Each refusal spends the state, so each answer goes under a fresh one.
    expect(await post('/connections/sfdc-prod/authorization/complete', answer({}))).toMatchObject({
      status: 400,
      body: { code: 'provider_error', providerError: 'invalid_issuer' },
    });
    const again = await post('/connections/sfdc-prod/authorization', {});
    expect(again.status).toBe(200);
    expect(await post('/connections/sfdc-prod/authorization/complete', { ...answer({ iss: 'https://elsewhere.example' }), state: again.body.state })).toMatchObject({
      status: 400,
      body: { code: 'provider_error', providerError: 'invalid_issuer' },
    });
    expect(await row('sfdc-prod').getAttribute('data-status')).toBe('authorization_required');
  });

  it('keeps the ten newest sign-ins of a session and forgets older ones', async () => {
    const states: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      const started = await post('/connections/sfdc-prod/authorization', {});
      expect(started.status).toBe(200);
      states.push(started.body.state as string);
    }
    const complete = (state: string) => post('/connections/sfdc-prod/authorization/complete', { code: 'not-a-code', state, params: { state, iss: stack.issuer } });
    // The oldest is gone; the newest still reaches the code exchange (which refuses the code).
    expect(await complete(states[0]!)).toMatchObject({ status: 400, body: { code: 'state_mismatch' } });
    expect(await complete(states[10]!)).toMatchObject({ status: 400, body: { code: 'provider_error', providerError: 'invalid_grant' } });
  });

  it('starts no session for assets or unknown paths', async () => {
    for (const path of ['/assets/demo.js', '/no-such-page', '/oauth/callback']) {
      const response = await fetch(`${stack.origin}${path}`);
      expect(response.headers.get('set-cookie'), path).toBeNull();
    }
    expect((await fetch(`${stack.origin}/`)).headers.get('set-cookie')).toMatch(/^rca_session=/);
  });

  it('answers a malformed connection id in the address with 400, not a server error', async () => {
    expect(await post('/connections/%E0%A4%A/authorization', {})).toMatchObject({ status: 400, body: { code: 'adapter_failed' } });
  });

  it('refuses a state started by another session', async () => {
    const started = await post('/connections/sfdc-prod/authorization', {});
    expect(started.status).toBe(200);
    const stranger = await browser.newContext();
    try {
      const other = await stranger.newPage();
      await other.goto(`${stack.origin}/`);
      const answer = await other.evaluate(
        async ([url, state]) => {
          const response = await fetch(url as string, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'x', state, params: {} }) });
          return { status: response.status, body: await response.json() };
        },
        [`${stack.origin}/api/connections/sfdc-prod/authorization/complete`, started.body.state] as const,
      );
      expect(answer).toMatchObject({ status: 400, body: { code: 'state_mismatch' } });
    } finally {
      await stranger.close();
    }
  });
});
