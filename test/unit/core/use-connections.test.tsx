import { act, render, renderHook, screen } from '@testing-library/react';
import * as React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTHORIZATION_MESSAGE_TYPE } from '../../../src/core/message';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { createConnectionStore, getConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import { ConnectionsProvider } from '../../../src/react/context';
import { useConnections } from '../../../src/react/use-connections';
import type { UseConnectionsResult } from '../../../src/react/use-connections';
import { createFakeAdapter, deferred, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';
import { rendering } from '../../support/render-error';

/* -------------------------------------------------------------------------------------------------
 * useConnections and ConnectionsProvider: one store per adapter, and its lifetime
 * -----------------------------------------------------------------------------------------------*/

let fake: FakeAdapter;

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeAdapter();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  await act(async () => {
    await flush();
  });
}

function Names({ label }: { label: string }) {
  const { connections, status } = useConnections();
  return (
    <p data-testid={label}>
      {status}: {connections.map((c) => c.accountName).join(', ')}
    </p>
  );
}

/** A part of the page that uses the store with an onError of its own. */
function Listening({ onError }: { onError: () => void }) {
  useConnections({ onError });
  return null;
}

/** Reloads the list, and has that reload fail the way the earlier ones did. */
async function failReload(index: number): Promise<void> {
  const done = getConnectionStore(fake.adapter).refresh();
  fake.list(index).answer.reject(new Error('HTTP 503'));
  await act(() => done);
}

describe('given several components using one adapter', () => {
  it('makes one request for every useConnections mounted at once', async () => {
    const options = { adapter: fake.adapter, refreshOnFocus: false };
    const first = renderHook(() => useConnections(options));
    const second = renderHook(() => useConnections(options));
    const third = renderHook(() => useConnections(options));
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1);
    expect(fake.adapter.subscribe).toHaveBeenCalledTimes(1);

    fake.list(0).answer.resolve([makeConnection({ id: 'a', accountName: 'Acme Search' })]);
    await settle();
    for (const hook of [first, second, third]) {
      expect(hook.result.current.status).toBe('ready');
      expect(hook.result.current.connections.map((c) => c.accountName)).toEqual(['Acme Search']);
    }
    expect(first.result.current.connections).toBe(second.result.current.connections);
    for (const hook of [first, second, third]) hook.unmount();
  });

  it('makes one request for a provider and every hook below it', async () => {
    const view = render(
      <ConnectionsProvider adapter={fake.adapter} refreshOnFocus={false}>
        <Names label="one" />
        <Names label="two" />
      </ConnectionsProvider>,
    );
    expect(screen.getByTestId('one').textContent).toBe('loading: ');
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1);

    fake.list(0).answer.resolve([makeConnection({ id: 'a', accountName: 'Acme Search' }), makeConnection({ id: 'b', accountName: 'Acme Brand' })]);
    await settle();
    expect(screen.getByTestId('one').textContent).toBe('ready: Acme Search, Acme Brand');
    expect(screen.getByTestId('two').textContent).toBe('ready: Acme Search, Acme Brand');
    view.unmount();
  });

  it("applies the provider's options to the first load, even though its children mount first", async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false}>
        <Names label="one" />
      </ConnectionsProvider>,
    );
    fake.list(0).answer.reject(new Error('HTTP 503'));
    await settle();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('one').textContent).toBe('error: ');
    // Without onError, the one failure goes to the console, once.
    expect(consoleError.mock.calls).toEqual([['[react-connected-accounts] adapter.listConnections() failed: HTTP 503']]);
    view.unmount();
  });

  it("tells the provider's onError about what goes wrong as the store starts, even though its children mount first", () => {
    const onError = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const throwing = {
      ...fake.adapter,
      subscribe: () => {
        throw new Error('no event stream here');
      },
    };
    const view = render(
      <ConnectionsProvider adapter={throwing} onError={onError} refreshOnFocus={false}>
        <Names label="one" />
      </ConnectionsProvider>,
    );
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/adapter\.subscribe\(\) threw.*no event stream here/) }));
    expect(consoleError).not.toHaveBeenCalled();
    view.unmount();
  });

  it('stops applying the options of a provider that unmounted: its onError and retry go with it', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gone = vi.fn();
    const first = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false} onError={gone}>
        <Names label="one" />
      </ConnectionsProvider>,
    );
    fake.list(0).answer.reject(new Error('HTTP 503'));
    await settle();
    expect(gone).toHaveBeenCalledTimes(1);
    first.unmount();

    // Another screen on the same adapter, with its own onError and the default retries.
    const onError = vi.fn();
    const second = render(
      <ConnectionsProvider adapter={fake.adapter} refreshOnFocus={false} onError={onError}>
        <Names label="two" />
      </ConnectionsProvider>,
    );
    fake.list(1).answer.reject(new Error('HTTP 503'));
    await settle();
    // Retried, and the same problem as on the last screen is news to this one.
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1 + 1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(3);
    fake.list(2).answer.reject(new Error('HTTP 503'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4_000);
    });
    fake.list(3).answer.reject(new Error('HTTP 503'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(8_000);
    });
    fake.list(4).answer.reject(new Error('HTTP 503'));
    await settle();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/HTTP 503/) }));
    expect(gone).toHaveBeenCalledTimes(1);
    second.unmount();

    // And with no onError left, the console is told.
    const third = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false}>
        <Names label="three" />
      </ConnectionsProvider>,
    );
    fake.list(5).answer.reject(new Error('HTTP 503'));
    await settle();
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/HTTP 503/));
    expect(gone).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    third.unmount();
  });

  it('says once in the console that an adapter made anew on every render must be made once', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const made = () => createFakeAdapter().adapter;
    const screenWith = (adapter: ReturnType<typeof made>) => (
      <ConnectionsProvider adapter={adapter} refreshOnFocus={false}>
        <Names label="one" />
      </ConnectionsProvider>
    );
    const steady = made();
    const view = render(screenWith(steady));
    // Rendered again and again with the same adapter, or switched to another once: no word.
    for (let i = 0; i < 4; i += 1) view.rerender(screenWith(steady));
    const other = made();
    for (let i = 0; i < 4; i += 1) view.rerender(screenWith(other));
    expect(consoleError).not.toHaveBeenCalled();

    // Inline: a new one every time.
    for (let i = 0; i < 6; i += 1) view.rerender(screenWith(made()));
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]![0]).toMatch(/A new adapter on each render.*Make it once/);
    view.unmount();

    const hook = renderHook(() => useConnections({ adapter: made(), refreshOnFocus: false }));
    for (let i = 0; i < 6; i += 1) hook.rerender();
    expect(consoleError).toHaveBeenCalledTimes(2);
    expect(consoleError.mock.calls[1]![0]).toMatch(/A new adapter on each render/);
    hook.unmount();
  });

  it('tells onError once of a problem met as the store starts, in StrictMode too', () => {
    const onError = vi.fn();
    const careless = { ...fake.adapter, subscribe: () => undefined as unknown as () => void };
    const view = render(
      <React.StrictMode>
        <ConnectionsProvider adapter={careless} onError={onError} refreshOnFocus={false}>
          <Names label="one" />
        </ConnectionsProvider>
      </React.StrictMode>,
    );
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].message).toMatch(/subscribe\(\) must return a function/);
    view.unmount();
  });

  it('tells an inline onError once of a problem that repeats while its screen re-renders, and a later screen again', async () => {
    const told = vi.fn();
    const screenWith = (label: string) => (
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false} onError={(error) => told(error.message)}>
        <Names label={label} />
      </ConnectionsProvider>
    );
    const first = render(screenWith('one'));
    fake.list(0).answer.reject(new Error('HTTP 503'));
    await settle();
    first.rerender(screenWith('again'));
    await failReload(1);
    expect(told).toHaveBeenCalledTimes(1);
    first.unmount();

    // Another visit to the screen: its onError hears of the problem afresh.
    const second = render(screenWith('two'));
    fake.list(2).answer.reject(new Error('HTTP 503'));
    await settle();
    expect(told).toHaveBeenCalledTimes(2);
    second.unmount();
  });

  it('tells a provider\'s onError of a problem that only a hook below it heard of before', async () => {
    const fromProvider = vi.fn();
    const fromHook = vi.fn();
    const first = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false} onError={fromProvider}>
        <Names label="one" />
      </ConnectionsProvider>,
    );
    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await settle();
    // A part of the page that listens for itself mounts later, and hears of a failed reload.
    first.rerender(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false} onError={fromProvider}>
        <Names label="one" />
        <Listening onError={fromHook} />
      </ConnectionsProvider>,
    );
    await failReload(1);
    expect(fromHook).toHaveBeenCalledTimes(1);
    expect(fromProvider).not.toHaveBeenCalled();
    first.unmount();

    const second = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false} onError={fromProvider}>
        <Names label="one" />
      </ConnectionsProvider>,
    );
    fake.list(2).answer.reject(new Error('HTTP 503'));
    await settle();
    expect(fromProvider).toHaveBeenCalledTimes(1);
    second.unmount();
  });

  it("keeps the provider's options when a hook below leaves the same options undefined", async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Wrapper({ retry }: { retry?: false }) {
      const { status, refresh } = useConnections({ retry, refreshOnFocus: false });
      return (
        <button type="button" onClick={() => void refresh()}>
          {status}
        </button>
      );
    }
    const view = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false}>
        <Wrapper />
      </ConnectionsProvider>,
    );
    fake.list(0).answer.reject(new Error('HTTP 503'));
    await settle();
    // The hook re-rendered alone (its status changed); the provider did not.
    expect(screen.getByRole('button').textContent).toBe('error');

    act(() => screen.getByRole('button').click());
    fake.list(1).answer.reject(new Error('HTTP 503'));
    await settle();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);
    // The same failure twice is reported once.
    expect(consoleError).toHaveBeenCalledTimes(1);
    view.unmount();
  });

  it('gives every adapter call an AbortSignal', async () => {
    const popup = { closed: false, close: vi.fn(), focus: vi.fn(), location: { replace: vi.fn() } };
    vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const exchange = deferred<never>();
    fake.adapter.startAuthorization = vi.fn(async () => ({ url: 'https://accounts.example.com/o/oauth2/auth', state: 'state-signals' }));
    fake.adapter.completeAuthorization = vi.fn(() => exchange.promise);
    const hook = renderHook(() => useConnections({ adapter: fake.adapter, retry: false, refreshOnFocus: false }));
    fake.list(0).answer.resolve([
      makeConnection({ id: 'crm', authMethod: 'credentials', status: 'authorization_required' }),
      makeConnection({ id: 'ads', status: 'authorization_required' }),
    ]);
    await settle();
    void hook.result.current.refresh();
    void hook.result.current.reauthorize('crm', { credentials: { password: 'x' } });
    void hook.result.current.reauthorize('ads').catch(() => {});
    await settle();
    act(() => {
      window.dispatchEvent(
        new MessageEvent('message', {
          data: { type: AUTHORIZATION_MESSAGE_TYPE, version: 1, result: { state: 'state-signals', params: { code: 'c' } } },
          origin: window.location.origin,
        }),
      );
    });
    await settle();

    const mocked = (method: unknown) => (method as ReturnType<typeof vi.fn>).mock.calls;
    const contexts = [
      ...mocked(fake.adapter.listConnections).map((call) => call[0]),
      ...mocked(fake.adapter.submitCredentials).map((call) => call[2]),
      ...mocked(fake.adapter.startAuthorization).map((call) => call[1]),
      ...mocked(fake.adapter.completeAuthorization).map((call) => call[2]),
    ];
    expect(mocked(fake.adapter.startAuthorization)).toHaveLength(1);
    expect(mocked(fake.adapter.completeAuthorization)).toHaveLength(1);
    expect(contexts).toHaveLength(5);
    for (const ctx of contexts) expect(ctx.signal).toBeInstanceOf(AbortSignal);
    hook.unmount();
  });
});

