import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter';
import { ConnectionList } from '../../src/components/connection-list';
import { ConnectionsError } from '../../src/core/errors';
import type { Connection, ConnectionsAdapter } from '../../src/core/types';
import { ConnectionsProvider } from '../../src/react/context';
import '../../src/styles.css';

/* -------------------------------------------------------------------------------------------------
 * SPEC §8.20 on a real heap: once a refused login is over and its dialog closed, no string in
 * the page's heap holds the password. Playwright types the password from Node, so the test's own
 * code never holds it; only the form, the store and the adapter ever see it.
 * -----------------------------------------------------------------------------------------------*/

afterEach(cleanup);

const onPremises: Connection = {
  id: 'd365-onprem',
  provider: 'dynamics365',
  category: 'crm',
  accountName: 'Acme On-Premises',
  accountId: 'onprem-01',
  status: 'authorization_required',
  statusSince: new Date(Date.now() - 9 * 3_600_000).toISOString(),
  authMethod: 'credentials',
};

const REFUSED = 'The username or password was not accepted.';

/**
 * A backend that refuses every login after a round trip. An async function that throws after an
 * await is the hard case: an error's stack can keep the function's frame, and its arguments.
 */
function refusingAdapter(): ConnectionsAdapter {
  return {
    listConnections: async () => [{ ...onPremises }],
    startAuthorization: async () => {
      throw new ConnectionsError('unsupported', 'This connection signs in with a login form.');
    },
    completeAuthorization: async (connection) => connection,
    async submitCredentials(_connection, credentials, { signal }) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      signal.throwIfAborted();
      if (credentials.password) throw new ConnectionsError('invalid_credentials', REFUSED);
      return { ...onPremises, status: 'connected' };
    },
  };
}

/** The reference adapter, on a `fetch` that answers as the example backend does: 401 for the login. */
function refusingFetchAdapter(): ConnectionsAdapter {
  const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  return createFetchAdapter({
    baseUrl: '/api',
    EventSource: null,
    fetch: async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return String(input).endsWith('/credentials') ? answer(401, { code: 'invalid_credentials', message: REFUSED }) : answer(200, [onPremises]);
    },
  });
}

// A snapshot of the whole page takes seconds, and far longer on a loaded machine.
it.each([
  ['an adapter of its own', refusingAdapter],
  ['the fetch adapter', refusingFetchAdapter],
])('keeps no trace of a refused password once the dialog is closed (%s)', async (_name, createAdapter) => {
  // Held on purpose: the snapshot must find what the page does hold.
  const control = ['rca-control', crypto.randomUUID()].join('-');
  render(
    <ConnectionsProvider adapter={createAdapter()} refreshOnFocus={false} onError={() => {}}>
      <ConnectionList />
    </ConnectionsProvider>,
  );

  await userEvent.click(page.getByRole('button', { name: 'Reconnect Microsoft Dynamics 365 — Acme On-Premises' }));
  const dialog = page.getByRole('dialog', { name: 'Reconnect Microsoft Dynamics 365 — Acme On-Premises' });
  await userEvent.type(page.getByLabelText('Username'), 'ana@acme.example');
  await userEvent.click(page.getByLabelText('Password'));
  await commands.typeSecret();
  await userEvent.keyboard('{Enter}');

  await expect.element(dialog).toHaveAttribute('data-stage', 'failed');
  await expect.element(dialog).toHaveTextContent(REFUSED);
  await expect.element(page.getByLabelText('Password')).toHaveValue('');
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  // Let settled promises and React's passive effects run out.
  await new Promise((resolve) => setTimeout(resolve, 100));

  const heap = await commands.countInHeap([control]);
  expect(heap.strings).toBeGreaterThan(1000);
  expect(heap.needles[0], 'strings that contain the control').toBeGreaterThan(0);
  expect(heap.secret, 'strings that contain the refused password').toBe(0);
}, 120_000);
