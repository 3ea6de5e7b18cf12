import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { getConnectionStore } from '../../../src/core/store';
import { Provider, createFakeAdapter, dynamicsOnPrem, googleSearch, sample, stubWindowOpen } from './harness';

/* -------------------------------------------------------------------------------------------------
 * Focus that has nowhere to go, and what the list announces around a dialog
 * -----------------------------------------------------------------------------------------------*/

/** The list's own polite region. */
const listAnnouncement = () => document.querySelector<HTMLElement>('.rca-connection-list > [role="status"]')!;

/** The list inside a provider, on a fake adapter, with what the page has around it; returns the adapter and the render. */
function renderList({ before, after }: { before?: React.ReactNode; after?: React.ReactNode } = {}) {
  const fake = createFakeAdapter();
  const view = render(
    <Provider adapter={fake.adapter}>
      {before}
      <ConnectionList />
      {after}
    </Provider>,
  );
  return { ...fake, view };
}

const findGoogleButton = () => screen.findByRole('button', { name: `Reconnect Google Ads — ${googleSearch.accountName}` });

async function closeWithEscape(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

/** Opens the login dialog from the list and sends a login with Enter. */
async function submitLogin(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Reconnect Microsoft Dynamics 365 — Acme On-Premises' }));
  await user.type(screen.getByLabelText('Username'), 'ana');
  await user.type(screen.getByLabelText('Password'), 'secret{Enter}');
}

describe('given a login-form connection reconnected from the list', () => {
  it('says "Reconnecting" in the row meanwhile, turns it connected, and puts focus on the row once its button is gone', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await submitLogin(user);
    const row = screen.getByText('Acme On-Premises').closest('li')!;
    expect(row).toHaveAttribute('data-reauthorizing', 'true');
    const pill = row.querySelector('.rca-status-badge')!;
    expect(pill).toHaveAttribute('data-status', 'reauthorizing');
    expect(pill).toHaveTextContent(/^Reconnecting,$/);
    // The row changed behind the dialog: focus stays in the dialog.
    await act(async () => {});
    expect(screen.getByRole('dialog')).toContainElement(document.activeElement as HTMLElement);

    await act(async () => fake.logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(row).toHaveAttribute('data-status', 'connected');
    expect(row).not.toHaveAttribute('data-reauthorizing');
    expect(within(screen.getByRole('dialog')).getByRole('status')).toHaveTextContent('Microsoft Dynamics 365 is reconnected.');

    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(row).toHaveFocus());
  });
});

describe('given a sign-in left to finish when its dialog closed', () => {
  it('announces that it failed, since its status did not change and no dialog says so', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await submitLogin(user);
    await closeWithEscape(user);

    await act(async () => fake.logins[0]!.answer.reject(new Error('HTTP 502')));
    expect(listAnnouncement()).toHaveTextContent(/^Microsoft Dynamics 365 — Acme On-Premises was not reconnected\.$/);
  });

  it('announces its success as a reconnection', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await submitLogin(user);
    await closeWithEscape(user);

    await act(async () => fake.logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(listAnnouncement()).toHaveTextContent(/^Microsoft Dynamics 365 — Acme On-Premises is reconnected\.$/);
  });
});

describe('given a sign-in window the user walks away from', () => {
  it('does not announce the cancelled sign-in as a failure', async () => {
    const user = userEvent.setup();
    stubWindowOpen();
    renderList();
    await user.click(await findGoogleButton());
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reconnect' }));
    await closeWithEscape(user);
    await act(async () => {});
    expect(listAnnouncement()).toHaveTextContent(/^$/);
  });
});

