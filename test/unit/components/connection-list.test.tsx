import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { expectNoAxeViolations } from './axe';
import { NOW, Provider, createFakeAdapter, deferred, dynamicsEu, googleBrand, googleSearch, hubspot, metaEmea, salesforce, sample, sendCallback, stubWindowOpen } from './harness';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('li')!;
}

async function renderLoaded(adapter = createFakeAdapter().adapter, props: React.ComponentProps<typeof ConnectionList> = {}) {
  const view = render(
    <Provider adapter={adapter}>
      <ConnectionList {...props} />
    </Provider>,
  );
  await screen.findByText('Acme Search');
  return view;
}

describe('given a workspace with lapsed connections', () => {
  it('groups them by category with the ones needing attention first', async () => {
    await renderLoaded();
    const advertising = screen.getByRole('list', { name: 'Advertising' });
    expect(within(advertising).getAllByRole('listitem').map((li) => li.dataset.status)).toEqual([
      'authorization_required',
      'error',
      'connected',
    ]);
    const crm = screen.getByRole('list', { name: 'CRM' });
    expect(within(crm).getAllByRole('listitem').map((li) => li.querySelector('.rca-account-name')!.textContent)).toEqual([
      'Acme Production',
      'Acme On-Premises',
      'Acme Europe',
    ]);
    expect(screen.getByRole('list', { name: 'Other' })).toHaveTextContent('Hubspot');
  });

  it('says how many need reauthorization', async () => {
    await renderLoaded();
    expect(screen.getByText('4 connections need reauthorization')).toBeInTheDocument();
  });

  it('shows each row with its provider, account, status, time in status and last sync', async () => {
    await renderLoaded();
    const row = rowOf('Acme Search');
    expect(row).toHaveAttribute('data-status', 'authorization_required');
    expect(row).toHaveAttribute('data-category', 'advertising');
    expect(row).toHaveTextContent('Google Ads');
    expect(row).toHaveTextContent('Authorization required');
    expect(row).toHaveTextContent('for 3 days');
    expect(row).toHaveTextContent('Last synced 3 days ago');
    expect(within(row).getByText('GA')).toHaveClass('rca-provider-mark');
  });

  it('shows backfill progress and error text as text', async () => {
    await renderLoaded();
    const progress = within(rowOf('Acme Europe')).getByRole('progressbar');
    expect(progress).toHaveAttribute('value', '0.4');
    expect(progress).toHaveAccessibleName(/^Backfilling data missed since /);
    expect(rowOf('Acme EMEA')).toHaveTextContent('The platform rate-limited cost downloads.');
  });

  it('names each red key after its provider and account', async () => {
    await renderLoaded();
    const key = screen.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' });
    expect(key.querySelector('svg.rca-key-icon')).not.toBeNull();
    expect(screen.getAllByRole('button', { name: /^Reauthorize / })).toHaveLength(3);
  });

  it('says who can reauthorize when this user may not', async () => {
    await renderLoaded();
    const row = rowOf('Acme Marketing');
    expect(row).toHaveTextContent('Ask a workspace admin to reauthorize this connection.');
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('opens the dialog from the red key and gives focus back to it on Escape', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const key = screen.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' });
    await user.click(key);
    const dialog = await screen.findByRole('dialog', { name: 'Reauthorize Google Ads' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(key).toHaveFocus());
  });

  it('is used with the keyboard alone', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const key = screen.getByRole('button', { name: 'Reauthorize Salesforce — Acme Production' });
    key.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Reauthorize Salesforce' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in to Salesforce' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(key).toHaveFocus());
  });

  it('lets the integrator handle the red key first, and keep the dialog closed', async () => {
    const user = userEvent.setup();
    const onReauthorize = vi.fn((_connection: Connection, event: React.MouseEvent) => event.preventDefault());
    await renderLoaded(undefined, { onReauthorize });
    await user.click(screen.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));
    expect(onReauthorize).toHaveBeenCalledWith(expect.objectContaining({ id: 'gads-search' }), expect.anything());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes the dialog of a connection that left the list, puts focus on the list, and does not reopen it when the connection comes back', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    const { container } = await renderLoaded(fake.adapter);
    await user.click(screen.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));
    await screen.findByRole('dialog', { name: 'Reauthorize Google Ads' });
    const store = getConnectionStore(fake.adapter);

    fake.adapter.listConnections.mockResolvedValueOnce(sample.filter((connection) => connection.id !== googleSearch.id));
    await act(() => store.refresh());

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(container.firstElementChild).toHaveFocus());

    await act(() => store.refresh());
    expect(await screen.findByText('Acme Search')).toBeInTheDocument();
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens a row\'s dialog afresh after its exchange ended unseen, even when another row\'s dialog was opened meanwhile', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    stubWindowOpen();
    await renderLoaded(fake.adapter);
    // Google Ads: signed in on the platform, then the dialog closed while the code is exchanged.
    await user.click(screen.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in to Google Ads' }));
    fake.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s1', state: 's1' });
    await act(async () => {});
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'completing');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Salesforce's dialog, opened and closed.
    await user.click(screen.getByRole('button', { name: 'Reauthorize Salesforce — Acme Production' }));
    await screen.findByRole('dialog', { name: 'Reauthorize Salesforce' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Google Ads' exchange fails while nothing shows it.
    await act(async () => fake.completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'The backend refused the code.')));

    await user.click(screen.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));

    const dialog = await screen.findByRole('dialog', { name: 'Reauthorize Google Ads' });
    expect(dialog).toHaveAttribute('data-stage', 'ready');
  });

  it('announces the same sentence again when it happens again', async () => {
    // Two Google Ads accounts the platform names alike, both lapsed.
    const twin: Connection = { ...googleSearch, id: 'gads-search-2' };
    const fake = createFakeAdapter([googleSearch, twin]);
    render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await screen.findAllByText('Acme Search');
    const region = screen.getByRole('status');
    const since = new Date(NOW).toISOString();
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: since }));
    const first = region.firstElementChild;
    expect(first).toHaveTextContent(/^Google Ads reconnected: Acme Search$/);

    act(() => fake.push({ ...twin, status: 'connected', statusSince: since }));

    expect(region).toHaveTextContent(/^Google Ads reconnected: Acme Search$/);
    // A new node, not the old one left in place: live regions announce what is added.
    expect(region.firstElementChild).not.toBe(first);
  });

  it('announces a pushed status change politely', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('');
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(region).toHaveTextContent('Google Ads reconnected: Acme Search');
    expect(rowOf('Acme Search')).toHaveAttribute('data-status', 'connected');
    expect(screen.getByText('3 connections need reauthorization')).toBeInTheDocument();
  });

  it('announces the end of a backfill as caught up, not as a second reconnection', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const region = screen.getByRole('status');
    act(() => fake.push({ ...dynamicsEu, status: 'connected', statusSince: new Date(NOW).toISOString(), backfill: undefined }));
    expect(region).toHaveTextContent(/^Microsoft Dynamics 365 has caught up on missed data: Acme Europe$/);
  });

  it('has no accessibility violations', async () => {
    await renderLoaded();
    vi.useRealTimers();
    await expectNoAxeViolations();
  });
});

