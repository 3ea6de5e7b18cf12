import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { es } from '../../../src/locales/es';
import { useReauthorization } from '../../../src/react/use-reauthorization';
import { expectNoAxeViolations } from './axe';
import { NOW, Provider, createFakeAdapter, dynamicsOnPrem, fixDate, googleBrand, googleSearch, hubspot, salesforce, sendCallback, stubWindowOpen } from './harness';
import { rendering } from '../../support/render-error';

const AUTH_URL = 'https://accounts.example.com/o/oauth2/auth?state=s1';

fixDate();

/** Lets the adapter's answers and the store's updates land. */
const settle = () => act(async () => {});

async function openDialog(connection: Connection, props: Partial<React.ComponentProps<typeof ReauthorizeDialog>> = {}, provider: Partial<React.ComponentProps<typeof Provider>> = {}) {
  const fake = createFakeAdapter();
  const popups = stubWindowOpen();
  const view = render(
    <Provider adapter={fake.adapter} {...provider}>
      <ReauthorizeDialog connection={connection} defaultOpen {...props} />
    </Provider>,
  );
  await settle();
  const dialog = screen.getByRole('dialog');
  const status = () => dialog.querySelector<HTMLElement>('.rca-dialog-status')!;
  /** The action buttons, in order, as "label (variant)". */
  const actions = () => [...dialog.querySelectorAll<HTMLElement>('.rca-dialog-actions button')].map((b) => `${b.textContent} (${b.dataset.variant})`);
  return { ...fake, popups, view, dialog, status, actions, store: getConnectionStore(fake.adapter) };
}

