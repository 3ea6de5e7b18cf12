import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionList, ConnectionListItem } from '../../../src/components/connection-list';
import type { ConnectionsError } from '../../../src/core/errors';
import { getExpiry } from '../../../src/core/impact';
import type { Connection } from '../../../src/core/types';
import { expectNoAxeViolations } from './axe';
import { HOUR, NOW, Provider, ago, createFakeAdapter, fixDate, googleBrand, googleSearch, metaEmea, salesforce, sample, sendCallback, stubWindowOpen } from './harness';

/* -------------------------------------------------------------------------------------------------
 * Expiry warnings: a working grant that lapses soon keeps "Connected", adds "Expires in 3 days"
 * and a "Renew" button; the Renew dialog says what will stop, in the future tense.
 * -----------------------------------------------------------------------------------------------*/

fixDate();

const DAY = 24 * HOUR;
const ahead = (ms: number) => new Date(NOW + ms).toISOString();

/** Acme Brand (Google Ads, connected, auto-tagging on), lapsing three days from now. */
const expiringBrand: Connection = { ...googleBrand, autoTagging: true, expiresAt: ahead(3 * DAY) };
/** Meta Ads, connected, lapsing in 20 hours. */
const expiringMeta: Connection = { ...metaEmea, id: 'meta-americas', accountName: 'Acme Americas', status: 'connected', error: undefined, statusSince: ago(30 * DAY), lastSyncedAt: ago(HOUR), expiresAt: ahead(20 * HOUR) };

const settle = () => act(async () => {});

function rowOf(account: string): HTMLElement {
  return screen.getByText(account).closest('li')!;
}

/** The row's pills, as "data-status: text". */
const pills = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('.rca-status-badge')].map((pill) => `${pill.dataset.status}: ${pill.textContent!.replace(', ', '')}`);

/** What a screen reader reads of an element: its text, without what is hidden from assistive technology. */
function spoken(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(spoken).join('');
}

async function renderList(connections: Connection[], props: React.ComponentProps<typeof ConnectionList> = {}, provider: Partial<React.ComponentProps<typeof Provider>> = {}) {
  const fake = createFakeAdapter(connections);
  const view = render(
    <Provider adapter={fake.adapter} {...provider}>
      <ConnectionList {...props} />
    </Provider>,
  );
  await screen.findByText(connections[0]!.accountName);
  return { ...fake, view };
}

