import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter';
import type { ConnectionsAdapter } from '../../src/core/types';
import { describeAdapterContract } from '../../src/testing';
import { launchChromium, loopbackContext } from './support/chromium';
import { createNodeSession } from './support/node-session';
import type { NodeSession } from './support/node-session';
import { startOAuthStack } from './support/oauth-stack';
import type { OAuthStack } from './support/oauth-stack';

/* -------------------------------------------------------------------------------------------------
 * The reference adapter and the example backend pass the contract kit against a real
 * OpenID Connect server; Chromium plays the user on the platform's login and consent pages.
 * -----------------------------------------------------------------------------------------------*/

let stack: OAuthStack;
let browser: Browser;
const sessions = new WeakMap<ConnectionsAdapter, NodeSession>();

beforeAll(async () => {
  [stack, browser] = await Promise.all([startOAuthStack(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describeAdapterContract({
  name: 'the fetch adapter on the example backend',
  createAdapter: () => {
    const session = createNodeSession(stack.origin);
    const adapter = createFetchAdapter({ baseUrl: `${stack.origin}/api`, fetch: session.fetch, EventSource: session.EventSource });
    sessions.set(adapter, session);
    return adapter;
  },
  describe,
  it,
  authorize: async (url, { connection }) => {
    const context = await loopbackContext(browser);
    try {
      const page = await context.newPage();
      let answered: URL | undefined;
      // The platform redirects to the callback page; the request carries its answer.
      page.on('request', (request) => {
        const target = new URL(request.url());
        if (`${target.origin}${target.pathname}` === `${stack.origin}/oauth/callback`) answered = target;
      });
      await page.goto(url);
      await page.locator('input[name="login"]').fill(connection.accountId ?? '');
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((current) => current.origin === stack.origin);
      if (!answered) throw new Error('The platform never redirected to the callback page.');
      return { code: answered.searchParams.get('code') ?? '', params: Object.fromEntries(answered.searchParams) };
    } finally {
      await context.close();
    }
  },
  // Signing in to the login-form connection makes the backend push its new state.
  pushChange: async (adapter) => {
    const [onPremises] = (await adapter.listConnections({ signal: new AbortController().signal })).filter((connection) => connection.authMethod === 'credentials');
    await adapter.submitCredentials!(onPremises!, { username: 'ana', password: 'correct horse' }, { signal: new AbortController().signal });
  },
  failNextCall: (adapter) => sessions.get(adapter)!.failNextRequest(),
  // The example backend's stand-in login check refuses this password (HTTP 401, invalid_credentials).
  refusedCredentials: { username: 'ana', password: 'wrong' },
  // The note the example backend kept with the latest request to an admin about this connection.
  readRequestNote: (_, connection) => stack.requests().filter((request) => request.connectionId === connection.id).at(-1)?.note,
  testTimeoutMs: 30_000,
});
