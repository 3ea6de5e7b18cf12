import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { simulated } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import { SEARCH, createFakeAdapter, createStore, postResult, stubWindowOpen, until } from './harness';

/* -------------------------------------------------------------------------------------------------
 * A blob: sign-in page: the store opens the memory adapter's, of the app's own origin, and no
 * other adapter's (SPEC §8 2)
 * -----------------------------------------------------------------------------------------------*/

/** What a browser's `URL.createObjectURL` gives on this page: a blob: URL of its own origin. */
const BLOB = `blob:${location.origin}/4f1c2a9e-0000-4000-8000-000000000002`;

let windows: ReturnType<typeof stubWindowOpen>;
let store: ConnectionStore | undefined;
let release = () => {};

beforeAll(() => {
  // The memory adapter makes its page once, on its first flow in this file: as a browser would.
  vi.spyOn(URL, 'createObjectURL').mockReturnValue(BLOB);
});

beforeEach(() => {
  windows = stubWindowOpen();
});

afterEach(() => {
  release();
  store = undefined;
  vi.restoreAllMocks();
});

describe('given the in-memory adapter', () => {
  it('opens its blob: page and completes the flow with the page’s answer', async () => {
    const adapter = createMemoryAdapter();
    ({ store, release } = await createStore(adapter));

    const done = store.reauthorize('gads-search');
    await until(() => windows.last.location.replace.mock.calls.length > 0);

    const url = String(windows.last.location.replace.mock.calls[0]![0]);
    expect(url.startsWith(`${BLOB}#`)).toBe(true);
    const state = new URLSearchParams(url.split('#')[1]).get('state')!;
    postResult({ state, code: 'code-1', params: { state, code: 'code-1', account_id: '123-456-7890' } });
    await expect(done).resolves.toMatchObject({ id: 'gads-search', status: 'connected' });
  });

  it('refuses the same page from a copy of it, which the store does not know', async () => {
    const adapter = { ...createMemoryAdapter() };
    ({ store, release } = await createStore(adapter));

    await expect(store.reauthorize('gads-search')).rejects.toMatchObject({ code: 'invalid_authorization_url' });
    expect(windows.last.location.replace).not.toHaveBeenCalled();
    expect(windows.last.close).toHaveBeenCalled();
  });
});

describe('given any other adapter', () => {
  it('refuses a blob: URL of the app’s own origin with invalid_authorization_url, and closes the window', async () => {
    const fake = createFakeAdapter();
    ({ store, release } = await createStore(fake.adapter));

    const done = store.reauthorize(SEARCH.id);
    fake.starts[0]!.answer.resolve({ url: `${BLOB}#state=state-1`, state: 'state-1' });

    await expect(done).rejects.toMatchObject({ code: 'invalid_authorization_url', retryable: false });
    expect(windows.last.location.replace).not.toHaveBeenCalled();
    expect(windows.last.close).toHaveBeenCalled();
  });

  it('refuses, even when marked as simulated, a blob: URL of another origin', async () => {
    const fake = createFakeAdapter();
    simulated.add(fake.adapter);
    ({ store, release } = await createStore(fake.adapter));

    const done = store.reauthorize(SEARCH.id);
    fake.starts[0]!.answer.resolve({ url: 'blob:https://elsewhere.example/4f1c2a9e-0000-4000-8000-000000000003#state=state-1', state: 'state-1' });

    await expect(done).rejects.toMatchObject({ code: 'invalid_authorization_url' });
    expect(windows.last.location.replace).not.toHaveBeenCalled();
  });
});
