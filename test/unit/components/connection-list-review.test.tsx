import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { es } from '../../../src/locales/es';
import { NOW, Provider, createFakeAdapter, dynamicsOnPrem, fixDate, googleBrand, googleSearch, metaEmea, salesforce, sample, sendCallback, stubWindowOpen } from './harness';

/* -------------------------------------------------------------------------------------------------
 * ConnectionList, after review: search and the "Needs attention" filter, refresh failures shown
 * over a list, search over the latest names, times under a minute, and a connection reconnected
 * elsewhere while its dialog is open
 * -----------------------------------------------------------------------------------------------*/

fixDate();

/** Twelve connections: more than the default search threshold. Brand 4 and Brand 9 have lapsed, Brand 6 has an error. */
const many: Connection[] = Array.from({ length: 12 }, (_, i) => ({
  ...googleBrand,
  id: `brand-${i}`,
  accountName: `Brand ${i}`,
  provider: i % 2 ? 'google_ads' : 'linkedin_ads',
  ...(i === 4 || i === 9 ? { status: 'authorization_required' as const, statusSince: new Date(NOW - (i + 1) * 3_600_000).toISOString() } : {}),
  ...(i === 6 ? { status: 'error' as const, error: { message: 'Quota.' } } : {}),
}));

/** The account names of the rows shown (hidden ones left out), in order. */
function shownNames(): string[] {
  return screen.queryAllByRole('listitem').map((li) => li.querySelector('.rca-account-name')!.textContent!);
}

async function renderMany(props: React.ComponentProps<typeof ConnectionList> = {}, connections = many, provider: Partial<React.ComponentProps<typeof Provider>> = {}) {
  const fake = createFakeAdapter(connections);
  const view = render(
    <Provider adapter={fake.adapter} {...provider}>
      <ConnectionList {...props} />
    </Provider>,
  );
  const search = await screen.findByRole('searchbox');
  return { ...fake, ...view, search };
}

/** The search's own polite region. */
const searchStatus = (container: HTMLElement) => container.querySelector<HTMLElement>('.rca-toolbar [role="status"]')!;

