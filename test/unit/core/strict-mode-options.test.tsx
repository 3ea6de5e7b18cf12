import { act, render } from '@testing-library/react';
import * as React from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ConnectionsProvider } from '../../../src/react/context';
import { useConnections } from '../../../src/react/use-connections';
import { createFakeAdapter, flush } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * StrictMode mounts every effect twice, with no render between: the options given stay
 * -----------------------------------------------------------------------------------------------*/

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function Status() {
  return <p>{useConnections().status}</p>;
}

it("keeps the provider's options when StrictMode mounts it again", async () => {
  const fake = createFakeAdapter();
  const onError = vi.fn();
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  const view = render(
    <React.StrictMode>
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false} onError={onError}>
        <Status />
      </ConnectionsProvider>
    </React.StrictMode>,
  );
  // The first request went with the first mount; the second is the one that counts.
  expect(fake.lists.map((list) => list.signal.aborted)).toEqual([true, false]);
  for (let round = 0; round < 3; round += 1) {
    for (const list of fake.lists) list.answer.reject(new Error('HTTP 503'));
    await act(async () => {
      await flush();
      await vi.advanceTimersByTimeAsync(120_000);
    });
  }
  // retry={false}: no retry; onError, not the console, hears of the failure.
  expect(fake.lists).toHaveLength(2);
  expect(onError).toHaveBeenCalledTimes(1);
  expect(consoleError).not.toHaveBeenCalled();
  view.unmount();
});