describe('given the last component using an adapter unmounts', () => {
  it('aborts the request in flight and stops listening to pushes, but not while another user remains', async () => {
    const options = { adapter: fake.adapter, refreshOnFocus: false };
    const first = renderHook(() => useConnections(options));
    const second = renderHook(() => useConnections(options));

    first.unmount();
    expect(fake.list(0).signal.aborted).toBe(false);
    expect(fake.isSubscribed()).toBe(true);

    second.unmount();
    expect(fake.list(0).signal.aborted).toBe(true);
    expect(fake.unsubscribe).toHaveBeenCalledTimes(1);
    expect(fake.isSubscribed()).toBe(false);
  });

  it('sets no state and renders nothing once a late answer arrives', async () => {
    let renders = 0;
    const hook = renderHook(() => {
      renders += 1;
      return useConnections({ adapter: fake.adapter, refreshOnFocus: false });
    });
    const store = getConnectionStore(fake.adapter);
    hook.unmount();
    const atUnmount = store.getState();
    const rendersAtUnmount = renders;

    fake.list(0).answer.resolve([makeConnection({ id: 'a' })]);
    await settle();
    expect(store.getState()).toBe(atUnmount);
    expect(renders).toBe(rendersAtUnmount);
  });

  it('stops the retry it was waiting for', async () => {
    const hook = renderHook(() => useConnections({ adapter: fake.adapter, refreshOnFocus: false, retry: { retries: 5, minDelayMs: 1000, maxDelayMs: 1000 } }));
    fake.list(0).answer.reject(new Error('HTTP 503'));
    await settle();
    hook.unmount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1);
  });

  it('loads again, subscribes again and shows the answer when it remounts', async () => {
    const options = { adapter: fake.adapter, refreshOnFocus: false, retry: false as const };
    renderHook(() => useConnections(options)).unmount();

    const again = renderHook(() => useConnections(options));
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(2);
    expect(fake.adapter.subscribe).toHaveBeenCalledTimes(2);
    expect(fake.list(1).signal.aborted).toBe(false);

    fake.list(1).answer.resolve([makeConnection({ id: 'a', accountName: 'Back again' })]);
    await settle();
    expect(again.result.current).toMatchObject({ status: 'ready', isRefreshing: false });
    expect(again.result.current.connections.map((c) => c.accountName)).toEqual(['Back again']);

    act(() => fake.push(makeConnection({ id: 'a', accountName: 'Pushed' })));
    expect(again.result.current.connections.map((c) => c.accountName)).toEqual(['Pushed']);
    again.unmount();
  });

  it('is not left refreshing on remount by an adapter that ignores the abort', async () => {
    const options = { adapter: fake.adapter, refreshOnFocus: false, retry: false as const };
    renderHook(() => useConnections(options)).unmount();
    // list(0) never settles: this adapter does not listen to its signal.

    const again = renderHook(() => useConnections(options));
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await settle();
    expect(again.result.current).toMatchObject({ status: 'ready', isRefreshing: false });
    again.unmount();
  });
});

