import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ConnectionList } from '../../src/components/connection-list';
import { getConnectionStore } from '../../src/core/store';
import type { Connection, ConnectionsAdapter } from '../../src/core/types';
import { ConnectionsProvider } from '../../src/react/context';
import '../../src/styles.css';

/* In Chromium, a focused element that leaves the page leaves focus on <body> with no event:
 * the list notices and puts focus on the row, or on itself. */

afterEach(cleanup);

const lapsed: Connection = { id: 'gads', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', status: 'authorization_required' };
const other: Connection = { id: 'sfdc', provider: 'salesforce', category: 'crm', accountName: 'Acme CRM', status: 'connected' };

it('moves focus to the row when a focused "Reconnect" goes, then to the list when the row goes', async () => {
  let push: (connection: Connection) => void = () => {};
  let list = [lapsed, other];
  const adapter: ConnectionsAdapter = {
    listConnections: async () => list,
    subscribe(onChange) {
      push = onChange;
      return () => {};
    },
    startAuthorization: async () => ({ url: 'https://accounts.example.com/', state: 's' }),
    completeAuthorization: async (connection) => connection,
  };
  render(
    <ConnectionsProvider adapter={adapter} refreshOnFocus={false}>
      <ConnectionList />
    </ConnectionsProvider>,
  );
  const reconnect = await screen.findByRole('button', { name: 'Reconnect Google Ads — Acme Search' });
  const row = reconnect.closest('li')!;
  reconnect.focus();
  expect(reconnect).toHaveFocus();

  await act(async () => push({ ...lapsed, status: 'connected' }));
  await expect.poll(() => document.activeElement).toBe(row);

  list = [other];
  await act(() => getConnectionStore(adapter).refresh());
  await expect.poll(() => document.activeElement).toBe(document.querySelector('.rca-connection-list'));
});
