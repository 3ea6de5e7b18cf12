import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { ConnectionsProvider, createMemoryAdapter, getProvider, useConnections } from '../src';
import type { MemoryAdapterOptions } from '../src';

/* -------------------------------------------------------------------------------------------------
 * A plain table over useConnections: what the headless core gives before any component
 * -----------------------------------------------------------------------------------------------*/

function ConnectionsTable() {
  const { connections, status, error, isRefreshing, refresh } = useConnections();
  if (status === 'loading') return <p role="status">Loading connections…</p>;
  if (status === 'error') {
    return (
      <div role="alert">
        <p>The connections could not be loaded: {error?.message}</p>
        <button type="button" onClick={() => void refresh()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <section aria-label="Connections">
      {/* Fixed columns that wrap long words: no sideways scroll on a phone. */}
      <table style={{ width: '100%', maxWidth: '40rem', tableLayout: 'fixed', overflowWrap: 'anywhere', textAlign: 'start' }}>
        <caption style={{ textAlign: 'start' }}>Connections from the in-memory adapter</caption>
        <thead>
          <tr>
            <th scope="col">Platform</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <tr key={connection.id} data-status={connection.status}>
              <td>{getProvider(connection.provider).label}</td>
              <td>{connection.accountName}</td>
              <td>{connection.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void refresh()} disabled={isRefreshing}>
        {isRefreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </section>
  );
}

function Demo(props: Pick<MemoryAdapterOptions, 'latencyMs' | 'failureRate'>) {
  // One adapter per story render: the store is kept per adapter instance.
  const adapter = React.useMemo(() => createMemoryAdapter(props), [props.latencyMs, props.failureRate]);
  return (
    <ConnectionsProvider adapter={adapter}>
      <ConnectionsTable />
    </ConnectionsProvider>
  );
}

const meta = {
  title: 'Core/useConnections',
  component: Demo,
  args: { latencyMs: 400, failureRate: 0 },
  // This story brings its own provider, to show the hook on a bare adapter.
  parameters: { connections: { wrap: false } },
  argTypes: {
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    failureRate: { control: { type: 'range', min: 0, max: 1, step: 0.1 } },
  },
} satisfies Meta<typeof Demo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InMemoryAdapter: Story = {};
