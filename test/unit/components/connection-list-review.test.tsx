import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { NOW, Provider, createFakeAdapter, googleBrand, googleSearch, sample, sendCallback, stubWindowOpen } from './harness';

/* -------------------------------------------------------------------------------------------------
 * ConnectionList, after review: search announced, focus kept by "Show more", refresh failures
 * shown over a list, search over the latest names, and times under a minute
 * -----------------------------------------------------------------------------------------------*/

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Twelve connections: more than the default search threshold. */
const many: Connection[] = Array.from({ length: 12 }, (_, i) => ({
  ...googleBrand,
  id: `brand-${i}`,
  accountName: `Brand ${i}`,
  provider: i % 2 ? 'google_ads' : 'linkedin_ads',
}));

function accountNames(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.rca-account-name')!.textContent!);
}

describe('given a long list being searched', () => {
  function searchStatus(container: HTMLElement): HTMLElement {
    const region = container.querySelector<HTMLElement>('.rca-search-status');
    expect(region).not.toBeNull();
    return region!;
  }

  it('has a polite status region for the search from the first render of the search box', async () => {
    const { container } = render(
      <Provider adapter={createFakeAdapter(many).adapter}>
        <ConnectionList />
      </Provider>,
    );
    const search = await screen.findByRole('searchbox', { name: 'Search connections' });
    const region = searchStatus(container);
    expect(region).toHaveAttribute('role', 'status');
    expect(region).toHaveTextContent(/^$/);
    // Not part of the search box's name.
    expect(search).toHaveAccessibleName('Search connections');
  });

  it('announces how many connections match, one, several or none', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <Provider adapter={createFakeAdapter(many).adapter}>
        <ConnectionList />
      </Provider>,
    );
    const search = await screen.findByRole('searchbox', { name: 'Search connections' });
    const region = searchStatus(container);
    await user.type(search, 'linkedin');
    expect(region).toHaveTextContent('6 connections match.');
    await user.clear(search);
    await user.type(search, 'brand 11');
    expect(region).toHaveTextContent('1 connection matches.');
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(region).toHaveTextContent('No connections match.');
    await user.clear(search);
    expect(region).toHaveTextContent(/^$/);
  });

  it('announces that only a page of many matches is shown', async () => {
    const user = userEvent.setup();
    const long: Connection[] = Array.from({ length: 130 }, (_, i) => ({ ...googleBrand, id: `long-${i}`, accountName: `Long ${i}` }));
    const { container } = render(
      <Provider adapter={createFakeAdapter(long).adapter}>
        <ConnectionList />
      </Provider>,
    );
    await user.type(await screen.findByRole('searchbox'), 'long');
    expect(searchStatus(container)).toHaveTextContent('130 connections match. Showing 25 of 130 matches; type more to narrow them down.');
  });

  it('announces the matches in Spanish', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <Provider adapter={createFakeAdapter(many).adapter} locale="es">
        <ConnectionList />
      </Provider>,
    );
    const search = await screen.findByRole('searchbox', { name: 'Buscar conexiones' });
    const region = searchStatus(container);
    await user.type(search, 'linkedin');
    expect(region).toHaveTextContent('6 conexiones coinciden.');
    await user.clear(search);
    await user.type(search, 'brand 11');
    expect(region).toHaveTextContent('1 conexión coincide.');
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(region).toHaveTextContent('Ninguna conexión coincide.');
  });
});

describe('given more matches than fit on one page', () => {
  it('moves focus to the first newly shown row after "Show more", also when the button goes away', async () => {
    const user = userEvent.setup();
    const long: Connection[] = Array.from({ length: 130 }, (_, i) => ({ ...googleBrand, id: `long-${i}`, accountName: `Long ${i}` }));
    render(
      <Provider adapter={createFakeAdapter(long).adapter}>
        <ConnectionList />
      </Provider>,
    );
    await user.type(await screen.findByRole('searchbox'), 'long');
    const results = screen.getByRole('list', { name: 'Search results' });

    // A page is 25 rows: 25, 50, 75, 100, 125, then the last 5 and no more button.
    for (const shown of [50, 75, 100, 125]) {
      await user.click(screen.getByRole('button', { name: 'Show more' }));
      expect(accountNames(results)).toHaveLength(shown);
      expect(document.activeElement).toBe(within(results).getAllByRole('listitem')[shown - 25]);
      expect(document.activeElement).toHaveTextContent(`Long ${shown - 25}`);
    }

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(accountNames(results)).toHaveLength(130);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(document.activeElement).toHaveTextContent('Long 125');
    expect(document.activeElement).not.toBe(document.body);
  });
});