describe('given a long list', () => {
  it('shows no search and no filter for ten or fewer connections', async () => {
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ConnectionList />
      </Provider>,
    );
    await screen.findByText('Acme Search');
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Needs attention/ })).toBeNull();
  });

  it('shows a labelled search with the "Needs attention" filter next to it above ten', async () => {
    const { search } = await renderMany();
    expect(search).toHaveAccessibleName('Search connections');
    expect(search).toHaveAttribute('type', 'search');
    const filter = screen.getByRole('button', { name: 'Needs attention 2' });
    expect(filter).toHaveAttribute('aria-pressed', 'false');
    expect(filter.querySelector('.rca-count')).toHaveTextContent('2');
    // Side by side, in one toolbar.
    expect(search.parentElement).toBe(filter.parentElement);
  });

  it('takes its threshold from searchThreshold', async () => {
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ConnectionList searchThreshold={5} />
      </Provider>,
    );
    expect(await screen.findByRole('searchbox')).toBeInTheDocument();
  });

  it('filters by provider and account name, hiding the other rows and empty groups', async () => {
    const user = userEvent.setup();
    const { search } = await renderMany({}, [...many, salesforce]);
    expect(screen.getByRole('region', { name: 'CRM' })).toBeInTheDocument();
    await user.type(search, 'linkedin');
    expect(shownNames()).toEqual(['Brand 4', 'Brand 6', 'Brand 0', 'Brand 2', 'Brand 8', 'Brand 10']);
    expect(screen.queryByRole('region', { name: 'CRM' })).toBeNull();
    await user.clear(search);
    await user.type(search, 'BRAND 11');
    expect(shownNames()).toEqual(['Brand 11']);
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(shownNames()).toEqual([]);
    expect(screen.getByText('No connections match. Try another search.')).toBeInTheDocument();
  });

  it('shows every row again, the same elements, once the search is cleared', async () => {
    const user = userEvent.setup();
    const { search } = await renderMany();
    const rows = screen.getAllByRole('listitem');
    await user.type(search, 'brand 1');
    expect(shownNames()).toEqual(['Brand 1', 'Brand 10', 'Brand 11']);
    // Hidden, not gone.
    expect(rows.filter((row) => row.hidden)).toHaveLength(9);
    await user.clear(search);
    expect(screen.getAllByRole('listitem')).toEqual(rows);
    expect(screen.queryByText('No connections match. Try another search.')).toBeNull();
  });

  it('announces how many connections match, one, several or none, and nothing once cleared', async () => {
    const user = userEvent.setup();
    const { container, search } = await renderMany();
    const region = searchStatus(container);
    expect(region).toHaveTextContent(/^$/);
    // Not part of the search box's name.
    expect(search).toHaveAccessibleName('Search connections');
    await user.type(search, 'linkedin');
    expect(region).toHaveTextContent(/^6 connections match\.$/);
    await user.clear(search);
    await user.type(search, 'brand 11');
    expect(region).toHaveTextContent(/^1 connection matches\.$/);
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(region).toHaveTextContent(/^0 connections match\.$/);
    await user.clear(search);
    expect(region).toHaveTextContent(/^$/);
  });

  it('shows only the lapsed rows, the longest lapsed first, while "Needs attention" is pressed', async () => {
    const user = userEvent.setup();
    await renderMany();
    const filter = screen.getByRole('button', { name: 'Needs attention 2' });
    await user.click(filter);
    expect(filter).toHaveAttribute('aria-pressed', 'true');
    // Brand 9 lapsed ten hours ago, Brand 4 five: the error row is not among them.
    expect(shownNames()).toEqual(['Brand 9', 'Brand 4']);
    await user.click(filter);
    expect(filter).toHaveAttribute('aria-pressed', 'false');
    expect(shownNames()).toHaveLength(12);
  });

  it('combines the filter with the search', async () => {
    const user = userEvent.setup();
    const { search } = await renderMany();
    await user.click(screen.getByRole('button', { name: /Needs attention/ }));
    await user.type(search, 'linkedin');
    expect(shownNames()).toEqual(['Brand 4']);
    await user.clear(search);
    await user.type(search, 'brand 1');
    expect(shownNames()).toEqual([]);
    expect(screen.getByText('No connections match. Try another search.')).toBeInTheDocument();
  });

  it('keeps the filter in reach while it is pressed, even when the list shrinks below the threshold', async () => {
    const user = userEvent.setup();
    const { adapter } = await renderMany();
    await user.click(screen.getByRole('button', { name: /Needs attention/ }));
    expect(shownNames()).toEqual(['Brand 9', 'Brand 4']);

    adapter.listConnections.mockResolvedValueOnce(many.filter((c) => c.id !== 'brand-9' && c.id !== 'brand-11'));
    await act(() => getConnectionStore(adapter).refresh());

    // Only Brand 4 has lapsed now; the filter that hides the rest can still be turned off.
    expect(shownNames()).toEqual(['Brand 4']);
    const filter = screen.getByRole('button', { name: 'Needs attention 1' });
    await user.click(filter);
    expect(shownNames()).toHaveLength(10);
    // Turned off, and the list short: the toolbar goes.
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('counts down as lapsed connections come back, and shows every row once none is left', async () => {
    const user = userEvent.setup();
    const { push } = await renderMany();
    await user.click(screen.getByRole('button', { name: 'Needs attention 2' }));
    act(() => push({ ...many[9]!, status: 'connected' }));
    expect(screen.getByRole('button', { name: 'Needs attention 1' })).toHaveAttribute('aria-pressed', 'true');
    expect(shownNames()).toEqual(['Brand 4']);
    act(() => push({ ...many[4]!, status: 'connected' }));
    // Nothing needs attention: no row is hidden behind a filter with nothing to show.
    expect(shownNames()).toHaveLength(12);
  });

  it('searches and filters in Spanish', async () => {
    const user = userEvent.setup();
    const { container } = await renderMany({}, many, { messages: es });
    const search = screen.getByRole('searchbox', { name: 'Buscar conexiones' });
    await user.type(search, 'linkedin');
    expect(searchStatus(container)).toHaveTextContent(/^6 conexiones coinciden\.$/);
    await user.clear(search);
    await user.type(search, 'brand 11');
    expect(searchStatus(container)).toHaveTextContent(/^1 conexión coincide\.$/);
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.getByText('Ninguna conexión coincide. Prueba con otra búsqueda.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Requieren atención 2' })).toBeInTheDocument();
  });
});