/** Opens the Google Ads dialog and brings its flow to the platform's sign-in window. */
async function openWaiting(connection = googleSearch) {
  const opened = await openDialog(connection);
  fireEvent.click(within(opened.dialog).getByRole('button', { name: 'Reconnect' }));
  await act(async () => opened.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
  return opened;
}

/** Opens the login dialog, signs in as "ana" with `password` (Enter in the password field), and fails with `error`. */
async function failLogin(password: string, error: ConnectionsError) {
  const user = userEvent.setup();
  const opened = await openDialog(dynamicsOnPrem);
  await user.type(screen.getByLabelText('Username'), 'ana');
  await user.type(screen.getByLabelText('Password'), `${password}{Enter}`);
  expect(opened.logins).toHaveLength(1);
  await act(async () => opened.logins[0]!.answer.reject(error));
  return { ...opened, user };
}

describe('given a lapsed Google Ads connection with auto-tagging on', () => {
  it('names the provider and the account in its title, the mark left out of the name', async () => {
    const { dialog } = await openDialog(googleSearch);
    expect(dialog).toHaveAccessibleName('Reconnect Google Ads — Acme Search');
    const title = within(dialog).getByRole('heading', { level: 2 });
    expect(title).toHaveClass('rca-dialog-title');
    expect(title.querySelector('.rca-provider-mark')).toHaveAttribute('aria-hidden', 'true');
    expect(title.querySelector('.rca-provider-mark')).toHaveAttribute('data-provider', 'google_ads');
  });

  it('says what stopped and since when, with the permanent gap as a warning callout', async () => {
    const { dialog, status } = await openDialog(googleSearch);
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'permanent');
    expect(impact.querySelector('p')).toHaveTextContent(/^Stopped 3 days ago:$/);
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cost data downloads', 'UTM tags on new ads']);
    const callout = impact.querySelector('.rca-callout')!;
    expect(callout).toHaveAttribute('data-tone', 'warning');
    expect(callout).toHaveTextContent(/^Touchpoints from new ads can’t be tagged later\. Reconnect soon to keep the gap small\.$/);
    // The impact describes the dialog to assistive technology.
    expect(dialog).toHaveAccessibleDescription(/^Stopped 3 days ago: Cost data downloads ?UTM tags on new ads ?Touchpoints from new ads/);
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(dialog).toHaveAttribute('data-phase', 'idle');
    expect(dialog).toHaveAttribute('data-category', 'advertising');
    expect(dialog).toHaveAttribute('data-method', 'oauth');
    expect(status()).toHaveAttribute('role', 'status');
    expect(status()).toHaveAttribute('data-stage', 'ready');
    expect(status()).toHaveAttribute('data-tone', 'neutral');
    expect(status()).toHaveTextContent(/^You’ll sign in to Google Ads in a new window\.$/);
  });

  it('offers Cancel and one primary Reconnect, on the right, and puts focus on it', async () => {
    const { dialog, actions } = await openDialog(googleSearch);
    expect(actions()).toEqual(['Cancel (secondary)', 'Reconnect (primary)']);
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toHaveFocus();
  });

  it('opens the sign-in window inside the click, then waits for the user', async () => {
    const { dialog, popups, starts, adapter, status, actions } = await openDialog(googleSearch);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    // Synchronously: no await between the click and window.open, or the browser blocks it.
    expect(popups.open).toHaveBeenCalledTimes(1);
    expect(popups.open.mock.calls[0]![2]).not.toMatch(/noopener/);
    expect(adapter.startAuthorization).toHaveBeenCalledTimes(1);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
    expect(status()).toHaveAttribute('data-tone', 'busy');
    expect(status()).toHaveTextContent(/^Opening the sign-in window…$/);
    expect(actions()).toEqual(['Cancel (secondary)']);

    await act(async () => starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    expect(popups.popups[0]!.location.replace).toHaveBeenCalledWith(AUTH_URL);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
    expect(dialog).toHaveAttribute('data-phase', 'awaiting_user');
    expect(status()).toHaveAttribute('data-tone', 'busy');
    expect(status()).toHaveTextContent(/^Finish signing in to Google Ads in the new window\.$/);
    // While the user signs in, "Reopen window" is not the primary action.
    expect(actions()).toEqual(['Cancel (secondary)', 'Reopen window (secondary)']);
    // Focus did not fall out of the dialog when the Reconnect button went.
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen window' }));
    expect(popups.popups[0]!.focus).toHaveBeenCalled();
    expect(popups.open).toHaveBeenCalledTimes(1);
  });

  it('completes when the platform answers, says it is reconnected, and no longer says what stopped', async () => {
    const { dialog, completions, status, actions } = await openWaiting();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    expect(completions[0]!.result).toMatchObject({ state: 's1', code: 'c1' });
    expect(dialog).toHaveAttribute('data-stage', 'completing');
    expect(status()).toHaveAttribute('data-tone', 'busy');
    expect(status()).toHaveTextContent(/^Reconnecting…$/);
    expect(actions()).toEqual([]);
    expect(dialog.querySelector('.rca-dialog-impact')).not.toBeNull();

    await act(async () => completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(dialog).toHaveAttribute('data-phase', 'succeeded');
    expect(status()).toHaveAttribute('data-tone', 'success');
    expect(status()).toHaveTextContent(/^Google Ads is reconnected\.$/);
    expect(dialog.querySelector('.rca-dialog-impact')).toBeNull();
    expect(dialog).not.toHaveTextContent('Stopped');
    expect(dialog).not.toHaveTextContent('can’t be tagged');
    expect(actions()).toEqual(['Done (primary)']);
    expect(within(dialog).getByRole('button', { name: 'Done' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says the window closed within a second, asks the server, and makes "Reopen window" the primary action', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { dialog, popups, adapter, status, actions, store } = await openWaiting();
    const lists = adapter.listConnections.mock.calls.length;
    popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(dialog).toHaveAttribute('data-stage', 'window_closed');
    expect(status()).toHaveAttribute('data-tone', 'warning');
    expect(status()).toHaveTextContent(/^The sign-in window closed before you finished\. Reopen it to continue\.$/);
    expect(actions()).toEqual(['Cancel (secondary)', 'Reopen window (primary)']);
    // A server-side callback may have finished: the list is asked again; the status stays as it was.
    expect(adapter.listConnections.mock.calls.length).toBe(lists + 1);
    expect(store.getConnection(googleSearch.id)?.status).toBe('authorization_required');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen window' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    expect(popups.open.mock.calls[1]![0]).toBe(AUTH_URL);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
  });

  it('offers to open the window again from a fresh click when the browser blocked it', async () => {
    const { dialog, popups, status, actions } = await openDialog(googleSearch);
    popups.blocked = true;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'blocked');
    expect(status()).toHaveAttribute('data-tone', 'warning');
    expect(status()).toHaveTextContent(/^Your browser blocked the sign-in window\. Allow pop-ups for this site, then try again\.$/);
    expect(actions()).toEqual(['Close (secondary)', 'Try again (primary)']);
    popups.blocked = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
  });

  it('says so when reopening the window was blocked, and offers to try again or cancel', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { dialog, popups, actions } = await openWaiting();
    popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    popups.blocked = true;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen window' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'blocked');
    expect(dialog).toHaveAttribute('data-phase', 'awaiting_user');
    expect(actions()).toEqual(['Cancel (secondary)', 'Try again (primary)']);
    popups.blocked = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(popups.open).toHaveBeenCalledTimes(3);
    expect(popups.open.mock.calls[2]![0]).toBe(AUTH_URL);
  });

  it('shows the platform\'s error as text, with what to do next, and tries again', async () => {
    const { dialog, popups, status, actions } = await openWaiting();
    act(() => sendCallback({ state: 's1', error: 'server_error', errorDescription: '<img src=x onerror=alert(1)>Quota reached' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveAttribute('data-tone', 'danger');
    expect(status().querySelector('p')).toHaveTextContent(/^The platform refused the sign-in\. Try again\.$/);
    expect(status().querySelector('.rca-dialog-status-detail')).toHaveTextContent(/^<img src=x onerror=alert\(1\)>Quota reached$/);
    expect(dialog.querySelector('img')).toBeNull();
    expect(actions()).toEqual(['Close (secondary)', 'Try again (primary)']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
  });

  it('reads a refusal on the platform as a cancellation', async () => {
    const { dialog, status } = await openWaiting();
    act(() => sendCallback({ state: 's1', error: 'access_denied' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'cancelled');
    expect(status()).toHaveAttribute('data-tone', 'neutral');
    expect(status()).toHaveTextContent(/^Nothing was changed\. You can try again at any time\.$/);
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says so when the user signed in to another account', async () => {
    const { dialog, completions, status } = await openWaiting();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => completions[0]!.answer.resolve({ ...googleSearch, status: 'connected', accountId: '999-999-9999' }));
    expect(dialog).toHaveAttribute('data-stage', 'wrong_account');
    expect(status()).toHaveAttribute('data-tone', 'warning');
    expect(status()).toHaveTextContent(/^You signed in to another account\. Sign in as Acme Search and try again\.$/);
  });

  it('says signing in took too long once the flow times out, and closes the window', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
    const { dialog, popups, status } = await openWaiting();
    await act(async () => {
      vi.advanceTimersByTime(300_000);
    });
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveTextContent(/^Signing in took too long\. Try again\.$/);
    expect(popups.popups[0]!.close).toHaveBeenCalled();
  });

  it('ends the flow and closes the window on Cancel', async () => {
    const { dialog, popups, store, actions } = await openWaiting();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(dialog).toHaveAttribute('data-stage', 'cancelled');
    expect(store.getFlow('gads-search').error?.code).toBe('cancelled');
    expect(actions()).toEqual(['Close (secondary)', 'Try again (primary)']);
  });

  it('ends the flow, closes the window and resets on Escape', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { starts, popups, store, dialog } = await openDialog(googleSearch, { onOpenChange });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(store.getFlow('gads-search').phase).toBe('idle');
  });

  it('has no accessibility violations while waiting', async () => {
    await openWaiting();
    vi.useRealTimers();
    await expectNoAxeViolations();
  });

  it('has no accessibility violations after the window closed, and once failed', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { dialog, popups, completions } = await openWaiting();
    popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(dialog).toHaveAttribute('data-stage', 'window_closed');
    vi.useRealTimers();
    await expectNoAxeViolations();
    // A result that still arrives completes the flow.
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'HTTP 500', { retryable: false })));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    await expectNoAxeViolations();
  });

  it('has no accessibility violations once reconnected, the description gone with the impact', async () => {
    const { dialog, completions } = await openWaiting();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    vi.useRealTimers();
    await expectNoAxeViolations();
  });

  it('has no accessibility violations while ready', async () => {
    await openDialog(googleSearch);
    vi.useRealTimers();
    await expectNoAxeViolations();
  });
});

describe('given what the dialog may promise about the gap', () => {
  it('warns of a permanent gap only where auto-tagging is on', async () => {
    const { dialog } = await openDialog(googleSearch);
    expect(dialog.querySelector('.rca-dialog-impact .rca-callout[data-tone="warning"]')).toHaveTextContent('can’t be tagged later');
  });

  it('says it as a condition where auto-tagging is unknown', async () => {
    const { autoTagging: _unknown, ...unknown } = googleSearch;
    const { dialog } = await openDialog(unknown);
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'possibly_permanent');
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cost data downloads']);
    const callout = impact.querySelector('.rca-callout')!;
    expect(callout).toHaveAttribute('data-tone', 'warning');
    expect(callout).toHaveTextContent(/^If auto-tagging is on, touchpoints from new ads can’t be tagged later\. Reconnect soon\.$/);
  });

  it('promises nothing where auto-tagging is off', async () => {
    const { dialog } = await openDialog({ ...googleSearch, autoTagging: false });
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'unknown');
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cost data downloads']);
    expect(impact.querySelector('.rca-callout')).toBeNull();
    expect(dialog).not.toHaveTextContent(/tagged|lost|gap/);
  });

  it('promises nothing for a platform of another kind', async () => {
    const { dialog } = await openDialog({ ...hubspot, canReauthorize: true });
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'unknown');
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Data sync']);
    expect(impact.querySelector('.rca-callout')).toBeNull();
  });

  it('says where the CRM catches up, as a note, and says it is on its way after reconnecting', async () => {
    const { dialog, completions, status } = await openWaiting(salesforce);
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'backfilled');
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Updates to CRM records', 'New touchpoints sent to your CRM']);
    expect(impact.querySelector('.rca-callout')).toHaveAttribute('data-tone', 'info');
    expect(impact.querySelector('.rca-callout')).toHaveTextContent(/^Nothing is lost\. Missed data goes to your CRM once you reconnect\.$/);
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => completions[0]!.answer.resolve({ ...salesforce, status: 'backfilling', backfill: { since: '2026-03-08', progress: 0 } }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(status().querySelector('p')).toHaveTextContent(/^Salesforce is reconnected\.$/);
    expect(status().querySelector('.rca-dialog-status-detail')).toHaveTextContent(/^Data missed since Mar 8, 2026 is on its way to your CRM\.$/);
    // At most two sentences in the status: the outcome and the backfill.
    expect(status().querySelectorAll('p')).toHaveLength(2);
  });

  it('says "Stopped:" without a time when it does not know since when', async () => {
    const { dialog } = await openDialog({ ...googleSearch, statusSince: undefined });
    expect(dialog.querySelector('.rca-dialog-impact p')).toHaveTextContent(/^Stopped:$/);
  });
});