describe('given a refresh fails while a list is shown', () => {
  it('keeps the list and says it could not be refreshed, with a working "Try again"', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await screen.findByText('Acme Search');
    expect(screen.queryByRole('alert')).toBeNull();

    fake.adapter.listConnections.mockRejectedValueOnce(new ConnectionsError('adapter_failed', 'down', { retryable: false }));
    await act(() => getConnectionStore(fake.adapter).refresh());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The connections could not be refreshed, so this list may be out of date.');
    expect(screen.getByText('Acme Search')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Acme Search')).toBeInTheDocument();
  });

  it('shows the error it is given over a list, retrying through onRetry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<ConnectionList connections={sample} error={new Error('down')} onRetry={onRetry} locale="es" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('No se pudieron actualizar las conexiones, así que esta lista puede no estar al día.');
    await user.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('given an account renamed while the list is shown', () => {
  it('finds it by its new name', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter(many);
    render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    const search = await screen.findByRole('searchbox');
    act(() => fake.push({ ...many[3]!, accountName: 'Zebra Shoes' }));
    await user.type(search, 'zebra');
    expect(accountNames(screen.getByRole('list', { name: 'Search results' }))).toEqual(['Zebra Shoes']);
    await user.clear(search);
    await user.type(search, 'brand 3');
    expect(screen.getByText('No connections match “brand 3”.')).toBeInTheDocument();
  });

  it('updates the matches of the search in progress', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter(many);
    render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await user.type(await screen.findByRole('searchbox'), 'zebra');
    expect(screen.getByText('No connections match “zebra”.')).toBeInTheDocument();
    act(() => fake.push({ ...many[5]!, accountName: 'Zebra Shoes' }));
    expect(accountNames(screen.getByRole('list', { name: 'Search results' }))).toEqual(['Zebra Shoes']);
    act(() => fake.push({ ...many[5]!, accountName: 'Brand 5' }));
    expect(screen.getByText('No connections match “zebra”.')).toBeInTheDocument();
  });
});

describe('given a status that began and a sync that ran under a minute ago', () => {
  const fresh: Connection = {
    ...googleSearch,
    statusSince: new Date(NOW).toISOString(),
    lastSyncedAt: new Date(NOW - 30_000).toISOString(),
  };

  it('does not round them up to a minute', () => {
    render(<ConnectionList connections={[fresh]} />);
    const row = screen.getByText('Acme Search').closest('li')!;
    expect(row).not.toHaveTextContent(/minute/);
    expect(row.querySelector('.rca-status-badge')).toHaveTextContent(/^Authorization required$/);
    expect(row).toHaveTextContent('Last synced now');
  });

  it('does not round them up to a minute in Spanish', () => {
    render(<ConnectionList connections={[fresh]} locale="es" />);
    const row = screen.getByText('Acme Search').closest('li')!;
    expect(row).not.toHaveTextContent(/minuto/);
    expect(row.querySelector('.rca-status-badge')).toHaveTextContent(/^Se requiere autorización$/);
    expect(row).toHaveTextContent('Última sincronización ahora');
  });

  it('still counts a whole minute', () => {
    render(<ConnectionList connections={[{ ...fresh, statusSince: new Date(NOW - 60_000).toISOString() }]} />);
    expect(screen.getByText('Acme Search').closest('li')).toHaveTextContent('for 1 minute');
  });
});

describe('given a connection reconnected elsewhere while its dialog is open', () => {
  /** The list, with Acme Search's dialog opened from its red key. */
  async function openFromList() {
    const fake = createFakeAdapter();
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));
    const dialog = await screen.findByRole('dialog');
    /** What the list's own live region says. */
    const listRegion = () => container.querySelector<HTMLElement>('.rca-connection-list > [role="status"]:last-of-type')!;
    return { fake, dialog, listRegion };
  }

  /** Signs in from the dialog up to the point where the platform's window waits on the user. */
  async function startSignIn(fake: ReturnType<typeof createFakeAdapter>, dialog: HTMLElement) {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in to Google Ads' }));
    await act(async () => fake.starts[0]!.resolve({ url: 'https://accounts.example.com/o/oauth2/auth?state=s1', state: 's1' }));
  }

  it('says it is connected again and offers Done, not another sign-in, announced once', async () => {
    const open = vi.spyOn(window, 'open');
    const { fake, dialog, listRegion } = await openFromList();
    expect(within(dialog).getByRole('button', { name: 'Sign in to Google Ads' })).toBeInTheDocument();

    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));

    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(within(dialog).queryByRole('button', { name: 'Sign in to Google Ads' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeInTheDocument();
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    // The dialog says it; the list's live region does not say it again.
    expect(listRegion()).not.toHaveTextContent(/reconnected/);
    expect(open).not.toHaveBeenCalled();
  });

  it('says it is connected again when the answer to the code exchange was lost but the list shows the grant stored', async () => {
    stubWindowOpen();
    const { fake, dialog } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => {});
    expect(dialog).toHaveAttribute('data-stage', 'completing');

    fake.adapter.listConnections.mockResolvedValueOnce([{ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }]);
    await act(async () => fake.completions[0]!.answer.reject(new ConnectionsError('timeout', 'The backend did not answer in time.')));
    await act(async () => {});

    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeInTheDocument();
  });

  it('does not call it connected when the account is another, or after a sign-in to the wrong account', async () => {
    stubWindowOpen();
    const { fake, dialog, listRegion } = await openFromList();
    const since = new Date(NOW).toISOString();

    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: since, accountId: 'someone-else' }));
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    // The dialog does not say it, so the list does.
    expect(listRegion()).toHaveTextContent('Google Ads reconnected: Acme Search');
    act(() => fake.push({ ...googleSearch }));

    await startSignIn(fake, dialog);
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => fake.completions[0]!.answer.resolve({ ...googleSearch, status: 'connected', accountId: '999-999-9999' }));
    expect(dialog).toHaveAttribute('data-stage', 'wrong_account');

    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: since }));
    expect(dialog).toHaveAttribute('data-stage', 'wrong_account');
  });

  it('says it when a dialog opened on a working connection sees it lapse and come back, and the list does not', async () => {
    const fake = createFakeAdapter();
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
        <ReauthorizeDialog connection={googleBrand} defaultOpen />
      </Provider>,
    );
    const dialog = await screen.findByRole('dialog');
    await act(async () => {});
    const listRegion = () => container.querySelector<HTMLElement>('.rca-connection-list > [role="status"]:last-of-type')!;
    act(() => fake.push({ ...googleBrand, status: 'authorization_required', statusSince: new Date(NOW).toISOString() }));
    expect(listRegion()).toHaveTextContent('Google Ads needs reauthorization: Acme Brand');
    expect(dialog).toHaveAttribute('data-stage', 'ready');

    act(() => fake.push({ ...googleBrand, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(listRegion()).toHaveTextContent('Google Ads needs reauthorization: Acme Brand');
  });

  it('does not take an unreadable account id for the same account', async () => {
    const { fake, dialog, listRegion } = await openFromList();
    act(() => fake.push({ ...googleSearch, accountId: null as never }));
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString(), accountId: 'someone-else' }));

    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(listRegion()).toHaveTextContent('Google Ads reconnected: Acme Search');
  });

  it('says it once a sign-in it was running ends without one, when the connection came back meanwhile', async () => {
    stubWindowOpen();
    const { fake, dialog, listRegion } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(async () => {});

    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(listRegion()).toHaveTextContent(/^$/);
  });

  it('still says it after the window was reopened and the sign-in then cancelled', async () => {
    stubWindowOpen();
    const { fake, dialog, listRegion } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    // While its own sign-in runs, the dialog keeps to it.
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen window' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(async () => {});

    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(listRegion()).toHaveTextContent(/^$/);
  });

  it('leaves it to the list when the dialog is closed with Escape while its sign-in runs', async () => {
    stubWindowOpen();
    const { fake, dialog, listRegion } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(listRegion()).toHaveTextContent(/^$/);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await act(async () => {});

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(listRegion()).toHaveTextContent(/^Google Ads reconnected: Acme Search$/);
  });

  it('offers to sign in again when reopened after saying the connection came back', async () => {
    const fake = createFakeAdapter();
    render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch}>
          <ReauthorizeDialog.Trigger>Open</ReauthorizeDialog.Trigger>
        </ReauthorizeDialog>
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Open' }));
    let dialog = await screen.findByRole('dialog');
    await act(async () => {});
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('data-stage', 'ready');
  });

  it('still offers to sign in again to a connection that was connected when the dialog opened', async () => {
    const fake = createFakeAdapter();
    function Healthy() {
      const [open, setOpen] = React.useState(true);
      return <ReauthorizeDialog connection={googleBrand} open={open} onOpenChange={setOpen} />;
    }
    render(
      <Provider adapter={fake.adapter}>
        <Healthy />
      </Provider>,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Sign in to Google Ads' })).toBeInTheDocument();
    expect(dialog).toHaveAttribute('data-stage', 'ready');
  });
});

describe('given a list moved to another store (another workspace)', () => {
  it('forgets the rows of a store it no longer shows, and announces the new store\'s changes', async () => {
    // In the first store Acme Search is connected.
    const first = createFakeAdapter(sample.map((c) => (c.id === googleSearch.id ? { ...c, status: 'connected' as const } : c)));
    const second = createFakeAdapter();
    const { container, rerender } = render(
      <Provider adapter={first.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await screen.findAllByText('Acme Search');
    // The second store's list is on its way; a push for it arrives first.
    let answer!: (list: Connection[]) => void;
    second.adapter.listConnections.mockImplementationOnce(() => new Promise<Connection[]>((resolve) => (answer = resolve)));
    rerender(
      <Provider adapter={second.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await act(async () => {});
    const lapsed = { ...googleSearch, accountName: 'Acme Search (new)' };
    act(() => second.push(lapsed));
    await act(async () => answer(sample.map((c) => (c.id === lapsed.id ? { ...lapsed } : { ...c }))));
    act(() => second.push({ ...lapsed, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(container.querySelector('.rca-connection-list > [role="status"]:last-of-type')).toHaveTextContent('Google Ads reconnected: Acme Search (new)');
  });
});
