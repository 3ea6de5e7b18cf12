import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ConnectionList } from '../../src/components/connection-list';
import { createMemoryAdapter } from '../../src/core/memory-adapter';
import { ConnectionsProvider } from '../../src/react/context';
import '../../src/styles.css';

/* -------------------------------------------------------------------------------------------------
 * The whole journey in Chromium: the list loads, the red key opens the dialog, a real popup shows
 * the memory adapter's simulated sign-in page, and Allow hands the answer back. The row turns
 * connected, the change is announced, and focus returns.
 * -----------------------------------------------------------------------------------------------*/

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Keeps a handle on the real sign-in window the flow opens (same origin, so the test can click in it). */
function watchPopups(): { current: Window | null } {
  const popup = { current: null as Window | null };
  const open = window.open.bind(window);
  vi.spyOn(window, 'open').mockImplementation((...args) => (popup.current = open(...args)));
  return popup;
}

function renderScreen(options: { locale?: string } = {}) {
  const adapter = createMemoryAdapter({ backfillStepMs: 0 });
  render(
    <ConnectionsProvider adapter={adapter} locale={options.locale} onError={() => {}}>
      <h1>Connections</h1>
      <ConnectionList />
    </ConnectionsProvider>,
  );
  return adapter;
}

async function clickInPopup(popup: { current: Window | null }, label: string) {
  await expect
    .poll(() => {
      try {
        const document = popup.current?.document;
        // While the page is still being parsed its buttons exist before its script has given them
        // their handlers: a click then does nothing.
        if (!document || document.readyState === 'loading') return null;
        return [...document.querySelectorAll('button')].find((b) => b.textContent === label && !b.disabled) ?? null;
      } catch {
        return null;
      }
    }, { timeout: 10_000 })
    .not.toBeNull();
  [...popup.current!.document.querySelectorAll('button')].find((b) => b.textContent === label)!.click();
}

describe('given a lapsed Google Ads account in a real browser', () => {
  it('is reauthorized through the platform window, announced, and focus comes back', async () => {
    const popup = watchPopups();
    renderScreen();

    const key = page.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' });
    await expect.element(key).toBeVisible();
    await userEvent.click(key);

    const dialog = page.getByRole('dialog', { name: 'Reauthorize Google Ads' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent('this gap is permanent');

    await userEvent.click(page.getByRole('button', { name: 'Sign in to Google Ads' }));
    await expect.element(dialog).toHaveAttribute('data-stage', 'waiting');
    expect(popup.current).not.toBeNull();

    await clickInPopup(popup, 'Allow');

    await expect.element(dialog, { timeout: 10_000 }).toHaveAttribute('data-stage', 'succeeded');
    await expect.element(dialog).toHaveTextContent('Google Ads is connected again.');
    await expect.poll(() => popup.current?.closed, { timeout: 5_000 }).toBe(true);

    const lapsedRow = [...document.querySelectorAll<HTMLElement>('.rca-connection-item')].find((li) => li.textContent?.includes('Acme Search'))!;
    expect(lapsedRow).toHaveAttribute('data-status', 'connected');
    expect(lapsedRow.querySelector('.rca-reauthorize-button')).toBeNull();
    // Said once, by the open dialog's status; the list's live region keeps quiet about it.
    expect(document.querySelector('.rca-connection-list > [role="status"]')).toHaveTextContent(/^$/);

    await userEvent.click(page.getByRole('button', { name: 'Done' }));
    await expect.element(dialog).not.toBeInTheDocument();
    // Its red key is gone with the lapse, so focus lands on the row itself.
    await expect.poll(() => document.activeElement).toBe(lapsedRow);
  });

  it('shows a declined sign-in as cancelled, in Spanish, and gives focus back to the key on Escape', async () => {
    const popup = watchPopups();
    renderScreen({ locale: 'es' });

    await userEvent.click(page.getByRole('button', { name: 'Volver a autorizar Salesforce — Acme Production' }));
    const dialog = page.getByRole('dialog', { name: 'Volver a autorizar Salesforce' });
    await userEvent.click(page.getByRole('button', { name: 'Iniciar sesión en Salesforce' }));
    await clickInPopup(popup, 'Deny');
    await expect.element(dialog, { timeout: 10_000 }).toHaveAttribute('data-stage', 'cancelled');
    await expect.element(dialog).toHaveTextContent('Se canceló la reautorización.');

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Volver a autorizar Salesforce — Acme Production' })).toHaveFocus();
    popup.current?.close();
  });

  it('ends the flow and closes the window when the user cancels while waiting', async () => {
    const popup = watchPopups();
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reauthorize Google Ads — Acme Search' }));
    await userEvent.click(page.getByRole('button', { name: 'Sign in to Google Ads' }));
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveAttribute('data-stage', 'waiting');
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    await expect.element(dialog).toHaveAttribute('data-stage', 'cancelled');
    await expect.poll(() => popup.current?.closed).toBe(true);
  });

  it('signs in with the login form on Enter, clears it, and backfills the CRM', async () => {
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reauthorize Microsoft Dynamics 365 — Acme On-Premises' }));
    const dialog = page.getByRole('dialog', { name: 'Reauthorize Microsoft Dynamics 365' });
    await expect.element(dialog).toHaveTextContent('the data missed meanwhile is sent to your CRM');
    const username = page.getByLabelText('Username').element() as HTMLInputElement;
    const password = page.getByLabelText('Password').element() as HTMLInputElement;
    await userEvent.type(username, 'ana@acme.example');
    await userEvent.type(password, 'correct horse');
    await userEvent.keyboard('{Enter}');
    // The very fields that were sent are emptied by the submit, whatever the adapter answers.
    expect(username.value).toBe('');
    expect(password.value).toBe('');
    await expect.element(dialog).toHaveAttribute('data-stage', 'succeeded');
    await expect.element(dialog).toHaveTextContent('Backfilling data missed since');
    await expect.element(page.getByLabelText('Password')).not.toBeInTheDocument();
    await expect
      .poll(() => [...document.querySelectorAll('.rca-connection-item')].find((li) => li.textContent?.includes('Acme On-Premises'))?.getAttribute('data-status'))
      .toBe('connected');
  });

  it('keeps the form empty after a refused password', async () => {
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reauthorize Microsoft Dynamics 365 — Acme On-Premises' }));
    const dialog = page.getByRole('dialog');
    const username = page.getByLabelText('Username').element() as HTMLInputElement;
    const password = page.getByLabelText('Password').element() as HTMLInputElement;
    await userEvent.type(username, 'ana@acme.example');
    await userEvent.type(password, 'wrong');
    await userEvent.click(page.getByRole('button', { name: 'Sign in to Microsoft Dynamics 365' }));
    expect(username.value).toBe('');
    expect(password.value).toBe('');
    await expect.element(dialog).toHaveAttribute('data-stage', 'failed');
    await expect.element(dialog).toHaveTextContent('The username or password was not accepted.');
    await expect.element(page.getByLabelText('Username')).toHaveValue('');
    await expect.element(page.getByLabelText('Password')).toHaveValue('');
  });
});