describe('given statuses change while the list is on screen', () => {
  const accounts = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.querySelector('.rca-account-name')!.textContent);

  it('keeps every row in its place, the same element, while the summary and the row say what changed', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const before = accounts('Advertising');
    const brand = rowOf('Acme Brand');
    expect(brand).toHaveAttribute('data-status', 'connected');

    act(() => fake.push({ ...googleBrand, status: 'authorization_required', statusSince: new Date(NOW).toISOString() }));

    expect(accounts('Advertising')).toEqual(before);
    expect(rowOf('Acme Brand')).toBe(brand);
    expect(brand).toHaveAttribute('data-status', 'authorization_required');
    expect(within(brand).getByRole('button', { name: 'Reauthorize Google Ads — Acme Brand' })).toBeInTheDocument();
    expect(screen.getByText('5 connections need reauthorization')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Google Ads needs reauthorization: Acme Brand');
  });

  it('keeps the order through a reload of the same connections', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const before = accounts('Advertising');
    fake.adapter.listConnections.mockResolvedValue(sample.map((c) => (c.id === googleBrand.id ? { ...c, status: 'authorization_required' as const } : { ...c })));

    await act(() => getConnectionStore(fake.adapter).refresh());

    expect(rowOf('Acme Brand')).toHaveAttribute('data-status', 'authorization_required');
    expect(accounts('Advertising')).toEqual(before);
  });

  it('puts the ones needing attention first again when connections come or go', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    act(() => fake.push({ ...googleBrand, status: 'authorization_required', statusSince: new Date(NOW).toISOString() }));
    expect(accounts('Advertising')[0]).not.toBe('Acme Brand');

    act(() => fake.push({ ...googleBrand, id: 'gads-new', accountName: 'Acme Display', status: 'connected' }));

    const order = accounts('Advertising');
    expect(order.slice(0, 2).sort()).toEqual(['Acme Brand', 'Acme Search']);
    expect(order).toContain('Acme Display');
  });

  it('keeps its order from props too, rendering each row’s latest version', () => {
    const { rerender } = render(<ConnectionList connections={sample} onReauthorize={() => {}} />);
    const before = accounts('Advertising');

    rerender(<ConnectionList connections={sample.map((c) => (c.id === googleBrand.id ? { ...c, status: 'authorization_required' as const } : c))} onReauthorize={() => {}} />);

    expect(accounts('Advertising')).toEqual(before);
    expect(rowOf('Acme Brand')).toHaveAttribute('data-status', 'authorization_required');

    rerender(<ConnectionList connections={sample.filter((c) => c.id !== metaEmea.id).map((c) => (c.id === googleBrand.id ? { ...c, status: 'authorization_required' as const } : c))} onReauthorize={() => {}} />);

    expect(accounts('Advertising')[0]).toBe('Acme Brand');
  });

  it('isolates each account name in its row, keeping its text as it is (to copy, or to search for)', () => {
    render(<ConnectionList connections={[{ ...googleBrand, accountName: 'חברת אקמה' }]} />);
    const name = document.querySelector('.rca-account-name')!;
    expect(name.tagName).toBe('BDI');
    expect(name.textContent).toBe('חברת אקמה');
  });

  it('keeps showing the list, and announces the rest, when a row from props turns to a status it has no words for', () => {
    const { rerender } = render(<ConnectionList connections={sample} />);
    const changed = sample.map((c) =>
      c.id === googleBrand.id ? { ...c, status: 'revoked' as unknown as Connection['status'] } : c.id === metaEmea.id ? { ...c, status: 'connected' as const } : c,
    );
    rerender(<ConnectionList connections={changed} />);
    expect(rowOf('Acme Brand')).toHaveAttribute('data-status', 'revoked');
    expect(screen.getAllByRole('status').some((region) => region.textContent === 'Meta Ads reconnected: Acme EMEA')).toBe(true);
  });
});

