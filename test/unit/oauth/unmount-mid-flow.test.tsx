import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
/** How long a closed window is looked at again: 0.2 + 0.4 + … + 6.4 s after it was told to close. */
const CLOSING_MS = 12_600;
import { useConnections } from '../../../src/react/use-connections';
import { AUTHORIZE_URL, SEARCH, createFakeAdapter, postResult, settle, stubWindowOpen, until, useFakeTimers } from './harness';

/* -------------------------------------------------------------------------------------------------
 * Unmounting the screen while the sign-in window is open (SPEC §8, item 12)
 * -----------------------------------------------------------------------------------------------*/

let windows: ReturnType<typeof stubWindowOpen>;
let fake: ReturnType<typeof createFakeAdapter>;

function RedKey() {
  const { status, reauthorize, getFlow } = useConnections({ adapter: fake.adapter, retry: false, refreshOnFocus: false, onError: () => {} });
  if (status !== 'ready') return <p>Loading</p>;
  return (
    <>
      <button type="button" onClick={() => void reauthorize(SEARCH.id).catch(() => {})}>
        Reauthorize Acme Search
      </button>
      <p data-testid="phase">{getFlow(SEARCH.id).phase}</p>
    </>
  );
}

/**
 * Waits for the screen to show something, letting React commit between event-loop turns: the
 * DOM is read outside `act`, because React 18 commits only when an `act` scope ends.
 */
async function untilRendered(check: () => boolean, turns = 200): Promise<void> {
  for (let turn = 0; turn < turns && !check(); turn += 1) {
    await act(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
    });
  }
  await until(check, 1);
}

beforeEach(() => {
  useFakeTimers();
  windows = stubWindowOpen();
  fake = createFakeAdapter();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('given the Connections screen unmounts while the user signs in', () => {
  it('closes the popup, aborts the adapter, removes listeners and timers, and reacts to nothing after', async () => {
    const removeListener = vi.spyOn(window, 'removeEventListener');
    const errors = vi.spyOn(console, 'error');
    const view = render(<RedKey />);
    await untilRendered((() => screen.queryByRole('button') !== null));

    fireEvent.click(screen.getByRole('button', { name: 'Reauthorize Acme Search' }));
    expect(windows.open).toHaveBeenCalledTimes(1);
    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await untilRendered((() => screen.getByTestId('phase').textContent === 'awaiting_user'));

    view.unmount();

    expect(windows.last.close).toHaveBeenCalled();
    expect(fake.starts[0]!.ctx.signal.aborted).toBe(true);
    expect(removeListener.mock.calls.some(([type]) => type === 'message')).toBe(true);
    // A window told to close is looked at again for a while: those checks end on their own.
    vi.advanceTimersByTime(CLOSING_MS);
    expect(vi.getTimerCount()).toBe(0);

    postResult({ state: 'state-1', code: 'late' });
    vi.advanceTimersByTime(10 * 60 * 1000);
    await settle();
    expect(fake.adapter.completeAuthorization).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it('aborts startAuthorization when unmounted before the URL arrives, and never navigates the window', async () => {
    const view = render(<RedKey />);
    await untilRendered((() => screen.queryByRole('button') !== null));
    fireEvent.click(screen.getByRole('button', { name: 'Reauthorize Acme Search' }));

    view.unmount();
    fake.starts[0]!.answer.resolve({ url: AUTHORIZE_URL, state: 'state-1' });
    await settle();

    expect(fake.starts[0]!.ctx.signal.aborted).toBe(true);
    expect(windows.last.close).toHaveBeenCalled();
    expect(windows.last.location.replace).not.toHaveBeenCalled();
  });
});
