import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, isMockFunction, waitFor, within } from 'storybook/test';
import type { Mock } from 'storybook/test';
import { ReauthorizeDialog, createSampleConnections, getProvider, useConnections } from '../../src';
import type { Connection, ReauthorizeDialogProps, ReauthorizationStage } from '../../src';
import { stubSignInWindow } from '../support/sign-in-window';
import type { SignInAnswer } from '../support/sign-in-window';
import { createStoryAdapter } from '../support/story-adapter';
import type { StoryAdapterOptions } from '../support/story-adapter';
import { DAY, WAIT, ahead, dateOf, messagesFor, sampleConnection } from '../support/story-helpers';

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialog: what stopped, since when, what comes back; then every phase of the flow
 *
 * Each phase story scripts the adapter (createStoryAdapter) and the platform's window
 * (stubSignInWindow), so the phase holds still for as long as you look at it.
 * -----------------------------------------------------------------------------------------------*/

const GOOGLE_ADS = sampleConnection('gads-search');
const SALESFORCE = sampleConnection('sfdc-prod');
const DYNAMICS_ON_PREMISES = sampleConnection('d365-onprem');
const LONG_NAME: Connection = {
  ...GOOGLE_ADS,
  id: 'gads-long-name',
  accountName: 'Acme Worldwide Holdings International — Performance Marketing Search '.repeat(15_000).slice(0, 1 << 20),
};
const EVENT_HUB: Connection = {
  id: 'event-hub-webinars',
  provider: 'event_hub',
  category: 'other',
  accountName: 'Acme Webinars',
  status: 'authorization_required',
  statusSince: new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString(),
};

/** The dialog over the connection as the store knows it now, with a trigger to open it again. */
function LiveDialog({
  connection,
  initialOpen,
  trigger,
  triggerLabel,
  onOpenChange,
  ...props
}: ReauthorizeDialogProps & { initialOpen: boolean; trigger: string; triggerLabel: string }) {
  const { connections, status } = useConnections();
  const [open, setOpen] = React.useState(initialOpen);
  // Until the list arrives the store cannot run a flow for the connection.
  if (status !== 'ready') return null;
  const live = connections.find((candidate) => candidate.id === connection.id) ?? connection;
  return (
    <ReauthorizeDialog
      {...props}
      connection={live}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        onOpenChange?.(next);
      }}
    >
      <ReauthorizeDialog.Trigger className="rca-button" data-variant="secondary" aria-label={triggerLabel}>
        {trigger}
      </ReauthorizeDialog.Trigger>
    </ReauthorizeDialog>
  );
}

const meta = {
  title: 'Components/ReauthorizeDialog',
  component: ReauthorizeDialog,
  tags: ['autodocs'],
  args: { connection: GOOGLE_ADS, onOpenChange: fn() },
  argTypes: {
    connection: { control: 'object' },
    open: { control: false },
    defaultOpen: { control: false },
    adapter: { control: false },
    container: { control: false },
  },
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections() }) },
  },
  render: (args, context) => {
    const m = messagesFor(context.globals);
    const provider = getProvider(args.connection.provider).label;
    return (
      <LiveDialog
        {...args}
        // On the docs page the dialogs start closed: one modal at a time.
        initialOpen={context.viewMode !== 'docs'}
        trigger={m['action.reconnect']}
        triggerLabel={m['item.reconnectLabel'](provider, args.connection.accountName)}
      />
    );
  },
} satisfies Meta<typeof ReauthorizeDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/* -- impact and the ready stage ----------------------------------------------------------------- */

/**
 * An ad platform with auto-tagging on: cost data and UTM tagging stopped, and a warning callout
 * says the gap in tagging is permanent.
 */