/** A list whose first load fails for good; the second (the retry) answers when the test says. */
async function failFirstLoad() {
  const fake = createFakeAdapter();
  const second = deferred<Connection[]>();
  fake.adapter.listConnections
    .mockRejectedValueOnce(new ConnectionsError('adapter_failed', 'down', { retryable: false }))
    .mockReturnValueOnce(second.promise);
  const { container } = render(
    <Provider adapter={fake.adapter}>
      <ConnectionList />
    </Provider>,
  );
  const alert = await screen.findByRole('alert');
  const button = within(alert).getByRole('button', { name: 'Try again' });
  return { fake, second, container, alert, button };
}

describe('given the list is loading or failed', () => {
  it('shows a busy skeleton while loading', () => {
    const fake = createFakeAdapter();
    fake.adapter.listConnections.mockReturnValue(deferred<Connection[]>().promise);
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    const list = container.firstElementChild!;
    expect(list).toHaveAttribute('data-state', 'loading');
    expect(list).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading connections…')).toBeInTheDocument();
    // Placeholder rows for the eye only: a screen reader hears the sentence, not empty items.
    const skeleton = list.querySelector('.rca-skeleton');
    expect(skeleton).not.toBeNull();
    expect(skeleton).toHaveAttribute('aria-hidden', 'true');
    expect(skeleton!.children.length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('offers a working "Try again" after a load error', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    fake.adapter.listConnections.mockRejectedValueOnce(new ConnectionsError('adapter_failed', 'down', { retryable: false }));
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The connections could not be loaded.');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Acme Search')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);
  });

  it('says it is loading again while "Try again" runs, keeps focus on the button, and hands focus to the list once it worked', async () => {
    const user = userEvent.setup();
    const { fake, second, container, alert, button } = await failFirstLoad();

    await user.click(button);

    expect(alert).toHaveTextContent('Loading connections…');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    await user.click(button);
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);

    await act(async () => second.resolve(sample.map((connection) => ({ ...connection }))));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.firstElementChild).toHaveFocus();
    expect(container.firstElementChild).toHaveAttribute('tabindex', '-1');
  });

  it('says again that loading failed when "Try again" fails too', async () => {
    const user = userEvent.setup();
    const { second, alert, button } = await failFirstLoad();
    await user.click(button);
    expect(alert).toHaveTextContent('Loading connections…');

    await act(async () => second.reject(new ConnectionsError('adapter_failed', 'still down', { retryable: false })));

    // The alert's words changed, so a screen reader says them again.
    expect(screen.getByRole('alert')).toBe(alert);
    expect(alert).toHaveTextContent('The connections could not be loaded.');
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(button).toHaveFocus();
  });

  it('says so when there are no connections', async () => {
    const { container } = render(
      <Provider adapter={createFakeAdapter([]).adapter}>
        <ConnectionList />
      </Provider>,
    );
    expect(await screen.findByText('No connections yet.')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty');
  });
});

