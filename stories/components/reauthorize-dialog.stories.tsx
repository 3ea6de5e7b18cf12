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
import { WAIT, messagesFor, sampleConnection } from '../support/story-helpers';

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialog: what stopped, since when, what comes back; then every phase of the flow
 *
 * Each phase story scripts the adapter (createStoryAdapter) and the platform's window
 * (stubSignInWindow), so the phase holds still for as long as you look at it.
 * -----------------------------------------------------------------------------------------------*/

const GOOGLE_ADS = sampleConnection('gads-search');
const SALESFORCE = sampleConnection('sfdc-prod');
const DYNAMICS_ON_PREMISES = sampleConnection('d365-onprem');
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
  triggerLabel,
  onOpenChange,
  ...props
}: ReauthorizeDialogProps & { initialOpen: boolean; triggerLabel: string }) {
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
      <ReauthorizeDialog.Trigger className="rca-button" data-variant="secondary">
        {triggerLabel}
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
    const provider = getProvider(args.connection.provider).label;
    return (
      <LiveDialog
        {...args}
        // On the docs page the dialogs start closed: one modal at a time.
        initialOpen={context.viewMode !== 'docs'}
        triggerLabel={messagesFor(context.globals)['item.reauthorize'](provider, args.connection.accountName)}
      />
    );
  },
} satisfies Meta<typeof ReauthorizeDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/* -- impact ----------------------------------------------------------------------------------- */

/** An ad platform: cost data and UTM tagging stopped, and the gap is permanent. */
export const AdvertisingImpact: Story = {
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'permanent');
    await expect(impact).toHaveTextContent(m['impact.cost_data']);
    await expect(impact).toHaveTextContent(m['impact.ad_tagging']);
    await expect(impact).toHaveTextContent(m['impact.permanent']);
    await expect(dialog).toHaveAttribute('data-stage', 'ready');
    await expect(within(dialog).getByRole('button', { name: m['action.signIn']('Google Ads') })).toBeVisible();
  },
};

/** A CRM: updates and new touchpoints stopped, and what was missed is backfilled after reconnecting. */
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
    await expect(impact).toHaveTextContent(m['impact.backfilled']);
  },
};

/** A platform outside the built-in catalog: syncing stopped, and the library does not guess what comes back. */
export const OtherPlatformImpact: Story = {
  args: { connection: EVENT_HUB },
  tags: ['!autodocs'],
  parameters: {
    connections: { adapter: () => createStoryAdapter({ connections: [...createSampleConnections(), EVENT_HUB] }) },
  },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    const impact = dialog.querySelector('[data-recovery]');
    await expect(impact).toHaveAttribute('data-recovery', 'unknown');
    await expect(impact).toHaveTextContent(m['impact.data_sync']);
    await expect(impact).toHaveTextContent(m['impact.unknown']);
  },
};

/* -- OAuth phases ----------------------------------------------------------------------------- */

/** The window is open and the platform's address is still being fetched. */
export const Starting: Story = phase({ window: 'stay', adapter: { start: 'never' }, stage: 'starting' });

/** The user is signing in in the platform's window: "Reopen window" brings it back. */
export const Waiting: Story = phase({
  window: 'stay',
  stage: 'waiting',
  check: async (dialog, m) => {
    await expect(within(dialog).getByRole('button', { name: m['action.reopen'] })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: m['action.cancel'] })).toBeVisible();
  },
});

/** The window was closed without an answer: the dialog says so and offers to reopen it. */
export const WindowClosed: Story = phase({
  window: 'close',
  stage: 'window_closed',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.windowClosed']);
    await expect(within(dialog).getByRole('button', { name: m['action.reopen'] })).toBeVisible();
  },
});

/** The browser blocked the window: a fresh click opens it. */
export const Blocked: Story = phase({
  window: 'blocked',
  stage: 'blocked',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.blocked']);
    await expect(within(dialog).getByRole('button', { name: m['action.openAgain'] })).toBeVisible();
  },
});

/** The platform answered; the backend is exchanging the code. */
export const Completing: Story = phase({ window: 'allow', adapter: { complete: 'never' }, stage: 'completing' });

/** Connected again. */
export const Succeeded: Story = phase({
  window: 'allow',
  stage: 'succeeded',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.succeeded']('Google Ads'));
    await expect(within(dialog).getByRole('button', { name: m['action.done'] })).toBeVisible();
  },
});