describe('given an account name with direction controls, or of a megabyte', () => {
  it('keeps the controls out of the title, which reads in order around the isolated name', async () => {
    const { dialog } = await openDialog({ ...googleSearch, accountName: 'Acme\u202E חיפוש' });
    const title = dialog.querySelector('.rca-dialog-title')!.textContent!;
    expect(title).not.toContain('\u202E');
    expect(title).toBe('GAReconnect Google Ads — \u2068Acme חיפוש\u2069');
  });

  it('shortens a name of a megabyte with an ellipsis in the title and the status', async () => {
    const huge = 'Acme '.repeat(209_716);
    const { dialog, completions } = await openWaiting({ ...googleSearch, accountName: huge });
    expect(dialog.querySelector('.rca-dialog-title')!.textContent!.length).toBeLessThan(260);
    expect(dialog).toHaveAccessibleName(/^Reconnect Google Ads — Acme .*…$/);
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => completions[0]!.answer.resolve({ ...googleSearch, accountName: huge, status: 'connected', accountId: 'other' }));
    expect(dialog).toHaveAttribute('data-stage', 'wrong_account');
    expect(within(dialog).getByRole('status').textContent!.length).toBeLessThan(300);
  });

  it('shortens a platform error description of a megabyte', async () => {
    const { dialog } = await openWaiting();
    act(() => sendCallback({ state: 's1', error: 'server_error', errorDescription: 'x'.repeat(1_048_576) }));
    await settle();
    const detail = dialog.querySelector('.rca-dialog-status-detail')!;
    expect(detail.textContent!.length).toBeLessThanOrEqual(201);
    expect(detail.textContent).toMatch(/…$/);
  });
});

