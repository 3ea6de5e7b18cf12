import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionList, createMemoryAdapter, createSampleConnections, useConnections } from '../../src';
import type { Connection } from '../../src';
import { renderBrandIcon } from '../support/brand-icons';
import { manyConnections } from '../support/many-connections';
import { stubSignInWindow } from '../support/sign-in-window';
import { createStoryAdapter } from '../support/story-adapter';
import { DAY, HOUR, WAIT, ago, ahead, dateOf, hoursAgo, inDays, messagesFor, secondsAgo, wordsFor } from '../support/story-helpers';
import headless from './connection-list-headless.module.css';

/* -------------------------------------------------------------------------------------------------
 * ConnectionList: the Connections screen, in every state
 * -----------------------------------------------------------------------------------------------*/

/** The sample connections, plus a platform outside the catalog and a lapsed one this user may not fix. */
function mixedConnections(): Connection[] {
  const sample = createSampleConnections();
  const extra: Connection[] = [
    {
      id: 'linkedin-emea',
      provider: 'linkedin_ads',
      category: 'advertising',
      accountName: 'Acme EMEA Leads',
      accountId: '771203',
      status: 'authorization_required',
      statusSince: ago(30 * HOUR),
      lastSyncedAt: ago(31 * HOUR),
      canReauthorize: false,
    },
    {
      id: 'events-platform',
      provider: 'event_hub',
      category: 'other',
      accountName: 'Acme Webinars',
      status: 'connected',
      statusSince: ago(200 * HOUR),
      lastSyncedAt: ago(3 * HOUR),
    },
  ];
  return [...sample, ...extra.filter((connection) => !sample.some((given) => given.id === connection.id))];
}

/** How many of these have lapsed: what the summary callout counts. */
const lapsed = (connections: readonly Connection[]) => connections.filter((connection) => connection.status === 'authorization_required').length;

/** 1 MB of account name, as a broken backend might send, and an error message as long. */
const HUGE_NAME = 'Acme Worldwide Holdings International — Performance Marketing Search '.repeat(15_000).slice(0, 1 << 20);

function longTextConnections(): Connection[] {
  return [
    {
      id: 'long-name',
      provider: 'google_ads',
      category: 'advertising',
      accountName: HUGE_NAME,
      accountId: '123-456-7890',
      status: 'authorization_required',
      statusSince: ago(2 * DAY),
      lastSyncedAt: ago(2 * DAY),
      autoTagging: true,
    },
    {
      id: 'long-error',
      provider: 'microsoft_ads',
      category: 'advertising',
      accountName: 'Acme EMEA',
      status: 'error',
      statusSince: ago(6 * HOUR),
      lastSyncedAt: ago(7 * HOUR),
      error: { code: 'quota_exceeded', message: 'The platform rejected the report request: the quota for cost downloads is used up for today. '.repeat(11_000).slice(0, 1 << 20) },
    },
  ];
}

/** Words of this file's own, in the toolbar's language. */
const words = {
  en: { connect: 'Connect a platform' },
  es: { connect: 'Conectar una plataforma' },
  fr: { connect: 'Connecter une plateforme' },
  de: { connect: 'Plattform verbinden' },
  it: { connect: 'Collega una piattaforma' },
  nl: { connect: 'Platform koppelen' },
  'pt-BR': { connect: 'Conectar uma plataforma' },
  ja: { connect: 'プラットフォームを連携' },
  ar: { connect: 'ربط منصة' },
};

const meta = {
  title: 'Components/ConnectionList',
  component: ConnectionList,
  tags: ['autodocs'],
  args: { searchThreshold: 10 },
  argTypes: {
    connections: { control: false },
    renderIcon: { control: false },
    status: { control: false },
    error: { control: false },
    emptyAction: { control: false },
    dialogContainer: { control: false },
  },
  parameters: { connections: { memory: { connections: mixedConnections() } } },
  // As wide as a settings page's content column, not the whole window.
  decorators: [(Story) => <div style={{ maxWidth: '52rem' }}><Story /></div>],
} satisfies Meta<typeof ConnectionList>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Every status at once: the callout counts the lapsed ones, groups by category, lapsed rows first
 * (the longest lapsed first), each with a labelled "Reconnect".
 */