describe('given a store with no users left', () => {
  it('leaves no timer behind, even in the middle of a backoff', async () => {
    const store = createConnectionStore(fake.adapter, { refreshOnFocus: false, onError: () => {}, retry: { retries: 3, minDelayMs: 5000, maxDelayMs: 5000 } });
    const release = store.retain();
    fake.list(0).answer.reject(new Error('HTTP 503'));
    await flush();
    expect(vi.getTimerCount()).toBe(1);
    release();
    await flush();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops listening for focus and going online', async () => {
    const windowAdds = vi.spyOn(window, 'addEventListener');
    const windowRemoves = vi.spyOn(window, 'removeEventListener');
    const listenerFor = (spy: { mock: { calls: unknown[][] } }, type: string) => {
      const calls = spy.mock.calls.filter((call) => call[0] === type);
      expect(calls, `listeners for "${type}"`).toHaveLength(1);
      return calls[0]![1];
    };

    const store = createConnectionStore(fake.adapter, { retry: false, refreshOnFocus: true, focusThrottleMs: 0 });
    const release = store.retain();
    const onFocus = listenerFor(windowAdds, 'focus');
    const onOnline = listenerFor(windowAdds, 'online');
    expect(windowRemoves).not.toHaveBeenCalledWith('focus', expect.anything());

    release();
    expect(listenerFor(windowRemoves, 'focus')).toBe(onFocus);
    expect(listenerFor(windowRemoves, 'online')).toBe(onOnline);

    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    expect(fake.adapter.listConnections).toHaveBeenCalledTimes(1);
  });

  it('ignores a push that arrives anyway', async () => {
    let late: ((c: unknown) => void) | undefined;
    fake.adapter.subscribe = vi.fn((listener) => {
      late = listener as (c: unknown) => void;
      return () => {};
    });
    const store = createConnectionStore(fake.adapter, { retry: false, refreshOnFocus: false });
    store.retain()();
    const before = store.getState();
    late?.(makeConnection({ id: 'ghost' }));
    expect(store.getState()).toBe(before);
  });
});