describe('given a connection that signs in with a login form', () => {
  it('shows labelled fields, focuses the username, and says what to enter', async () => {
    const { dialog, status, actions } = await openDialog(dynamicsOnPrem);
    expect(dialog).toHaveAttribute('data-method', 'credentials');
    const username = screen.getByLabelText<HTMLInputElement>('Username');
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toHaveAttribute('type', 'password');
    expect(username).toBeRequired();
    expect(password).toBeRequired();
    expect(username).toHaveFocus();
    expect(status()).toHaveTextContent(/^Enter your Microsoft Dynamics 365 username and password\.$/);
    expect(actions()).toEqual(['Cancel (secondary)', 'Reconnect (primary)']);
    // The submit button is inside the form, so Enter submits it.
    const form = dialog.querySelector('form.rca-dialog-form')!;
    expect(form).toContainElement(within(dialog).getByRole('button', { name: 'Reconnect' }));
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toHaveAttribute('type', 'submit');
  });

  it('sends the login once on Enter, keeps the username, clears the password, and opens no window', async () => {
    const user = userEvent.setup();
    const { dialog, logins, popups } = await openDialog(dynamicsOnPrem);
    const username = screen.getByLabelText<HTMLInputElement>('Username');
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    await user.type(username, 'ana');
    await user.type(password, 'secret{Enter}');
    expect(logins).toHaveLength(1);
    expect(logins[0]!.credentials).toEqual({ username: 'ana', password: 'secret' });
    // Cleared by the submit itself, before the adapter answers.
    expect(password.value).toBe('');
    expect(username.value).toBe('ana');
    expect(popups.open).not.toHaveBeenCalled();
    expect(dialog).toHaveAttribute('data-stage', 'completing');
    // The fields wait, disabled, while the login is checked.
    expect(username).toBeDisabled();
    expect(password).toBeDisabled();

    await act(async () => logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toHaveFocus();
  });

  it('sends the login from the Reconnect button too', async () => {
    const user = userEvent.setup();
    const { dialog, logins } = await openDialog(dynamicsOnPrem);
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    expect(logins.map((login) => login.credentials)).toEqual([{ username: 'ana', password: 'secret' }]);
  });

  it('says a refused login was not accepted, keeps the username, clears and focuses the password, marking both fields', async () => {
    const { dialog, status, actions } = await failLogin('wrong', new ConnectionsError('invalid_credentials', 'POST /credentials answered HTTP 401.'));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveAttribute('data-tone', 'danger');
    expect(status()).toHaveTextContent(/^The username or password was not accepted\. Check them and try again\.$/);
    const username = screen.getByLabelText<HTMLInputElement>('Username');
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    expect(username.value).toBe('ana');
    expect(password.value).toBe('');
    expect(password).toHaveFocus();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    // The fields are described by what went wrong.
    expect(password).toHaveAccessibleDescription('The username or password was not accepted. Check them and try again.');
    expect(actions()).toEqual(['Close (secondary)', 'Try again (primary)']);
  });

  it('signs in on a second try after a refused login, with Enter', async () => {
    const { dialog, logins, user } = await failLogin('wrong', new ConnectionsError('invalid_credentials', 'HTTP 401'));
    await user.keyboard('right{Enter}');
    expect(logins[1]!.credentials).toEqual({ username: 'ana', password: 'right' });
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    await act(async () => logins[1]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
  });

  it('focuses the password again after a second refusal', async () => {
    const { logins, user } = await failLogin('wrong', new ConnectionsError('invalid_credentials', 'HTTP 401'));
    await user.keyboard('wrong again{Enter}');
    await act(async () => logins[1]!.answer.reject(new ConnectionsError('invalid_credentials', 'HTTP 401')));
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Username')).toHaveValue('ana');
  });

  it('does not call a login wrong when the server was down, and says to try again in a moment', async () => {
    const { dialog, status } = await failLogin('right', new ConnectionsError('adapter_failed', 'POST /credentials answered HTTP 503.', { retryable: true }));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveTextContent(/^Reconnecting failed\. Try again in a moment\.$/);
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Username')).toHaveValue('ana');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it('is a form that posts, so a login never lands in an address, even if the browser were to send it', async () => {
    await openDialog(dynamicsOnPrem);
    expect(screen.getByLabelText('Password').closest('form')).toHaveAttribute('method', 'post');
  });

  it('never lets the browser submit the login itself, even when your onSubmit throws', async () => {
    const thrown: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      thrown.push(event.error);
    };
    window.addEventListener('error', onError);
    const fake = createFakeAdapter();
    stubWindowOpen();
    render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog.Root connection={dynamicsOnPrem} defaultOpen>
          <ReauthorizeDialog.Content aria-describedby={undefined}>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Form
              onSubmit={() => {
                throw new Error('analytics down');
              }}
            >
              <ReauthorizeDialog.Actions />
            </ReauthorizeDialog.Form>
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const form = screen.getByLabelText('Password').closest('form')!;
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    const notPrevented = fireEvent.submit(form);
    window.removeEventListener('error', onError);
    expect(notPrevented).toBe(false);
    // Your error still surfaces.
    expect(thrown.length).toBeGreaterThan(0);
    expect(thrown).toEqual(thrown.map(() => expect.objectContaining({ message: 'analytics down' })));
    expect(fake.logins).toHaveLength(0);
  });

  it('lets your onSubmit see the submission first, and keep the library from sending it', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog.Root connection={dynamicsOnPrem} defaultOpen>
          <ReauthorizeDialog.Content aria-describedby={undefined}>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Form onSubmit={onSubmit}>
              <ReauthorizeDialog.Actions />
            </ReauthorizeDialog.Form>
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'secret{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(fake.logins).toHaveLength(0);
  });

  it('shows no login form when this user may not reconnect a login-form connection', async () => {
    const { status } = await openDialog({ ...dynamicsOnPrem, canReauthorize: false });
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reconnect' })).toBeNull();
    expect(status()).toHaveTextContent(/^Ask a workspace admin to reconnect it\.$/);
  });

  it('has no accessibility violations when ready', async () => {
    await openDialog(dynamicsOnPrem);
    vi.useRealTimers();
    await expectNoAxeViolations();
  });

  it('has no accessibility violations after a refused login', async () => {
    await failLogin('wrong', new ConnectionsError('invalid_credentials', 'HTTP 401'));
    vi.useRealTimers();
    await expectNoAxeViolations();
  });
});