export const Loaded: Story = {
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    await waitFor(() => expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'ready'), WAIT);
    // The callout counts the lapsed ones, this user's to fix or not.
    await expect(canvas.getByText(m['list.summary'](lapsed(mixedConnections())))).toBeVisible();
    const reconnect = canvas.getByRole('button', { name: m['item.reconnectLabel']('Google Ads', 'Acme Search') });
    await expect(reconnect).toBeVisible();
    await expect(reconnect).toHaveTextContent(m['action.reconnect']);
    await expect(canvas.getByRole('button', { name: m['item.reconnectLabel']('Salesforce', 'Acme Production') })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: m['item.reconnectLabel']('LinkedIn Ads', 'Acme EMEA Leads') })).toBeNull();
    // Each status has its pill.
    for (const status of ['connected', 'authorization_required', 'backfilling', 'error'] as const) {
      await expect(canvasElement.querySelector(`.rca-status-badge[data-status="${status}"]`)).toHaveTextContent(m[`status.${status}`]);
    }
    // Lapsed first, the longest lapsed first: Acme Search (3 days) before Acme EMEA Leads (30 hours).
    const rows = [...canvasElement.querySelectorAll('[data-category="advertising"] li')];
    await expect(rows.map((row) => row.getAttribute('data-status')).slice(0, 2)).toEqual(['authorization_required', 'authorization_required']);
    await expect(rows[0]).toHaveTextContent('Acme Search');
    await expect(rows[1]).toHaveTextContent('Acme EMEA Leads');
    // A platform outside the catalog gets its letters.
    await expect(canvasElement.querySelector('.rca-provider-mark[data-provider="event_hub"]')).toHaveTextContent('EH');
  },
};

/**
 * Real logos through `renderIcon` (simple-icons, in this Storybook only): Google Ads and Meta.
 * LinkedIn, Microsoft and Salesforce are not in simple-icons, so they keep their letters.
 */
export const BrandLogos: Story = {
  args: { renderIcon: renderBrandIcon },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.rca-provider-mark[data-provider="google_ads"] svg')).not.toBeNull(), WAIT);
    await expect(canvasElement.querySelector('.rca-provider-mark[data-provider="meta_ads"] svg')).not.toBeNull();
    await expect(canvasElement.querySelector('.rca-provider-mark[data-provider="salesforce"]')).toHaveTextContent('SF');
  },
};

/** While the first list loads. */
export const Loading: Story = {
  parameters: { connections: { adapter: () => createStoryAdapter({ connections: [], list: 'never' }) } },
  play: async ({ canvasElement, canvas, globals }) => {
    const list = canvasElement.querySelector('.rca-connection-list');
    await expect(list).toHaveAttribute('data-state', 'loading');
    await expect(list).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText(messagesFor(globals)['list.loading'])).toBeVisible();
  },
};

/** A workspace with nothing connected yet: a sentence, and your action in the `emptyAction` slot. */
export const Empty: Story = {
  parameters: { connections: { memory: { connections: [] } } },
  render: (args, { globals }) => (
    <ConnectionList
      {...args}
      emptyAction={
        <button type="button" className="rca-button" data-variant="primary">
          {wordsFor(words, globals).connect}
        </button>
      }
    />
  ),
  play: async ({ canvas, globals }) => {
    await expect(await canvas.findByText(messagesFor(globals)['list.empty'], {}, WAIT)).toBeVisible();
    await expect(canvas.getByRole('button', { name: wordsFor(words, globals).connect })).toBeVisible();
  },
};

/** Where the failing stories' provider reports, instead of the console. */
const onError = fn().mockName('onError');

