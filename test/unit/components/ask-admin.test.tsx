import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AskAdminDialog } from '../../../src/components/ask-admin-dialog';
import { ConnectionList } from '../../../src/components/connection-list';
import { ConnectionsError } from '../../../src/core/errors';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { getConnectionStore } from '../../../src/core/store';
import type { Connection } from '../../../src/core/types';
import { expectNoAxeViolations } from './axe';
import { HOUR, NOW, Provider, ago, createFakeAdapter, deferred, fixDate, googleSearch, hubspot } from './harness';
import type { Deferred } from './harness';

/* -------------------------------------------------------------------------------------------------
 * Ask an admin: a lapsed row this user may not reconnect offers "Ask an admin" where the adapter
 * can send the request; a small dialog takes an optional note, sent as text; the row then says
 * when it was asked.
 * -----------------------------------------------------------------------------------------------*/

fixDate();

const settle = () => act(async () => {});

/** LinkedIn Ads, lapsed three days ago, only an admin may reconnect it. */
const linkedin: Connection = {
  id: 'linkedin-emea',
  provider: 'linkedin_ads',
  category: 'advertising',
  accountName: 'Acme EMEA Leads',
  accountId: '771203',
  status: 'authorization_required',
  statusSince: ago(72 * HOUR),
  lastSyncedAt: ago(73 * HOUR),
  canReauthorize: false,
};

/** The fake adapter, with a requestReauthorization whose answers the test gives. */
function createAskingAdapter(connections: Connection[] = [googleSearch, linkedin]) {
  const fake = createFakeAdapter(connections);
  const requests: { connection: Connection; context: { note?: string; signal: AbortSignal }; answer: Deferred<Connection> }[] = [];
  const requestReauthorization = vi.fn((connection: Connection, context: { note?: string; signal: AbortSignal }) => {
    const answer = deferred<Connection>();
    requests.push({ connection, context, answer });
    return answer.promise;
  });
  return { ...fake, adapter: { ...fake.adapter, requestReauthorization }, requests };
}

function rowOf(account: string): HTMLElement {
  return screen.getByText(account).closest('li')!;
}

/** The row's muted line. */
const meta = (row: HTMLElement) => row.querySelector('.rca-connection-item-meta')!.textContent;

async function renderList(fake: { adapter: Parameters<typeof Provider>[0]['adapter'] }) {
  const view = render(
    <Provider adapter={fake.adapter}>
      <ConnectionList />
    </Provider>,
  );
  await screen.findByText('Acme EMEA Leads');
  return view;
}

/** Renders the list and opens the dialog from the row's "Ask an admin". */
async function openAsk() {
  const fake = createAskingAdapter();
  const view = await renderList(fake);
  const button = screen.getByRole('button', { name: 'Ask an admin to reconnect LinkedIn Ads — Acme EMEA Leads' });
  fireEvent.click(button);
  const dialog = await screen.findByRole('dialog');
  const note = within(dialog).getByLabelText('Note for the admin') as HTMLTextAreaElement;
  const status = () => dialog.querySelector<HTMLElement>('.rca-dialog-status')!;
  const actions = () => [...dialog.querySelectorAll<HTMLElement>('.rca-dialog-actions button')].map((b) => `${b.textContent} (${b.dataset.variant})`);
  return { ...fake, view, button, dialog, note, status, actions, store: getConnectionStore(fake.adapter) };
}

