import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionList, createSampleConnections } from '../../src';
import type { Connection } from '../../src';
import { manyConnections } from '../support/many-connections';
import { createStoryAdapter } from '../support/story-adapter';
import { HOUR, WAIT, ago, messagesFor } from '../support/story-helpers';
import headless from './connection-list-headless.module.css';

/* -------------------------------------------------------------------------------------------------
 * ConnectionList: the Connections screen, in every state
 * -----------------------------------------------------------------------------------------------*/

/** The sample connections, plus a platform outside the catalog and a lapsed one this user may not fix. */
function mixedConnections(): Connection[] {
  return [
    ...createSampleConnections(),
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
}

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
  },
  parameters: { connections: { memory: { connections: mixedConnections() } } },
} satisfies Meta<typeof ConnectionList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every status at once: grouped by category, the ones needing attention first, a red key on each lapsed row. */
export const Loaded: Story = {
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    await waitFor(() => expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'ready'), WAIT);
    // Four lapsed, one of them not this user's to fix.
    await expect(canvas.getByText(m['list.summary'](4))).toBeVisible();
    await expect(canvas.getByRole('button', { name: m['item.reauthorize']('Google Ads', 'Acme Search') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: m['item.reauthorize']('Salesforce', 'Acme Production') })).toBeVisible();
    await expect(canvas.getByText(m['item.noRights'])).toBeVisible();
    // Attention first: the first advertising row is a lapsed one.
    const firstRow = canvasElement.querySelector('[data-category="advertising"] li');
    await expect(firstRow).toHaveAttribute('data-status', 'authorization_required');
  },
};

/** While the first list loads. */
export const Loading: Story = {
  parameters: { connections: { adapter: () => createStoryAdapter({ connections: [], list: 'never' }) } },
  play: async ({ canvasElement, canvas, globals }) => {
    await expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'loading');
    await expect(canvas.getByText(messagesFor(globals)['list.loading'])).toBeVisible();
  },
};

/** A workspace with nothing connected yet. */
export const Empty: Story = {
  parameters: { connections: { memory: { connections: [] } } },
  play: async ({ canvas, globals }) => {
    await expect(await canvas.findByText(messagesFor(globals)['list.empty'], {}, WAIT)).toBeVisible();
  },
};

/** The list could not load; "Try again" loads it. */
export const LoadError: Story = {
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), list: 'fail-once' }) },
  },
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(m['list.loadError']);
    await userEvent.click(within(alert).getByRole('button', { name: m['list.retry'] }));
    await waitFor(() => expect(canvasElement.querySelector('.rca-connection-list')).toHaveAttribute('data-state', 'ready'));
    await expect(canvas.getByRole('button', { name: m['item.reauthorize']('Google Ads', 'Acme Search') })).toBeVisible();
  },
};

/** 240 connections: a search box filters by platform and account, a page of matches at a time. */
export const LongListWithSearch: Story = {
  parameters: { connections: { memory: { connections: manyConnections(240) } } },
  play: async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals);
    const search = await canvas.findByRole('searchbox', { name: m['list.search'] }, WAIT);
    await expect(canvasElement.querySelectorAll('li[data-status]')).toHaveLength(240);
    const results = () => within(canvas.getByRole('list', { name: m['list.results'] })).getAllByRole('listitem');

    // "Northwind EMEA" exists once per platform.
    await userEvent.type(search, 'Northwind EMEA');
    await waitFor(() => expect(results()).toHaveLength(6));
    for (const row of results()) await expect(row).toHaveTextContent('Northwind EMEA');

    // "Search" names 60 accounts: 25 show at a time, and "Show more" shows the next ones.
    await userEvent.clear(search);
    await userEvent.type(search, 'Search');
    await waitFor(() => expect(results()).toHaveLength(25));
    await userEvent.click(canvas.getByRole('button', { name: m['list.showMore'] }));
    await waitFor(() => expect(results()).toHaveLength(50));
    await userEvent.click(canvas.getByRole('button', { name: m['list.showMore'] }));
    await waitFor(() => expect(results()).toHaveLength(60));

    await userEvent.clear(search);
    await userEvent.type(search, 'no such account');
    await expect(canvas.getByText(m['list.noMatches']('no such account'))).toBeVisible();
  },
};

/** From props alone, no provider: the red key calls `onReauthorize` and your app opens what it likes. */
export const StandaloneFromProps: Story = {
  args: { connections: createSampleConnections(), onReauthorize: fn() },
  parameters: { connections: { wrap: false } },
  play: async ({ args, canvas, globals }) => {
    const m = messagesFor(globals);
    await userEvent.click(canvas.getByRole('button', { name: m['item.reauthorize']('Salesforce', 'Acme Production') }));
    await expect(args.onReauthorize).toHaveBeenCalledTimes(1);
    await expect(args.onReauthorize).toHaveBeenCalledWith(expect.objectContaining({ id: 'sfdc-prod' }), expect.anything());
  },
};

/**
 * Without `styles.css`: the same markup, styled only through its data attributes by a CSS module
 * of this story (`connection-list-headless.module.css`).
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

/** The red key opens the dialog for that row; Escape closes it and focus returns to the key. */
export const KeyOpensTheDialog: Story = {
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const key = await context.canvas.findByRole('button', { name: m['item.reauthorize']('Google Ads', 'Acme Search') }, WAIT);
    await userEvent.click(key);
    const dialog = await dialogOf(context);
    await expect(dialog).toHaveAccessibleName(m['dialog.title']('Google Ads'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(key).toHaveFocus());
  },
};

async function dialogOf(context: StoryContext): Promise<HTMLElement> {
  const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
  await waitFor(() => expect(dialog).toBeVisible());
  return dialog;
}