export const AdvertisingImpact: Story = {
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(dialog).toHaveAccessibleName(m['item.reconnectLabel']('Google Ads', 'Acme Search'));
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'permanent');
    await expect(impact).toHaveTextContent(m['impact.cost_data']);
    await expect(impact).toHaveTextContent(m['impact.ad_tagging']);
    await expect(impact?.querySelector('.rca-callout')).toHaveAttribute('data-tone', 'warning');
    await expect(impact?.querySelector('.rca-callout')).toHaveTextContent(m['impact.permanent']);
    await expect(dialog).toHaveAttribute('data-stage', 'ready');
    await expect(dialog).toHaveTextContent(m['flow.ready']('Google Ads'));
    await expect(within(dialog).getByRole('button', { name: m['action.reconnect'] })).toHaveAttribute('data-variant', 'primary');
  },
};

/** Auto-tagging unknown: the permanent gap is said as a condition. */
export const AutoTaggingUnknown: Story = {
  args: { connection: { ...GOOGLE_ADS, autoTagging: undefined } },
  tags: ['!autodocs'],
  parameters: withBackend({ ...GOOGLE_ADS, autoTagging: undefined }),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'possibly_permanent');
    await expect(impact).toHaveTextContent(m['impact.cost_data']);
    await expect(impact).not.toHaveTextContent(m['impact.ad_tagging']);
    await expect(impact?.querySelector('.rca-callout')).toHaveAttribute('data-tone', 'warning');
    await expect(impact?.querySelector('.rca-callout')).toHaveTextContent(m['impact.possibly_permanent']);
  },
};

/** Auto-tagging off: nothing was being tagged, so the dialog promises nothing either way. */
export const AutoTaggingOff: Story = {
  args: { connection: { ...GOOGLE_ADS, autoTagging: false } },
  tags: ['!autodocs'],
  parameters: withBackend({ ...GOOGLE_ADS, autoTagging: false }),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'unknown');
    await expect(impact).toHaveTextContent(m['impact.cost_data']);
    await expect(impact).not.toHaveTextContent(m['impact.ad_tagging']);
    await expect(impact?.querySelector('.rca-callout')).toBeNull();
  },
};

/** A CRM: updates and new touchpoints stopped; an info callout says what was missed is sent later. */
export const CrmImpact: Story = {
  args: { connection: SALESFORCE },
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'backfilled');
    await expect(impact).toHaveTextContent(m['impact.record_updates']);
    await expect(impact).toHaveTextContent(m['impact.touchpoint_push']);
    await expect(impact?.querySelector('.rca-callout')).toHaveAttribute('data-tone', 'info');
    await expect(impact?.querySelector('.rca-callout')).toHaveTextContent(m['impact.backfilled']);
  },
};

/** A platform outside the built-in catalog: syncing stopped, and the library does not guess what comes back. */
export const OtherPlatformImpact: Story = {
  args: { connection: EVENT_HUB },
  tags: ['!autodocs'],
  parameters: withBackend(EVENT_HUB),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'unknown');
    await expect(impact).toHaveTextContent(m['impact.data_sync']);
    await expect(impact?.querySelector('.rca-callout')).toBeNull();
  },
};

/**
 * An account name of 1 MB: the title shows its first 200 characters and an ellipsis, and the
 * dialog still fits the screen. The name is kept out of the story's args: they travel to the manager.
 */