describe('given a lapsed LinkedIn Ads connection only an admin may reconnect', () => {
  it('offers "Ask an admin", named after the connection, where the adapter can send the request', async () => {
    await renderList(createAskingAdapter());
    const row = rowOf('Acme EMEA Leads');
    const ask = within(row).getByRole('button', { name: 'Ask an admin to reconnect LinkedIn Ads — Acme EMEA Leads' });
    expect(ask).toHaveTextContent(/^Ask an admin$/);
    expect(ask).toHaveClass('rca-button', 'rca-ask-button');
    // Not the key: this user may not reconnect it.
    expect(row.querySelector('.rca-reauthorize-button')).toBeNull();
    expect(row).not.toHaveTextContent('Ask a workspace admin to reconnect it.');
  });

  it('says who can reconnect it where the adapter cannot send a request', async () => {
    await renderList(createFakeAdapter([googleSearch, linkedin]));
    const row = rowOf('Acme EMEA Leads');
    expect(within(row).queryByRole('button')).toBeNull();
    expect(row).toHaveTextContent('Ask a workspace admin to reconnect it.');
  });

  it('shows no request before one is made', async () => {
    await renderList(createAskingAdapter());
    expect(meta(rowOf('Acme EMEA Leads'))).toBe('For 3 days · Last synced 3 days ago');
  });

  it('says "Requested 2 hours ago" for a request made during this lapse', async () => {
    await renderList(createAskingAdapter([{ ...linkedin, reauthorizationRequestedAt: ago(2 * HOUR) }]));
    expect(meta(rowOf('Acme EMEA Leads'))).toBe('For 3 days · Last synced 3 days ago · Requested 2 hours ago');
    // Asking again stays possible.
    expect(screen.getByRole('button', { name: /^Ask an admin/ })).toBeInTheDocument();
  });

  it('says nothing of a request made before this lapse began', async () => {
    await renderList(createAskingAdapter([{ ...linkedin, reauthorizationRequestedAt: ago(80 * HOUR) }]));
    expect(meta(rowOf('Acme EMEA Leads'))).toBe('For 3 days · Last synced 3 days ago');
  });

  it('says nothing of a request once the connection works again', async () => {
    await renderList(createAskingAdapter([{ ...linkedin, status: 'connected', statusSince: ago(HOUR), reauthorizationRequestedAt: ago(2 * HOUR) }]));
    expect(meta(rowOf('Acme EMEA Leads'))).not.toMatch(/Requested/);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('given the Ask an admin dialog', () => {
  it('names the connection, says who gets the request, and takes an optional note of up to 500 characters', async () => {
    const { dialog, note, actions } = await openAsk();
    expect(dialog).toHaveClass('rca-dialog', 'rca-ask-dialog');
    expect(dialog).toHaveAttribute('data-stage', 'ready');
    expect(dialog).toHaveAccessibleName('Ask an admin to reconnect LinkedIn Ads — Acme EMEA Leads');
    expect(dialog).toHaveAccessibleDescription('Workspace admins get your request. Add a note if it helps.');
    expect(note.tagName).toBe('TEXTAREA');
    expect(note.maxLength).toBe(500);
    expect(note).not.toBeRequired();
    expect(note).toHaveAccessibleDescription('Optional. Up to 500 characters.');
    expect(actions()).toEqual(['Cancel (secondary)', 'Send request (primary)']);
    // Focus starts in the note.
    expect(note).toHaveFocus();
  });

  it('sends the note as text, markup and all, and never renders it as HTML', async () => {
    const user = userEvent.setup();
    const { dialog, note, adapter, requests } = await openAsk();
    const markup = '<img src=x onerror="alert(1)"><b>Please</b> & reconnect';
    await user.click(note);
    await user.paste(markup);
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect(adapter.requestReauthorization).toHaveBeenCalledTimes(1);
    expect(requests[0]!.connection.id).toBe('linkedin-emea');
    expect(requests[0]!.context.note).toBe(markup);
    expect(requests[0]!.context.signal).toBeInstanceOf(AbortSignal);
    await act(async () => requests[0]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: new Date(NOW).toISOString() }));
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('sends no note when none, or only spaces, were written', async () => {
    const user = userEvent.setup();
    const { dialog, note, requests } = await openAsk();
    await user.type(note, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.context).not.toHaveProperty('note');
  });

  it('sends at most 500 characters', async () => {
    const { dialog, note, requests } = await openAsk();
    // Pasted by script, where the textarea's own limit does not apply.
    fireEvent.change(note, { target: { value: 'x'.repeat(600) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await settle();
    expect(requests[0]!.context.note).toBe('x'.repeat(500));
  });

  it('sends once while a request is on its way, the note locked and the button marked busy', async () => {
    const user = userEvent.setup();
    const { dialog, note, adapter, status } = await openAsk();
    await user.type(note, 'Quarter ends Friday');
    const send = within(dialog).getByRole('button', { name: 'Send request' });
    await user.click(send);
    expect(dialog).toHaveAttribute('data-stage', 'sending');
    expect(status()).toHaveAttribute('data-tone', 'busy');
    expect(note).toBeDisabled();
    expect(send).toHaveAttribute('aria-disabled', 'true');
    await user.click(send);
    fireEvent.submit(send.closest('form')!);
    expect(adapter.requestReauthorization).toHaveBeenCalledTimes(1);
  });

  it('says it was sent, offers Done, and the row says it was requested now', async () => {
    const user = userEvent.setup();
    const { dialog, note, requests, status, actions, store } = await openAsk();
    await user.type(note, 'Quarter ends Friday');
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await act(async () => requests[0]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: new Date(NOW).toISOString() }));
    expect(dialog).toHaveAttribute('data-stage', 'sent');
    expect(status()).toHaveAttribute('role', 'status');
    expect(status()).toHaveAttribute('data-tone', 'success');
    expect(status()).toHaveTextContent(/^Request sent\. An admin will reconnect it\.$/);
    expect(actions()).toEqual(['Done (primary)']);
    expect(note).toBeDisabled();
    // The returned connection goes to the store, so the row knows.
    expect(store.getConnection('linkedin-emea')?.reauthorizationRequestedAt).toBe(new Date(NOW).toISOString());
    // formatAgo words under a minute as Intl's "now", as in "Last synced now".
    expect(meta(rowOf('Acme EMEA Leads'))).toBe('For 3 days · Last synced 3 days ago · Requested now');
  });

  it('moves focus to Done once sent, and gives it back to "Ask an admin" on Done', async () => {
    const user = userEvent.setup();
    const { dialog, requests } = await openAsk();
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await act(async () => requests[0]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: new Date(NOW).toISOString() }));
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toHaveFocus();
    await user.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Ask an admin to reconnect LinkedIn Ads — Acme EMEA Leads' })).toHaveFocus();
  });

  it('says when sending failed, keeps the note, and sends it again on "Try again"', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    const { dialog, note, requests, status, actions, adapter } = await openAsk();
    await user.type(note, 'Quarter ends Friday');
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await act(async () => requests[0]!.answer.reject(new ConnectionsError('adapter_failed', 'The backend is down.', { retryable: true })));
    expect(dialog).toHaveAttribute('data-stage', 'failed');
    expect(status()).toHaveAttribute('data-tone', 'danger');
    expect(status()).toHaveTextContent(/^The request was not sent\. Try again\.$/);
    expect(actions()).toEqual(['Cancel (secondary)', 'Try again (primary)']);
    expect(note).toBeEnabled();
    expect(note).toHaveValue('Quarter ends Friday');
    expect(error).toHaveBeenCalledWith('[react-connected-accounts]', 'The backend is down.');
    // The row says nothing of a request that did not go.
    expect(meta(rowOf('Acme EMEA Leads'))).not.toMatch(/Requested/);

    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(adapter.requestReauthorization).toHaveBeenCalledTimes(2);
    expect(requests[1]!.context.note).toBe('Quarter ends Friday');
    await act(async () => requests[1]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: new Date(NOW).toISOString() }));
    expect(dialog).toHaveAttribute('data-stage', 'sent');
  });

  it('aborts a request on its way when closed, ignores its late answer, and starts afresh when opened again', async () => {
    const user = userEvent.setup();
    const { dialog, note, requests, store } = await openAsk();
    await user.type(note, 'Quarter ends Friday');
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests[0]!.context.signal.aborted).toBe(true);
    await act(async () => requests[0]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: new Date(NOW).toISOString() }));
    expect(store.getConnection('linkedin-emea')?.reauthorizationRequestedAt).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: /^Ask an admin/ }));
    const again = await screen.findByRole('dialog');
    expect(again).toHaveAttribute('data-stage', 'ready');
    expect(within(again).getByLabelText('Note for the admin')).toHaveValue('');
    expect(within(again).getByLabelText('Note for the admin')).toBeEnabled();
  });

  it('says it was sent when the answer holds a date that does not parse, and shows no date', async () => {
    const onError = vi.fn();
    const fake = createAskingAdapter();
    render(
      <Provider adapter={fake.adapter} onError={onError}>
        <ConnectionList />
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Ask an admin/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await settle();
    await act(async () => fake.requests[0]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: 'soon' }));
    // Only the testing kit reports a bad date; the screen reads it as no date.
    expect(onError).not.toHaveBeenCalled();
    expect(dialog).toHaveAttribute('data-stage', 'sent');
    expect(meta(rowOf('Acme EMEA Leads'))).not.toMatch(/Requested/);
  });

  it('works on its own, with an adapter given and a connection of the caller’s', async () => {
    const fake = createAskingAdapter();
    const onOpenChange = vi.fn();
    render(<AskAdminDialog adapter={fake.adapter} connection={linkedin} open onOpenChange={onOpenChange} maxNoteLength={20} className="mine" />);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveClass('rca-dialog', 'rca-ask-dialog', 'mine');
    expect(within(dialog).getByLabelText('Note for the admin')).toHaveAttribute('maxLength', '20');
    expect(dialog).toHaveTextContent('Optional. Up to 20 characters.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });
});

describe('given the in-memory adapter', () => {
  it('keeps the note as given and the row says when it was asked', async () => {
    const adapter = createMemoryAdapter({ now: () => Date.now() });
    const user = userEvent.setup();
    render(
      <Provider adapter={adapter}>
        <ConnectionList />
      </Provider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Ask an admin to reconnect LinkedIn Ads — Acme EMEA Leads' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Note for the admin'), 'Renew before <Friday> & thanks');
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'sent'));
    expect(adapter.reauthorizationRequests()).toEqual([{ connectionId: 'linkedin-emea', note: 'Renew before <Friday> & thanks', requestedAt: new Date(NOW).toISOString() }]);
    expect(meta(rowOf('Acme EMEA Leads'))).toBe('For 1 day · Last synced yesterday · Requested now');
  });
});

describe('accessibility', () => {
  it('has no axe violations in the dialog, ready and sent', async () => {
    const user = userEvent.setup();
    const { dialog, requests } = await openAsk();
    await expectNoAxeViolations(document.body);
    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await act(async () => requests[0]!.answer.resolve({ ...linkedin, reauthorizationRequestedAt: new Date(NOW).toISOString() }));
    await settle();
    await expectNoAxeViolations(document.body);
  });

  it('has no axe violations on a list with "Ask an admin" and a request shown', async () => {
    const { container } = await renderList(createAskingAdapter([googleSearch, { ...linkedin, reauthorizationRequestedAt: ago(2 * HOUR) }]));
    await expectNoAxeViolations(container);
  });
});
