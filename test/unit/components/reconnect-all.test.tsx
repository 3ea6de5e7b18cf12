import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ReconnectAllDialog } from '../../../src/components/reconnect-all-dialog';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { useReconnectQueue } from '../../../src/react/use-reconnect-queue';
import { expectNoAxeViolations } from './axe';
import { NOW, Provider, createFakeAdapter, dynamicsOnPrem, fixDate, googleBrand, googleSearch, hubspot, salesforce, sample, sendCallback, stubWindowOpen } from './harness';

/* -------------------------------------------------------------------------------------------------
 * Reconnect all: the lapsed connections this user may reconnect, one at a time, each sign-in
 * window opened from its own click, a success moving on by itself, Skip, and a closing summary.
 * The sample has three: Google Ads (OAuth), Salesforce (OAuth), Dynamics on-premises (login form).
 * -----------------------------------------------------------------------------------------------*/

fixDate();

const settle = () => act(async () => {});

const lapsedJustNow = (connection: Connection): Connection => ({ ...connection, status: 'authorization_required', statusSince: new Date(NOW - 60_000).toISOString() });

const connected = (connection: Connection): Connection => ({ ...connection, status: 'connected', statusSince: new Date(NOW).toISOString() });

/** Renders the list on the sample, and opens "Reconnect all". */
async function openQueue(connections: Connection[] = sample) {
  const fake = createFakeAdapter(connections);
  const popups = stubWindowOpen();
  const view = render(
    <Provider adapter={fake.adapter}>
      <ConnectionList />
    </Provider>,
  );
  const opener = await screen.findByRole('button', { name: /^Reconnect all/ });
  fireEvent.click(opener);
  const dialog = await screen.findByRole('dialog');
  await settle();
  /** The queue's own polite region: where it stands, then the summary. */
  const step = () => dialog.querySelector<HTMLElement>(':scope > p[role="status"]')!;
  /** The current connection's status. */
  const status = () => dialog.querySelector<HTMLElement>('.rca-dialog-status:not(p)');
  const actions = () => [...dialog.querySelectorAll<HTMLElement>('.rca-dialog-actions button')].map((b) => `${b.textContent} (${b.dataset.variant}${b.hasAttribute('disabled') ? ', disabled' : ''})`);
  const primary = () => dialog.querySelector<HTMLElement>('.rca-dialog-actions [data-variant="primary"]')!;
  return { ...fake, popups, view, opener, dialog, step, status, actions, primary, store: getConnectionStore(fake.adapter) };
}

type Queue = Awaited<ReturnType<typeof openQueue>>;

/** Clicks the step's Reconnect, then answers as the platform and the backend would. */
async function reconnectCurrent(queue: Queue, connection: Connection, flow: number) {
  fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
  await act(async () => queue.starts[flow]!.resolve({ url: `https://accounts.example.com/auth?state=s${flow}`, state: `s${flow}` }));
  act(() => sendCallback({ state: `s${flow}`, code: `c${flow}` }));
  await settle();
  await act(async () => queue.completions[flow]!.answer.resolve(connected(connection)));
}

describe('given a list with three lapsed connections this user may reconnect', () => {
  it('offers "Reconnect all (3)" in the summary, leaving out the one only an admin may reconnect', async () => {
    const { view } = await renderListOnly(sample);
    const summary = view.container.querySelector<HTMLElement>('.rca-connection-list-summary')!;
    // Four need reconnecting; Acme Marketing is not this user's to reconnect.
    expect(summary).toHaveTextContent(/^4 connections need reconnecting\./);
    const button = within(summary).getByRole('button', { name: 'Reconnect all (3)' });
    expect(button).toHaveClass('rca-button');
  });

  it('offers no "Reconnect all" for one connection that may be reconnected', async () => {
    const { view } = await renderListOnly([googleSearch, hubspot, { ...salesforce, canReauthorize: false }]);
    expect(view.container.querySelector('.rca-connection-list-summary')).toHaveTextContent(/^3 connections need reconnecting\./);
    expect(screen.queryByRole('button', { name: /^Reconnect all/ })).toBeNull();
  });

  it('offers no "Reconnect all" in a list given its connections, which has no store to run flows', () => {
    render(<ConnectionList connections={sample} onReauthorize={() => {}} />);
    expect(screen.queryByRole('button', { name: /^Reconnect all/ })).toBeNull();
  });
});