describe('given a dialog rendered from props before the list has arrived', () => {
  it('signs in with the connection it was given, and the store then shows the result', async () => {
    const fake = createFakeAdapter();
    fake.adapter.listConnections.mockImplementation(() => new Promise(() => {}));
    const popups = stubWindowOpen();
    render(<ReauthorizeDialog connection={googleSearch} adapter={fake.adapter} defaultOpen />);
    const store = getConnectionStore(fake.adapter);
    expect(store.getState().status).toBe('loading');

    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));

    expect(popups.popups).toHaveLength(1);
    expect(fake.adapter.startAuthorization).toHaveBeenCalledWith(googleSearch, expect.anything());
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await act(async () => fake.completions[0]!.answer.resolve({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() }));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'succeeded');
    expect(store.getConnection(googleSearch.id)?.status).toBe('connected');
  });
});

describe('given a product team composing it', () => {
  it('opens from its own trigger when uncontrolled, and closes from the corner button', async () => {
    const user = userEvent.setup();
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ReauthorizeDialog connection={googleSearch}>
          <ReauthorizeDialog.Trigger>Fix it</ReauthorizeDialog.Trigger>
        </ReauthorizeDialog>
      </Provider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    const trigger = screen.getByRole('button', { name: 'Fix it' });
    expect(trigger).toHaveClass('rca-dialog-trigger');
    await user.click(trigger);
    const dialog = screen.getByRole('dialog');
    const corner = within(dialog).getByRole('button', { name: 'Close' });
    expect(corner).toHaveClass('rca-dialog-close');
    await user.click(corner);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(trigger).toHaveFocus();
  });

  it('follows its open prop when controlled', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const adapter = createFakeAdapter().adapter;
    const { rerender } = render(
      <Provider adapter={adapter}>
        <ReauthorizeDialog connection={googleSearch} open={false} onOpenChange={onOpenChange} />
      </Provider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(
      <Provider adapter={adapter}>
        <ReauthorizeDialog connection={googleSearch} open onOpenChange={onOpenChange} />
      </Provider>,
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('gives focus back to the button that opened it from props, as it has no trigger, in StrictMode too', async () => {
    const user = userEvent.setup();
    function Screen() {
      const [open, setOpen] = React.useState(false);
      return (
        <Provider adapter={createFakeAdapter().adapter}>
          <button type="button" onClick={() => setOpen(true)}>
            Fix Google Ads
          </button>
          <ReauthorizeDialog connection={googleSearch} open={open} onOpenChange={setOpen} />
        </Provider>
      );
    }
    render(
      <React.StrictMode>
        <Screen />
      </React.StrictMode>,
    );
    const opener = screen.getByRole('button', { name: 'Fix Google Ads' });
    for (const close of [() => user.keyboard('{Escape}'), () => user.click(screen.getByRole('button', { name: 'Close' }))]) {
      await user.click(opener);
      expect(screen.getByRole('dialog')).toBeInTheDocument();
      expect(opener).not.toHaveFocus();
      await close();
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(opener).toHaveFocus();
    }
  });

  it('lets your onOpenAutoFocus choose where focus goes', async () => {
    const onOpenAutoFocus = vi.fn((event: Event) => {
      event.preventDefault();
      document.querySelector<HTMLElement>('.rca-dialog-close')?.focus();
    });
    await openDialog(googleSearch, { onOpenAutoFocus });
    expect(onOpenAutoFocus).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('merges className and passes DOM props and the ref to the dialog', async () => {
    const ref = React.createRef<HTMLDivElement>();
    const { dialog } = await openDialog(googleSearch, { ref, className: 'mine', id: 'reauth', 'data-testid': 'reauth' } as never);
    expect(ref.current).toBe(dialog);
    expect(dialog).toHaveClass('rca-dialog', 'mine');
    expect(dialog).toHaveAttribute('id', 'reauth');
    expect(dialog).toHaveAttribute('data-testid', 'reauth');
    expect(document.querySelector('.rca-dialog-overlay')).not.toBeNull();
  });

  it('merges className and passes DOM props and the ref through every part', async () => {
    const refs = {
      trigger: React.createRef<HTMLButtonElement>(),
      content: React.createRef<HTMLDivElement>(),
      title: React.createRef<HTMLHeadingElement>(),
      description: React.createRef<HTMLDivElement>(),
      impact: React.createRef<HTMLDivElement>(),
      status: React.createRef<HTMLDivElement>(),
      form: React.createRef<HTMLFormElement>(),
      actions: React.createRef<HTMLDivElement>(),
      close: React.createRef<HTMLButtonElement>(),
    };
    const part = (name: keyof typeof refs) => ({ ref: refs[name] as never, className: `my-${name}`, 'data-testid': name, title: `the ${name}` });
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ReauthorizeDialog.Root connection={{ ...dynamicsOnPrem, autoTagging: undefined }} defaultOpen>
          <ReauthorizeDialog.Trigger {...part('trigger')}>Open</ReauthorizeDialog.Trigger>
          <ReauthorizeDialog.Content {...part('content')}>
            <ReauthorizeDialog.Title {...part('title')} />
            <ReauthorizeDialog.Description {...part('description')}>Your words</ReauthorizeDialog.Description>
            <ReauthorizeDialog.Impact {...part('impact')} />
            <ReauthorizeDialog.Status {...part('status')} />
            <ReauthorizeDialog.Form {...part('form')}>
              <ReauthorizeDialog.Actions {...part('actions')} />
            </ReauthorizeDialog.Form>
            <ReauthorizeDialog.Close {...part('close')} />
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const classes = {
      trigger: 'rca-dialog-trigger',
      content: 'rca-dialog',
      title: 'rca-dialog-title',
      description: 'rca-dialog-description',
      impact: 'rca-dialog-impact',
      status: 'rca-dialog-status',
      form: 'rca-dialog-form',
      actions: 'rca-dialog-actions',
      close: 'rca-dialog-close',
    } as const;
    for (const name of Object.keys(refs) as (keyof typeof refs)[]) {
      const element = screen.getByTestId(name);
      expect([name, refs[name].current]).toEqual([name, element]);
      expect(element).toHaveClass(classes[name], `my-${name}`);
      expect(element).toHaveAttribute('title', `the ${name}`);
    }
    expect(screen.getByTestId('description')).toHaveTextContent(/^Your words$/);
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription('Your words');
    expect(screen.getByTestId('status')).toHaveAttribute('data-stage', 'ready');
  });

  it('renders a custom layout from its parts', async () => {
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ReauthorizeDialog.Root connection={{ ...hubspot, canReauthorize: true }} defaultOpen>
          <ReauthorizeDialog.Content aria-describedby={undefined}>
            <ReauthorizeDialog.Title>Reconnect HubSpot</ReauthorizeDialog.Title>
            <ReauthorizeDialog.Impact className="mine" />
            <ReauthorizeDialog.Actions />
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Reconnect HubSpot' });
    expect(dialog.querySelector('.rca-dialog-impact.mine')).toHaveAttribute('data-recovery', 'unknown');
    expect(dialog).toHaveTextContent('Data sync');
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
  });

  it('lets words given to the close button name it, and keeps "Close" for an icon of your own', async () => {
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ReauthorizeDialog.Root connection={googleSearch} defaultOpen>
          <ReauthorizeDialog.Content aria-describedby={undefined}>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Close aria-label={undefined}>Not now</ReauthorizeDialog.Close>
            <ReauthorizeDialog.Close />
            <ReauthorizeDialog.Close asChild>
              <button type="button" data-testid="own-close">
                <svg aria-hidden />
              </button>
            </ReauthorizeDialog.Close>
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Not now' })).toBeInTheDocument();
    expect(within(dialog).getAllByRole('button', { name: 'Close' })).toHaveLength(2);
    expect(within(dialog).getByTestId('own-close')).toHaveAccessibleName('Close');
  });

  it('submits a login form of your own layout through its own id', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog.Root connection={dynamicsOnPrem} defaultOpen>
          <ReauthorizeDialog.Content>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Description />
            <ReauthorizeDialog.Form id="login">
              <ReauthorizeDialog.Actions />
            </ReauthorizeDialog.Form>
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const form = document.querySelector('form.rca-dialog-form')!;
    expect(form).toHaveAttribute('id', 'login');
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(fake.logins.map((login) => login.credentials)).toEqual([{ username: 'ana', password: 'right' }]);
  });

  it('names the missing root when a part is used alone', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(rendering(() => render(<ReauthorizeDialog.Title />))).toThrow('Render the parts of ReauthorizeDialog inside <ReauthorizeDialog.Root>.');
  });
});

describe('given a Spanish-speaking user', () => {
  it('speaks Spanish throughout with the Spanish messages', async () => {
    const { dialog, status } = await openDialog(googleSearch, {}, { messages: es });
    expect(dialog).toHaveAccessibleName('Reconectar Google Ads — Acme Search');
    expect(dialog.querySelector('.rca-dialog-impact p')).toHaveTextContent(/^Detenido hace 3 días:$/);
    expect(dialog).toHaveTextContent('La descarga de datos de costes');
    expect(dialog).toHaveTextContent('no podrán etiquetarse después');
    expect(status()).toHaveTextContent('Iniciarás sesión en Google Ads en una ventana nueva.');
    expect(within(dialog).getByRole('button', { name: 'Reconectar' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cerrar' })).toHaveClass('rca-dialog-close');
  });

  it('says a refused login in Spanish', async () => {
    const fake = createFakeAdapter();
    const user = userEvent.setup();
    render(
      <Provider adapter={fake.adapter} messages={es}>
        <ReauthorizeDialog connection={dynamicsOnPrem} defaultOpen />
      </Provider>,
    );
    await settle();
    await user.type(screen.getByLabelText('Usuario'), 'ana');
    await user.type(screen.getByLabelText('Contraseña'), 'mal{Enter}');
    await act(async () => fake.logins[0]!.answer.reject(new ConnectionsError('invalid_credentials', 'HTTP 401')));
    expect(within(screen.getByRole('dialog')).getByRole('status')).toHaveTextContent('El usuario o la contraseña no son válidos. Revísalos y vuelve a intentarlo.');
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeInTheDocument();
  });
});

describe('given a locale written the POSIX way, or one Intl does not accept', () => {
  it('reads es_ES as Spanish for Spanish words, and falls back rather than failing to render', async () => {
    const fake = createFakeAdapter();
    const { unmount } = render(
      <Provider adapter={fake.adapter} locale="es_ES" messages={es}>
        <ReauthorizeDialog connection={googleSearch} defaultOpen />
      </Provider>,
    );
    await settle();
    expect(screen.getByRole('dialog', { name: 'Reconectar Google Ads — Acme Search' })).toHaveTextContent('Detenido hace 3 días:');
    unmount();

    render(
      <Provider adapter={fake.adapter} locale="not a locale!">
        <ReauthorizeDialog connection={googleSearch} defaultOpen />
      </Provider>,
    );
    await settle();
    expect(screen.getByRole('dialog', { name: 'Reconnect Google Ads — Acme Search' })).toHaveTextContent('Stopped 3 days ago:');
  });
});

describe('given an app in StrictMode', () => {
  it('still runs the flow: the doubled effects on opening end nothing', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    render(
      <React.StrictMode>
        <Provider adapter={fake.adapter}>
          <ReauthorizeDialog connection={googleSearch} defaultOpen />
        </Provider>
      </React.StrictMode>,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'waiting');
    expect(popups.popups[0]!.close).not.toHaveBeenCalled();
  });

  it('keeps a running flow when its open dialog moves to another container', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    const first = document.body.appendChild(document.createElement('div'));
    const second = document.body.appendChild(document.createElement('div'));
    const view = render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch} defaultOpen container={first} />
      </Provider>,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    view.rerender(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch} defaultOpen container={second} />
      </Provider>,
    );
    await settle();
    expect(second.querySelector('[role="dialog"]')).toHaveAttribute('data-stage', 'waiting');
    expect(popups.popups[0]!.close).not.toHaveBeenCalled();
    expect(getConnectionStore(fake.adapter).getFlow(googleSearch.id).phase).toBe('awaiting_user');
    view.unmount();
    first.remove();
    second.remove();
  });

  it('ends the waiting flow of a dialog that closes, even when another dialog for the same connection opens in that render', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    const screenWith = (which: 'a' | 'b') => (
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog key="a" connection={googleSearch} open={which === 'a'} />
        <ReauthorizeDialog key="b" connection={googleSearch} open={which === 'b'} />
      </Provider>
    );
    const view = render(screenWith('a'));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'waiting');

    view.rerender(screenWith('b'));
    await settle();
    // Closing ends a flow that waits on the user; the other dialog starts afresh.
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(getConnectionStore(fake.adapter).getFlow(googleSearch.id).phase).toBe('idle');
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'ready');
    view.unmount();
  });

  it('still ends the flow on closing while your own UI shows it too', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    function StatusLine() {
      const { stage } = useReauthorization(googleSearch);
      return <p data-testid="line">{stage}</p>;
    }
    const screenWith = (open: boolean) => (
      <Provider adapter={fake.adapter}>
        <StatusLine />
        <ReauthorizeDialog connection={googleSearch} open={open} />
      </Provider>
    );
    const view = render(screenWith(true));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    expect(screen.getByTestId('line')).toHaveTextContent('waiting');
    view.rerender(screenWith(false));
    await settle();
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(getConnectionStore(fake.adapter).getFlow(googleSearch.id).phase).toBe('idle');
    expect(screen.getByTestId('line')).toHaveTextContent('ready');
    view.unmount();
  });

  it('keeps a flow the click started before opening the dialog, and still ends it on closing', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    let result: Promise<unknown> | undefined;
    function Screen() {
      const [open, setOpen] = React.useState(false);
      const { start } = useReauthorization(googleSearch);
      return (
        <>
          <button
            type="button"
            onClick={() => {
              result = start().catch((error: unknown) => error);
              setOpen(true);
            }}
          >
            Fix it
          </button>
          <ReauthorizeDialog connection={googleSearch} open={open} onOpenChange={setOpen} />
        </>
      );
    }
    render(
      <React.StrictMode>
        <Provider adapter={fake.adapter}>
          <Screen />
        </Provider>
      </React.StrictMode>,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Fix it' }));
    await settle();
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'waiting');
    expect(popups.popups[0]!.close).not.toHaveBeenCalled();
    expect(getConnectionStore(fake.adapter).getFlow(googleSearch.id).phase).toBe('awaiting_user');

    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    await expect(result).resolves.toMatchObject({ code: 'cancelled' });
  });
});

