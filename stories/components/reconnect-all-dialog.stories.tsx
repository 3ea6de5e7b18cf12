import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { ReconnectAllDialog, createMemoryAdapter, createSampleConnections, useConnections } from '../../src';
import type { MemoryAdapter, ReconnectAllDialogProps } from '../../src';
import { stubSignInWindow } from '../support/sign-in-window';
import type { SignInAnswer } from '../support/sign-in-window';
import { createStoryAdapter } from '../support/story-adapter';
import type { StoryAdapterOptions } from '../support/story-adapter';
import { WAIT, messagesFor } from '../support/story-helpers';

/* -------------------------------------------------------------------------------------------------
 * ReconnectAllDialog: every lapsed connection this user may reconnect, one at a time (SPEC §9)
 *
 * On the sample: Google Ads — Acme Search, Salesforce — Acme Production, then Dynamics 365 —
 * Acme On-Premises, which takes a login form. LinkedIn EMEA is an admin's, so it is left out.
 * Each step's "Reconnect" opens the platform's window from its own click. The stories script the
 * backend (createStoryAdapter) and the window (stubSignInWindow), so each step holds still.
 * -----------------------------------------------------------------------------------------------*/

/** How many lapsed connections of the sample this user may reconnect. */
const TOTAL = createSampleConnections().filter((connection) => connection.status === 'authorization_required' && connection.canReauthorize !== false).length;

const STEPS = ['Google Ads — Acme Search', 'Salesforce — Acme Production', 'Microsoft Dynamics 365 — Acme On-Premises'];

/** The dialog once the list is there, with the list's "Reconnect all (3)" button to open it again. */
function LiveQueue({ initialOpen, trigger, onOpenChange, ...props }: ReconnectAllDialogProps & { initialOpen: boolean; trigger: string }) {
  const { status } = useConnections();
  const [open, setOpen] = React.useState(initialOpen);
  if (status !== 'ready') return null;
  return (
    <>
      <button type="button" className="rca-button" onClick={() => setOpen(true)}>
        {trigger}
      </button>
      <ReconnectAllDialog
        {...props}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          onOpenChange?.(next);
        }}
      />
    </>
  );
}

const meta = {
  title: 'Components/ReconnectAllDialog',
  component: ReconnectAllDialog,
  tags: ['autodocs'],
  args: { onOpenChange: fn() },
  argTypes: {
    open: { control: false },
    ids: { control: 'object' },
    adapter: { control: false },
    container: { control: false },
  },
  parameters: { connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections() }) } },
  render: (args, context) => (
    // On the docs page the dialogs start closed: one modal at a time.
    <LiveQueue {...args} initialOpen={context.viewMode !== 'docs'} trigger={messagesFor(context.globals)['list.reconnectAll'](TOTAL)} />
  ),
} satisfies Meta<typeof ReconnectAllDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The first step: "1 of 3 · Google Ads — Acme Search", what stopped, and its "Reconnect",
 * focused. Nothing opens until it is pressed.
 */
export const FirstStep: Story = {
  beforeEach: () => recordWindows('stay'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(dialog).toHaveAccessibleName(m['queue.title']);
    await expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](1, TOTAL, STEPS[0]!));
    await expect(dialog.querySelector('[data-recovery]')).toHaveTextContent(m['impact.cost_data']);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveTextContent(m['flow.ready']('Google Ads'));
    const reconnect = within(dialog).getByRole('button', { name: m['action.reconnect'] });
    await expect(reconnect).toHaveAttribute('data-variant', 'primary');
    await waitFor(() => expect(reconnect).toHaveFocus());
    await expect(within(dialog).getByRole('button', { name: m['queue.skip'] })).toHaveAttribute('data-variant', 'secondary');
    // A popup opens only from a click on this step's own button.
    await expect(window.open).not.toHaveBeenCalled();
  },
};

/** Waiting for the user in the platform's window: "Reopen window" is there, not primary; Skip still works. */
export const WaitingStep: Story = {
  tags: ['!autodocs'],
  beforeEach: () => recordWindows('stay'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
    await waitFor(() => expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-stage', 'waiting'), WAIT);
    await expect(window.open).toHaveBeenCalledTimes(1);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveTextContent(m['flow.waiting']('Google Ads'));
    await expect(within(dialog).getByRole('button', { name: m['action.reopen'] })).toHaveAttribute('data-variant', 'secondary');
    await expect(within(dialog).getByRole('button', { name: m['queue.skip'] })).toBeEnabled();
    await expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](1, TOTAL, STEPS[0]!));
  },
};