export const LongAccountName: Story = {
  tags: ['!autodocs'],
  parameters: withBackend(LONG_NAME),
  render: (args, context) => meta.render({ ...args, connection: LONG_NAME }, context),
  play: async (context) => {
    const dialog = await findDialog(context);
    const title = dialog.querySelector('.rca-dialog-title')!;
    await expect(title.textContent!.length).toBeLessThan(400);
    await expect(title.textContent).toContain('…');
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** This user may not reconnect it: the dialog says whom to ask, and offers no "Reconnect". */
export const NoRights: Story = {
  args: { connection: { ...GOOGLE_ADS, canReauthorize: false } },
  tags: ['!autodocs'],
  parameters: withBackend({ ...GOOGLE_ADS, canReauthorize: false }),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(dialog).toHaveTextContent(m['item.noRights']);
    await expect(within(dialog).queryByRole('button', { name: m['action.reconnect'] })).toBeNull();
  },
};

/* -- renewing before it lapses (SPEC §9) --------------------------------------------------------- */

/** A working grant that lapses in 3 days: "Renew Google Ads — Acme Brand", what will stop on that day. */
const EXPIRING: Connection = { ...sampleConnection('gads-brand'), expiresAt: ahead(3 * DAY) };

/**
 * "Renew": the impact panel in the future tense ("On 12 Dec 2026, these will stop:"), the same
 * warning about tagging, and "Renew" as the primary action.
 */
export const RenewImpact: Story = {
  args: { connection: EXPIRING },
  parameters: withBackend(EXPIRING),
  render: (args, context) => {
    const m = messagesFor(context.globals);
    return (
      <LiveDialog
        {...args}
        initialOpen={context.viewMode !== 'docs'}
        trigger={m['item.renew']}
        triggerLabel={m['item.renewLabel']('Google Ads', args.connection.accountName)}
      />
    );
  },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(dialog).toHaveAccessibleName(m['item.renewLabel']('Google Ads', 'Acme Brand'));
    const impact = dialog.querySelector('[data-recovery]');
    // The future tense, not "Stopped 3 days ago:".
    await expect(impact?.querySelector('p')).toHaveTextContent(m['impact.willStop'](dateOf(EXPIRING.expiresAt!, context.globals)));
    await expect(impact).toHaveTextContent(m['impact.cost_data']);
    await expect(impact).toHaveTextContent(m['impact.ad_tagging']);
    await expect(impact?.querySelector('.rca-callout')).toHaveAttribute('data-tone', 'warning');
    await expect(within(dialog).getByRole('button', { name: m['item.renew'] })).toHaveAttribute('data-variant', 'primary');
  },
};

/** Renewed: "Done", and the warning of what would stop is gone. */
export const RenewSucceeded: Story = {
  ...RenewImpact,
  tags: ['!autodocs'],
  beforeEach: () => stubSignInWindow('allow'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['item.renew'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'), WAIT);
    await expect(dialog.querySelector('[data-recovery]')).toBeNull();
    await expect(within(dialog).getByRole('button', { name: m['action.done'] })).toHaveAttribute('data-variant', 'primary');
  },
};

/* -- OAuth phases ----------------------------------------------------------------------------- */

/** The window is open and the platform's address is still being fetched. */
export const Starting: Story = phase({
  window: 'stay',
  adapter: { start: 'never' },
  stage: 'starting',
  check: async (dialog, m) => {
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'busy');
    await expect(dialog).toHaveTextContent(m['flow.starting']);
  },
});

/** The user is signing in in the platform's window: "Reopen window" is there, but not the primary action. */
export const Waiting: Story = phase({
  window: 'stay',
  stage: 'waiting',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.waiting']('Google Ads'));
    await expect(within(dialog).getByRole('button', { name: m['action.reopen'] })).toHaveAttribute('data-variant', 'secondary');
    await expect(within(dialog).getByRole('button', { name: m['action.cancel'] })).toBeVisible();
  },
});

/** The window was closed without an answer: a warning, and "Reopen window" becomes the primary action. */
export const WindowClosed: Story = phase({
  window: 'close',
  stage: 'window_closed',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.windowClosed']);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'warning');
    await expect(within(dialog).getByRole('button', { name: m['action.reopen'] })).toHaveAttribute('data-variant', 'primary');
  },
});

/** The browser blocked the window: a warning, and a fresh click opens it. */
export const Blocked: Story = phase({
  window: 'blocked',
  stage: 'blocked',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['error.popup_blocked']);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'warning');
    await expect(within(dialog).getByRole('button', { name: m['action.retry'] })).toHaveAttribute('data-variant', 'primary');
  },
});

/** The platform answered; the backend is exchanging the code. */
export const Completing: Story = phase({
  window: 'allow',
  adapter: { complete: 'never' },
  stage: 'completing',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.completing']);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'busy');
  },
});

