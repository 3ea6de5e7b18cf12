import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StatusBadge } from '../../src';
import type { StatusBadgeStatus } from '../../src';
import { DAY, HOUR, MINUTE, ago, messagesFor } from '../support/story-helpers';

/* -------------------------------------------------------------------------------------------------
 * StatusBadge: icon and words together; the red key for "Authorization required"
 * -----------------------------------------------------------------------------------------------*/

const STATUSES: StatusBadgeStatus[] = ['connected', 'authorization_required', 'backfilling', 'error', 'reauthorizing'];

const meta = {
  title: 'Components/StatusBadge',
  component: StatusBadge,
  tags: ['autodocs'],
  args: { status: 'authorization_required', since: ago(3 * DAY + 4 * HOUR) },
  argTypes: {
    status: { control: 'select', options: STATUSES },
    since: { control: 'text', description: 'ISO 8601 time the status began' },
  },
} satisfies Meta<typeof StatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One badge; change its status and "since" in the controls. */
export const Playground: Story = {
  play: async ({ canvas, globals }) => {
    const messages = messagesFor(globals);
    const badge = canvas.getByText(messages['status.authorization_required']).closest('[data-status]');
    await expect(badge).toHaveAttribute('data-status', 'authorization_required');
    // Never colour alone: the key, drawn by styles.css, sits beside the words.
    await expect(getComputedStyle(badge!, '::before').maskImage).toMatch(/^url\("data:image\/svg\+xml,/);
  },
};

/** Every status, and the reauthorizing state of a running flow, with and without "since". */
export const AllStatuses: Story = {
  parameters: { controls: { disable: true } },
  render: () => (
    <table style={{ borderCollapse: 'separate', borderSpacing: '1.5rem 0.75rem' }}>
      <caption style={{ textAlign: 'start' }}>Every status of a connection</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Without since</th>
          <th scope="col">With since</th>
        </tr>
      </thead>
      <tbody>
        {STATUSES.map((status) => (
          <tr key={status}>
            <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
              <code>{status}</code>
            </th>
            <td>
              <StatusBadge status={status} />
            </td>
            <td>
              <StatusBadge status={status} since={ago(status === 'reauthorizing' ? 2 * MINUTE : 3 * DAY + 4 * HOUR)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement, globals }) => {
    const messages = messagesFor(globals);
    for (const status of STATUSES) {
      const badges = canvasElement.querySelectorAll(`[data-status="${status}"]`);
      await expect(badges).toHaveLength(2);
      for (const badge of badges) await expect(badge).toHaveTextContent(messages[`status.${status}`]);
    }
  },
};

/** Outside any provider, from props alone, in the language given to it. */
export const Standalone: Story = {
  parameters: { connections: { wrap: false } },
  args: { locale: 'es' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Se requiere autorización')).toBeVisible();
  },
};
