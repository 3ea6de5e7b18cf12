// @vitest-environment node
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectionList, ConnectionListItem, ReauthorizeButton } from '../../../src/components/connection-list';
import { KeyIcon } from '../../../src/components/icons';
import { ReauthorizeDialog } from '../../../src/components/reauthorize-dialog';
import { StatusBadge } from '../../../src/components/status-badge';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { es } from '../../../src/locales/es';
import { ConnectionsProvider } from '../../../src/react/context';
import { googleSearch, sample } from './harness';

describe('given a server without window', () => {
  it('has no window to touch', () => {
    expect(typeof window).toBe('undefined');
  });

  it('renders the badge and the key', () => {
    const html = renderToString(
      <>
        <StatusBadge status="authorization_required" since={googleSearch.statusSince} />
        <KeyIcon />
      </>,
    );
    expect(html).toContain('data-status="authorization_required"');
    expect(html).toContain('Authorization required');
  });

  it('renders the list from props, rows and Reconnect buttons included', () => {
    const html = renderToString(<ConnectionList connections={sample} onReauthorize={() => {}} />);
    expect(html).toContain('Acme Search');
    expect(html).toContain('aria-label="Reconnect Google Ads — Acme Search"');
    expect(html).toContain('4 connections need reconnecting.');
    // Nothing that depends on the clock: the browser adds it once hydrated.
    expect(html).not.toMatch(/Last synced|For \d/);
    expect(renderToString(<ConnectionListItem connection={googleSearch} />)).toContain('rca-connection-item');
    expect(renderToString(<ReauthorizeButton connection={googleSearch} />)).toContain('rca-reauthorize-button');
  });

  it('renders the list inside a provider as loading', () => {
    const html = renderToString(
      <ConnectionsProvider adapter={createMemoryAdapter()} messages={es}>
        <ConnectionList />
      </ConnectionsProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Cargando conexiones…');
  });

  it('renders the dialog, open or closed, without throwing', () => {
    const adapter = createMemoryAdapter();
    for (const open of [true, false]) {
      const html = renderToString(
        <ConnectionsProvider adapter={adapter}>
          <ReauthorizeDialog connection={googleSearch} open={open}>
            <ReauthorizeDialog.Trigger>Fix</ReauthorizeDialog.Trigger>
          </ReauthorizeDialog>
        </ConnectionsProvider>,
      );
      expect(html).toContain('Fix');
    }
  });

  it('renders every part of the dialog placed outside its portal, as a custom layout may', () => {
    const parts = (
      <>
        <ReauthorizeDialog.Title />
        <ReauthorizeDialog.Description />
        <ReauthorizeDialog.Impact />
        <ReauthorizeDialog.Status />
        <ReauthorizeDialog.Form>
          <ReauthorizeDialog.Actions />
        </ReauthorizeDialog.Form>
      </>
    );
    const oauth = renderToString(
      <ConnectionsProvider adapter={createMemoryAdapter()}>
        <ReauthorizeDialog.Root connection={googleSearch} open>
          {parts}
        </ReauthorizeDialog.Root>
      </ConnectionsProvider>,
    );
    expect(oauth).toContain('Reconnect Google Ads — Acme Search');
    expect(oauth).toContain('Stopped:');
    expect(oauth).toContain('rca-dialog-impact');
    expect(oauth).toContain('You’ll sign in to Google Ads in a new window.');
    expect(oauth).toMatch(/<button type="button" class="rca-button" data-variant="primary">Reconnect<\/button>/);
    expect(oauth).not.toContain('<form');

    const credentials = renderToString(
      <ConnectionsProvider adapter={createMemoryAdapter()}>
        <ReauthorizeDialog.Root connection={{ ...googleSearch, authMethod: 'credentials' }} open>
          {parts}
        </ReauthorizeDialog.Root>
      </ConnectionsProvider>,
    );
    expect(credentials).toContain('<form');
    expect(credentials).toContain('method="post"');
    expect(credentials).toContain('type="password"');
    // The submit button inside the form, so Enter submits it.
    expect(credentials).toMatch(/<form[^>]*>.*<button type="submit"[^>]*>Reconnect<\/button>.*<\/form>/);
  });
});
