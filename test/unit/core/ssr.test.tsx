// @vitest-environment node
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionsProvider } from '../../../src/react/context';
import { useConnections } from '../../../src/react/use-connections';
import { useReauthorization } from '../../../src/react/use-reauthorization';
import { createFakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Server rendering: no window, no adapter call, the loading state
 * -----------------------------------------------------------------------------------------------*/

function ConnectionsSummary() {
  const { status, connections, error, getFlow } = useConnections();
  return (
    <p data-status={status} data-flow={getFlow('any').phase}>
      {status === 'loading' ? 'Loading connections' : `${connections.length} connections`}
      {error ? ` (${error.message})` : null}
    </p>
  );
}

describe('given a server render with no window at all', () => {
  it('renders the loading state without calling the adapter', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const fake = createFakeAdapter();
    const html = renderToString(
      <ConnectionsProvider adapter={fake.adapter} locale="es">
        <ConnectionsSummary />
      </ConnectionsProvider>,
    );
    expect(html).toBe('<p data-status="loading" data-flow="idle">Loading connections</p>');
    expect(fake.adapter.listConnections).not.toHaveBeenCalled();
    expect(fake.adapter.subscribe).not.toHaveBeenCalled();
  });

  it('renders a hook given its adapter directly', () => {
    const fake = createFakeAdapter();
    function Direct() {
      const { status } = useConnections({ adapter: fake.adapter, retry: false });
      return <span>{status}</span>;
    }
    expect(renderToString(<Direct />)).toBe('<span>loading</span>');
    expect(fake.adapter.listConnections).not.toHaveBeenCalled();
  });

  it('renders one connection\'s re-authorization as ready, calling nothing', () => {
    const fake = createFakeAdapter();
    function Reconnect() {
      const { stage, isRunning, reconnected } = useReauthorization('gads', { adapter: fake.adapter });
      return <span>{`${stage} ${isRunning} ${reconnected}`}</span>;
    }
    expect(renderToString(<Reconnect />)).toBe('<span>ready false false</span>');
    expect(fake.adapter.listConnections).not.toHaveBeenCalled();
    expect(fake.adapter.startAuthorization).not.toHaveBeenCalled();
  });

  it('throws the same clear sentence when there is no adapter', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderToString(<ConnectionsSummary />)).toThrow(/ConnectionsProvider/);
    vi.restoreAllMocks();
  });
});