/** The third step takes a login form, inside the queue: labelled fields, and Enter sends it. */
export const LoginFormStep: Story = {
  tags: ['!autodocs'],
  beforeEach: () => recordWindows('stay'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await skipTo(context, dialog, 3);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveTextContent(m['flow.readyCredentials']('Microsoft Dynamics 365'));
    await expect(within(dialog).getByLabelText(m['form.username'])).toHaveAttribute('autocomplete', 'username');
    await expect(within(dialog).getByLabelText(m['form.password'])).toHaveAttribute('autocomplete', 'current-password');
    const reconnect = within(dialog).getByRole('button', { name: m['action.reconnect'] });
    await expect(reconnect).toHaveAttribute('type', 'submit');
    await expect(reconnect.closest('form')).not.toBeNull();
    // No window for a login form.
    await expect(window.open).not.toHaveBeenCalled();
  },
};

/** The login form of the queue, sent: connected, and the queue closes on its summary. */
export const LoginFormStepAccepted: Story = {
  tags: ['!autodocs'],
  beforeEach: () => recordWindows('stay'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await skipTo(context, dialog, 3);
    await context.userEvent.type(within(dialog).getByLabelText(m['form.username']), 'admin@acme.example');
    await context.userEvent.type(within(dialog).getByLabelText(m['form.password']), 'correct horse battery staple{Enter}');
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.summary'](1, 2)), WAIT);
  },
};

/** The backend failed: what happened, "Try again" as the primary action, and "Skip". */
export const FailedStep: Story = {
  tags: ['!autodocs'],
  parameters: backend({ complete: 'fail' }),
  beforeEach: () => recordWindows('allow'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
    const status = () => dialog.querySelector('.rca-dialog-status');
    await waitFor(() => expect(status()).toHaveAttribute('data-stage', 'failed'), WAIT);
    await expect(status()).toHaveAttribute('data-tone', 'danger');
    await expect(status()).toHaveTextContent(m['error.adapter_failed']);
    // A failure stays on its step, to try again or skip.
    await expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](1, TOTAL, STEPS[0]!));
    await expect(within(dialog).getByRole('button', { name: m['action.retry'] })).toHaveAttribute('data-variant', 'primary');
    await expect(within(dialog).getByRole('button', { name: m['queue.skip'] })).toBeEnabled();
  },
};

/**
 * A success moves on by itself, focus on the next "Reconnect"; Skip moves on without it. The
 * summary closes it: "1 reconnected, 2 skipped.", with "Done" focused.
 */
export const Summary: Story = {
  beforeEach: () => recordWindows('allow'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](2, TOTAL, STEPS[1]!)), WAIT);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: m['action.reconnect'] })).toHaveFocus());
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['queue.skip'] }));
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](3, TOTAL, STEPS[2]!)));
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['queue.skip'] }));
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.summary'](1, 2)), WAIT);
    await expect(stepOf(dialog)).toHaveAttribute('data-tone', 'success');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: m['action.done'] })).toHaveFocus());
    await expect(dialog.querySelector('[data-recovery]')).toBeNull();
  },
};

/** Salesforce is reconnected elsewhere while the queue is open: it counts as reconnected, and is not asked for. */
let elsewhere: MemoryAdapter | undefined;
export const ReconnectedElsewhere: Story = {
  tags: ['!autodocs'],
  // StrictMode makes the adapter twice and keeps the first: both calls give the same one.
  parameters: { connections: { adapter: () => (elsewhere ??= createMemoryAdapter({ connections: createSampleConnections(), backfillStepMs: 0 })) } },
  beforeEach: () => {
    elsewhere = undefined;
    return recordWindows('stay');
  },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](1, TOTAL, STEPS[0]!));
    elsewhere!.update('sfdc-prod', { status: 'connected', statusSince: new Date().toISOString() });
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['queue.skip'] }));
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](3, TOTAL, STEPS[2]!)), WAIT);
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['queue.skip'] }));
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.summary'](1, 2)), WAIT);
  },
};

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

function backend(options: Omit<StoryAdapterOptions, 'connections'>) {
  return { connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), ...options }) } };
}

/** A stand-in platform window that answers `answer`, with `window.open` recorded. */
function recordWindows(answer: SignInAnswer): () => void {
  const restore = stubSignInWindow(answer);
  window.open = fn(window.open);
  return restore;
}

/** The queue's live region: "2 of 3 · …", then the summary. */
function stepOf(dialog: HTMLElement): HTMLElement | null {
  return dialog.querySelector('p[role="status"]');
}

/** Skips to step `number`, one "Skip" at a time. */
async function skipTo(context: StoryContext, dialog: HTMLElement, number: number): Promise<void> {
  const m = messagesFor(context.globals);
  for (let at = 1; at < number; at += 1) {
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['queue.skip'] }));
    await waitFor(() => expect(stepOf(dialog)).toHaveTextContent(m['queue.step'](at + 1, TOTAL, STEPS[at]!)));
  }
}

/** The open dialog (portalled to the body, outside the story's root). */
async function findDialog(context: StoryContext): Promise<HTMLElement> {
  const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
  await waitFor(() => expect(dialog).toBeVisible());
  return dialog;
}