describe('given no adapter at all', () => {
  it('throws a sentence naming ConnectionsProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(rendering(() => renderHook(() => useConnections()))).toThrow(/<ConnectionsProvider adapter=/);
  });
});

describe('given the hook inside a provider', () => {
  it('uses the provider adapter and exposes the store actions', async () => {
    const wrapper = ({ children }: { children: React.ReactNode }) => (
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false}>
        {children}
      </ConnectionsProvider>
    );
    const hook = renderHook(() => useConnections(), { wrapper });
    const result: UseConnectionsResult = hook.result.current;
    expect(result.status).toBe('loading');
    expect(result.error).toBeNull();
    expect(result.getFlow('anything')).toEqual({ phase: 'idle' });

    let refreshed = false;
    act(() => {
      void result.refresh().then(() => {
        refreshed = true;
      });
    });
    fake.list(1).answer.resolve([makeConnection({ id: 'a' })]);
    await settle();
    expect(refreshed).toBe(true);
    expect(hook.result.current.status).toBe('ready');
    hook.unmount();
  });
});

describe('given a login-form connection from the in-memory adapter', () => {
  it('shows the refused login, then reconnects with the right password', async () => {
    const adapter = createMemoryAdapter({ backfillStepMs: 0 });
    const hook = renderHook(() => useConnections({ adapter, retry: false, refreshOnFocus: false }));
    // Its answers come on a zero-delay timer.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    const id = 'd365-onprem';
    expect(hook.result.current.connections.find((c) => c.id === id)?.status).toBe('authorization_required');

    let refused: unknown;
    await act(async () => {
      const done = hook.result.current.reauthorize(id, { credentials: { username: 'ana', password: 'wrong' } });
      await vi.advanceTimersByTimeAsync(0);
      refused = await done.catch((e: unknown) => e);
    });
    expect(refused).toMatchObject({ code: 'invalid_credentials', retryable: false });
    expect(hook.result.current.getFlow(id)).toMatchObject({ phase: 'failed', method: 'credentials' });
    expect(hook.result.current.connections.find((c) => c.id === id)?.status).toBe('authorization_required');

    let phaseWhileWaiting = '';
    await act(async () => {
      const done = hook.result.current.reauthorize(id, { credentials: { username: 'ana', password: 'right one' } });
      phaseWhileWaiting = getConnectionStore(adapter).getFlow(id).phase;
      await vi.advanceTimersByTimeAsync(0);
      await done;
    });
    expect(phaseWhileWaiting).toBe('completing');
    expect(hook.result.current.getFlow(id).phase).toBe('succeeded');
    expect(hook.result.current.connections.find((c) => c.id === id)?.status).not.toBe('authorization_required');
    hook.unmount();
  });
});

