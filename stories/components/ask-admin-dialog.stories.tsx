import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, spyOn, waitFor, within } from 'storybook/test';
import { AskAdminDialog, createSampleConnections, getProvider, useConnections } from '../../src';
import type { AskAdminDialogProps } from '../../src';
import { createStoryAdapter } from '../support/story-adapter';
import type { StoryAdapterOptions } from '../support/story-adapter';
import { WAIT, messagesFor, sampleConnection } from '../support/story-helpers';

/* -------------------------------------------------------------------------------------------------
 * AskAdminDialog: a user who may not reconnect asks an admin to (SPEC §9)
 *
 * The connection has lapsed and `canReauthorize` is false. The dialog takes an optional note and
 * sends it through `adapter.requestReauthorization`; each story scripts how the backend answers.
 * -----------------------------------------------------------------------------------------------*/

const LINKEDIN = sampleConnection('linkedin-emea');

/** The dialog over the connection as the store knows it now, with the row's button to open it again. */
function LiveAskDialog({ connection, initialOpen, trigger, triggerLabel, onOpenChange, ...props }: AskAdminDialogProps & { initialOpen: boolean; trigger: string; triggerLabel: string }) {
  const { connections, status } = useConnections();
  const [open, setOpen] = React.useState(initialOpen);
  if (status !== 'ready') return null;
  const live = connections.find((candidate) => candidate.id === connection.id) ?? connection;
  return (
    <>
      <button type="button" className="rca-button rca-ask-button" aria-label={triggerLabel} onClick={() => setOpen(true)}>
        {trigger}
      </button>
      <AskAdminDialog
        {...props}
        connection={live}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          onOpenChange?.(next);
        }}
      />
    </>
  );
}

/** The sample connections on a backend that answers requests to an admin as `request` says. */
function backend(request: StoryAdapterOptions['request']) {
  return { connections: { adapter: () => createStoryAdapter({ connections: createSampleConnections(), request }) } };
}

const meta = {
  title: 'Components/AskAdminDialog',
  component: AskAdminDialog,
  tags: ['autodocs'],
  args: { connection: LINKEDIN, onOpenChange: fn() },
  argTypes: {
    connection: { control: 'object' },
    open: { control: false },
    adapter: { control: false },
    container: { control: false },
    maxNoteLength: { control: { type: 'number', min: 1, max: 2000 } },
  },
  parameters: backend('resolve'),
  render: (args, context) => {
    const m = messagesFor(context.globals);
    return (
      <LiveAskDialog
        {...args}
        // On the docs page the dialogs start closed: one modal at a time.
        initialOpen={context.viewMode !== 'docs'}
        trigger={m['item.askAdmin']}
        triggerLabel={m['item.askAdminLabel'](getProvider(args.connection.provider).label, args.connection.accountName)}
      />
    );
  },
} satisfies Meta<typeof AskAdminDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready: what happens to the request, an optional note with its limit, "Cancel" and "Send request". */
export const Ready: Story = {
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await findDialog(context);
    await expect(dialog).toHaveAttribute('data-stage', 'ready');
    await expect(dialog).toHaveAccessibleName(m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads'));
    await expect(dialog).toHaveAccessibleDescription(m['ask.description']);
    const note = within(dialog).getByLabelText(m['ask.note']);
    await expect(note).toHaveAttribute('maxlength', '500');
    await expect(note).toHaveAccessibleDescription(m['ask.noteHint'](500));
    await expect(note).toBeEnabled();
    await expect(within(dialog).getByRole('button', { name: m['ask.send'] })).toHaveAttribute('data-variant', 'primary');
    await expect(within(dialog).getByRole('button', { name: m['action.cancel'] })).toHaveAttribute('data-variant', 'secondary');
  },
};

/** Sending: the note and the button are held while the request is on its way. */
export const Sending: Story = {
  tags: ['!autodocs'],
  parameters: backend('never'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await send(context, 'Our EMEA report is due on Friday.');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'sending'), WAIT);
    await expect(within(dialog).getByLabelText(m['ask.note'])).toBeDisabled();
    await expect(within(dialog).getByRole('button', { name: m['ask.send'] })).toHaveAttribute('aria-disabled', 'true');
    await expect(within(dialog).getByRole('status')).toHaveAttribute('data-tone', 'busy');
  },
};

/** Sent: it says so, and "Done" (focused) closes it. */
export const Sent: Story = {
  tags: ['!autodocs'],
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await send(context, 'Our EMEA report is due on Friday.');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'sent'), WAIT);
    const status = within(dialog).getByRole('status');
    await expect(status).toHaveTextContent(m['ask.sent']);
    await expect(status).toHaveAttribute('data-tone', 'success');
    const done = within(dialog).getByRole('button', { name: m['action.done'] });
    await waitFor(() => expect(done).toHaveFocus());
    await expect(within(dialog).queryByRole('button', { name: m['ask.send'] })).toBeNull();
  },
};

let consoleError: ReturnType<typeof spyOn> | undefined;

/** Failed: it says so, keeps the note, and "Try again" sends it again. */
export const Failed: Story = {
  tags: ['!autodocs'],
  parameters: backend('fail'),
  beforeEach: () => {
    consoleError = spyOn(console, 'error').mockImplementation(() => {});
    return () => consoleError?.mockRestore();
  },
  play: async (context) => {
    const m = messagesFor(context.globals);
    const dialog = await send(context, 'Our EMEA report is due on Friday.');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'failed'), WAIT);
    // In development the reason goes to the console, for the integrator.
    await expect(consoleError).toHaveBeenCalledWith('[react-connected-accounts]', expect.stringMatching(/503/));
    const status = within(dialog).getByRole('status');
    await expect(status).toHaveTextContent(m['ask.failed']);
    await expect(status).toHaveAttribute('data-tone', 'danger');
    await expect(within(dialog).getByLabelText(m['ask.note'])).toHaveValue('Our EMEA report is due on Friday.');
    await expect(within(dialog).getByRole('button', { name: m['action.retry'] })).toHaveAttribute('data-variant', 'primary');
  },
};

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** Types `note` into the open dialog and presses "Send request". */
async function send(context: StoryContext, note: string): Promise<HTMLElement> {
  const m = messagesFor(context.globals);
  const dialog = await findDialog(context);
  await context.userEvent.type(within(dialog).getByLabelText(m['ask.note']), note);
  await context.userEvent.click(within(dialog).getByRole('button', { name: m['ask.send'] }));
  return dialog;
}

/** The open dialog (portalled to the body, outside the story's root). */
async function findDialog(context: StoryContext): Promise<HTMLElement> {
  const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
  await waitFor(() => expect(dialog).toBeVisible());
  return dialog;
}