async function renderListOnly(connections: Connection[]) {
  const fake = createFakeAdapter(connections);
  const view = render(
    <Provider adapter={fake.adapter}>
      <ConnectionList />
    </Provider>,
  );
  await screen.findByText(connections[0]!.accountName);
  return { ...fake, view };
}

describe('given "Reconnect all" opened', () => {
  it('shows the first connection, "1 of 3", in a polite region, with what stopped and how it signs in', async () => {
    const { dialog, step, status, actions } = await openQueue();
    expect(dialog).toHaveAccessibleName('Reconnect all');
    expect(dialog).toHaveClass('rca-dialog', 'rca-queue-dialog');
    expect(step()).toHaveAttribute('role', 'status');
    expect(step()).not.toHaveAttribute('aria-live', 'assertive');
    expect(step()).toHaveTextContent(/^1 of 3 · Google Ads — Acme Search$/);
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact.querySelector('p')).toHaveTextContent(/^Stopped 3 days ago:$/);
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cost data downloads', 'UTM tags on new ads']);
    expect(status()).toHaveTextContent(/^You’ll sign in to Google Ads in a new window\.$/);
    expect(actions()).toEqual(['Skip (secondary)', 'Reconnect (primary)']);
  });

  it('puts focus on Reconnect, and opens no window before it is clicked', async () => {
    const { dialog, popups, adapter } = await openQueue();
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toHaveFocus();
    expect(popups.open).not.toHaveBeenCalled();
    expect(adapter.startAuthorization).not.toHaveBeenCalled();
  });

  it('opens the sign-in window inside the click, then waits for the user', async () => {
    const { dialog, popups, starts, status, actions } = await openQueue();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    // Synchronously: a window opened after an await is blocked.
    expect(popups.open).toHaveBeenCalledTimes(1);
    await act(async () => starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s0', state: 's0' }));
    expect(popups.popups[0]!.location.replace).toHaveBeenCalledWith('https://accounts.example.com/auth?state=s0');
    expect(status()).toHaveTextContent(/^Finish signing in to Google Ads in the new window\.$/);
    // Reopening is not the main thing to do while the user signs in.
    expect(actions()).toEqual(['Skip (secondary)', 'Reopen window (secondary)']);
  });

  it('moves on by itself after a success, announces the next step, puts focus on its Reconnect, and opens no window', async () => {
    const queue = await openQueue();
    const region = queue.step();
    await reconnectCurrent(queue, googleSearch, 0);
    expect(queue.step()).toHaveTextContent(/^2 of 3 · Salesforce — Acme Production$/);
    // The same live region, its text changed: screen readers say each step.
    expect(queue.step()).toBe(region);
    expect(within(queue.dialog).getByRole('button', { name: 'Reconnect' })).toHaveFocus();
    expect(queue.status()).toHaveTextContent(/^You’ll sign in to Salesforce in a new window\.$/);
    // The next window waits for its own click.
    expect(queue.popups.open).toHaveBeenCalledTimes(1);
    expect(queue.adapter.startAuthorization).toHaveBeenCalledTimes(1);
    expect(queue.store.getConnection('gads-search')?.status).toBe('connected');
  });

  it('skips the current one on Skip, closing its window and ending its flow, and moves focus to the next Reconnect', async () => {
    const queue = await openQueue();
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => queue.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s0', state: 's0' }));
    const skip = within(queue.dialog).getByRole('button', { name: 'Skip' });
    skip.focus();
    fireEvent.click(skip);
    await settle();
    expect(queue.popups.popups[0]!.close).toHaveBeenCalled();
    expect(queue.store.getFlow('gads-search').phase).toBe('idle');
    expect(queue.store.getConnection('gads-search')?.status).toBe('authorization_required');
    expect(queue.step()).toHaveTextContent(/^2 of 3 · Salesforce — Acme Production$/);
    expect(within(queue.dialog).getByRole('button', { name: 'Reconnect' })).toHaveFocus();
    // A result that still arrives for the skipped flow changes nothing.
    act(() => sendCallback({ state: 's0', code: 'late' }));
    await settle();
    expect(queue.adapter.completeAuthorization).not.toHaveBeenCalled();
  });

  it('takes the login form of a credentials connection inside the queue, submits it on Enter, and clears the password', async () => {
    const user = userEvent.setup();
    // Both CRMs: the one lapsed longest comes first.
    const queue = await openQueue([dynamicsOnPrem, lapsedJustNow(salesforce)]);
    expect(queue.step()).toHaveTextContent(/^1 of 2 · Microsoft Dynamics 365 — Acme On-Premises$/);
    expect(queue.status()).toHaveTextContent(/^Enter your Microsoft Dynamics 365 username and password\.$/);
    const form = queue.dialog.querySelector('form.rca-dialog-form')!;
    // The actions are inside the form: Enter submits it.
    expect(form).toContainElement(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    expect(within(queue.dialog).getByRole('button', { name: 'Reconnect' })).toHaveAttribute('type', 'submit');
    expect(within(queue.dialog).getByRole('button', { name: 'Skip' })).toHaveAttribute('type', 'button');
    await user.type(within(queue.dialog).getByLabelText('Username'), 'ana');
    await user.type(within(queue.dialog).getByLabelText('Password'), 'correct horse{Enter}');
    expect(queue.logins).toHaveLength(1);
    expect(queue.logins[0]!.credentials).toEqual({ username: 'ana', password: 'correct horse' });
    expect(within(queue.dialog).getByLabelText('Password')).toHaveValue('');
    expect(queue.popups.open).not.toHaveBeenCalled();
    await act(async () => queue.logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'backfilling', backfill: { since: dynamicsOnPrem.statusSince!, progress: 0 } }));
    // Backfilling works: it counts as reconnected.
    expect(queue.step()).toHaveTextContent(/^2 of 2 · Salesforce — Acme Production$/);
  });

  it('keeps a refused login on its step, the username kept and the password asked for again', async () => {
    const user = userEvent.setup();
    const queue = await openQueue([dynamicsOnPrem, lapsedJustNow(salesforce)]);
    await user.type(within(queue.dialog).getByLabelText('Username'), 'ana');
    await user.type(within(queue.dialog).getByLabelText('Password'), 'wrong{Enter}');
    await act(async () => queue.logins[0]!.answer.reject(new ConnectionsError('invalid_credentials', 'Refused.')));
    expect(queue.step()).toHaveTextContent(/^1 of 2 · /);
    expect(queue.status()).toHaveTextContent(/^The username or password was not accepted\. Check them and try again\.$/);
    expect(within(queue.dialog).getByLabelText('Username')).toHaveValue('ana');
    expect(within(queue.dialog).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(within(queue.dialog).getByLabelText('Password')).toHaveFocus();
    expect(queue.actions()).toEqual(['Skip (secondary)', 'Try again (primary)']);
  });

  it('ends with a summary, "2 reconnected, 1 skipped.", announced, with focus on Done', async () => {
    const user = userEvent.setup();
    const queue = await openQueue();
    const region = queue.step();
    await reconnectCurrent(queue, googleSearch, 0);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    await user.type(within(queue.dialog).getByLabelText('Username'), 'ana');
    await user.type(within(queue.dialog).getByLabelText('Password'), 'correct horse{Enter}');
    await act(async () => queue.logins[0]!.answer.resolve(connected(dynamicsOnPrem)));
    expect(queue.step()).toBe(region);
    expect(region).toHaveTextContent(/^2 reconnected, 1 skipped\.$/);
    expect(region).toHaveAttribute('data-tone', 'success');
    expect(queue.dialog.querySelector('.rca-dialog-impact')).toBeNull();
    expect(queue.actions()).toEqual(['Done (primary)']);
    expect(within(queue.dialog).getByRole('button', { name: 'Done' })).toHaveFocus();
    // One window in all: one click on one OAuth connection.
    expect(queue.popups.open).toHaveBeenCalledTimes(1);
  });

  it('closes on Done and puts focus back on the list when "Reconnect all" went away', async () => {
    const user = userEvent.setup();
    const queue = await openQueue();
    await reconnectCurrent(queue, googleSearch, 0);
    await reconnectCurrent(queue, salesforce, 1);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.step()).toHaveTextContent(/^2 reconnected, 1 skipped\.$/);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Only one may be reconnected now: no "Reconnect all".
    expect(screen.queryByRole('button', { name: /^Reconnect all/ })).toBeNull();
    expect(queue.view.container.querySelector('.rca-connection-list')).toHaveFocus();
    expect(queue.popups.open).toHaveBeenCalledTimes(2);
  });

  it('gives focus back to "Reconnect all" when closed early', async () => {
    const queue = await openQueue();
    fireEvent.keyDown(queue.dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Reconnect all (3)' })).toHaveFocus();
  });
});