describe('given development StrictMode, which mounts every effect twice', () => {
  it('ends with one live request whose answer is shown', async () => {
    const hook = renderHook(() => useConnections({ adapter: fake.adapter, retry: false, refreshOnFocus: false }), {
      wrapper: React.StrictMode,
    });
    const live = fake.lists.filter((call) => !call.signal.aborted);
    expect(live).toHaveLength(1);
    expect(fake.isSubscribed()).toBe(true);

    live[0]!.answer.resolve([makeConnection({ id: 'a', accountName: 'Strict' })]);
    await settle();
    expect(hook.result.current).toMatchObject({ status: 'ready', isRefreshing: false });
    expect(hook.result.current.connections.map((c) => c.accountName)).toEqual(['Strict']);
    hook.unmount();
  });
});

describe('given the provider switches to another adapter', () => {
  it('lets go of the first one and shows the connections of the second', async () => {
    const other = createFakeAdapter();
    const view = render(
      <ConnectionsProvider adapter={fake.adapter} retry={false} refreshOnFocus={false}>
        <Names label="list" />
      </ConnectionsProvider>,
    );
    view.rerender(
      <ConnectionsProvider adapter={other.adapter} retry={false} refreshOnFocus={false}>
        <Names label="list" />
      </ConnectionsProvider>,
    );
    expect(fake.list(0).signal.aborted).toBe(true);
    expect(fake.isSubscribed()).toBe(false);
    other.list(0).answer.resolve([makeConnection({ id: 'x', accountName: 'Second backend' })]);
    fake.list(0).answer.resolve([makeConnection({ id: 'y', accountName: 'First backend' })]);
    await settle();
    expect(screen.getByTestId('list').textContent).toBe('ready: Second backend');
    view.unmount();
  });
});