describe('given a Google Ads connection whose grant lapses in three days', () => {
  it('keeps "Connected", adds "Expires in 3 days" as a second pill and marks the row expiring', async () => {
    await renderList([expiringBrand]);
    const row = rowOf('Acme Brand');
    expect(row).toHaveAttribute('data-status', 'connected');
    expect(row).toHaveAttribute('data-expiring');
    expect(pills(row)).toEqual(['connected: Connected', 'expiring: Expires in 3 days']);
  });

  it('offers "Renew", named after the provider and the account, and no "Reconnect"', async () => {
    await renderList([expiringBrand]);
    const row = rowOf('Acme Brand');
    const renew = within(row).getByRole('button', { name: 'Renew Google Ads — Acme Brand' });
    expect(renew).toHaveTextContent(/^Renew$/);
    expect(renew).toHaveClass('rca-button', 'rca-renew-button');
    expect(row.querySelector('.rca-reauthorize-button')).toBeNull();
  });

  it('reads in order: name, status, when it expires, last sync, then Renew', async () => {
    await renderList([expiringBrand]);
    expect(spoken(rowOf('Acme Brand'))).toBe('Google Ads — Acme Brand, Connected, Expires in 3 days, Last synced 2 hours agoRenew');
  });

  it('counts it in a warning callout of its own, apart from the lapsed connections', async () => {
    const { view } = await renderList([...sample, expiringBrand, expiringMeta].filter((c) => c !== googleBrand));
    const lapsed = view.container.querySelector('.rca-connection-list-summary')!;
    const expiring = view.container.querySelector<HTMLElement>('.rca-connection-list-expiring')!;
    expect(lapsed).toHaveAttribute('data-tone', 'danger');
    expect(lapsed).toHaveTextContent(/^4 connections need reconnecting\./);
    expect(expiring).toHaveClass('rca-callout');
    expect(expiring).toHaveAttribute('data-tone', 'warning');
    expect(expiring).toHaveTextContent(/^2 connections expire soon\. Renew to keep data flowing\.$/);
    expect(expiring.querySelector('strong')).toHaveTextContent(/^2 connections expire soon\.$/);
    // The lapsed callout first: it is the more urgent.
    expect(lapsed.compareDocumentPosition(expiring) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('counts one expiring connection in the singular, and shows no callout when none expires soon', async () => {
    const { view, push } = await renderList([expiringBrand, googleSearch]);
    expect(view.container.querySelector('.rca-connection-list-expiring')).toHaveTextContent(/^1 connection expires soon\./);
    act(() => push({ ...expiringBrand, expiresAt: ahead(60 * DAY) }));
    expect(view.container.querySelector('.rca-connection-list-expiring')).toBeNull();
    expect(rowOf('Acme Brand')).not.toHaveAttribute('data-expiring');
  });

  it('does not count a lapsed connection as expiring, however soon its old grant was due', async () => {
    const { view } = await renderList([{ ...googleSearch, expiresAt: ahead(2 * DAY) }]);
    const row = rowOf('Acme Search');
    expect(row).not.toHaveAttribute('data-expiring');
    expect(pills(row)).toEqual(['authorization_required: Authorization required']);
    expect(view.container.querySelector('.rca-connection-list-expiring')).toBeNull();
    expect(within(row).getByRole('button', { name: 'Reconnect Google Ads — Acme Search' })).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /^Renew/ })).toBeNull();
  });

  it('warns about a CRM that is still catching up, beside its "Backfilling" pill', async () => {
    const backfilling: Connection = { ...salesforce, status: 'backfilling', statusSince: ago(HOUR), backfill: { since: ago(3 * DAY), progress: 0.5 }, expiresAt: ahead(3 * DAY) };
    await renderList([backfilling]);
    const row = rowOf('Acme Production');
    expect(row).toHaveAttribute('data-expiring');
    expect(pills(row)).toEqual(['backfilling: Backfilling', 'expiring: Expires in 3 days']);
    expect(within(row).getByRole('button', { name: 'Renew Salesforce — Acme Production' })).toBeInTheDocument();
  });

  it('warns a user who may not renew it, without offering "Renew"', async () => {
    await renderList([{ ...expiringBrand, canReauthorize: false }]);
    const row = rowOf('Acme Brand');
    expect(pills(row)).toEqual(['connected: Connected', 'expiring: Expires in 3 days']);
    expect(within(row).queryByRole('button')).toBeNull();
  });
});