describe('given a refresh fails while a list is shown', () => {
  it('keeps the list and says it may be out of date, with a working "Try again"', async () => {
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
    expect(alert).toHaveTextContent('This list may be out of date. Try again to refresh it.');
    expect(alert).toHaveAttribute('data-tone', 'warning');
    expect(screen.getByText('Acme Search')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Acme Search')).toBeInTheDocument();
  });

  it('shows the error it is given over a list, in Spanish, retrying through onRetry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<ConnectionList connections={sample} error={new Error('down')} onRetry={onRetry} messages={es} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Puede que esta lista no esté al día. Vuelve a intentarlo para actualizarla.');
    await user.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('given an account renamed while the list is shown', () => {
  it('finds it by its new name', async () => {
    const user = userEvent.setup();
    const { push, search } = await renderMany();
    act(() => push({ ...many[3]!, accountName: 'Zebra Shoes' }));
    await user.type(search, 'zebra');
    expect(shownNames()).toEqual(['Zebra Shoes']);
    await user.clear(search);
    await user.type(search, 'brand 3');
    expect(screen.getByText('No connections match. Try another search.')).toBeInTheDocument();
  });

  it('updates the matches of the search in progress', async () => {
    const user = userEvent.setup();
    const { push, search } = await renderMany();
    await user.type(search, 'zebra');
    expect(screen.getByText('No connections match. Try another search.')).toBeInTheDocument();
    act(() => push({ ...many[5]!, accountName: 'Zebra Shoes' }));
    expect(shownNames()).toEqual(['Zebra Shoes']);
    act(() => push({ ...many[5]!, accountName: 'Brand 5' }));
    expect(screen.getByText('No connections match. Try another search.')).toBeInTheDocument();
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
    expect(row.querySelector('.rca-connection-item-meta')).toHaveTextContent(/^Last synced now$/);
  });

  it('does not round them up to a minute in Spanish', () => {
    render(<ConnectionList connections={[fresh]} messages={es} />);
    const row = screen.getByText('Acme Search').closest('li')!;
    expect(row).not.toHaveTextContent(/minuto/);
    expect(row.querySelector('.rca-connection-item-meta')).toHaveTextContent(/^Última sincronización ahora$/);
  });

  it('still counts a whole minute', () => {
    render(<ConnectionList connections={[{ ...fresh, statusSince: new Date(NOW - 60_000).toISOString() }]} />);
    expect(screen.getByText('Acme Search').closest('li')).toHaveTextContent('For 1 minute');
  });
});

describe('given a connection reconnected elsewhere while its dialog is open', () => {
  /** The list, with Acme Search's dialog opened from its Reconnect button. */
  async function openFromList(strict = false) {
    const fake = createFakeAdapter();
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
      { reactStrictMode: strict },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    const dialog = await screen.findByRole('dialog');
    /** What the list's own live region says. */
    const listRegion = () => container.querySelector<HTMLElement>('.rca-connection-list > [role="status"]')!;
    return { fake, dialog, listRegion };
  }

  /** Signs in from the dialog up to the point where the platform's window waits on the user. */
  async function startSignIn(fake: ReturnType<typeof createFakeAdapter>, dialog: HTMLElement) {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: 'https://accounts.example.com/o/oauth2/auth?state=s1', state: 's1' }));
  }

  const connectedNow = () => ({ ...googleSearch, status: 'connected' as const, statusSince: new Date(NOW).toISOString() });

  it('says it is reconnected and offers Done, not another sign-in', async () => {
    const open = vi.spyOn(window, 'open');
    const { fake, dialog } = await openFromList();
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();

    act(() => fake.push(connectedNow()));

    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Google Ads is reconnected\.$/);
    expect(within(dialog).queryByRole('button', { name: 'Reconnect' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeInTheDocument();
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(open).not.toHaveBeenCalled();
  });

  it('says so in StrictMode too, which closes and opens the dialog once with no render between', async () => {
    const { fake, dialog } = await openFromList(true);
    act(() => fake.push(connectedNow()));
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Google Ads is reconnected\.$/);
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
  });

  it('lets the dialog speak alone: the page behind it, the list\'s live region included, is hidden from assistive technology', async () => {
    const { fake, listRegion } = await openFromList();
    act(() => fake.push(connectedNow()));
    expect(listRegion().closest('[aria-hidden="true"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(listRegion().closest('[aria-hidden="true"]')).toBeNull();
  });

  it('says it is reconnected when the answer to the code exchange was lost but the list shows the grant stored', async () => {
    stubWindowOpen();
    const { fake, dialog } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => {});
    expect(dialog).toHaveAttribute('data-stage', 'completing');

    fake.adapter.listConnections.mockResolvedValueOnce([connectedNow()]);
    await act(async () => fake.completions[0]!.answer.reject(new ConnectionsError('timeout', 'The backend did not answer in time.')));
    await act(async () => {});

    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is reconnected.');
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says the account is another after a sign-in to the wrong account, and the row stays lapsed', async () => {
    stubWindowOpen();
    const { fake, dialog } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => fake.completions[0]!.answer.resolve({ ...connectedNow(), accountId: '999-999-9999' }));
    expect(dialog).toHaveAttribute('data-stage', 'wrong_account');
    expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'warning');
    expect(within(dialog).getByRole('status')).toHaveTextContent('You signed in to another account. Sign in as Acme Search and try again.');
    expect(screen.getByText('Acme Search').closest('li')).toHaveAttribute('data-status', 'authorization_required');
  });

  it('says it when a dialog opened on a working connection sees it lapse and come back', async () => {
    const fake = createFakeAdapter();
    render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
        <ReauthorizeDialog connection={googleBrand} defaultOpen />
      </Provider>,
    );
    const dialog = await screen.findByRole('dialog');
    await act(async () => {});
    act(() => fake.push({ ...googleBrand, status: 'authorization_required', statusSince: new Date(NOW).toISOString() }));
    expect(dialog).toHaveAttribute('data-stage', 'ready');

    act(() => fake.push({ ...googleBrand, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is reconnected.');
  });

  it('keeps to its own sign-in while it runs, and says it once that sign-in is cancelled', async () => {
    stubWindowOpen();
    const { fake, dialog } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => fake.push(connectedNow()));
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(async () => {});

    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is reconnected.');
  });

  it('still says it after the window was reopened and the sign-in then cancelled', async () => {
    const popups = stubWindowOpen();
    const { fake, dialog } = await openFromList();
    await startSignIn(fake, dialog);
    act(() => fake.push(connectedNow()));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen window' }));
    expect(popups.popups[0]!.focus).toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(async () => {});

    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is reconnected.');
  });

  it('announces it in the list once the dialog is closed with Escape while its sign-in runs', async () => {
    stubWindowOpen();
    const { fake, dialog, listRegion } = await openFromList();
    await startSignIn(fake, dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => fake.push(connectedNow()));
    expect(listRegion()).toHaveTextContent(/^Google Ads — Acme Search is reconnected\.$/);
    expect(listRegion().closest('[aria-hidden="true"]')).toBeNull();
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
    act(() => fake.push(connectedNow()));
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
    await act(async () => {});
    // It works: signing in again renews it.
    expect(within(dialog).getByRole('button', { name: 'Renew' })).toBeInTheDocument();
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
    const lapsed = { ...googleSearch, accountName: 'Acme Search 2' };
    act(() => second.push(lapsed));
    await act(async () => answer(sample.map((c) => (c.id === lapsed.id ? { ...lapsed } : { ...c }))));
    act(() => second.push({ ...lapsed, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(container.querySelector('.rca-connection-list > [role="status"]')).toHaveTextContent('Google Ads — Acme Search 2 is reconnected.');
    expect(screen.queryByText('Acme Brand')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(sample.length);
  });
});

describe('given connections of several kinds needing attention', () => {
  it('counts only the lapsed ones as needing attention, not errors', async () => {
    render(<ConnectionList connections={[googleSearch, metaEmea, salesforce, dynamicsOnPrem]} searchThreshold={1} />);
    expect(screen.getByRole('button', { name: 'Needs attention 3' })).toBeInTheDocument();
    expect(screen.getByText('3 connections need reconnecting.')).toBeInTheDocument();
  });
});