/** Connected again: a success mark, "Done", and what had stopped is gone. */
export const Succeeded: Story = phase({
  window: 'allow',
  stage: 'succeeded',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.succeeded']('Google Ads'));
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'success');
    await expect(dialog.querySelector('[data-recovery]')).toBeNull();
    await expect(within(dialog).getByRole('button', { name: m['action.done'] })).toHaveAttribute('data-variant', 'primary');
  },
});

/** A CRM connected again: it says from when the missed data is being backfilled. */
export const SucceededWithBackfill: Story = phase({
  connection: SALESFORCE,
  window: 'allow',
  stage: 'succeeded',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.succeeded']('Salesforce'));
    await expect(dialog.querySelector('.rca-dialog-status-detail')).toHaveTextContent(m['flow.backfilling']('').split(' ')[0]!);
  },
});

/** The backend failed: what happened, what to do, and "Try again". */
export const Failed: Story = phase({
  window: 'allow',
  adapter: { complete: 'fail' },
  stage: 'failed',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['error.adapter_failed']);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'danger');
    await expect(within(dialog).getByRole('button', { name: m['action.retry'] })).toBeVisible();
  },
});

/** The platform refused: its own description is shown under ours, as text, never as HTML. */
export const PlatformRefused: Story = phase({
  window: 'allow',
  adapter: { complete: 'refused' },
  stage: 'failed',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['error.provider_error']);
    await expect(dialog.querySelector('.rca-dialog-status-detail')).toHaveTextContent('<b>Start again</b>');
    await expect(dialog.querySelector('b')).toBeNull();
  },
});

/** The user declined at the platform (`access_denied`): a cancellation, not a failure. */
export const Cancelled: Story = phase({
  window: 'deny',
  stage: 'cancelled',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.cancelled']);
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'neutral');
  },
});

/** Cancel while the window is open: the flow ends, its window closes, and nothing changes. */
export const CancelWhileWaiting: Story = phase({
  window: 'stay',
  stage: 'waiting',
  check: async (dialog, m, context) => {
    const [signInWindow] = openedSignInWindows();
    await expect(signInWindow?.closed).toBe(false);
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.cancel'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'cancelled'));
    await expect(dialog).toHaveTextContent(m['flow.cancelled']);
    // Cancelling closes the platform's window too, so it is not left behind the app.
    await expect(signInWindow?.closed).toBe(true);
  },
});

/** The user signed in to another account: refused, and the dialog names the account to sign in with. */
export const WrongAccount: Story = phase({
  window: 'other-account',
  adapter: { complete: 'other-account' },
  stage: 'wrong_account',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.wrongAccount']('Acme Search'));
    await expect(dialog.querySelector('.rca-dialog-status')).toHaveAttribute('data-tone', 'warning');
  },
});

/* -- login form ------------------------------------------------------------------------------- */

/** A platform that takes a login form instead of OAuth: labelled fields with autocomplete hints. */
export const CredentialsForm: Story = {
  args: { connection: DYNAMICS_ON_PREMISES },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(dialog).toHaveTextContent(m['flow.readyCredentials']('Microsoft Dynamics 365'));
    await expect(within(dialog).getByLabelText(m['form.username'])).toHaveAttribute('autocomplete', 'username');
    await expect(within(dialog).getByLabelText(m['form.password'])).toHaveAttribute('autocomplete', 'current-password');
    // The submit button is inside the form, so Enter submits it.
    await expect(within(dialog).getByRole('button', { name: m['action.reconnect'] }).closest('form')).not.toBeNull();
  },
};

/** The login is accepted (sent with Enter): connected again, and the CRM backfills. */
export const CredentialsAccepted: Story = {
  args: { connection: DYNAMICS_ON_PREMISES },
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await context.userEvent.type(within(dialog).getByLabelText(m['form.username']), 'admin@acme.example');
    await context.userEvent.type(within(dialog).getByLabelText(m['form.password']), 'correct horse battery staple{Enter}');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'), WAIT);
    await expect(dialog).toHaveTextContent(m['flow.succeeded']('Microsoft Dynamics 365'));
    await expect(dialog.querySelector('.rca-dialog-status-detail')).not.toBeNull();
  },
};

