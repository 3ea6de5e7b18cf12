import { act, screen } from '@testing-library/react';
import * as React from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { StatusBadge } from '../../../src/components/status-badge';
import { getConnectionStore } from '../../../src/core/store';
import { useConnections } from '../../../src/react/use-connections';
import { Provider, createFakeAdapter, googleSearch } from './harness';

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

/* Durations and "last synced" depend on the clock and the time zone, which differ between the
 * server that rendered the page and the browser that hydrates it (a cached page, a server in
 * UTC): they are left out of the server's HTML and added once the page has hydrated. */
describe('given connections rendered on the server a minute before the page hydrates', () => {
  const since = '2026-03-10T11:59:30Z';
  const lapsed = { ...googleSearch, statusSince: since, lastSyncedAt: since, status: 'backfilling' as const, backfill: { since, progress: 0.5 } };

  it('hydrates a list from props without a mismatch, then shows how long and when', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-10T12:00:00Z'), toFake: ['Date'] });
    const page = <ConnectionList connections={[lapsed]} />;
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    expect(container.textContent).toContain('Acme Search');
    expect(container.textContent).not.toMatch(/synced|Sending data|For /);
    expect(container.querySelector('progress')).toBeNull();

    vi.setSystemTime(Date.parse('2026-03-10T12:01:00Z'));
    const onRecoverableError = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, page, { onRecoverableError });
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(container.textContent).toContain('For 1 minute');
    expect(container.textContent).toContain('Last synced 1 minute ago');
    expect(screen.getByRole('progressbar')).toBeTruthy();
    act(() => root!.unmount());
    consoleError.mockRestore();
    vi.useRealTimers();
  });

  it('hydrates a badge with a duration without a mismatch', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-10T12:00:00Z'), toFake: ['Date'] });
    const page = <StatusBadge status="authorization_required" since={since} />;
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    expect(container.textContent).toBe('Authorization required');

    vi.setSystemTime(Date.parse('2026-03-10T12:01:00Z'));
    const onRecoverableError = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, page, { onRecoverableError });
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.textContent).toBe('Authorization required for 1 minute');
    act(() => root!.unmount());
    vi.useRealTimers();
  });
});

describe('given a dialog part rendered on the server a day before the page hydrates', () => {
  it('hydrates what stopped without a mismatch, then says since when', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-10T12:00:00Z'), toFake: ['Date'] });
    const page = (
      <ReauthorizeDialog.Root connection={googleSearch}>
        <ReauthorizeDialog.Impact />
      </ReauthorizeDialog.Root>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Provider adapter={createFakeAdapter().adapter}>{page}</Provider>);
    document.body.append(container);
    expect(container.textContent).toMatch(/^Stopped:/);

    vi.setSystemTime(Date.parse('2026-03-11T12:00:00Z'));
    const onRecoverableError = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, <Provider adapter={createFakeAdapter().adapter}>{page}</Provider>, { onRecoverableError });
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.textContent).toMatch(/^Stopped 4 days ago:/);
    act(() => root!.unmount());
    vi.useRealTimers();
  });
});

describe('given a login form rendered on the server', () => {
  it('is a form that posts, so a login typed before the page hydrates never lands in an address, and hydrates without a mismatch', async () => {
    const connection = { ...googleSearch, authMethod: 'credentials' as const };
    const adapter = createFakeAdapter().adapter;
    const page = (
      <Provider adapter={adapter}>
        <ReauthorizeDialog.Root connection={connection} open>
          <ReauthorizeDialog.Form>
            <ReauthorizeDialog.Actions />
          </ReauthorizeDialog.Form>
        </ReauthorizeDialog.Root>
      </Provider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    const form = container.querySelector('form')!;
    expect(form).toHaveAttribute('method', 'post');
    expect(form.querySelector('button[type="submit"]')).not.toBeNull();

    const onRecoverableError = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, page, { onRecoverableError });
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.querySelector('form')).toBe(form);
    act(() => root!.unmount());
  });
});
