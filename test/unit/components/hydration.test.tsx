import { act, screen } from '@testing-library/react';
import * as React from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { getConnectionStore } from '../../../src/core/store';
import { useConnections } from '../../../src/react/use-connections';
import { Provider, createFakeAdapter } from './harness';

/* A streamed page hydrates in parts: by the time one part hydrates, another may already have
 * loaded the list. Hydration must still match the server's HTML (the loading state). */

afterEach(() => {
  document.body.replaceChildren();
});

function Count() {
  const { status, connections } = useConnections();
  return <p>{`${status}: ${connections.length}`}</p>;
}

describe('given a list loaded before this part of the page hydrates', () => {
  it('hydrates from the loading state the server rendered, then shows the list', async () => {
    const fake = createFakeAdapter();
    const page = (
      <Provider adapter={fake.adapter}>
        <Count />
        <ConnectionList />
      </Provider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    expect(container.textContent).toContain('loading: 0');

    // Another part of the page already loaded the list.
    const store = getConnectionStore(fake.adapter);
    const release = store.retain();
    await act(async () => {
      await store.refresh();
    });
    expect(store.getState().status).toBe('ready');

    const onRecoverableError = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, page, { onRecoverableError });
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.textContent).toMatch(/ready: \d+/);
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
    act(() => root!.unmount());
    release();
  });
});