describe('given focus on a Reconnect button when its connection is fixed elsewhere', () => {
  it('moves focus to the row when the button goes, and to the list when the row goes', async () => {
    const fake = renderList();
    const button = await findGoogleButton();
    const row = button.closest('li')!;
    act(() => button.focus());

    // Reconnected from another tab: the button is no longer needed.
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    expect(button.isConnected).toBe(false);
    await waitFor(() => expect(row).toHaveFocus());

    // A reload without that connection: the row goes too.
    fake.adapter.listConnections.mockResolvedValueOnce(sample.filter((c) => c.id !== googleSearch.id));
    await act(async () => {
      await getConnectionStore(fake.adapter).refresh();
    });
    expect(row.isConnected).toBe(false);
    await waitFor(() => expect(document.querySelector('.rca-connection-list')).toHaveFocus());
  });

  it('leaves focus where the user left it, on the page itself', async () => {
    const fake = renderList();
    const button = await findGoogleButton();
    act(() => button.focus());
    // A click on plain text: focus goes to the page.
    act(() => button.blur());
    await act(async () => {});
    expect(document.activeElement).toBe(document.body);
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    await act(async () => {});
    expect(document.activeElement).toBe(document.body);
  });

  it('leaves focus alone when the user had moved it elsewhere', async () => {
    const fake = renderList({ before: <button type="button">Elsewhere</button> });
    const button = await findGoogleButton();
    act(() => button.focus());
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => elsewhere.focus());
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    await act(async () => {});
    expect(elsewhere).toHaveFocus();
  });
});

describe('given a dialog open over the list', () => {
  it('has the dialog say a reconnection made elsewhere, the list behind it hidden from assistive technology', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await user.click(await findGoogleButton());
    const dialog = screen.getByRole('dialog');
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is reconnected.');
    expect(listAnnouncement().closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('still writes another change made elsewhere to the list\'s region, heard once the dialog closes the page back in', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await user.click(await findGoogleButton());
    await act(async () => fake.push({ ...googleSearch, status: 'error', error: { message: 'Quota.' } }));
    expect(listAnnouncement()).toHaveTextContent(`Google Ads — ${googleSearch.accountName} has an error.`);
  });

  it('does not announce a failure its own dialog shows', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await submitLogin(user);
    await act(async () => fake.logins[0]!.answer.reject(new Error('HTTP 502')));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'failed');
    expect(listAnnouncement()).toHaveTextContent(/^$/);
  });

  it('hides the list\'s announcements behind an integrator\'s own dialog, which shows the failure itself', async () => {
    const user = userEvent.setup();
    const fake = renderList({ after: <ReauthorizeDialog connection={dynamicsOnPrem} defaultOpen /> });
    await user.type(await screen.findByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'secret{Enter}');
    await act(async () => fake.logins[0]!.answer.reject(new Error('HTTP 502')));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'failed');
    expect(listAnnouncement().closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('announces a failure of a flow nothing shows, but not a cancel, and not again after a remount', async () => {
    const { view, ...fake } = renderList();
    await findGoogleButton();
    const store = getConnectionStore(fake.adapter);

    // Started by the integrator's own code, with no dialog: cancelled, then failed.
    let run = store.reauthorize(dynamicsOnPrem.id, { credentials: { username: 'ana', password: 'x' } }).catch(() => {});
    await act(async () => store.cancelReauthorize(dynamicsOnPrem.id));
    await run;
    expect(listAnnouncement()).toHaveTextContent(/^$/);
    run = store.reauthorize(dynamicsOnPrem.id, { credentials: { username: 'ana', password: 'x' } }).catch(() => {});
    await act(async () => fake.logins[1]!.answer.reject(new Error('HTTP 502')));
    await run;
    expect(listAnnouncement()).toHaveTextContent(/^Microsoft Dynamics 365 — Acme On-Premises was not reconnected\.$/);

    // The list leaves the screen and comes back: that old failure is not news.
    view.rerender(<Provider adapter={fake.adapter}>{null}</Provider>);
    view.rerender(
      <Provider adapter={fake.adapter}>
        <ConnectionList />
      </Provider>,
    );
    await act(async () => fake.push({ ...googleSearch, accountName: 'Renamed' }));
    expect(listAnnouncement()).toHaveTextContent(/^$/);
  });
});