/**
 * The login is refused (`invalid_credentials`): it says so, keeps the username, and empties,
 * marks and focuses the password.
 */
export const CredentialsRefused: Story = {
  args: { connection: DYNAMICS_ON_PREMISES },
  tags: ['!autodocs'],
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), complete: 'refused' }) },
  },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const username = within(dialog).getByLabelText<HTMLInputElement>(m['form.username']);
    const password = within(dialog).getByLabelText<HTMLInputElement>(m['form.password']);
    await context.userEvent.type(username, 'admin@acme.example');
    await context.userEvent.type(password, 'not the password');
    await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'failed'), WAIT);
    await expect(dialog).toHaveTextContent(m['error.invalid_credentials']);
    const usernameAfter = within(dialog).getByLabelText<HTMLInputElement>(m['form.username']);
    const passwordAfter = within(dialog).getByLabelText<HTMLInputElement>(m['form.password']);
    await expect(usernameAfter).toHaveValue('admin@acme.example');
    await expect(passwordAfter).toHaveValue('');
    await expect(usernameAfter).toHaveAttribute('aria-invalid', 'true');
    await expect(passwordAfter).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(passwordAfter).toHaveFocus());
    await expect(within(dialog).getByRole('button', { name: m['action.retry'] })).toBeVisible();
  },
};

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

type Messages = ReturnType<typeof messagesFor>;

interface PhaseOptions {
  connection?: Connection;
  /** What the stand-in for the platform's window does. */
  window: SignInAnswer;
  adapter?: Omit<StoryAdapterOptions, 'connections'>;
  /** The stage the dialog must reach, and still show a moment later. */
  stage: ReauthorizationStage;
  check?: (dialog: HTMLElement, messages: Messages, context: StoryContext) => Promise<void>;
}

/** A story that presses "Reconnect", lets the scripted platform answer, and holds the phase reached. */
function phase({ connection = GOOGLE_ADS, window: answer, adapter, stage, check }: PhaseOptions): Story {
  return {
    args: { connection },
    tags: ['!autodocs'],
    parameters: {
      connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), ...adapter }) },
    },
    beforeEach: () => {
      const restore = stubSignInWindow(answer);
      // Recorded, so a story can look at the windows the flow opened (restore puts back the original).
      window.open = fn(window.open);
      return restore;
    },
    play: async (context) => {
      const m = messagesFor(context.globals);
      const dialog = await findDialog(context);
      await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
      await waitFor(() => expect(dialog).toHaveAttribute('data-stage', stage), WAIT);
      // Not a stage passed through on the way: it is still there after pending work has run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await expect(dialog).toHaveAttribute('data-stage', stage);
      await check?.(dialog, m, context as StoryContext);
    },
  };
}

/** The story's backend: the sample connections, with `connection` in place of its namesake or added. */
function withBackend(connection: Connection, options?: Omit<StoryAdapterOptions, 'connections'>) {
  const others = createSampleConnections().filter((candidate) => candidate.id !== connection.id);
  return { connections: { adapter: () => createStoryAdapter({ ...options, connections: [connection, ...others] }) } };
}

/** The stand-in windows `window.open` returned in this story, oldest first. */
function openedSignInWindows(): Window[] {
  const open = window.open as unknown as Mock<typeof window.open>;
  if (!isMockFunction(open)) throw new Error('window.open is not recorded: the story must be made with phase().');
  return open.mock.results.flatMap((result) => (result.type === 'return' && result.value ? [result.value] : []));
}

/** The open dialog (portalled to the body, outside the story's root). */
async function findDialog(context: StoryContext): Promise<HTMLElement> {
  const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
  // styles.css fades the dialog in: wait until it can be seen, as a person would.
  await waitFor(() => expect(dialog).toBeVisible());
  return dialog;
}
