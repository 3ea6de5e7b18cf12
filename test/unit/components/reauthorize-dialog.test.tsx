import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReauthorizeButton } from '../../../src/components/connection-list';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { ConnectionsError } from '../../../src/core/errors';
import { getConnectionStore } from '../../../src/core/store';
import { useReauthorization } from '../../../src/react/use-reauthorization';
import type { Connection } from '../../../src/core/types';
import { expectNoAxeViolations } from './axe';
import {
  NOW,
  Provider,
  createFakeAdapter,
  dynamicsOnPrem,
  googleSearch,
  hubspot,
  salesforce,
  sendCallback,
  stubWindowOpen,
} from './harness';

const AUTH_URL = 'https://accounts.example.com/o/oauth2/auth?state=s1';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the adapter's answers and the store's updates land. */
const settle = () => act(async () => {});

async function openDialog(connection: Connection, props: Partial<React.ComponentProps<typeof ReauthorizeDialog>> = {}) {
  const fake = createFakeAdapter();
  const popups = stubWindowOpen();
  const view = render(
    <Provider adapter={fake.adapter}>
      <ReauthorizeDialog connection={connection} defaultOpen {...props} />
    </Provider>,
  );
  await settle();
  const dialog = screen.getByRole('dialog');
  return { ...fake, popups, view, dialog, store: getConnectionStore(fake.adapter) };
}

/** Opens the login dialog and signs in as "ana" with `password`, which the adapter fails with `error`. */
async function failLogin(password: string, error: ConnectionsError) {
  const user = userEvent.setup();
  const opened = await openDialog(dynamicsOnPrem);
  await user.type(screen.getByLabelText('Username'), 'ana');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
  opened.logins[0]!.answer.reject(error);
  await settle();
  return opened;
}

function dateTime(iso: string, locale = 'en') {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}