/** The list could not load: the error at once, and "Try again" loads it. */
export const LoadError: Story = {
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), list: 'fail-once' }), provider: { onError } },
  },
  beforeEach: () => onError.mockClear(),
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const alert = await canvas.findByRole('alert', {}, WAIT);
    await expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'adapter_failed', message: 'The connections service is unreachable.' }));
    await expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'error');
    await expect(alert).toHaveTextContent(m['list.loadError']);
    await expect(alert).toHaveAttribute('data-tone', 'danger');
    // Held here for a look (and a screenshot); the next story presses "Try again".
    await expect(within(alert).getByRole('button', { name: m['action.retry'] })).toBeVisible();
  },
};

/** "Try again" after a failed load: the list arrives. */
export const LoadErrorThenTryAgain: Story = {
  tags: ['!autodocs'],
  parameters: LoadError.parameters,
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const alert = await canvas.findByRole('alert', {}, WAIT);
    await userEvent.click(within(alert).getByRole('button', { name: m['action.retry'] }));
    await waitFor(() => expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'ready'), WAIT);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByRole('button', { name: m['item.reconnectLabel']('Google Ads', 'Acme Search') })).toBeVisible();
  },
};

/** A reload failed while a list is shown: the list stays, under a warning with "Try again". */
export const RefreshError: Story = {
  tags: ['!autodocs'],
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), list: 'fail-after-first' }), provider: { onError } },
  },
  beforeEach: () => onError.mockClear(),
  render: (args) => (
    <>
      <RefreshOnce />
      <ConnectionList {...args} />
    </>
  ),
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const alert = await canvas.findByRole('alert', {}, WAIT);
    await expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'The connections service is unreachable.' }));
    await expect(alert).toHaveTextContent(m['list.refreshError']);
    await expect(alert).toHaveAttribute('data-tone', 'warning');
    await expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'ready');
    await expect(canvas.getByRole('button', { name: m['item.reconnectLabel']('Google Ads', 'Acme Search') })).toBeVisible();
  },
};

/** Loads the list once more after the first one arrived, as a focus of the window would. */
function RefreshOnce() {
  const { status, refresh } = useConnections();
  const done = React.useRef(false);
  React.useEffect(() => {
    if (status !== 'ready' || done.current) return;
    done.current = true;
    void refresh();
  }, [status, refresh]);
  return null;
}

/**
 * 240 connections: search by platform or account, and "Needs attention" shows the lapsed ones
 * only. Rows that do not match are hidden, not unmounted.
 */
export const LongListWithSearch: Story = {
  parameters: { connections: { memory: { connections: manyConnections(240) } } },
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const search = await canvas.findByRole('searchbox', { name: m['list.search'] }, WAIT);
    const shown = () => [...canvasElement.querySelectorAll<HTMLElement>('li.rca-connection-item:not([hidden])')];
    await expect(shown()).toHaveLength(240);

    // "Northwind EMEA" exists once per platform. Pasted: one change rather than one per letter.
    await userEvent.click(search);
    await userEvent.paste('Northwind EMEA');
    await waitFor(() => expect(shown()).toHaveLength(6), WAIT);
    for (const row of shown()) await expect(row).toHaveTextContent('Northwind EMEA');
    await expect(await canvas.findByText(m['list.matches'](6))).toBeInTheDocument();

    await userEvent.clear(search);
    await userEvent.paste('no such account');
    await expect(await canvas.findByText(m['list.noMatches'], {}, WAIT)).toBeVisible();
    await userEvent.clear(search);

    // "Needs attention": the 14 lapsed accounts only, with their count on the button.
    const attention = canvas.getByRole('button', { name: `${m['list.attention']} 14` });
    await expect(attention).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(attention);
    await expect(attention).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(shown()).toHaveLength(14), WAIT);
    for (const row of shown()) await expect(row).toHaveAttribute('data-status', 'authorization_required');
  },
};