describe('given grants that lapse at different times', () => {
  it('says "Expires tomorrow" for a grant that lapses tomorrow', async () => {
    await renderList([expiringMeta]);
    expect(pills(rowOf('Acme Americas'))).toEqual(['connected: Connected', 'expiring: Expires tomorrow']);
  });

  it('says "Expires today" for a grant that lapses later today, never "tomorrow"', async () => {
    // 18:00 the same day (the tests run in UTC); "tomorrow" would tell the user there is time left.
    await renderList([{ ...expiringBrand, expiresAt: ahead(6 * HOUR) }]);
    expect(pills(rowOf('Acme Brand'))).toEqual(['connected: Connected', 'expiring: Expires today']);
  });

  it('counts calendar days: a grant that lapses in the evening two days from now expires "in 2 days"', async () => {
    // Thursday 20:00 seen from Tuesday noon: 56 hours, but Thursday is two days away.
    await renderList([{ ...expiringBrand, expiresAt: ahead(2 * DAY + 8 * HOUR) }]);
    expect(pills(rowOf('Acme Brand'))).toEqual(['connected: Connected', 'expiring: Expires in 2 days']);
  });

  it('warns within 7 days by default, not beyond', async () => {
    await renderList([
      { ...expiringBrand, expiresAt: ahead(7 * DAY) },
      { ...googleBrand, id: 'later', accountName: 'Acme Later', expiresAt: ahead(8 * DAY) },
    ]);
    expect(rowOf('Acme Brand')).toHaveAttribute('data-expiring');
    expect(rowOf('Acme Later')).not.toHaveAttribute('data-expiring');
    expect(pills(rowOf('Acme Later'))).toEqual(['connected: Connected']);
  });

  it('takes expiryWarningDays from the ConnectionsProvider', async () => {
    const inTenDays = { ...expiringBrand, expiresAt: ahead(10 * DAY) };
    const { view } = await renderList([inTenDays], {}, { expiryWarningDays: 14 });
    expect(rowOf('Acme Brand')).toHaveAttribute('data-expiring');
    expect(pills(rowOf('Acme Brand'))).toEqual(['connected: Connected', 'expiring: Expires in 10 days']);
    expect(view.container.querySelector('.rca-connection-list-expiring')).toHaveTextContent(/^1 connection expires soon\./);
  });

  it('lets the list’s own expiryWarningDays win over the provider’s', async () => {
    const { view } = await renderList([expiringBrand], { expiryWarningDays: 2 }, { expiryWarningDays: 14 });
    expect(rowOf('Acme Brand')).not.toHaveAttribute('data-expiring');
    expect(view.container.querySelector('.rca-connection-list-expiring')).toBeNull();
  });

  it('warns in a list given its connections, and offers Renew only with onReauthorize', () => {
    const onReauthorize = vi.fn();
    const { rerender, container } = render(<ConnectionList connections={[expiringBrand]} />);
    expect(rowOf('Acme Brand')).toHaveAttribute('data-expiring');
    expect(container.querySelector('.rca-connection-list-expiring')).toHaveTextContent(/^1 connection expires soon\./);
    expect(screen.queryByRole('button', { name: /Renew/ })).toBeNull();
    rerender(<ConnectionList connections={[expiringBrand]} onReauthorize={onReauthorize} expiryWarningDays={1} />);
    expect(rowOf('Acme Brand')).not.toHaveAttribute('data-expiring');
    rerender(<ConnectionList connections={[expiringBrand]} onReauthorize={onReauthorize} />);
    fireEvent.click(screen.getByRole('button', { name: 'Renew Google Ads — Acme Brand' }));
    expect(onReauthorize).toHaveBeenCalledTimes(1);
    expect(onReauthorize.mock.calls[0]![0]).toBe(expiringBrand);
  });

  it('warns on a ConnectionListItem of your own, with its own expiryWarningDays', () => {
    const onReauthorize = vi.fn();
    const { rerender } = render(
      <ul>
        <ConnectionListItem connection={expiringBrand} onReauthorize={onReauthorize} />
      </ul>,
    );
    expect(screen.getByRole('listitem')).toHaveAttribute('data-expiring');
    fireEvent.click(screen.getByRole('button', { name: 'Renew Google Ads — Acme Brand' }));
    expect(onReauthorize).toHaveBeenCalledWith(expiringBrand, expect.anything());
    rerender(
      <ul>
        <ConnectionListItem connection={expiringBrand} onReauthorize={onReauthorize} expiryWarningDays={2} />
      </ul>,
    );
    expect(screen.getByRole('listitem')).not.toHaveAttribute('data-expiring');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('takes expiryWarningDays from the ConnectionsProvider on a ConnectionListItem too', () => {
    render(
      <Provider adapter={createFakeAdapter([]).adapter} expiryWarningDays={2}>
        <ul>
          <ConnectionListItem connection={expiringBrand} onReauthorize={() => {}} />
        </ul>
      </Provider>,
    );
    expect(screen.getByRole('listitem')).not.toHaveAttribute('data-expiring');
  });
});

describe('given an expiresAt that is not a date', () => {
  it('shows the row without a warning, and leaves the report to the testing kit', async () => {
    const onError = vi.fn<(error: ConnectionsError) => void>();
    const { view } = await renderList([{ ...googleBrand, expiresAt: 'next Tuesday' }, googleSearch], {}, { onError });
    expect(onError).not.toHaveBeenCalled();
    const row = rowOf('Acme Brand');
    expect(row).toHaveAttribute('data-status', 'connected');
    expect(row).not.toHaveAttribute('data-expiring');
    expect(pills(row)).toEqual(['connected: Connected']);
    expect(within(row).queryByRole('button')).toBeNull();
    expect(view.container.querySelector('.rca-connection-list-expiring')).toBeNull();
    expect(view.container).not.toHaveTextContent(/Expires/);
  });

  it('has no expiry in core', () => {
    expect(getExpiry({ ...googleBrand, expiresAt: 'next Tuesday' }, { now: NOW })).toBeUndefined();
    expect(getExpiry({ ...googleBrand, expiresAt: '' }, { now: NOW })).toBeUndefined();
  });
});

describe('given an expiresAt in the past', () => {
  const overdue: Connection = { ...googleBrand, expiresAt: ago(2 * DAY) };

  it('reads as expired in core, while the status stays the adapter’s', () => {
    expect(getExpiry(overdue, { now: NOW })).toEqual({ expiresAt: overdue.expiresAt, daysLeft: -2, expiring: false, expired: true });
  });

  it('keeps the adapter’s "Connected", with no warning, no Renew and no report', async () => {
    const onError = vi.fn();
    const { view } = await renderList([overdue], {}, { onError });
    const row = rowOf('Acme Brand');
    expect(row).toHaveAttribute('data-status', 'connected');
    expect(row).not.toHaveAttribute('data-expiring');
    expect(pills(row)).toEqual(['connected: Connected']);
    expect(within(row).queryByRole('button')).toBeNull();
    expect(view.container.querySelector('.rca-connection-list-expiring')).toBeNull();
    expect(view.container.querySelector('.rca-connection-list-summary')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('given "Renew" pressed on the expiring row', () => {
  async function openRenew() {
    const fake = await renderList([expiringBrand, googleSearch]);
    const popups = stubWindowOpen();
    fireEvent.click(screen.getByRole('button', { name: 'Renew Google Ads — Acme Brand' }));
    const dialog = await screen.findByRole('dialog');
    return { ...fake, popups, dialog };
  }

  it('opens the ReauthorizeDialog, titled "Renew Google Ads — Acme Brand"', async () => {
    const { dialog } = await openRenew();
    expect(dialog).toHaveClass('rca-dialog');
    expect(dialog).toHaveAccessibleName('Renew Google Ads — Acme Brand');
  });

  it('says, in the future tense, what will stop on the day the grant lapses', async () => {
    const { dialog } = await openRenew();
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact.querySelector('p')).toHaveTextContent(/^On Mar 13, 2026, these will stop:$/);
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cost data downloads', 'UTM tags on new ads']);
    expect(dialog).not.toHaveTextContent(/Stopped/);
    expect(dialog).toHaveAccessibleDescription(/^On Mar 13, 2026, these will stop: Cost data downloads ?UTM tags on new ads/);
  });

  it('opens no window until its own Renew is clicked, then renews and drops the warning', async () => {
    const { dialog, popups, starts, completions, view } = await openRenew();
    expect(popups.open).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renew' }));
    expect(popups.open).toHaveBeenCalledTimes(1);
    await act(async () => starts[0]!.resolve({ url: 'https://accounts.example.com/o/oauth2/auth?state=r1', state: 'r1' }));
    expect(dialog).toHaveAttribute('data-stage', 'waiting');
    act(() => sendCallback({ state: 'r1', code: 'c1' }));
    await settle();
    await act(async () => completions[0]!.answer.resolve({ ...expiringBrand, statusSince: ahead(0), expiresAt: ahead(60 * DAY) }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(dialog.querySelector('.rca-dialog-status')).toHaveTextContent(/^Google Ads is reconnected\.$/);
    expect(dialog.querySelector('.rca-dialog-impact')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = rowOf('Acme Brand');
    expect(row).not.toHaveAttribute('data-expiring');
    expect(within(row).queryByRole('button')).toBeNull();
    expect(view.container.querySelector('.rca-connection-list-expiring')).toBeNull();
    // Its Renew went with the warning: focus lands on the row.
    expect(row).toHaveFocus();
  });

  it('keeps its title once renewed, and a lapsed connection’s dialog keeps "Reconnect" once reconnected', async () => {
    const { dialog, starts, completions } = await openRenew();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renew' }));
    await act(async () => starts[0]!.resolve({ url: 'https://accounts.example.com/o/oauth2/auth?state=r2', state: 'r2' }));
    act(() => sendCallback({ state: 'r2', code: 'c2' }));
    await settle();
    await act(async () => completions[0]!.answer.resolve({ ...expiringBrand, expiresAt: ahead(60 * DAY) }));
    expect(dialog).toHaveAttribute('data-stage', 'succeeded');
    expect(dialog).toHaveAccessibleName('Renew Google Ads — Acme Brand');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    const lapsed = await screen.findByRole('dialog');
    expect(lapsed).toHaveAccessibleName('Reconnect Google Ads — Acme Search');
    fireEvent.click(within(lapsed).getByRole('button', { name: 'Reconnect' }));
    await act(async () => starts[1]!.resolve({ url: 'https://accounts.example.com/o/oauth2/auth?state=r3', state: 'r3' }));
    act(() => sendCallback({ state: 'r3', code: 'c3' }));
    await settle();
    await act(async () => completions[1]!.answer.resolve({ ...googleSearch, status: 'connected', statusSince: ahead(0), expiresAt: ahead(2 * DAY) }));
    expect(lapsed).toHaveAttribute('data-stage', 'succeeded');
    expect(lapsed).toHaveAccessibleName('Reconnect Google Ads — Acme Search');
  });

  it('gives focus back to Renew when closed without renewing', async () => {
    const { dialog } = await openRenew();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Renew Google Ads — Acme Brand' })).toHaveFocus();
  });

  it('says a CRM’s missed data will be sent afterwards, in the Renew dialog of a CRM', async () => {
    await renderList([{ ...salesforce, status: 'connected', statusSince: ago(30 * DAY), expiresAt: ahead(3 * DAY) }]);
    fireEvent.click(screen.getByRole('button', { name: 'Renew Salesforce — Acme Production' }));
    const dialog = await screen.findByRole('dialog', { name: 'Renew Salesforce — Acme Production' });
    const impact = dialog.querySelector<HTMLElement>('.rca-dialog-impact')!;
    expect(impact.querySelector('p')).toHaveTextContent(/^On Mar 13, 2026, these will stop:$/);
    expect(within(impact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Updates to CRM records', 'New touchpoints sent to your CRM']);
  });
});

describe('accessibility', () => {
  it('has no axe violations with expiring rows and both callouts', async () => {
    const { view } = await renderList([...sample, expiringBrand, expiringMeta].filter((c) => c !== googleBrand));
    await expectNoAxeViolations(view.container);
  });

  it('has no axe violations in the Renew dialog', async () => {
    await renderList([expiringBrand]);
    fireEvent.click(screen.getByRole('button', { name: 'Renew Google Ads — Acme Brand' }));
    await screen.findByRole('dialog');
    await expectNoAxeViolations(document.body);
  });
});