describe('given a long list', () => {
  const many: Connection[] = Array.from({ length: 12 }, (_, i) => ({
    ...googleBrand,
    id: `brand-${i}`,
    accountName: `Brand ${i}`,
    provider: i % 2 ? 'google_ads' : 'linkedin_ads',
  }));

  it('shows no search box for ten or fewer connections', async () => {
    await renderLoaded();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('filters by provider and account name', async () => {
    const user = userEvent.setup();
    render(
      <Provider adapter={createFakeAdapter(many).adapter}>
        <ConnectionList />
      </Provider>,
    );
    const search = await screen.findByRole('searchbox', { name: 'Search connections' });
    await user.type(search, 'linkedin');
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
    await user.clear(search);
    await user.type(search, 'brand 11');
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('.rca-account-name')!.textContent)).toEqual(['Brand 11']);
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(screen.getByText('No connections match “nothing like it”.')).toBeInTheDocument();
  });

  it('shows matches a page at a time and the whole list again, rows intact, once the search is cleared', async () => {
    const user = userEvent.setup();
    const long: Connection[] = Array.from({ length: 130 }, (_, i) => ({ ...googleBrand, id: `long-${i}`, accountName: `Long ${i}` }));
    const renderIcon = vi.fn(() => null);
    render(
      <Provider adapter={createFakeAdapter(long).adapter}>
        <ConnectionList renderIcon={renderIcon} />
      </Provider>,
    );
    const search = await screen.findByRole('searchbox', { name: 'Search connections' });
    expect(screen.getAllByRole('listitem')).toHaveLength(130);
    const rendersBefore = renderIcon.mock.calls.length;

    await user.type(search, 'long');
    const results = screen.getByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('listitem')).toHaveLength(25);
    // The whole list is hidden, not gone: only the results are reachable.
    expect(screen.getAllByRole('listitem')).toHaveLength(25);
    expect(screen.getByText('Showing 25 of 130 matches; type more to narrow them down.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(within(results).getAllByRole('listitem')).toHaveLength(50);

    await user.clear(search);
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(130);
    // Clearing rendered no row of the whole list again: only the result rows rendered meanwhile.
    const resultRenders = renderIcon.mock.calls.slice(rendersBefore).length;
    expect(resultRenders).toBe(50);
  });
});

describe('given no provider', () => {
  it('renders the connections it is given, with red keys only when it can hand them on', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<ConnectionList connections={sample} />);
    expect(screen.getByText('Acme Search')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reauthorize / })).toBeNull();

    const onReauthorize = vi.fn();
    rerender(<ConnectionList connections={sample} onReauthorize={onReauthorize} />);
    await user.click(screen.getByRole('button', { name: 'Reauthorize Salesforce — Acme Production' }));
    expect(onReauthorize).toHaveBeenCalledWith(salesforce, expect.anything());
  });

  it('shows the loading and error states it is told, and retries through onRetry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { container, rerender } = render(<ConnectionList connections={[]} status="loading" />);
    expect(container.firstElementChild).toHaveAttribute('aria-busy', 'true');
    rerender(<ConnectionList connections={[]} status="error" error={new Error('down')} onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('announces status changes between the connections it is given', () => {
    const { rerender } = render(<ConnectionList connections={[salesforce, dynamicsEu]} />);
    rerender(<ConnectionList connections={[{ ...salesforce, status: 'backfilling' }, dynamicsEu]} />);
    expect(screen.getByRole('status')).toHaveTextContent('Salesforce is backfilling missed data: Acme Production');
  });

  it('uses the integrator\'s icons instead of monograms', () => {
    render(<ConnectionList connections={[metaEmea]} renderIcon={(c) => <img alt="" src={`/${c.provider}.svg`} />} />);
    expect(rowOf('Acme EMEA').querySelector('.rca-provider-mark img')).toHaveAttribute('src', '/meta_ads.svg');
  });

  it('explains what is missing when it has neither', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ConnectionList />)).toThrow(/ConnectionsProvider/);
  });
});

