import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionList, ConnectionListItem, ReauthorizeButton } from '../../../src/components/connection-list';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { es } from '../../../src/locales/es';
import { expectNoAxeViolations } from './axe';
import { HOUR, NOW, Provider, ago, createFakeAdapter, deferred, dynamicsEu, dynamicsOnPrem, fixDate, googleBrand, googleSearch, hubspot, metaEmea, salesforce, sample, sendCallback, stubWindowOpen } from './harness';
import { rendering } from '../../support/render-error';

fixDate();


function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('li')!;
}

/** The account names of a group's visible rows, in order. */
const accounts = (group: string) =>
  within(screen.getByRole('region', { name: group }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.rca-account-name')!.textContent);

/** What a screen reader reads of an element: its text, without what is hidden from assistive technology. */
function spoken(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(spoken).join('');
}

/** The list's own polite region, which announces status changes. */
const announcements = (container: HTMLElement) => container.querySelector<HTMLElement>('.rca-connection-list > [role="status"]')!;

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
  it('groups them by category, under headings, with the lapsed ones first', async () => {
    await renderLoaded();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Advertising', 'CRM', 'Other']);
    const advertising = screen.getByRole('region', { name: 'Advertising' });
    expect(within(advertising).getAllByRole('listitem').map((li) => li.dataset.status)).toEqual(['authorization_required', 'error', 'connected']);
    // Lapsed first (the longest lapsed first), then the rest in the adapter's order.
    expect(accounts('CRM')).toEqual(['Acme Production', 'Acme On-Premises', 'Acme Europe']);
    expect(accounts('Other')).toEqual(['Acme Marketing']);
    // Each group is a region named by its heading, around its list.
    expect(within(screen.getByRole('region', { name: 'CRM' })).getAllByRole('list')).toHaveLength(1);
  });

  it('orders lapsed rows by how long they have been lapsed, the longest first, and keeps the rest in order', () => {
    const lapsed = (id: string, hours: number | undefined): Connection => ({
      ...googleSearch,
      id,
      accountName: id,
      statusSince: hours === undefined ? undefined : ago(hours * HOUR),
    });
    render(
      <ConnectionList
        connections={[
          { ...googleBrand, accountName: 'first connected' },
          lapsed('two hours', 2),
          { ...metaEmea, accountName: 'failing' },
          lapsed('since when unknown', undefined),
          lapsed('ten days', 240),
          { ...googleBrand, id: 'b2', accountName: 'second connected' },
          lapsed('one day', 24),
        ]}
      />,
    );
    expect(accounts('Advertising')).toEqual(['ten days', 'one day', 'two hours', 'since when unknown', 'failing', 'first connected', 'second connected']);
  });

  it('counts the lapsed connections in a callout above the list', async () => {
    const { container } = await renderLoaded();
    const callout = container.querySelector('.rca-connection-list-summary')!;
    expect(callout).toHaveClass('rca-callout');
    expect(callout).toHaveAttribute('data-tone', 'danger');
    expect(callout).toHaveTextContent('4 connections need reconnecting. Data stops syncing until you reconnect.');
    expect(callout.querySelector('strong')).toHaveTextContent(/^4 connections need reconnecting\.$/);
    // Before the groups, so it is read first.
    expect(container.querySelector('.rca-connection-list')!.firstElementChild).toBe(callout);
  });

  it('counts one lapsed connection in the singular, and shows no callout when none has lapsed', () => {
    const { container, rerender } = render(<ConnectionList connections={[hubspot, googleBrand]} />);
    expect(container.querySelector('.rca-connection-list-summary')).toHaveTextContent(/^1 connection needs reconnecting\./);
    rerender(<ConnectionList connections={[googleBrand, metaEmea]} />);
    expect(container.querySelector('.rca-connection-list-summary')).toBeNull();
  });

  it('shows each row with its mark, provider and account, status pill, how long, and last sync', async () => {
    await renderLoaded();
    const row = rowOf('Acme Search');
    expect(row).toHaveAttribute('data-status', 'authorization_required');
    expect(row).toHaveAttribute('data-category', 'advertising');
    const mark = row.querySelector('.rca-provider-mark')!;
    expect(mark).toHaveTextContent('GA');
    expect(mark).toHaveAttribute('data-provider', 'google_ads');
    expect(mark).toHaveAttribute('aria-hidden', 'true');
    expect(row.querySelector('.rca-connection-item-name')).toHaveTextContent('Google Ads — Acme Search');
    const pill = row.querySelector('.rca-status-badge')!;
    expect(pill).toHaveAttribute('data-status', 'authorization_required');
    expect(pill).toHaveTextContent('Authorization required');
    expect(row.querySelector('.rca-connection-item-meta')).toHaveTextContent(/^For 3 days · Last synced 3 days ago$/);
    // A connected row does not say for how long it has been connected.
    expect(rowOf('Acme Brand').querySelector('.rca-connection-item-meta')).toHaveTextContent(/^Last synced 2 hours ago$/);
  });

  it('gives each provider its own mark, so two that share initials are told apart', async () => {
    render(<ConnectionList connections={[{ ...googleBrand, provider: 'meta_ads', id: 'm' }, { ...googleBrand, provider: 'microsoft_ads', id: 'ms', accountName: 'Acme MS' }]} />);
    expect(rowOf('Acme Brand').querySelector('.rca-provider-mark')).toHaveTextContent(/^Me$/);
    expect(rowOf('Acme MS').querySelector('.rca-provider-mark')).toHaveTextContent(/^MS$/);
  });

  it('reads each row in order with pauses between its parts, the mark left out', async () => {
    await renderLoaded();
    expect(spoken(rowOf('Acme Search'))).toBe('Google Ads — Acme Search, Authorization required, For 3 days · Last synced 3 days agoReconnect');
    expect(spoken(rowOf('Acme Brand'))).toBe('Google Ads — Acme Brand, Connected, Last synced 2 hours ago');
    // The pauses are commas hidden from sight only.
    const separators = rowOf('Acme Search').querySelectorAll('.rca-visually-hidden');
    expect([...separators].map((s) => s.textContent)).toEqual([', ', ', ']);
    expect([...separators].every((s) => !s.closest('[aria-hidden="true"]'))).toBe(true);
  });

  it('shows backfill progress and error text as text', async () => {
    await renderLoaded();
    const progress = within(rowOf('Acme Europe')).getByRole('progressbar');
    expect(progress).toHaveAttribute('value', '0.4');
    expect(progress).toHaveAccessibleName('Sending data missed since Mar 6, 2026');
    expect(rowOf('Acme EMEA').querySelector('.rca-connection-item-error')).toHaveTextContent('The platform rate-limited cost downloads.');
  });

  it('labels each Reconnect button with its provider and account', async () => {
    await renderLoaded();
    const button = screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' });
    expect(button).toHaveTextContent(/^Reconnect$/);
    expect(button).toHaveClass('rca-button', 'rca-reauthorize-button');
    expect(button).toHaveAttribute('type', 'button');
    // Inside its own row, beside the account it reconnects.
    expect(button.closest('li')).toBe(rowOf('Acme Search'));
    expect(screen.getAllByRole('button', { name: /^Reconnect (?!all)/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Reconnect Google Ads — Acme Search',
      'Reconnect Salesforce — Acme Production',
      'Reconnect Microsoft Dynamics 365 — Acme On-Premises',
    ]);
  });

  it('says who can reconnect when this user may not, and offers no button', async () => {
    await renderLoaded();
    const row = rowOf('Acme Marketing');
    expect(row).toHaveTextContent('Ask a workspace admin to reconnect it.');
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('opens the dialog from Reconnect and gives focus back to it on Escape', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const button = screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Reconnect Google Ads — Acme Search' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('is used with the keyboard alone', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const button = screen.getByRole('button', { name: 'Reconnect Salesforce — Acme Production' });
    act(() => button.focus());
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Reconnect Salesforce — Acme Production' });
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('keeps focus inside the dialog while it is open', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    const dialog = await screen.findByRole('dialog');
    for (let i = 0; i < 5; i += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it('lets the integrator handle Reconnect first, and keep the dialog closed', async () => {
    const user = userEvent.setup();
    const onReauthorize = vi.fn((_connection: Connection, event: React.MouseEvent) => event.preventDefault());
    await renderLoaded(undefined, { onReauthorize });
    await user.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    expect(onReauthorize).toHaveBeenCalledTimes(1);
    expect(onReauthorize).toHaveBeenCalledWith(expect.objectContaining({ id: 'gads-search' }), expect.objectContaining({ type: 'click' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tells the integrator and still opens the dialog when it does not prevent it', async () => {
    const user = userEvent.setup();
    const onReauthorize = vi.fn();
    await renderLoaded(undefined, { onReauthorize });
    await user.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    expect(onReauthorize).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('dialog', { name: 'Reconnect Google Ads — Acme Search' })).toBeInTheDocument();
  });

  it('closes the dialog of a connection that left the list, puts focus on the list, and does not reopen it when the connection comes back', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    const { container } = await renderLoaded(fake.adapter);
    await user.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    await screen.findByRole('dialog');
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
    await user.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s1', state: 's1' }));
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'completing');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The row says it is still reconnecting.
    expect(rowOf('Acme Search').querySelector('.rca-status-badge')).toHaveTextContent('Reconnecting');
    // Salesforce's dialog, opened and closed.
    await user.click(screen.getByRole('button', { name: 'Reconnect Salesforce — Acme Production' }));
    await screen.findByRole('dialog', { name: 'Reconnect Salesforce — Acme Production' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Google Ads' exchange fails while nothing shows it.
    await act(async () => fake.completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'The backend refused the code.')));

    await user.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));

    const dialog = await screen.findByRole('dialog', { name: 'Reconnect Google Ads — Acme Search' });
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(dialog).not.toHaveTextContent('Reconnecting failed');
  });

  it('has no accessibility violations', async () => {
    await renderLoaded();
    vi.useRealTimers();
    await expectNoAxeViolations();
  });

  it('has no accessibility violations with its search, filter and an error shown', async () => {
    const fake = createFakeAdapter();
    const { container } = await renderLoaded(fake.adapter, { searchThreshold: 3 });
    fake.adapter.listConnections.mockRejectedValueOnce(new ConnectionsError('adapter_failed', 'down', { retryable: false }));
    await act(() => getConnectionStore(fake.adapter).refresh());
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toBeInTheDocument();
    vi.useRealTimers();
    await expectNoAxeViolations(container);
  });
});

describe('given the list announcing what changes', () => {
  it('announces a pushed status change politely, and updates the row and the callout', async () => {
    const fake = createFakeAdapter();
    const { container } = await renderLoaded(fake.adapter);
    const region = announcements(container);
    expect(region).toHaveTextContent(/^$/);
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(region).toHaveTextContent(/^Google Ads — Acme Search is reconnected\.$/);
    expect(rowOf('Acme Search')).toHaveAttribute('data-status', 'connected');
    expect(within(rowOf('Acme Search')).queryByRole('button')).toBeNull();
    expect(screen.getByText('3 connections need reconnecting.')).toBeInTheDocument();
  });

  it('does not announce the first list', async () => {
    const { container } = await renderLoaded();
    expect(announcements(container)).toHaveTextContent(/^$/);
  });

  it('announces the same sentence again when it happens again', async () => {
    // Two Google Ads accounts the platform names alike, both lapsed.
    const twin: Connection = { ...googleSearch, id: 'gads-search-2' };
    const fake = createFakeAdapter([googleSearch, twin]);
    const { container } = render(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await screen.findAllByText('Acme Search');
    const region = announcements(container);
    const since = new Date(NOW).toISOString();
    act(() => fake.push({ ...googleSearch, status: 'connected', statusSince: since }));
    const first = region.firstElementChild;
    expect(first).toHaveTextContent(/^Google Ads — Acme Search is reconnected\.$/);

    act(() => fake.push({ ...twin, status: 'connected', statusSince: since }));

    expect(region).toHaveTextContent(/^Google Ads — Acme Search is reconnected\.$/);
    // A new node, not the old one left in place: live regions announce what is added.
    expect(region.firstElementChild).not.toBe(first);
  });

  it('announces the end of a backfill as caught up, not as a second reconnection', async () => {
    const fake = createFakeAdapter();
    const { container } = await renderLoaded(fake.adapter);
    act(() => fake.push({ ...dynamicsEu, status: 'connected', statusSince: new Date(NOW).toISOString(), backfill: undefined }));
    expect(announcements(container)).toHaveTextContent(/^Microsoft Dynamics 365 — Acme Europe has caught up\.$/);
  });

  it('announces a lapse, a backfill and an error in words of their own', async () => {
    const fake = createFakeAdapter();
    const { container } = await renderLoaded(fake.adapter);
    act(() => fake.push({ ...googleBrand, status: 'authorization_required', statusSince: new Date(NOW).toISOString() }));
    expect(announcements(container)).toHaveTextContent(/^Google Ads — Acme Brand needs reconnecting\.$/);
    act(() => fake.push({ ...salesforce, status: 'backfilling', backfill: { since: salesforce.statusSince! } }));
    expect(announcements(container)).toHaveTextContent(/^Salesforce — Acme Production is catching up on missed data\.$/);
    act(() => fake.push({ ...googleBrand, status: 'error', error: { message: 'Quota.' } }));
    expect(announcements(container)).toHaveTextContent(/^Google Ads — Acme Brand has an error\.$/);
  });
});

describe('given statuses change while the list is on screen', () => {
  it('moves a row that lapses to the top of its group, the same element, with its new pill and button', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const brand = rowOf('Acme Brand');
    expect(accounts('Advertising')).toEqual(['Acme Search', 'Acme EMEA', 'Acme Brand']);

    // Lapsed an hour ago: shorter than Acme Search, so after it.
    act(() => fake.push({ ...googleBrand, status: 'authorization_required', statusSince: ago(HOUR) }));

    expect(accounts('Advertising')).toEqual(['Acme Search', 'Acme Brand', 'Acme EMEA']);
    expect(rowOf('Acme Brand')).toBe(brand);
    expect(brand).toHaveAttribute('data-status', 'authorization_required');
    expect(within(brand).getByRole('button', { name: 'Reconnect Google Ads — Acme Brand' })).toBeInTheDocument();
    expect(screen.getByText('5 connections need reconnecting.')).toBeInTheDocument();
  });

  it('keeps focus on a row\'s button when its row moves', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const button = screen.getByRole('button', { name: 'Reconnect Salesforce — Acme Production' });
    act(() => button.focus());
    // Acme On-Premises lapsed longer ago now: it goes first, Acme Production after it.
    act(() => fake.push({ ...dynamicsOnPrem, statusSince: ago(100 * HOUR) }));
    expect(accounts('CRM')).toEqual(['Acme On-Premises', 'Acme Production', 'Acme Europe']);
    expect(button).toHaveFocus();
  });

  it('keeps the order through a reload of the same connections', async () => {
    const fake = createFakeAdapter();
    await renderLoaded(fake.adapter);
    const before = accounts('Advertising');
    await act(() => getConnectionStore(fake.adapter).refresh());
    expect(accounts('Advertising')).toEqual(before);
  });

  it('renders each row from props in its latest version', () => {
    const { rerender } = render(<ConnectionList connections={sample} onReauthorize={() => {}} />);
    rerender(<ConnectionList connections={sample.map((c) => (c.id === googleBrand.id ? { ...c, status: 'authorization_required' as const } : c))} onReauthorize={() => {}} />);
    expect(rowOf('Acme Brand')).toHaveAttribute('data-status', 'authorization_required');
    expect(within(rowOf('Acme Brand')).getByRole('button', { name: 'Reconnect Google Ads — Acme Brand' })).toBeInTheDocument();
  });

  it('isolates each account name in its row, keeping its text as it is (to copy, or to search for)', () => {
    render(<ConnectionList connections={[{ ...googleBrand, accountName: 'חברת אקמה' }]} />);
    const name = document.querySelector('.rca-account-name')!;
    expect(name.tagName).toBe('BDI');
    expect(name.textContent).toBe('חברת אקמה');
  });

  it('keeps showing the list, and announces the rest, when a row from props turns to a status it has no words for', () => {
    const { container, rerender } = render(<ConnectionList connections={sample} />);
    const changed = sample.map((c) =>
      c.id === googleBrand.id ? { ...c, status: 'revoked' as unknown as Connection['status'] } : c.id === metaEmea.id ? { ...c, status: 'connected' as const } : c,
    );
    rerender(<ConnectionList connections={changed} />);
    expect(rowOf('Acme Brand')).toHaveAttribute('data-status', 'revoked');
    expect(announcements(container)).toHaveTextContent(/^Meta Ads — Acme EMEA is reconnected\.$/);
  });
});

describe('given an account name of a megabyte', () => {
  const huge = 'Acme '.repeat(209_716);

  it('renders in well under a second, shortened with an ellipsis, the whole name in its title', () => {
    const started = performance.now();
    render(<ConnectionList connections={[{ ...googleSearch, accountName: huge }]} onReauthorize={() => {}} />);
    expect(performance.now() - started).toBeLessThan(1000);
    const name = document.querySelector('.rca-account-name')!;
    expect(name.textContent!.length).toBeLessThanOrEqual(201);
    expect(name.textContent).toMatch(/…$/);
    expect(huge.startsWith(name.textContent!.slice(0, -1))).toBe(true);
    expect(name).toHaveAttribute('title', huge);
    // The button's name is shortened too.
    const button = screen.getByRole('button', { name: /^Reconnect Google Ads — Acme/ });
    expect(button.getAttribute('aria-label')!.length).toBeLessThan(300);
  });

  it('gives no title to a name short enough to show whole', () => {
    render(<ConnectionList connections={[googleSearch]} />);
    expect(document.querySelector('.rca-account-name')).not.toHaveAttribute('title');
  });

  it('shortens an error message of a megabyte too', () => {
    render(<ConnectionList connections={[{ ...metaEmea, error: { message: 'x'.repeat(1_048_576) } }]} />);
    const error = document.querySelector('.rca-connection-item-error')!;
    expect(error.textContent!.length).toBeLessThanOrEqual(201);
    expect(error.textContent).toMatch(/…$/);
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
  it('says it is loading, busy, with no rows', () => {
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
    expect(screen.getByText('Loading connections…')).toHaveClass('rca-connection-list-message');
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
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
    expect(alert).toHaveTextContent('Connections could not be loaded. Check your network and try again.');
    expect(alert).toHaveAttribute('data-tone', 'danger');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(container.firstElementChild).not.toHaveAttribute('aria-busy');
    expect(screen.queryByText('Loading connections…')).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Acme Search')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);
  });

  it('shows the error as soon as the first attempt fails, while the store retries, and drops it once a retry works', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
    const fake = createFakeAdapter();
    const retry = deferred<Connection[]>();
    fake.adapter.listConnections.mockRejectedValueOnce(new ConnectionsError('adapter_failed', 'HTTP 503')).mockReturnValueOnce(retry.promise);
    const { container } = render(
      <Provider adapter={fake.adapter} retry={{ retries: 3, minDelayMs: 5000, maxDelayMs: 5000 }}>
        <ConnectionList />
      </Provider>,
    );
    await act(async () => {});
    // Not after the retries: at once, with "Try again".
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Connections could not be loaded.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1);

    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);
    await act(async () => retry.resolve(sample.map((c) => ({ ...c }))));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
  });

  it('hands focus to the list once "Try again" worked, rather than dropping it on the page', async () => {
    const user = userEvent.setup();
    const { fake, second, container, button } = await failFirstLoad();

    await user.click(button);
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);
    expect(button).toHaveFocus();

    await act(async () => second.resolve(sample.map((connection) => ({ ...connection }))));
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(container.firstElementChild).toHaveFocus());
    expect(container.firstElementChild).toHaveAttribute('tabindex', '-1');
  });

  it('keeps the alert and focus on "Try again" when it fails too', async () => {
    const user = userEvent.setup();
    const { second, alert, button } = await failFirstLoad();
    await user.click(button);

    await act(async () => second.reject(new ConnectionsError('adapter_failed', 'still down', { retryable: false })));

    expect(screen.getByRole('alert')).toBe(alert);
    expect(alert).toHaveTextContent('Connections could not be loaded.');
    expect(button).toHaveFocus();
  });

  it('says so when there are no connections, with the integrator\'s action below', async () => {
    const { container } = render(
      <Provider adapter={createFakeAdapter([]).adapter}>
        <ConnectionList emptyAction={<button type="button">Connect a platform</button>} />
      </Provider>,
    );
    const sentence = await screen.findByText('No connections yet.');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty');
    const action = screen.getByRole('button', { name: 'Connect a platform' });
    expect(sentence.parentElement).toContainElement(action);
    expect(sentence.compareDocumentPosition(action) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows no empty action while loading, nor with connections', async () => {
    const fake = createFakeAdapter();
    const answer = deferred<Connection[]>();
    fake.adapter.listConnections.mockReturnValueOnce(answer.promise);
    render(
      <Provider adapter={fake.adapter}>
        <ConnectionList emptyAction={<button type="button">Connect a platform</button>} />
      </Provider>,
    );
    expect(screen.queryByRole('button', { name: 'Connect a platform' })).toBeNull();
    await act(async () => answer.resolve([googleBrand]));
    expect(screen.getByText('Acme Brand')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect a platform' })).toBeNull();
  });
});

describe('given no provider', () => {
  it('renders the connections it is given, with Reconnect only when it can hand it on', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<ConnectionList connections={sample} />);
    expect(screen.getByText('Acme Search')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reconnect / })).toBeNull();

    const onReauthorize = vi.fn();
    rerender(<ConnectionList connections={sample} onReauthorize={onReauthorize} />);
    await user.click(screen.getByRole('button', { name: 'Reconnect Salesforce — Acme Production' }));
    expect(onReauthorize).toHaveBeenCalledWith(salesforce, expect.anything());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the loading and error states it is told, and retries through onRetry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { container, rerender } = render(<ConnectionList connections={[]} status="loading" />);
    expect(container.firstElementChild).toHaveAttribute('aria-busy', 'true');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    rerender(<ConnectionList connections={[]} status="error" error={new Error('down')} onRetry={onRetry} />);
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('says loading failed without a "Try again" that would do nothing', () => {
    render(<ConnectionList connections={[]} status="error" error={new Error('down')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Connections could not be loaded.');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('announces status changes between the connections it is given', () => {
    const { container, rerender } = render(<ConnectionList connections={[salesforce, dynamicsEu]} />);
    rerender(<ConnectionList connections={[{ ...salesforce, status: 'backfilling' }, dynamicsEu]} />);
    expect(announcements(container)).toHaveTextContent('Salesforce — Acme Production is catching up on missed data.');
  });

  it('uses the integrator\'s icons instead of letters', () => {
    render(<ConnectionList connections={[metaEmea]} renderIcon={(c) => <img alt="" src={`/${c.provider}.svg`} />} />);
    const mark = rowOf('Acme EMEA').querySelector('.rca-provider-mark')!;
    expect(mark.querySelector('img')).toHaveAttribute('src', '/meta_ads.svg');
    expect(mark).not.toHaveTextContent('Me');
  });

  it('explains what is missing when it has neither', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(rendering(() => render(<ConnectionList />))).toThrow(/ConnectionsProvider/);
  });
});

describe('given a Spanish-speaking user', () => {
  it('speaks Spanish with the Spanish messages, and formats in Spanish', async () => {
    render(
      <Provider adapter={createFakeAdapter().adapter} messages={es}>
        <ConnectionList />
      </Provider>,
    );
    expect(await screen.findByRole('region', { name: 'Publicidad' })).toBeInTheDocument();
    expect(screen.getByText('4 conexiones necesitan reconectarse.')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Reconectar Google Ads — Acme Search' });
    expect(button).toHaveTextContent(/^Reconectar$/);
    const row = rowOf('Acme Search');
    expect(row.querySelector('.rca-status-badge')).toHaveTextContent('Se requiere autorización');
    expect(row).toHaveTextContent('Desde hace 3 días · Última sincronización hace 3 días');
  });

  it('counts one connection in the singular', () => {
    render(<ConnectionList connections={[hubspot]} messages={es} />);
    expect(screen.getByText('1 conexión necesita reconectarse.')).toBeInTheDocument();
  });

  it('keeps English words with a Spanish locale alone, rather than mixing two languages', () => {
    render(<ConnectionList connections={[googleSearch]} locale="es" />);
    expect(rowOf('Acme Search')).toHaveTextContent('For 3 days · Last synced 3 days ago');
  });

  it('formats Spanish words in the regional locale asked for', () => {
    render(<ConnectionList connections={[dynamicsEu]} messages={es} locale="es-MX" />);
    expect(within(rowOf('Acme Europe')).getByRole('progressbar')).toHaveAccessibleName(
      `Enviando los datos pendientes desde el ${new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium' }).format(Date.parse(dynamicsEu.backfill!.since))}`,
    );
  });
});

describe('given a product team styling it', () => {
  it('merges className, passes DOM props and the ref through to the list', () => {
    const ref = React.createRef<HTMLDivElement>();
    render(<ConnectionList ref={ref} connections={[googleBrand]} className="mine" aria-label="Connections" id="list" data-testid="list" />);
    const list = screen.getByTestId('list');
    expect(ref.current).toBe(list);
    expect(list).toHaveClass('rca-connection-list', 'mine');
    expect(list).toHaveAttribute('id', 'list');
    expect(list).toHaveAccessibleName('Connections');
    expect(list).toHaveAttribute('data-state', 'ready');
  });

  it('calls a function ref with the list element', () => {
    const ref = vi.fn();
    render(<ConnectionList ref={ref} connections={[googleBrand]} />);
    expect(ref).toHaveBeenCalledWith(document.querySelector('.rca-connection-list'));
  });

  it('renders one row alone, for lists of your own, with its className, DOM props, ref and data-* states', async () => {
    const user = userEvent.setup();
    const ref = React.createRef<HTMLLIElement>();
    const onReauthorize = vi.fn();
    const { rerender } = render(
      <ul>
        <ConnectionListItem ref={ref} connection={googleSearch} className="mine" id="row" data-testid="row" onReauthorize={onReauthorize} />
      </ul>,
    );
    const row = screen.getByTestId('row');
    expect(ref.current).toBe(row);
    expect(row.tagName).toBe('LI');
    expect(row).toHaveClass('rca-connection-item', 'mine');
    expect(row).toHaveAttribute('id', 'row');
    expect(row).toHaveAttribute('data-status', 'authorization_required');
    expect(row).toHaveAttribute('data-category', 'advertising');
    expect(row).not.toHaveAttribute('data-reauthorizing');
    await user.click(within(row).getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    expect(onReauthorize).toHaveBeenCalledWith(googleSearch, expect.objectContaining({ type: 'click' }));

    rerender(
      <ul>
        <ConnectionListItem connection={googleSearch} reauthorizing data-testid="row" messages={es} />
      </ul>,
    );
    expect(row).toHaveAttribute('data-reauthorizing', 'true');
    expect(row.querySelector('.rca-status-badge')).toHaveAttribute('data-status', 'reauthorizing');
    expect(row.querySelector('.rca-status-badge')).toHaveTextContent('Reconectando');
    // Without onReauthorize, no button.
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('renders the Reconnect button alone, with its className, DOM props and ref', async () => {
    const user = userEvent.setup();
    const ref = React.createRef<HTMLButtonElement>();
    const onClick = vi.fn();
    render(<ReauthorizeButton ref={ref} connection={salesforce} className="mine" id="fix" onClick={onClick} data-testid="fix" />);
    const button = screen.getByTestId('fix');
    expect(ref.current).toBe(button);
    expect(button).toHaveClass('rca-button', 'rca-reauthorize-button', 'mine');
    expect(button).toHaveAttribute('id', 'fix');
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveTextContent(/^Reconnect$/);
    expect(button).toHaveAccessibleName('Reconnect Salesforce — Acme Production');
    await user.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('lets the Reconnect button take the integrator\'s words and name, and speak Spanish', () => {
    render(
      <>
        <ReauthorizeButton connection={salesforce} aria-label="Fix Salesforce access">
          Fix access
        </ReauthorizeButton>
        <ReauthorizeButton connection={salesforce} messages={es} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Fix Salesforce access' })).toHaveTextContent(/^Fix access$/);
    expect(screen.getByRole('button', { name: 'Reconectar Salesforce — Acme Production' })).toHaveTextContent(/^Reconectar$/);
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
      await user.click(await screen.findByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
      expect(wrapper.querySelector('.rca-dialog')).toBe(screen.getByRole('dialog'));
      expect(wrapper.querySelector('.rca-dialog-overlay')).not.toBeNull();
    } finally {
      wrapper.remove();
    }
  });
});