describe('given a sign-in under way', () => {
  const overlay = () => document.querySelector<HTMLElement>('.rca-dialog-overlay')!;

  it('keeps the dialog and the sign-in window open on a click on the dimmed page', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { dialog, starts, popups, store } = await openDialog(googleSearch, { onOpenChange });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    await user.click(overlay());
    await settle();
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
    expect(popups.popups[0]!.close).not.toHaveBeenCalled();
    expect(store.getFlow('gads-search').phase).toBe('awaiting_user');
  });

  it('keeps the dialog open on a click on the dimmed page while the window is still opening', async () => {
    const user = userEvent.setup();
    const { dialog, popups, store } = await openDialog(googleSearch);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await settle();
    await user.click(overlay());
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
    expect(popups.popups[0]!.close).not.toHaveBeenCalled();
    expect(store.getFlow('gads-search').phase).toBe('starting');
  });

  it('still closes on a click on the dimmed page when nothing runs', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    await openDialog(googleSearch, { onOpenChange });
    await user.click(overlay());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('calls the product team\'s outside handlers first, and lets them keep the dialog open', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    const onPointerDownOutside = vi.fn(() => calls.push('pointer'));
    const onInteractOutside = vi.fn((event: Event) => {
      calls.push('interact');
      event.preventDefault();
    });
    const { dialog, starts } = await openDialog(googleSearch, { onPointerDownOutside, onInteractOutside });
    await user.click(overlay());
    await settle();
    expect(calls).toEqual(['pointer', 'interact']);
    expect(screen.getByRole('dialog')).toBe(dialog);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    await user.click(overlay());
    await settle();
    expect(calls).toEqual(['pointer', 'interact', 'pointer', 'interact']);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
  });
});