/** The long list with "Needs attention" on: the state to look at. */
export const NeedsAttentionFilter: Story = {
  tags: ['!autodocs'],
  parameters: LongListWithSearch.parameters,
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const attention = await canvas.findByRole('button', { name: `${m['list.attention']} 14` }, WAIT);
    await userEvent.click(attention);
    await waitFor(() => expect(canvasElement.querySelectorAll('li.rca-connection-item:not([hidden])')).toHaveLength(14), WAIT);
  },
};

/** An account name of 1 MB, and an error message as long: one line with an ellipsis, the error capped to a few lines. */
export const LongText: Story = {
  tags: ['!autodocs'],
  // Built when the story runs: 2 MB of parameters would travel to the manager with the story.
  parameters: { connections: { adapter: () => createMemoryAdapter({ connections: longTextConnections() }) } },
  play: async ({ canvasElement }) => {
    const name = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('[data-status="authorization_required"] .rca-account-name');
      if (!found) throw new Error('No row yet.');
      return found;
    }, WAIT);
    // At most 200 characters and an ellipsis in the page; the whole name in its title.
    await expect(name.textContent!.length).toBeLessThanOrEqual(201);
    await expect(name.textContent!.endsWith('…')).toBe(true);
    await expect(name.title).toBe(HUGE_NAME);
    // One line: the row's name does not wrap, and nothing scrolls sideways.
    const line = name.closest('p')!;
    await expect(line.getBoundingClientRect().height).toBeLessThan(40);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** From props alone, no provider: "Reconnect" calls `onReauthorize` and your app opens what it likes. */
export const StandaloneFromProps: Story = {
  args: { connections: createSampleConnections(), onReauthorize: fn() },
  parameters: { connections: { wrap: false } },
  render: (args, { globals }) => <ConnectionList {...args} messages={messagesFor(globals)} locale={globals.locale} />,
  play: async ({ args, canvas, globals }) => {
    const m = messagesFor(globals);
    await userEvent.click(canvas.getByRole('button', { name: m['item.reconnectLabel']('Salesforce', 'Acme Production') }));
    await expect(args.onReauthorize).toHaveBeenCalledTimes(1);
    await expect(args.onReauthorize).toHaveBeenCalledWith(expect.objectContaining({ id: 'sfdc-prod' }), expect.anything());
  },
};

/**
 * Without `styles.css`: the same markup, styled only through element selectors and data attributes
 * by a CSS module of this story (`connection-list-headless.module.css`).
 */
export const Headless: Story = {
  tags: ['!autodocs'],
  args: { className: headless.headless },
  parameters: { styles: false },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('li[data-status="authorization_required"]')).not.toBeNull(), WAIT);
    await expect(document.getElementById('react-connected-accounts-styles')).toBeNull();
  },
};

/** "Reconnect" opens the dialog for that row; Escape closes it and focus returns to the button. */
export const ReconnectOpensTheDialog: Story = {
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const button = await context.canvas.findByRole('button', { name: m['item.reconnectLabel']('Google Ads', 'Acme Search') }, WAIT);
    await userEvent.click(button);
    const dialog = await dialogOf(context);
    await expect(dialog).toHaveAccessibleName(m['item.reconnectLabel']('Google Ads', 'Acme Search'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
  },
};

/**
 * A sign-in that is still being finished when the dialog closes carries on: the row's pill says
 * "Reconnecting" meanwhile.
 */
export const Reconnecting: Story = {
  tags: ['!autodocs'],
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: mixedConnections(), complete: 'never' }) },
  },
  beforeEach: () => stubSignInWindow('allow'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    await userEvent.click(await context.canvas.findByRole('button', { name: m['item.reconnectLabel']('Google Ads', 'Acme Search') }, WAIT));
    const dialog = await dialogOf(context);
    await userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'completing'), WAIT);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const row = context.canvasElement.querySelector('li[data-reauthorizing]');
    await expect(row).toHaveTextContent('Acme Search');
    await expect(row?.querySelector('.rca-status-badge')).toHaveAttribute('data-status', 'reauthorizing');
    await expect(row?.querySelector('.rca-status-badge')).toHaveTextContent(m['status.reauthorizing']);
  },
};