describe('given a lapsed Google Ads connection', () => {
  it('says what stopped, since when, and that the gap is permanent', async () => {
    const { dialog } = await openDialog(googleSearch);
    expect(dialog).toHaveAccessibleName('Reauthorize Google Ads');
    expect(dialog).toHaveAccessibleDescription('Access to Acme Search has lapsed. Sign in to Google Ads again to resume.');
    const impact = dialog.querySelector('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'permanent');
    expect(impact).toHaveTextContent(`Stopped 3 days ago (${dateTime(googleSearch.statusSince!)}):`);
    expect(within(impact as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Downloading cost data',
      'Adding UTM parameters to new ads',
    ]);
    expect(impact).toHaveTextContent('can never be tagged afterwards, so this gap is permanent');
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(dialog).toHaveAttribute('data-phase', 'idle');
    expect(dialog).toHaveAttribute('data-category', 'advertising');
    expect(dialog).toHaveAttribute('data-method', 'oauth');
  });

  it('puts focus on "Sign in to Google Ads"', async () => {
    await openDialog(googleSearch);
    expect(screen.getByRole('button', { name: 'Sign in to Google Ads' })).toHaveFocus();
  });

  it('opens the sign-in window inside the click, then waits for the user', async () => {
    const { dialog, popups, starts, adapter } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    // Synchronously: no await between the click and window.open, or the browser blocks it.
    expect(popups.open).toHaveBeenCalledTimes(1);
    expect(popups.open.mock.calls[0]![2]).not.toMatch(/noopener/);
    expect(adapter.startAuthorization).toHaveBeenCalledTimes(1);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
    expect(screen.getByRole('status')).toHaveTextContent('Opening the sign-in window…');

    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    expect(popups.popups[0]!.location.replace).toHaveBeenCalledWith(AUTH_URL);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
    expect(dialog).toHaveAttribute('data-phase', 'awaiting_user');
    expect(dialog).toHaveAttribute('data-popup', 'open');
    expect(screen.getByRole('status')).toHaveTextContent('Finish signing in to Google Ads in the window that opened.');

    fireEvent.click(screen.getByRole('button', { name: 'Reopen window' }));
    expect(popups.popups[0]!.focus).toHaveBeenCalled();
    expect(popups.open).toHaveBeenCalledTimes(1);
  });

  it('completes when the platform answers, and says it is connected again', async () => {
    const { dialog, starts, completions } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    expect(completions[0]!.result).toMatchObject({ state: 's1', code: 'c1' });
    expect(dialog).toHaveAttribute('data-stage', 'completing');
    expect(screen.getByRole('status')).toHaveTextContent('Finishing the reconnection…');
    completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' });
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(screen.getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers to reopen the window or cancel when it was closed before finishing', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { dialog, starts, popups } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(dialog).toHaveAttribute('data-stage', 'window_closed');
    expect(dialog).toHaveAttribute('data-popup', 'closed');
    expect(screen.getByRole('status')).toHaveTextContent('The sign-in window was closed before you finished, or the platform took it out of our reach.');
    fireEvent.click(screen.getByRole('button', { name: 'Reopen window' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    expect(popups.open.mock.calls[1]![0]).toBe(AUTH_URL);
  });

  it('offers to open the window again from a fresh click when the browser blocked it', async () => {
    const { dialog, popups } = await openDialog(googleSearch);
    popups.blocked = true;
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'blocked');
    expect(screen.getByRole('status')).toHaveTextContent('Your browser blocked the sign-in window.');
    popups.blocked = false;
    fireEvent.click(screen.getByRole('button', { name: 'Open sign-in window' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
  });

  it('shows the platform\'s error as text and tries again', async () => {
    const { dialog, starts, popups } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', error: 'server_error', errorDescription: '<img src=x onerror=alert(1)>Quota reached' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('The platform refused the sign-in.');
    expect(status).toHaveTextContent('<img src=x onerror=alert(1)>Quota reached');
    expect(dialog.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
  });

  it('reads a refusal on the platform as a cancellation', async () => {
    const { dialog, starts } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', error: 'access_denied' }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'cancelled');
    expect(screen.getByRole('status')).toHaveTextContent('Reauthorization cancelled. Nothing was changed.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says so when the user signed in to another account', async () => {
    const { dialog, starts, completions } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    completions[0]!.answer.resolve({ ...googleSearch, status: 'connected', accountId: '999-999-9999' });
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'wrong_account');
    expect(screen.getByRole('status')).toHaveTextContent('You signed in with a different account. Sign in as Acme Search');
  });

  it('ends the flow and closes the window on Cancel', async () => {
    const { dialog, starts, popups, store } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(dialog).toHaveAttribute('data-stage', 'cancelled');
    expect(store.getFlow('gads-search').error?.code).toBe('cancelled');
  });

  it('ends the flow, closes the window and resets on Escape', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { starts, popups, store } = await openDialog(googleSearch, { onOpenChange });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(store.getFlow('gads-search').phase).toBe('idle');
  });

  it('has no accessibility violations while ready and while waiting', async () => {
    const { starts } = await openDialog(googleSearch);
    vi.useRealTimers();
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    await expectNoAxeViolations();
  });
});

describe('given a lapsed CRM', () => {
  it('says the missed data will be backfilled, and backfills it after reconnecting', async () => {
    const { dialog, starts, completions } = await openDialog(salesforce);
    const impact = dialog.querySelector('.rca-dialog-impact')!;
    expect(impact).toHaveAttribute('data-recovery', 'backfilled');
    expect(impact).toHaveTextContent('Updating records in your CRM');
    expect(impact).toHaveTextContent('Sending new touchpoints to your CRM');
    expect(impact).toHaveTextContent('the data missed meanwhile is sent to your CRM');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Salesforce' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    completions[0]!.answer.resolve({ ...salesforce, status: 'backfilling', backfill: { since: salesforce.statusSince!, progress: 0 } });
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(`Backfilling data missed since ${dateTime(salesforce.statusSince!)}.`);
  });
});

describe('given an account name with direction controls', () => {
  it('keeps them out of the dialog\'s sentence, which reads in order around the isolated name', async () => {
    const { dialog } = await openDialog({ ...googleSearch, accountName: 'Acme\u202E Search' });
    const description = dialog.querySelector('.rca-dialog-description')!.textContent!;
    expect(description).not.toContain('\u202E');
    expect(description).toBe('Access to \u2068Acme Search\u2069 has lapsed. Sign in to Google Ads again to resume.');
  });
});

describe('given a connection that signs in with a login form', () => {
  it('sends the labelled fields once and clears them whatever the outcome', async () => {
    const user = userEvent.setup();
    const { dialog, logins, popups } = await openDialog(dynamicsOnPrem);
    expect(dialog).toHaveAttribute('data-method', 'credentials');
    const username = screen.getByLabelText<HTMLInputElement>('Username');
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toHaveAttribute('type', 'password');
    expect(username).toHaveFocus();

    await user.type(username, 'ana');
    await user.type(password, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
    expect(logins[0]!.credentials).toEqual({ username: 'ana', password: 'wrong' });
    // Cleared by the submit itself, before the adapter answers (the form is gone while it waits).
    expect(username.value).toBe('');
    expect(password.value).toBe('');
    expect(popups.open).not.toHaveBeenCalled();
    expect(dialog).toHaveAttribute('data-stage', 'completing');
    expect(screen.queryByLabelText('Password')).toBeNull();

    logins[0]!.answer.reject(
      Object.assign(new Error('refused'), { name: 'ConnectionsError' }),
    );
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByLabelText('Username')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveValue('');

    const usernameAgain = screen.getByLabelText<HTMLInputElement>('Username');
    const passwordAgain = screen.getByLabelText<HTMLInputElement>('Password');
    await user.type(usernameAgain, 'ana');
    await user.type(passwordAgain, 'right');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(logins[1]!.credentials).toEqual({ username: 'ana', password: 'right' });
    expect(usernameAgain.value).toBe('');
    expect(passwordAgain.value).toBe('');
    logins[1]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' });
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
  });

  it('puts focus back in the first field, marked invalid, after a refused login', async () => {
    const { dialog } = await failLogin('wrong', new ConnectionsError('adapter_failed', 'POST /credentials answered HTTP 401.', { retryable: false }));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('does not call a login wrong when the server was down', async () => {
    const { dialog } = await failLogin('right', new ConnectionsError('adapter_failed', 'POST /credentials answered HTTP 503.', { retryable: true }));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
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
          <ReauthorizeDialog.Content>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Form
              onSubmit={() => {
                throw new Error('analytics down');
              }}
            />
            <ReauthorizeDialog.Actions />
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const form = screen.getByLabelText('Password').closest('form')!;
    // A GET would put the login in the address bar, should the browser ever submit it.
    expect(form).toHaveAttribute('method', 'post');
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    const notPrevented = fireEvent.submit(form);
    window.removeEventListener('error', onError);
    expect(notPrevented).toBe(false);
    // Your error still surfaces (React 18 reports it twice in development, React 19 once).
    expect(thrown.length).toBeGreaterThan(0);
    expect(thrown).toEqual(thrown.map(() => expect.objectContaining({ message: 'analytics down' })));
    expect(fake.logins).toHaveLength(0);
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

    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));

    expect(popups.popups).toHaveLength(1);
    expect(fake.adapter.startAuthorization).toHaveBeenCalledWith(googleSearch, expect.anything());
    fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    fake.completions[0]!.answer.resolve({ ...googleSearch, status: 'connected', statusSince: new Date(NOW).toISOString() });
    await settle();
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'succeeded');
    expect(store.getConnection(googleSearch.id)?.status).toBe('connected');
  });
});

/** A router's link: forwards its ref and props to an anchor. */
const RouterLink = React.forwardRef<HTMLAnchorElement, React.ComponentPropsWithoutRef<'a'> & { to: string }>(function RouterLink({ to, ...props }, ref) {
  return <a ref={ref} href={to} {...props} />;
});

/** An icon font: its ligature is hidden from assistive technology. */
function FontIcon({ children }: { children: string }) {
  return <span aria-hidden="true">{children}</span>;
}

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
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
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

  it('merges className and passes DOM props and the ref to the dialog', async () => {
    const ref = React.createRef<HTMLDivElement>();
    const { dialog } = await openDialog(googleSearch, { ref, className: 'mine', 'aria-live': undefined, id: 'reauth' } as never);
    expect(ref.current).toBe(dialog);
    expect(dialog).toHaveClass('rca-dialog', 'mine');
    expect(dialog).toHaveAttribute('id', 'reauth');
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
    expect(dialog).toHaveTextContent('Syncing data');
    expect(screen.getByRole('button', { name: 'Sign in to Hubspot' })).toBeInTheDocument();
  });

  it('lets words given to the close button and the red key name them (the name matches what is seen)', async () => {
    const { unmount } = render(
      <>
        <ReauthorizeButton connection={googleSearch}>Fix access</ReauthorizeButton>
        {/* Words inside an element of your own name it too. */}
        <ReauthorizeButton connection={googleSearch}>
          <span>Reconnect</span>
        </ReauthorizeButton>
        <ReauthorizeButton connection={googleSearch} asChild>
          <a href="/reconnect">
            <svg aria-hidden /> Reconnect now
          </a>
        </ReauthorizeButton>
        {/* An icon of your own, or your own element, keeps the built-in name. */}
        <ReauthorizeButton connection={googleSearch} data-testid="icon">
          <svg aria-hidden />
        </ReauthorizeButton>
        {/* Words from a fragment or a component of your own name it too. */}
        <ReauthorizeButton connection={googleSearch}>
          <>
            <svg aria-hidden /> Reconnect in a fragment
          </>
        </ReauthorizeButton>
        <ReauthorizeButton connection={googleSearch} asChild>
          <RouterLink to="/reconnect">Reconnect through the router</RouterLink>
        </ReauthorizeButton>
        {/* An icon component whose ligature is hidden from assistive technology does not. */}
        <ReauthorizeButton connection={googleSearch} data-testid="icon-component">
          <FontIcon>vpn_key</FontIcon>
        </ReauthorizeButton>
        {/* Words hidden from assistive technology (an icon font's ligature) do not name it. */}
        <ReauthorizeButton connection={googleSearch} data-testid="hidden-words">
          <span aria-hidden="true">vpn_key</span>
        </ReauthorizeButton>
        <ReauthorizeButton connection={googleSearch} asChild>
          <a href="/reauthorize">
            <svg aria-hidden />
          </a>
        </ReauthorizeButton>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Fix access' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reconnect now' })).toBeInTheDocument();
    expect(screen.getByTestId('icon')).toHaveAccessibleName('Reauthorize Google Ads — Acme Search');
    expect(screen.getByTestId('hidden-words')).toHaveAccessibleName('Reauthorize Google Ads — Acme Search');
    expect(screen.getByTestId('icon-component')).toHaveAccessibleName('Reauthorize Google Ads — Acme Search');
    expect(screen.getByRole('button', { name: 'Reconnect in a fragment' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reconnect through the router' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reauthorize Google Ads — Acme Search' })).toBeInTheDocument();
    unmount();
    render(
      <Provider adapter={createFakeAdapter().adapter}>
        <ReauthorizeDialog.Root connection={googleSearch} defaultOpen>
          <ReauthorizeDialog.Content aria-describedby={undefined}>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Close>Not now</ReauthorizeDialog.Close>
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
    // Icon-only, they keep their built-in names.
    expect(within(dialog).getAllByRole('button', { name: 'Close' })).toHaveLength(2);
    expect(within(dialog).getByTestId('own-close')).toHaveAccessibleName('Close');
  });

  it('names the missing root when a part is used alone', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ReauthorizeDialog.Title />)).toThrow('ReauthorizeDialogTitle must be rendered inside <ReauthorizeDialogRoot>');
  });
});

describe('given a Spanish-speaking user', () => {
  it('speaks Spanish throughout', async () => {
    const fake = createFakeAdapter();
    render(
      <Provider adapter={fake.adapter} locale="es">
        <ReauthorizeDialog connection={googleSearch} defaultOpen />
      </Provider>,
    );
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Volver a autorizar Google Ads' });
    expect(dialog).toHaveTextContent(`Se ha detenido lo siguiente hace 3 días (${dateTime(googleSearch.statusSince!, 'es')}):`);
    expect(dialog).toHaveTextContent('La descarga de los datos de coste');
    expect(dialog).toHaveTextContent('esa pérdida es definitiva');
    expect(screen.getByRole('button', { name: 'Iniciar sesión en Google Ads' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cerrar' })).toBeInTheDocument();
  });
});

describe('given a locale written the POSIX way, or one Intl does not accept', () => {
  it('reads es_ES as Spanish, and falls back to English rather than failing to render', async () => {
    const fake = createFakeAdapter();
    const { unmount } = render(
      <Provider adapter={fake.adapter} locale="es_ES.UTF-8">
        <ReauthorizeDialog connection={googleSearch} defaultOpen />
      </Provider>,
    );
    await settle();
    expect(screen.getByRole('dialog', { name: 'Volver a autorizar Google Ads' })).toHaveTextContent(dateTime(googleSearch.statusSince!, 'es-ES'));
    unmount();

    render(
      <Provider adapter={fake.adapter} locale="not a locale!">
        <ReauthorizeDialog connection={googleSearch} defaultOpen />
      </Provider>,
    );
    await settle();
    expect(screen.getByRole('dialog', { name: 'Reauthorize Google Ads' })).toHaveTextContent(`Stopped 3 days ago (${dateTime(googleSearch.statusSince!)}):`);
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
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
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
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
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

  it('keeps a running flow when another dialog for the same connection takes over in one render', async () => {
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
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    view.rerender(screenWith('b'));
    await settle();
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'waiting');
    expect(popups.popups[0]!.close).not.toHaveBeenCalled();

    // Closed for good: the flow ends with it.
    view.rerender(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog connection={googleSearch} open={false} />
      </Provider>,
    );
    await settle();
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(getConnectionStore(fake.adapter).getFlow(googleSearch.id).phase).toBe('idle');
    view.unmount();
  });

  it('still ends the flow on closing while your own UI shows it too', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    function StatusLine() {
      const { show } = useReauthorization(googleSearch);
      React.useEffect(() => show(), [show]);
      return null;
    }
    const screenWith = (open: boolean) => (
      <Provider adapter={fake.adapter}>
        <StatusLine />
        <ReauthorizeDialog connection={googleSearch} open={open} />
      </Provider>
    );
    const view = render(screenWith(true));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    view.rerender(screenWith(false));
    await settle();
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(getConnectionStore(fake.adapter).getFlow(googleSearch.id).phase).toBe('idle');
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
    fake.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
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
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
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
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
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

    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    await user.click(overlay());
    await settle();
    expect(calls).toEqual(['pointer', 'interact', 'pointer', 'interact']);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
  });
});

describe('given the platform answered and the reconnection is finishing', () => {
  async function reachCompleting(props: Partial<React.ComponentProps<typeof ReauthorizeDialog>> = {}) {
    const opened = await openDialog(googleSearch, props);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    opened.starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    expect(opened.dialog).toHaveAttribute('data-stage', 'completing');
    return opened;
  }

  it('offers no Cancel: the code can be used only once', async () => {
    const { dialog } = await reachCompleting();
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
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
    completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' });
    await settle();
    expect(store.getConnection('gads-search')?.status).toBe('connected');
    expect(store.getFlow('gads-search').phase).toBe('succeeded');
  });

  it('opens afresh next time, not on the outcome reached while it was closed', async () => {
    const user = userEvent.setup();
    const { completions, store } = await reachCompleting({ children: <ReauthorizeDialog.Trigger>Reauthorize</ReauthorizeDialog.Trigger> });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'The backend refused the code.'));
    await settle();
    expect(store.getFlow('gads-search').phase).toBe('failed');

    await user.click(screen.getByRole('button', { name: 'Reauthorize' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(dialog).toHaveAttribute('data-phase', 'idle');
    expect(within(dialog).getByRole('button', { name: 'Sign in to Google Ads' })).toHaveFocus();
    expect(dialog).not.toHaveTextContent('Something went wrong');
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
    completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' });
    await settle();
    expect(store.getConnection('gads-search')?.status).toBe('connected');
  });

  it('lets a login form\'s sign-in finish when the dialog is closed', async () => {
    const user = userEvent.setup();
    const { dialog, logins, store } = await openDialog(dynamicsOnPrem);
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
    expect(dialog).toHaveAttribute('data-stage', 'completing');
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' });
    await settle();
    expect(store.getConnection('d365-onprem')?.status).toBe('connected');
    expect(store.getFlow('d365-onprem').phase).toBe('succeeded');
  });
});

describe('given a reconnection that failed', () => {
  it('offers "Try again" after the backend refused the code, and a new attempt starts afresh', async () => {
    const { dialog, starts, completions, popups, adapter } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    await settle();
    // What an adapter reports for an HTTP 400 invalid_grant: not worth repeating as is, but a new flow gets a new code.
    completions[0]!.answer.reject(new ConnectionsError('adapter_failed', 'POST /complete answered HTTP 400 (invalid_grant).', { retryable: false }));
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByRole('status')).toHaveTextContent('Something went wrong while reconnecting.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    expect(adapter.startAuthorization).toHaveBeenCalledTimes(2);
    starts[1]!.resolve({ url: AUTH_URL.replace('s1', 's2'), state: 's2' });
    await settle();
    act(() => sendCallback({ state: 's2', code: 'c2' }));
    await settle();
    completions[1]!.answer.resolve({ ...googleSearch, status: 'connected' });
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
  });

  it('offers "Try again" after a login form was refused with a client error', async () => {
    const { dialog } = await failLogin('wrong', new ConnectionsError('adapter_failed', 'POST /credentials answered HTTP 401.', { retryable: false }));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('offers no "Try again" when the platform sent an unsafe sign-in address', async () => {
    const { dialog, starts } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    starts[0]!.resolve({ url: 'javascript:alert(1)', state: 's1' });
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByRole('status')).toHaveTextContent('The platform sent a sign-in address that is not safe to open.');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(within(dialog.querySelector<HTMLElement>('.rca-dialog-actions')!).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('says who can reauthorize, and offers no sign-in, when this user may not', async () => {
    const { dialog } = await openDialog(hubspot);
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(screen.getByRole('status')).toHaveTextContent('Ask a workspace admin to reauthorize this connection.');
    expect(screen.queryByRole('button', { name: 'Sign in to Hubspot' })).toBeNull();
    expect(within(dialog.querySelector<HTMLElement>('.rca-dialog-actions')!).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('shows no login form when this user may not reauthorize a login-form connection', async () => {
    await openDialog({ ...dynamicsOnPrem, canReauthorize: false });
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Sign in/ })).toBeNull();
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
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
    await settle();
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'failed');
    expect(screen.getByRole('status')).toHaveTextContent('This connection cannot be reauthorized from here.');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});

describe('given a product team that names the login form', () => {
  it('submits the form through its own id', async () => {
    const user = userEvent.setup();
    const fake = createFakeAdapter();
    render(
      <Provider adapter={fake.adapter}>
        <ReauthorizeDialog.Root connection={dynamicsOnPrem} defaultOpen>
          <ReauthorizeDialog.Content>
            <ReauthorizeDialog.Title />
            <ReauthorizeDialog.Description />
            <ReauthorizeDialog.Form id="login" />
            <ReauthorizeDialog.Actions />
          </ReauthorizeDialog.Content>
        </ReauthorizeDialog.Root>
      </Provider>,
    );
    await settle();
    const form = document.querySelector('form.rca-dialog-form')!;
    expect(form).toHaveAttribute('id', 'login');
    const submit = screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' });
    expect(submit).toHaveAttribute('form', 'login');
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(submit);
    expect(fake.logins).toHaveLength(1);
    expect(fake.logins[0]!.credentials).toEqual({ username: 'ana', password: 'right' });
  });
});

describe('given a slow backend while the sign-in window opens', () => {
  it('says the window was closed before the address arrived, and reopens it', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { dialog, starts, popups } = await openDialog(googleSearch);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    await settle();
    popups.popups[0]!.closed = true;
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(dialog).toHaveAttribute('data-phase', 'starting');
    expect(dialog).toHaveAttribute('data-stage', 'window_closed');
    expect(screen.getByRole('status')).toHaveTextContent('The sign-in window was closed before you finished, or the platform took it out of our reach.');
    fireEvent.click(screen.getByRole('button', { name: 'Reopen window' }));
    expect(popups.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(dialog).toHaveAttribute('data-stage', 'starting');
    starts[0]!.resolve({ url: AUTH_URL, state: 's1' });
    await settle();
    expect(popups.popups[1]!.location.replace).toHaveBeenCalledWith(AUTH_URL);
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
  });
});