describe('given the platform answered and the reconnection is finishing', () => {
  async function reachCompleting(props: Partial<React.ComponentProps<typeof ReauthorizeDialog>> = {}) {
    const opened = await openDialog(googleSearch, props);
    fireEvent.click(within(opened.dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => opened.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    expect(opened.dialog).toHaveAttribute('data-stage', 'completing');
    return opened;
  }

  it('offers no Cancel: the code can be used only once', async () => {
    const { dialog } = await reachCompleting();
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it('keeps the dialog open on a click on the dimmed page', async () => {
    const user = userEvent.setup();
    const { dialog, completions } = await reachCompleting();
    await user.click(document.querySelector<HTMLElement>('.rca-dialog-overlay')!);
    await settle();
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(completions[0]!.signal.aborted).toBe(false);
  });

  it('lets the reconnection finish when the dialog is closed', async () => {
    const user = userEvent.setup();
    const { completions, store } = await reachCompleting();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(completions[0]!.signal.aborted).toBe(false);
    expect(store.getFlow('gads-search').phase).toBe('completing');
    await act(async () => completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' }));
    expect(store.getConnection('gads-search')?.status).toBe('connected');
    expect(store.getFlow('gads-search').phase).toBe('succeeded');
  });

  it('opens afresh next time, not on the outcome reached while it was closed', async () => {
    const user = userEvent.setup();
    const { completions, store } = await reachCompleting({ children: <ReauthorizeDialog.Trigger>Open it</ReauthorizeDialog.Trigger> });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await act(async () => completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'The backend refused the code.')));
    expect(store.getFlow('gads-search').phase).toBe('failed');

    await user.click(screen.getByRole('button', { name: 'Open it' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(dialog).toHaveAttribute('data-phase', 'idle');
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(dialog).not.toHaveTextContent('Reconnecting failed');
  });

  it('still shows an outcome reached just before it opened, as when the opening click was blocked', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    const view = render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch} open={false} />
      </Provider>,
    );
    await settle();
    popups.blocked = true;
    // A product's own button starts the flow and opens the dialog in one click.
    await expect(getConnectionStore(fake.adapter).reauthorize(googleSearch.id)).rejects.toMatchObject({ code: 'popup_blocked' });
    view.rerender(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch} open />
      </Provider>,
    );

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('data-stage', 'blocked');
  });

  it('lets the reconnection finish when Escape closes the dialog', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { completions, store } = await reachCompleting({ onOpenChange });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(completions[0]!.signal.aborted).toBe(false);
    await act(async () => completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' }));
    expect(store.getConnection('gads-search')?.status).toBe('connected');
  });

  it('lets a login form\'s sign-in finish when the dialog is closed', async () => {
    const user = userEvent.setup();
    const { dialog, logins, store } = await openDialog(dynamicsOnPrem);
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'right{Enter}');
    expect(dialog).toHaveAttribute('data-stage', 'completing');
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await act(async () => logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(store.getConnection('d365-onprem')?.status).toBe('connected');
    expect(store.getFlow('d365-onprem').phase).toBe('succeeded');
  });
});

describe('given a reconnection that failed', () => {
  it('offers "Try again" after the backend refused the code, and a new attempt starts afresh', async () => {
    const { dialog, starts, completions, popups, adapter, status } = await openWaiting();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    // What an adapter reports for an HTTP 400 invalid_grant: not worth repeating as is, but a new flow gets a new code.
    await act(async () => completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'POST /complete answered HTTP 400 (invalid_grant).', { retryable: false })));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveTextContent(/^Reconnecting failed\. Try again in a moment\.$/);
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    expect(adapter.startAuthorization).toHaveBeenCalledTimes(2);
    await act(async () => starts[1]!.resolve({ url: AUTH_URL.replace('s1', 's2'), state: 's2' }));
    act(() => sendCallback({ state: 's2', code: 'c2' }));
    await act(async () => completions[1]!.answer.resolve({ ...googleSearch, status: 'connected' }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
  });

  it('offers no "Try again" when the platform sent an unsafe sign-in address, and says whom to ask', async () => {
    const { dialog, starts, status, actions } = await openDialog(googleSearch);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => starts[0]!.resolve({ url: 'javascript:alert(1)', state: 's1' }));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveTextContent(/^The platform sent an unsafe sign-in address\. Contact your admin\.$/);
    expect(actions()).toEqual(['Close (secondary)']);
  });

  it('says who can reconnect, and offers no sign-in, when this user may not', async () => {
    const { dialog, status, actions } = await openDialog(hubspot);
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(status()).toHaveTextContent(/^Ask a workspace admin to reconnect it\.$/);
    expect(actions()).toEqual(['Cancel (secondary)']);
  });

  it('offers no "Try again" when the backend cannot take a login form at all', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    const { submitCredentials: _none, ...adapter } = fake.adapter;
    render(
      <Provider adapter={adapter}>
        <ReauthorizeDialog connection={dynamicsOnPrem} defaultOpen />
      </Provider>,
    );
    await settle();
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'right{Enter}');
    await settle();
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^This connection can’t be reconnected here\. Ask a workspace admin\.$/);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('says another connection took over when a second sign-in starts', async () => {
    const fake = createFakeAdapter();
    stubWindowOpen();
    render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch} defaultOpen />
      </Provider>,
    );
    await settle();
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await act(async () => fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    // The integrator's code starts another connection's sign-in.
    act(() => void getConnectionStore(fake.adapter).reauthorize(salesforce.id).catch(() => {}));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Another connection started signing in\. Try this one again afterwards\.$/);
  });
});

describe('given a slow backend while the sign-in window opens', () => {
  it('says the window was closed before the address arrived, and reopens it', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { dialog, starts, popups, status } = await openDialog(googleSearch);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await settle();
    popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(dialog).toHaveAttribute('data-phase', 'starting');
    expect(dialog).toHaveAttribute('data-stage', 'window_closed');
    expect(status()).toHaveTextContent('The sign-in window closed before you finished. Reopen it to continue.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen window' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
    await act(async () => starts[0]!.resolve({ url: AUTH_URL, state: 's1' }));
    expect(popups.popups[1]!.location.replace).toHaveBeenCalledWith(AUTH_URL);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
  });
});

describe('given a dialog opened on a connection that works', () => {
  it('says nothing stopped, and offers to renew it anyway', async () => {
    const { dialog, status, actions } = await openDialog(googleBrand);
    expect(dialog.querySelector('.rca-dialog-impact')).toBeNull();
    expect(dialog).not.toHaveTextContent('Stopped');
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(status()).toHaveTextContent(/^You’ll sign in to Google Ads in a new window\.$/);
    expect(actions()).toEqual(['Cancel (secondary)', 'Renew (primary)']);
  });
});