/** A CRM connected again: it says from when the missed data is being backfilled. */
export const SucceededWithBackfill: Story = phase({
  connection: SALESFORCE,
  window: 'allow',
  stage: 'succeeded',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.succeeded']('Salesforce'));
    await expect(dialog.querySelector('.rca-dialog-status-detail')).not.toBeNull();
  },
});

/** The backend failed: the error in words, and "Try again". */
export const Failed: Story = phase({
  window: 'allow',
  adapter: { complete: 'fail' },
  stage: 'failed',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['error.adapter_failed']);
    await expect(within(dialog).getByRole('button', { name: m['action.retry'] })).toBeVisible();
  },
});

/** The platform refused: its own description is shown as text, never as HTML. */
export const PlatformRefused: Story = phase({
  window: 'allow',
  adapter: { complete: 'refused' },
  stage: 'failed',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['error.provider_error']);
    await expect(dialog).toHaveTextContent('<b>Start again</b>');
    await expect(dialog.querySelector('b')).toBeNull();
  },
});

/** The user declined at the platform (`access_denied`): a cancellation, not a failure. */
export const Cancelled: Story = phase({
  window: 'deny',
  stage: 'cancelled',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.cancelled']);
  },
});

/** Cancel while the window is open: the flow ends and nothing changes. */
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

/**
 * The user signed in to another account: refused, and the dialog names the account to sign in
 * with. (That the connection is not shown as connected is checked by the flow's unit tests and the
 * end-to-end tests.)
 */
export const WrongAccount: Story = phase({
  window: 'other-account',
  adapter: { complete: 'other-account' },
  stage: 'wrong_account',
  check: async (dialog, m) => {
    await expect(dialog).toHaveTextContent(m['flow.wrongAccount']('Acme Search'));
  },
});

/* -- login form ------------------------------------------------------------------------------- */

/** A platform that takes a login form instead of OAuth: labelled fields with autocomplete hints. */
export const CredentialsForm: Story = {
  args: { connection: DYNAMICS_ON_PREMISES },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(within(dialog).getByLabelText(m['form.username'])).toHaveAttribute('autocomplete', 'username');
    await expect(within(dialog).getByLabelText(m['form.password'])).toHaveAttribute('autocomplete', 'current-password');
  },
};

/** The login is accepted: connected again, and the CRM backfills. */
export const CredentialsAccepted: Story = {
  args: { connection: DYNAMICS_ON_PREMISES },
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await submitLogin(context, 'correct horse battery staple');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'));
    await expect(dialog).toHaveTextContent(m['flow.succeeded']('Microsoft Dynamics 365'));
  },
};

/** The login is refused: the error in words, and the fields are already empty. */
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
    await submitLogin(context, 'not the password');
    // Credentials are never kept: the fields that were sent are emptied by the submit itself.
    await expect(username.value).toBe('');
    await expect(password.value).toBe('');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'failed'));
    await expect(dialog).toHaveTextContent(m['error.provider_error']);
    // The form shows again, empty.
    await expect(within(dialog).getByLabelText(m['form.username'])).toHaveValue('');
    await expect(within(dialog).getByLabelText(m['form.password'])).toHaveValue('');
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

/** A story that presses "Sign in", lets the scripted platform answer, and holds the phase reached. */
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
      const provider = getProvider(connection.provider).label;
      await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.signIn'](provider) }));
      await waitFor(() => expect(dialog).toHaveAttribute('data-stage', stage), WAIT);
      // Not a stage passed through on the way: it is still there after pending work has run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await expect(dialog).toHaveAttribute('data-stage', stage);
      await check?.(dialog, m, context as StoryContext);
    },
  };
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

async function submitLogin(context: StoryContext, password: string): Promise<HTMLElement> {
  const m = messagesFor(context.globals);
  const dialog = await findDialog(context);
  await context.userEvent.type(within(dialog).getByLabelText(m['form.username']), 'admin@acme.example');
  await context.userEvent.type(within(dialog).getByLabelText(m['form.password']), password);
  await context.userEvent.click(within(dialog).getByRole('button', { name: m['action.signIn']('Microsoft Dynamics 365') }));
  return dialog;
}
