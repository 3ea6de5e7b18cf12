import { act, fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { getReauthorizationStage, useReauthorization } from '../../../src/react/use-reauthorization';
import { Provider, createFakeAdapter, googleBrand, googleSearch, sendCallback, stubWindowOpen } from './harness';
import { rendering } from '../../support/render-error';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Fully custom markup on the hook alone. */
function MyReconnect() {
  const { stage, start, cancel, isRunning } = useReauthorization(googleSearch);
  return (
    <div>
      <p data-testid="stage">{stage}</p>
      <button onClick={() => void start()}>Connect</button>
      {isRunning && <button onClick={cancel}>Stop</button>}
    </div>
  );
}

describe('given custom markup on useReauthorization', () => {
  it('runs the same flow as the dialog', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    render(
      <Provider adapter={fake.adapter}>
        <MyReconnect />
      </Provider>,
    );
    await act(async () => {});
    expect(screen.getByTestId('stage')).toHaveTextContent('ready');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(popups.open).toHaveBeenCalledTimes(1);
    await act(async () => fake.starts[0]!.resolve({ url: 'https://accounts.example.com/auth', state: 's1' }));
    expect(screen.getByTestId('stage')).toHaveTextContent('waiting');
    act(() => sendCallback({ state: 's1', code: 'c1' }));
    expect(screen.getByTestId('stage')).toHaveTextContent('completing');
    await act(async () => fake.completions[0]!.answer.resolve({ ...googleSearch, status: 'connected' }));
    expect(screen.getByTestId('stage')).toHaveTextContent('succeeded');
  });

  it('cancels and closes the window', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    render(
      <Provider adapter={fake.adapter}>
        <MyReconnect />
      </Provider>,
    );
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(screen.getByTestId('stage')).toHaveTextContent('cancelled');
  });

  it('says the connection came back by other means only once its own sign-in is over', async () => {
    const fake = createFakeAdapter();
    stubWindowOpen();
    function Shown() {
      const { stage, start, cancel, reconnected } = useReauthorization(googleSearch);
      return (
        <div>
          <p data-testid="state">{`${stage} ${reconnected}`}</p>
          <button onClick={() => void start()}>Connect</button>
          <button onClick={cancel}>Stop</button>
        </div>
      );
    }
    render(
      <Provider adapter={fake.adapter}>
        <Shown />
      </Provider>,
    );
    await act(async () => {});
    expect(screen.getByTestId('state')).toHaveTextContent('ready false');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await act(async () => fake.starts[0]!.resolve({ url: 'https://accounts.example.com/auth', state: 's1' }));
    act(() => fake.push({ ...googleSearch, status: 'connected' }));
    expect(screen.getByTestId('state')).toHaveTextContent('waiting false');
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.getByTestId('state')).toHaveTextContent('cancelled true');
  });

  it('does not call a connection that always worked reconnected', async () => {
    const fake = createFakeAdapter();
    function Shown() {
      const { reconnected } = useReauthorization(googleBrand);
      return <p data-testid="state">{String(reconnected)}</p>;
    }
    render(
      <Provider adapter={fake.adapter}>
        <Shown />
      </Provider>,
    );
    await act(async () => {});
    act(() => fake.push({ ...googleBrand, lastSyncedAt: new Date().toISOString() }));
    expect(screen.getByTestId('state')).toHaveTextContent('false');
  });

  it('returns an ended flow to ready with reset, and ends a waiting one with dismiss', async () => {
    const fake = createFakeAdapter();
    const popups = stubWindowOpen();
    let api!: ReturnType<typeof useReauthorization>;
    function Shown() {
      api = useReauthorization(googleSearch.id);
      return <p data-testid="stage">{api.stage}</p>;
    }
    render(
      <Provider adapter={fake.adapter}>
        <Shown />
      </Provider>,
    );
    await act(async () => {});
    // Started from the store here, since a bare id gives the hook no connection of its own.
    act(() => void api.start().catch(() => {}));
    await act(async () => fake.starts[0]!.resolve({ url: 'https://accounts.example.com/auth', state: 's1' }));
    expect(screen.getByTestId('stage')).toHaveTextContent('waiting');
    let finishing: boolean | undefined;
    act(() => {
      finishing = api.dismiss();
    });
    expect(finishing).toBe(false);
    expect(popups.popups[0]!.close).toHaveBeenCalled();
    expect(screen.getByTestId('stage')).toHaveTextContent('ready');
  });

  it('explains what is missing outside a provider without an adapter', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(rendering(() => render(<MyReconnect />))).toThrow('Pass an adapter, or render this inside <ConnectionsProvider adapter={...}>.');
  });
});

describe('given each flow state', () => {
  const error = (code: ConstructorParameters<typeof ConnectionsError>[0], providerError?: string) =>
    new ConnectionsError(code, code, { providerError });

  it.each([
    [{ phase: 'idle' }, 'ready'],
    [{ phase: 'starting' }, 'starting'],
    [{ phase: 'awaiting_user', popup: 'open' }, 'waiting'],
    [{ phase: 'awaiting_user', popup: 'closed' }, 'window_closed'],
    [{ phase: 'awaiting_user', popup: 'blocked' }, 'blocked'],
    [{ phase: 'completing' }, 'completing'],
    [{ phase: 'succeeded' }, 'succeeded'],
    [{ phase: 'failed', error: error('popup_blocked') }, 'blocked'],
    [{ phase: 'failed', error: error('cancelled') }, 'cancelled'],
    [{ phase: 'failed', error: error('provider_error', 'access_denied') }, 'cancelled'],
    [{ phase: 'failed', error: error('provider_error', 'server_error') }, 'failed'],
    [{ phase: 'failed', error: error('account_mismatch') }, 'wrong_account'],
    [{ phase: 'failed', error: error('timeout') }, 'failed'],
  ] as const)('shows %o as %s', (flow, stage) => {
    expect(getReauthorizationStage(flow)).toBe(stage);
  });
});