describe('given a Spanish-speaking user', () => {
  it('speaks Spanish', async () => {
    render(
      <Provider adapter={createFakeAdapter().adapter} locale="es">
        <ConnectionList />
      </Provider>,
    );
    expect(await screen.findByRole('list', { name: 'Publicidad' })).toBeInTheDocument();
    expect(screen.getByText('4 conexiones necesitan volver a autorizarse')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Volver a autorizar Google Ads — Acme Search' })).toBeInTheDocument();
    expect(rowOf('Acme Search')).toHaveTextContent('Se requiere autorización');
    expect(rowOf('Acme Search')).toHaveTextContent('desde hace 3 días');
    expect(rowOf('Acme Search')).toHaveTextContent('Última sincronización hace 3 días');
  });

  it('counts one connection in the singular', () => {
    render(<ConnectionList connections={[hubspot]} locale="es" />);
    expect(screen.getByText('1 conexión necesita volver a autorizarse')).toBeInTheDocument();
  });
});

describe('given a product team styling it', () => {
  it('merges className, passes DOM props and the ref through', () => {
    const ref = React.createRef<HTMLDivElement>();
    render(<ConnectionList ref={ref} connections={[googleBrand]} className="mine" aria-label="Connections" id="list" />);
    const list = screen.getByLabelText('Connections');
    expect(ref.current).toBe(list);
    expect(list).toHaveClass('rca-connection-list', 'mine');
    expect(list).toHaveAttribute('id', 'list');
    expect(list).toHaveAttribute('data-state', 'ready');
  });
});

describe('given a theme set on a wrapper rather than on the page', () => {
  it('portals its dialog into the dialogContainer it is given', async () => {
    const user = userEvent.setup();
    const wrapper = document.createElement('div');
    wrapper.dataset.theme = 'dark';
    document.body.append(wrapper);
    try {
      render(
        <Provider adapter={createFakeAdapter().adapter}>
          <ConnectionList dialogContainer={wrapper} />
        </Provider>,
      );
      await user.click(await screen.findByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));
      expect(wrapper.querySelector('.rca-dialog')).toBe(screen.getByRole('dialog'));
    } finally {
      wrapper.remove();
    }
  });
});