/* -- expiry warnings (SPEC §9) ------------------------------------------------------------------ */

/** The sample, with Acme Brand's grant lapsing in 3 days; Meta's, 12 days away, is past the 7-day warning. */
function expiringConnections(): Connection[] {
  return createSampleConnections().map((connection) => (connection.id === 'gads-brand' ? { ...connection, expiresAt: ahead(3 * DAY) } : connection));
}

/**
 * A grant about to lapse: the row stays "Connected", adds "Expires in 3 days" and "Renew", and a
 * warning callout counts it apart from the lapsed ones.
 */
export const Expiring: Story = {
  parameters: { connections: { memory: { connections: expiringConnections() } } },
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const renew = await canvas.findByRole('button', { name: m['item.renewLabel']('Google Ads', 'Acme Brand') }, WAIT);
    await expect(renew).toHaveTextContent(m['item.renew']);
    const row = renew.closest('li')!;
    await expect(row).toHaveAttribute('data-expiring');
    await expect(row).toHaveAttribute('data-status', 'connected');
    await expect(row.querySelector('.rca-status-badge[data-status="connected"]')).toHaveTextContent(m['status.connected']);
    await expect(row.querySelector('.rca-status-badge[data-status="expiring"]')).toHaveTextContent(m['status.expiring'](inDays(3, globals)));
    // Twelve days ahead is past the warning: no pill, no "Renew".
    const meta = canvasElement.querySelector('li:has([data-provider="meta_ads"])');
    await expect(meta).not.toHaveAttribute('data-expiring');
    await expect(canvas.queryByRole('button', { name: m['item.renewLabel']('Meta Ads', 'Acme Retargeting') })).toBeNull();
    // Its own callout, a warning, apart from the lapsed ones' danger callout.
    const callout = canvasElement.querySelector('.rca-connection-list-expiring');
    await expect(callout).toHaveAttribute('data-tone', 'warning');
    await expect(callout).toHaveTextContent(m['list.expiring'](1));
    await expect(callout).toHaveTextContent(m['list.expiringHint']);
    await expect(canvasElement.querySelector('.rca-connection-list-summary')).toHaveTextContent(m['list.summary'](lapsed(expiringConnections())));
  },
};

/** With `expiryWarningDays: 14` on the provider, Meta's grant, 12 days away, warns too. */
export const ExpiringWithinTwoWeeks: Story = {
  tags: ['!autodocs'],
  parameters: { connections: { memory: { connections: expiringConnections() }, provider: { expiryWarningDays: 14 } } },
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    await expect(await canvas.findByRole('button', { name: m['item.renewLabel']('Meta Ads', 'Acme Retargeting') }, WAIT)).toBeVisible();
    await expect(canvasElement.querySelector('.rca-connection-list-expiring')).toHaveTextContent(m['list.expiring'](2));
  },
};

/** "Renew" opens the dialog in the future tense: what will stop, and on which day. */
export const RenewOpensTheDialog: Story = {
  tags: ['!autodocs'],
  parameters: Expiring.parameters,
  play: async (context) => {
    const m = messagesFor(context.globals);
    const renew = await context.canvas.findByRole('button', { name: m['item.renewLabel']('Google Ads', 'Acme Brand') }, WAIT);
    await userEvent.click(renew);
    const dialog = await dialogOf(context);
    await expect(dialog).toHaveAccessibleName(m['item.renewLabel']('Google Ads', 'Acme Brand'));
    const expiresAt = expiringConnections().find((connection) => connection.id === 'gads-brand')!.expiresAt!;
    await expect(dialog.querySelector('.rca-dialog-impact')).toHaveTextContent(m['impact.willStop'](dateOf(expiresAt, context.globals)));
    await expect(within(dialog).getByRole('button', { name: m['item.renew'] })).toHaveAttribute('data-variant', 'primary');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(renew).toHaveFocus());
  },
};

/* -- ask an admin (SPEC §9) --------------------------------------------------------------------- */

