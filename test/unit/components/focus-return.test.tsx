import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { getConnectionStore } from '../../../src/core/store';
import { Provider, createFakeAdapter, dynamicsOnPrem, googleSearch, sample, stubWindowOpen } from './harness';

const listAnnouncement = () => document.querySelector('.rca-connection-list > [role="status"]');

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

const findGoogleKey = () => screen.findByRole('button', { name: `Reauthorize Google Ads — ${googleSearch.accountName}` });

async function closeWithEscape(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

async function submitLogin(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Reauthorize Microsoft Dynamics 365 — Acme On-Premises' }));
  await user.type(screen.getByLabelText('Username'), 'ana');
  await user.type(screen.getByLabelText('Password'), 'secret');
  await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
}

describe('given a login-form connection reauthorized from the list', () => {
  it('turns the row connected, announces it, and puts focus on the row once its key is gone', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await user.click(await screen.findByRole('button', { name: 'Reauthorize Microsoft Dynamics 365 — Acme On-Premises' }));
    const row = screen.getByText('Acme On-Premises').closest('li')!;
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
    expect(row).toHaveAttribute('data-reauthorizing');
    expect(row.querySelector('.rca-status-badge')).toHaveAttribute('data-status', 'reauthorizing');
    // The form went with the stage and the row changed behind the dialog: focus stays in the dialog.
    await act(async () => {});
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    // The lapse's duration does not belong to the running flow.
    expect(row.querySelector('.rca-status-badge')).toHaveTextContent(/^Reauthorizing$/);

    await act(async () => fake.logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(row).toHaveAttribute('data-status', 'connected');
    expect(row).not.toHaveAttribute('data-reauthorizing');
    // Said once, by the dialog that is open for it; the list's live region keeps quiet.
    expect(screen.getByText('Microsoft Dynamics 365 is connected again.')).toBeInTheDocument();
    expect(listAnnouncement()).toHaveTextContent(/^$/);

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
    expect(listAnnouncement()).toHaveTextContent('Microsoft Dynamics 365 could not be reconnected: Acme On-Premises');
  });

  it('announces its success as a reconnection', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await submitLogin(user);
    await closeWithEscape(user);

    await act(async () => fake.logins[0]!.answer.resolve({ ...dynamicsOnPrem, status: 'connected' }));
    expect(listAnnouncement()).toHaveTextContent('Microsoft Dynamics 365 reconnected: Acme On-Premises');
  });
});

describe('given a sign-in window the user walks away from', () => {
  it('does not announce the cancelled sign-in as a failure', async () => {
    const user = userEvent.setup();
    stubWindowOpen();
    const fake = renderList();
    await user.click(await findGoogleKey());
    await user.click(screen.getByRole('button', { name: 'Sign in to Google Ads' }));
    await closeWithEscape(user);
    await act(async () => {});
    expect(listAnnouncement()).toHaveTextContent(/^$/);
  });
});

describe('given focus on a red key when its connection is fixed elsewhere', () => {
  it('moves focus to the row when the key goes, and to the list when the row goes', async () => {
    const fake = renderList();
    const key = await findGoogleKey();
    const row = key.closest('li')!;
    act(() => key.focus());

    // Reconnected from another tab: the key is no longer needed.
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    expect(key.isConnected).toBe(false);
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
    const key = await findGoogleKey();
    act(() => key.focus());
    // A click on plain text: focus goes to the page.
    act(() => key.blur());
    await act(async () => {});
    expect(document.activeElement).toBe(document.body);
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    await act(async () => {});
    expect(document.activeElement).toBe(document.body);
  });

  it('leaves focus alone when the user had moved it elsewhere', async () => {
    const fake = renderList({ before: <button type="button">Elsewhere</button> });
    const key = await findGoogleKey();
    act(() => key.focus());
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => elsewhere.focus());
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    await act(async () => {});
    expect(elsewhere).toHaveFocus();
  });
});

describe('given who is showing a connection, for the list\'s announcements', () => {
  it('leaves a reconnection made elsewhere to the dialog that sits open on it with no flow', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await user.click(await findGoogleKey());
    const dialog = screen.getByRole('dialog');
    await act(async () => fake.push({ ...googleSearch, status: 'connected' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Google Ads is connected again.');
    expect(listAnnouncement()).toHaveTextContent(/^$/);
  });

  it('still announces another change made elsewhere while that connection\'s dialog sits open', async () => {
    const user = userEvent.setup();
    const fake = renderList();
    await user.click(await findGoogleKey());
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await act(async () => fake.push({ ...googleSearch, status: 'error', error: { message: 'Quota.' } }));
    expect(listAnnouncement()).toHaveTextContent(`Google Ads has a problem: ${googleSearch.accountName}`);
  });

  it('leaves a failure to an integrator\'s own dialog that shows it', async () => {
    const user = userEvent.setup();
    const fake = renderList({ after: <ReauthorizeDialog connection={dynamicsOnPrem} defaultOpen /> });
    await user.type(await screen.findByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
    await act(async () => fake.logins[0]!.answer.reject(new Error('HTTP 502')));
    expect(screen.getByRole('dialog')).toHaveAttribute('data-stage', 'failed');
    expect(listAnnouncement()).toHaveTextContent(/^$/);
  });

  it('announces a failure of a flow nothing shows, but not a cancel, and not again after a remount', async () => {
    const { view, ...fake } = renderList();
    await findGoogleKey();
    const store = getConnectionStore(fake.adapter);

    // Started by the integrator's own code, with no dialog: cancelled, then failed.
    let run = store.reauthorize(dynamicsOnPrem.id, { credentials: { username: 'ana', password: 'x' } }).catch(() => {});
    await act(async () => store.cancelReauthorize(dynamicsOnPrem.id));
    await run;
    expect(listAnnouncement()).toHaveTextContent(/^$/);
    run = store.reauthorize(dynamicsOnPrem.id, { credentials: { username: 'ana', password: 'x' } }).catch(() => {});
    await act(async () => fake.logins[1]!.answer.reject(new Error('HTTP 502')));
    await run;
    expect(listAnnouncement()).toHaveTextContent('Microsoft Dynamics 365 could not be reconnected: Acme On-Premises');

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