describe('given a failure or a blocked window in the queue', () => {
  it('stays on a connection whose sign-in failed, to try again from a click or skip', async () => {
    const queue = await openQueue();
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => queue.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s0', state: 's0' }));
    act(() => sendCallback({ state: 's0', code: 'c0' }));
    await settle();
    await act(async () => queue.completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'Down.', { retryable: false })));
    expect(queue.step()).toHaveTextContent(/^1 of 3 · Google Ads — Acme Search$/);
    expect(queue.status()).toHaveTextContent(/^Reconnecting failed\. Try again in a moment\.$/);
    expect(queue.status()).toHaveAttribute('data-tone', 'danger');
    expect(queue.actions()).toEqual(['Skip (secondary)', 'Try again (primary)']);
    expect(queue.popups.open).toHaveBeenCalledTimes(1);
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Try again' }));
    expect(queue.popups.open).toHaveBeenCalledTimes(2);
  });

  it('offers "Try again" from a fresh click when the browser blocked the window', async () => {
    const queue = await openQueue();
    queue.popups.blocked = true;
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await settle();
    expect(queue.status()).toHaveTextContent(/^Your browser blocked the sign-in window\. Allow pop-ups for this site, then try again\.$/);
    expect(queue.actions()).toEqual(['Skip (secondary)', 'Try again (primary)']);
    queue.popups.blocked = false;
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Try again' }));
    expect(queue.popups.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(queue.adapter.startAuthorization).toHaveBeenCalledTimes(1);
  });

  it('says so when the window closed without an answer, and reopens it from a fresh click only', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const queue = await openQueue();
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => queue.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s0', state: 's0' }));
    queue.popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(queue.status()).toHaveTextContent(/^The sign-in window closed before you finished\. Reopen it to continue\.$/);
    expect(queue.status()).toHaveAttribute('data-tone', 'warning');
    expect(queue.step()).toHaveTextContent(/^1 of 3 · /);
    expect(queue.actions()).toEqual(['Skip (secondary)', 'Reopen window (primary)']);
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(queue.popups.open).toHaveBeenCalledTimes(1);
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reopen window' }));
    expect(queue.popups.open).toHaveBeenCalledTimes(2);
    expect(queue.popups.open.mock.calls[1]![0]).toBe('https://accounts.example.com/auth?state=s0');
  });

  it('does not let Skip interrupt a code being exchanged', async () => {
    const queue = await openQueue();
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => queue.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s0', state: 's0' }));
    act(() => sendCallback({ state: 's0', code: 'c0' }));
    await settle();
    expect(queue.status()).toHaveTextContent(/^Reconnecting…$/);
    expect(queue.actions()).toEqual(['Skip (secondary, disabled)']);
  });
});