/**
 * A lapsed connection this user may not reconnect, on a backend that takes requests: "Ask an
 * admin" in place of "Reconnect", named after the connection.
 */
export const AskAnAdminRow: Story = {
  play: async ({ canvas, globals }) => {
    const m = messagesFor(globals);
    const ask = await canvas.findByRole('button', { name: m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads') }, WAIT);
    await expect(ask).toHaveTextContent(m['item.askAdmin']);
    const row = ask.closest('li')!;
    await expect(row).toHaveAttribute('data-status', 'authorization_required');
    await expect(row).not.toHaveTextContent(m['item.noRights']);
    await expect(within(row).queryByRole('button', { name: m['item.reconnectLabel']('LinkedIn Ads', 'Acme EMEA Leads') })).toBeNull();
  },
};

/** "Ask an admin", a note, "Send request": the row then says "Requested now", and focus is back on its button. */
export const AskAnAdminThenRequested: Story = {
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const ask = await context.canvas.findByRole('button', { name: m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads') }, WAIT);
    await userEvent.click(ask);
    const dialog = await dialogOf(context);
    await userEvent.type(within(dialog).getByLabelText(m['ask.note']), 'The EMEA report is due on Friday.');
    await userEvent.click(within(dialog).getByRole('button', { name: m['ask.send'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'sent'), WAIT);
    await userEvent.click(within(dialog).getByRole('button', { name: m['action.done'] }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(ask).toHaveFocus());
    await expect(ask.closest('li')!.querySelector('.rca-connection-item-meta')).toHaveTextContent(m['item.requested'](secondsAgo(0, context.globals)));
  },
};

/** Asked two hours ago, after it lapsed: the row says so. */
export const RequestedHoursAgo: Story = {
  tags: ['!autodocs'],
  parameters: {
    connections: {
      memory: {
        connections: mixedConnections().map((connection) => (connection.id === 'linkedin-emea' ? { ...connection, reauthorizationRequestedAt: ago(2 * HOUR) } : connection)),
      },
    },
  },
  play: async ({ canvas, globals }) => {
    const m = messagesFor(globals);
    const ask = await canvas.findByRole('button', { name: m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads') }, WAIT);
    await expect(ask.closest('li')!.querySelector('.rca-connection-item-meta')).toHaveTextContent(m['item.requested'](hoursAgo(2, globals)));
  },
};

/** A backend without `requestReauthorization`: no "Ask an admin"; the row says who can reconnect it. */
export const WhoCanReconnect: Story = {
  tags: ['!autodocs'],
  parameters: { connections: { adapter: () => createStoryAdapter({ connections: mixedConnections() }) } },
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    await waitFor(() => expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'ready'), WAIT);
    const row = [...canvasElement.querySelectorAll('li')].find((item) => item.textContent?.includes('Acme EMEA Leads'))!;
    await expect(row.querySelector('.rca-connection-item-meta')).toHaveTextContent(m['item.noRights']);
    await expect(within(row).queryByRole('button')).toBeNull();
    await expect(canvas.queryByRole('button', { name: m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads') })).toBeNull();
  },
};

/* -- reconnect all (SPEC §9) -------------------------------------------------------------------- */

/** Two or more this user may reconnect: "Reconnect all (N)" in the callout, counting only those; Escape gives focus back to it. */
export const ReconnectAllButton: Story = {
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    // Four lapsed, three of them this user's: LinkedIn EMEA is an admin's.
    const all = await context.canvas.findByRole('button', { name: m['list.reconnectAll'](3) }, WAIT);
    await expect(all.closest('.rca-connection-list-summary')).toHaveTextContent(m['list.summary'](lapsed(mixedConnections())));
    await userEvent.click(all);
    const dialog = await dialogOf(context);
    await expect(dialog).toHaveAccessibleName(m['queue.title']);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(all).toHaveFocus());
  },
};

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

async function dialogOf(context: StoryContext): Promise<HTMLElement> {
  const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
  await waitFor(() => expect(dialog).toBeVisible());
  return dialog;
}
