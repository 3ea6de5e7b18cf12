import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StatusBadge } from '../../src';
import type { StatusBadgeStatus } from '../../src';
import { es } from '../../src/locales/es';
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
    messages: { control: false },
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
    <section aria-labelledby="all-statuses">
      <h2 id="all-statuses" style={{ margin: '0 0 0.75rem', fontSize: '1rem' }}>
        Every status of a connection
      </h2>
      <ul style={{ display: 'grid', gap: '0.75rem', margin: 0, padding: 0, listStyle: 'none' }}>
        {STATUSES.map((status) => (
          <li key={status} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 0.75rem' }}>
            <code style={{ flex: '0 0 13rem', maxWidth: '100%' }}>{status}</code>
            <StatusBadge status={status} />
            <StatusBadge status={status} since={ago(status === 'reauthorizing' ? 2 * MINUTE : 3 * DAY + 4 * HOUR)} />
          </li>
        ))}
      </ul>
    </section>
  ),
  play: async ({ canvasElement, globals }) => {
    const messages = messagesFor(globals);
    for (const status of STATUSES) {
      const badges = canvasElement.querySelectorAll(`[data-status="${status}"]`);
      await expect(badges).toHaveLength(2);
      for (const badge of badges) await expect(badge).toHaveTextContent(messages[`status.${status}`]);
    }
    // No two statuses share both colour and icon.
    const looks = STATUSES.map((status) => {
      const badge = canvasElement.querySelector(`[data-status="${status}"]`)!;
      return `${getComputedStyle(badge).color} ${getComputedStyle(badge, '::before').maskImage}`;
    });
    await expect(new Set(looks).size).toBe(STATUSES.length);
  },
};

/** Outside any provider, from props alone: Spanish through `messages={es}`, dates in `locale`. */
export const Standalone: Story = {
  parameters: { connections: { wrap: false } },
  args: { messages: es, locale: 'es-MX' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Se requiere autorización')).toBeVisible();
    await expect(canvas.getByText(/^desde hace 3 días$/)).toBeVisible();
  },
};