describe('given changes from elsewhere while the queue runs', () => {
  it('counts a connection reconnected elsewhere meanwhile as reconnected, and moves past it', async () => {
    const user = userEvent.setup();
    const queue = await openQueue();
    act(() => queue.push(connected(salesforce)));
    expect(queue.step()).toHaveTextContent(/^1 of 3 · Google Ads — Acme Search$/);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.step()).toHaveTextContent(/^3 of 3 · Microsoft Dynamics 365 — Acme On-Premises$/);
    expect(within(queue.dialog).getByRole('button', { name: 'Reconnect' })).toHaveFocus();
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.step()).toHaveTextContent(/^1 reconnected, 2 skipped\.$/);
  });

  it('moves on when the current one is reconnected elsewhere, and closes the window it left open', async () => {
    const queue = await openQueue();
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => queue.starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=s0', state: 's0' }));
    act(() => queue.push(connected(googleSearch)));
    await settle();
    expect(queue.step()).toHaveTextContent(/^2 of 3 · Salesforce — Acme Production$/);
    // No window left behind for a step that is over, and no flow waiting on it.
    expect(queue.popups.popups[0]!.close).toHaveBeenCalled();
    expect(queue.store.getFlow('gads-search').phase).toBe('idle');
  });

  it('does not add a connection that lapses meanwhile', async () => {
    const user = userEvent.setup();
    const queue = await openQueue();
    act(() => queue.push({ ...googleBrand, status: 'authorization_required', statusSince: new Date(NOW).toISOString() }));
    expect(queue.step()).toHaveTextContent(/^1 of 3 · /);
    for (let i = 0; i < 3; i += 1) await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.step()).toHaveTextContent(/^0 reconnected, 3 skipped\.$/);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The list says so, and the next "Reconnect all" takes it.
    expect(queue.view.container.querySelector('.rca-connection-list-summary')).toHaveTextContent(/^5 connections need reconnecting\./);
    await user.click(screen.getByRole('button', { name: 'Reconnect all (4)' }));
    await screen.findByRole('dialog');
    await settle();
    expect(screen.getByRole('dialog').querySelector(':scope > p[role="status"]')).toHaveTextContent(/^1 of 4 · /);
  });

  it('skips a connection that left the list', async () => {
    const user = userEvent.setup();
    const queue = await openQueue();
    queue.adapter.listConnections.mockResolvedValueOnce(sample.filter((c) => c.id !== 'sfdc-prod').map((c) => ({ ...c })));
    await act(async () => queue.store.refresh());
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.step()).toHaveTextContent(/^3 of 3 · Microsoft Dynamics 365 — Acme On-Premises$/);
  });

  it('ends a flow waiting on the user when closed, and starts afresh, from the lapsed ones of that moment, when opened again', async () => {
    const queue = await openQueue();
    await reconnectCurrent(queue, googleSearch, 0);
    fireEvent.click(within(queue.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => queue.starts[1]!.resolve({ url: 'https://accounts.example.com/auth?state=s1', state: 's1' }));
    fireEvent.keyDown(queue.dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(queue.popups.popups[1]!.close).toHaveBeenCalled();
    expect(queue.store.getFlow('sfdc-prod').phase).toBe('idle');
    expect(queue.store.getConnection('sfdc-prod')?.status).toBe('authorization_required');

    fireEvent.click(screen.getByRole('button', { name: 'Reconnect all (2)' }));
    const dialog = await screen.findByRole('dialog');
    await settle();
    expect(dialog.querySelector(':scope > p[role="status"]')).toHaveTextContent(/^1 of 2 · Salesforce — Acme Production$/);
    expect(dialog.querySelector('.rca-dialog-status:not(p)')).toHaveTextContent(/^You’ll sign in to Salesforce in a new window\.$/);
    expect(queue.popups.open).toHaveBeenCalledTimes(2);
  });
});

