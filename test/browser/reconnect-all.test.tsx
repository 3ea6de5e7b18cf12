import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ConnectionList } from '../../src/components/connection-list';
import { createMemoryAdapter } from '../../src/core/memory-adapter';
import type { MemoryAdapter } from '../../src/core/memory-adapter';
import type { Connection } from '../../src/core/types';
import { ConnectionsProvider } from '../../src/react/context';
import '../../src/styles.css';

/* -------------------------------------------------------------------------------------------------
 * "Reconnect all" in Chromium: each lapsed connection's sign-in window is a real popup, opened by
 * its own click on the queue's Reconnect, showing the memory adapter's blob: sign-in page. Allow
 * hands the answer back and the queue moves on by itself; Skip moves on without it.
 * -----------------------------------------------------------------------------------------------*/

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Four lapsed OAuth connections, the longest lapsed first in each group. */
function lapsed(): Connection[] {
  return [
    { id: 'gads-search', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', accountId: '123-456-7890', status: 'authorization_required', statusSince: ago(76 * HOUR), autoTagging: true },
    { id: 'linkedin-b2b', provider: 'linkedin_ads', category: 'advertising', accountName: 'Acme B2B', accountId: '508812', status: 'authorization_required', statusSince: ago(30 * HOUR) },
    { id: 'meta-retargeting', provider: 'meta_ads', category: 'advertising', accountName: 'Acme Retargeting', accountId: 'act_5550142', status: 'authorization_required', statusSince: ago(5 * HOUR) },
    { id: 'sfdc-prod', provider: 'salesforce', category: 'crm', accountName: 'Acme Production', accountId: '00D5e000000AbCd', status: 'authorization_required', statusSince: ago(49 * HOUR) },
    { id: 'gads-brand', provider: 'google_ads', category: 'advertising', accountName: 'Acme Brand', accountId: '234-567-8901', status: 'connected', statusSince: ago(900 * HOUR) },
  ];
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Keeps every real window the flows open (same origin: the test can click in them). */
function watchPopups(): (Window | null)[] {
  const popups: (Window | null)[] = [];
  const open = window.open.bind(window);
  vi.spyOn(window, 'open').mockImplementation((...args) => {
    const popup = open(...args);
    popups.push(popup);
    return popup;
  });
  return popups;
}

function renderScreen(): MemoryAdapter {
  const adapter = createMemoryAdapter({ connections: lapsed(), backfillStepMs: 0 });
  render(
    <ConnectionsProvider adapter={adapter} onError={() => {}}>
      <h1>Connections</h1>
      <ConnectionList />
    </ConnectionsProvider>,
  );
  return adapter;
}

/** Clicks `label` in the sign-in page once its script has run. */
async function clickInPopup(popup: Window | null | undefined, label: string) {
  await expect
    .poll(
      () => {
        try {
          const document = popup?.document;
          if (!document || popup!.location.protocol !== 'blob:' || document.readyState !== 'complete' || document.title === 'Sign in') return null;
          return [...document.querySelectorAll('button')].find((b) => b.textContent === label) ?? null;
        } catch {
          return null;
        }
      },
    )
    .not.toBeNull();
  [...popup!.document.querySelectorAll('button')].find((b) => b.textContent === label)!.click();
}

describe('given four lapsed connections in a real browser', () => {
  it('reconnects three through their own windows, one click each, skips one, and sums up', async () => {
    const popups = watchPopups();
    const adapter = renderScreen();

    await userEvent.click(page.getByRole('button', { name: 'Reconnect all (4)' }));
    const dialog = page.getByRole('dialog', { name: 'Reconnect all' });
    await expect.element(dialog).toBeVisible();
    const step = dialog.element().querySelector(':scope > p[role="status"]')!;
    const reconnect = dialog.getByRole('button', { name: 'Reconnect', exact: true });

    // The adapter's order: Acme Search, Acme B2B, Acme Retargeting, then Acme Production.
    const steps: [string, 'reconnect' | 'skip'][] = [
      ['1 of 4 · Google Ads — Acme Search', 'reconnect'],
      ['2 of 4 · LinkedIn Ads — Acme B2B', 'skip'],
      ['3 of 4 · Meta Ads — Acme Retargeting', 'reconnect'],
      ['4 of 4 · Salesforce — Acme Production', 'reconnect'],
    ];
    let windows = 0;
    for (const [text, action] of steps) {
      await expect.element(dialog).toHaveTextContent(text);
      expect(step).toHaveTextContent(text);
      // Each step's Reconnect has focus, and no window opened before its click.
      await expect.element(reconnect).toHaveFocus();
      expect(popups).toHaveLength(windows);
      if (action === 'skip') {
        await userEvent.click(dialog.getByRole('button', { name: 'Skip' }));
        continue;
      }
      await userEvent.click(reconnect);
      windows += 1;
      expect(popups).toHaveLength(windows);
      // Not blocked: opened inside a real click.
      expect(popups[windows - 1]).not.toBeNull();
      await expect.poll(() => popups[windows - 1]?.location.href).toMatch(new RegExp(`^blob:${location.origin}/`));
      await clickInPopup(popups[windows - 1], 'Allow');
      await expect.poll(() => popups[windows - 1]?.closed).toBe(true);
    }

    await expect.element(dialog).toHaveTextContent('3 reconnected, 1 skipped.');
    expect(step).toHaveTextContent(/^3 reconnected, 1 skipped\.$/);
    await expect.element(dialog.getByRole('button', { name: 'Done' })).toHaveFocus();
    expect(popups).toHaveLength(3);
    expect(adapter.snapshot().map((c) => `${c.id}: ${c.status}`)).toEqual([
      'gads-search: connected',
      'linkedin-b2b: authorization_required',
      'meta-retargeting: connected',
      // A CRM catches up on what it missed, then works: either way it is reconnected.
      expect.stringMatching(/^sfdc-prod: (backfilling|connected)$/),
      'gads-brand: connected',
    ]);

    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await expect.element(dialog).not.toBeInTheDocument();
    // One left to reconnect: no "Reconnect all"; focus lands on the list.
    await expect.element(page.getByRole('button', { name: /^Reconnect all/ })).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Reconnect LinkedIn Ads — Acme B2B' })).toBeVisible();
    await expect.poll(() => document.activeElement?.classList.contains('rca-connection-list')).toBe(true);
  });

  it('closes the waiting window when the user skips, and opens the next only from its own click', async () => {
    const popups = watchPopups();
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reconnect all (4)' }));
    const dialog = page.getByRole('dialog', { name: 'Reconnect all' });
    await userEvent.click(dialog.getByRole('button', { name: 'Reconnect', exact: true }));
    await expect.poll(() => popups[0]?.location.href).toMatch(/^blob:/);
    await expect.element(dialog.getByRole('button', { name: 'Reopen window' })).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Skip' }));
    await expect.poll(() => popups[0]?.closed).toBe(true);
    await expect.element(dialog).toHaveTextContent('2 of 4 · LinkedIn Ads — Acme B2B');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(popups).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Reconnect all (4)' })).toHaveFocus();
  });
});