describe('useReconnectQueue', () => {
  function renderQueue(ids?: readonly string[], connections: Connection[] = sample) {
    const fake = createFakeAdapter(connections);
    const popups = stubWindowOpen();
    const hook = renderHook(() => useReconnectQueue(ids), { wrapper: ({ children }) => <Provider adapter={fake.adapter}>{children}</Provider> });
    return { ...fake, popups, hook, store: getConnectionStore(fake.adapter) };
  }

  it('takes the lapsed connections this user may reconnect once the list is there, counting from 0', async () => {
    const { hook } = renderQueue();
    await settle();
    expect(hook.result.current.total).toBe(3);
    expect(hook.result.current.index).toBe(0);
    expect(hook.result.current.current?.id).toBe('gads-search');
    expect(hook.result.current.results).toEqual({});
  });

  it('follows the ids given, in their order', async () => {
    const { hook } = renderQueue(['sfdc-prod', 'gads-search']);
    await settle();
    expect(hook.result.current.total).toBe(2);
    expect(hook.result.current.current?.id).toBe('sfdc-prod');
  });

  it('starts the current flow when asked, skips, and records each outcome', async () => {
    const { hook, popups, starts, completions } = renderQueue();
    await settle();
    let started!: Promise<Connection>;
    act(() => {
      started = hook.result.current.start();
    });
    expect(popups.open).toHaveBeenCalledTimes(1);
    await act(async () => starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=h0', state: 'h0' }));
    act(() => sendCallback({ state: 'h0', code: 'c' }));
    await settle();
    await act(async () => completions[0]!.answer.resolve(connected(googleSearch)));
    await expect(started).resolves.toMatchObject({ id: 'gads-search', status: 'connected' });
    expect(hook.result.current.index).toBe(1);
    expect(hook.result.current.current?.id).toBe('sfdc-prod');
    act(() => hook.result.current.skip());
    expect(hook.result.current.index).toBe(2);
    expect(hook.result.current.results).toEqual({ 'gads-search': 'reconnected', 'sfdc-prod': 'skipped' });
    expect(popups.open).toHaveBeenCalledTimes(1);
  });

  it('hands credentials to the adapter through start(input)', async () => {
    const { hook, logins } = renderQueue(['d365-onprem']);
    await settle();
    act(() => void hook.result.current.start({ credentials: { username: 'ana', password: 'pw' } }).catch(() => {}));
    expect(logins[0]!.credentials).toEqual({ username: 'ana', password: 'pw' });
  });

  it('stops on cancel(), ending a flow that waits on the user', async () => {
    const { hook, popups, starts, store } = renderQueue();
    await settle();
    act(() => void hook.result.current.start().catch(() => {}));
    await act(async () => starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=h1', state: 'h1' }));
    act(() => hook.result.current.cancel());
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(store.getFlow('gads-search').error?.code).toBe('cancelled');
    expect(hook.result.current.current).toBeUndefined();
  });

  it('lets a code being exchanged finish on cancel()', async () => {
    const { hook, starts, completions, store } = renderQueue();
    await settle();
    act(() => void hook.result.current.start().catch(() => {}));
    await act(async () => starts[0]!.resolve({ url: 'https://accounts.example.com/auth?state=h2', state: 'h2' }));
    act(() => sendCallback({ state: 'h2', code: 'c' }));
    await settle();
    act(() => hook.result.current.cancel());
    expect(completions[0]!.signal.aborted).toBe(false);
    await act(async () => completions[0]!.answer.resolve(connected(googleSearch)));
    expect(store.getConnection('gads-search')?.status).toBe('connected');
  });
});

describe('given ReconnectAllDialog on its own', () => {
  it('takes DOM props, a class name and ids', async () => {
    const fake = createFakeAdapter();
    stubWindowOpen();
    render(
      <Provider adapter={fake.adapter}>
        <ReconnectAllDialog open ids={['sfdc-prod']} className="mine" data-testid="queue" />
      </Provider>,
    );
    await settle();
    const dialog = screen.getByTestId('queue');
    expect(dialog).toHaveClass('rca-dialog', 'rca-queue-dialog', 'mine');
    expect(dialog.querySelector(':scope > p[role="status"]')).toHaveTextContent(/^1 of 1 · Salesforce — Acme Production$/);
  });
});

describe('accessibility', () => {
  it('has no axe violations on an OAuth step, a login step and the summary', async () => {
    const user = userEvent.setup();
    const queue = await openQueue([googleSearch, dynamicsOnPrem]);
    await expectNoAxeViolations(document.body);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.dialog.querySelector('form')).not.toBeNull();
    await expectNoAxeViolations(document.body);
    await user.click(within(queue.dialog).getByRole('button', { name: 'Skip' }));
    expect(queue.step()).toHaveTextContent(/^0 reconnected, 2 skipped\.$/);
    await expectNoAxeViolations(document.body);
  });
});
