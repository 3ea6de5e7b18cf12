import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ConnectionList } from '../../src/components/connection-list';
import { createMemoryAdapter } from '../../src/core/memory-adapter';
import type { Messages } from '../../src/i18n/en';
import { es } from '../../src/locales/es';
import { ConnectionsProvider } from '../../src/react/context';
import '../../src/styles.css';

/* -------------------------------------------------------------------------------------------------
 * The whole journey in Chromium: the list loads, a row's "Reconnect" opens the dialog, a real
 * popup shows the memory adapter's sign-in page (a blob: of the app), and Allow hands the answer
 * back. The row turns connected, the change is said, and focus returns.
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

function renderScreen(options: { messages?: Messages } = {}) {
  const adapter = createMemoryAdapter({ backfillStepMs: 0 });
  render(
    <ConnectionsProvider adapter={adapter} messages={options.messages} onError={() => {}}>
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
    })
    .not.toBeNull();
  [...popup.current!.document.querySelectorAll('button')].find((b) => b.textContent === label)!.click();
}

describe('given a lapsed Google Ads account in a real browser', () => {
  it('is reconnected through the platform window, said by the dialog, and focus comes back', async () => {
    const popup = watchPopups();
    renderScreen();

    const reconnect = page.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' });
    await expect.element(reconnect).toBeVisible();
    await expect.element(reconnect).toHaveTextContent(/^Reconnect$/);
    await userEvent.click(reconnect);

    const dialog = page.getByRole('dialog', { name: 'Reconnect Google Ads — Acme Search' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent('Touchpoints from new ads can’t be tagged later.');

    await userEvent.click(dialog.getByRole('button', { name: 'Reconnect', exact: true }));
    await expect.element(dialog).toHaveAttribute('data-stage', 'waiting');
    expect(popup.current).not.toBeNull();
    // The memory adapter's sign-in page: a blob: of the app's own origin, so the app serves no file.
    await expect.poll(() => popup.current?.location.href).toMatch(new RegExp(`^blob:${location.origin}/`));

    await clickInPopup(popup, 'Allow');

    await expect.element(dialog).toHaveAttribute('data-stage', 'succeeded');
    await expect.element(dialog).toHaveTextContent('Google Ads is reconnected.');
    await expect.poll(() => popup.current?.closed).toBe(true);

    const lapsedRow = [...document.querySelectorAll<HTMLElement>('.rca-connection-item')].find((li) => li.textContent?.includes('Acme Search'))!;
    expect(lapsedRow).toHaveAttribute('data-status', 'connected');
    expect(lapsedRow.querySelector('.rca-status-badge')).toHaveTextContent('Connected');
    expect(lapsedRow.querySelector('.rca-reauthorize-button')).toBeNull();
    // The dialog says it (a polite status). The page behind it is hidden from assistive
    // technology while the dialog is open, so the list's own live region is not heard.
    expect(dialog.getByRole('status').element()).toHaveTextContent('Google Ads is reconnected.');
    const listRegion = document.querySelector('.rca-connection-list > [role="status"]')!;
    expect(listRegion.closest('[aria-hidden="true"]')).not.toBeNull();

    await userEvent.click(page.getByRole('button', { name: 'Done' }));
    await expect.element(dialog).not.toBeInTheDocument();
    expect(listRegion.closest('[aria-hidden="true"]')).toBeNull();
    // Its "Reconnect" is gone with the lapse, so focus lands on the row itself.
    await expect.poll(() => document.activeElement).toBe(lapsedRow);
  });

  it('shows a declined sign-in as cancelled, in Spanish, and gives focus back to "Reconectar" on Escape', async () => {
    const popup = watchPopups();
    renderScreen({ messages: es });

    await userEvent.click(page.getByRole('button', { name: 'Reconectar Salesforce — Acme Production' }));
    const dialog = page.getByRole('dialog', { name: 'Reconectar Salesforce — Acme Production' });
    await expect.element(dialog).toHaveTextContent('No se pierde nada.');
    await userEvent.click(dialog.getByRole('button', { name: 'Reconectar', exact: true }));
    await clickInPopup(popup, 'Deny');
    await expect.element(dialog).toHaveAttribute('data-stage', 'cancelled');
    await expect.element(dialog).toHaveTextContent('No se ha cambiado nada. Puedes volver a intentarlo cuando quieras.');
    await expect.element(dialog.getByRole('button', { name: 'Reintentar' })).toBeVisible();

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Reconectar Salesforce — Acme Production' })).toHaveFocus();
    popup.current?.close();
  });

  it('ends the flow and closes the window when the user cancels while waiting', async () => {
    const popup = watchPopups();
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reconnect Google Ads — Acme Search' }));
    const dialog = page.getByRole('dialog');
    await userEvent.click(dialog.getByRole('button', { name: 'Reconnect', exact: true }));
    await expect.element(dialog).toHaveAttribute('data-stage', 'waiting');
    await expect.element(dialog).toHaveTextContent('Finish signing in to Google Ads in the new window.');
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect.element(dialog).toHaveAttribute('data-stage', 'cancelled');
    await expect.element(dialog).toHaveTextContent('Nothing was changed.');
    await expect.poll(() => popup.current?.closed).toBe(true);
  });

  it('signs in with the login form on Enter, clears the password, and backfills the CRM', async () => {
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reconnect Microsoft Dynamics 365 — Acme On-Premises' }));
    const dialog = page.getByRole('dialog', { name: 'Reconnect Microsoft Dynamics 365 — Acme On-Premises' });
    await expect.element(dialog).toHaveTextContent('Nothing is lost. Missed data goes to your CRM once you reconnect.');
    const username = page.getByLabelText('Username').element() as HTMLInputElement;
    const password = page.getByLabelText('Password').element() as HTMLInputElement;
    await userEvent.type(username, 'ana@acme.example');
    await userEvent.type(password, 'correct horse');
    await userEvent.keyboard('{Enter}');
    // The submit empties the password at once, whatever the adapter answers; the username stays.
    expect(password.value).toBe('');
    expect(username.value).toBe('ana@acme.example');
    await expect.element(dialog).toHaveAttribute('data-stage', 'succeeded');
    await expect.element(dialog).toHaveTextContent(/Data missed since .+ is on its way to your CRM\./);
    await expect.element(page.getByLabelText('Password')).not.toBeInTheDocument();
    await expect
      .poll(() => [...document.querySelectorAll('.rca-connection-item')].find((li) => li.textContent?.includes('Acme On-Premises'))?.getAttribute('data-status'))
      .toBe('connected');
  });

  it('keeps the username after a refused password, marks both fields and asks for the password again', async () => {
    renderScreen();
    await userEvent.click(page.getByRole('button', { name: 'Reconnect Microsoft Dynamics 365 — Acme On-Premises' }));
    const dialog = page.getByRole('dialog');
    const username = page.getByLabelText('Username').element() as HTMLInputElement;
    const password = page.getByLabelText('Password').element() as HTMLInputElement;
    await userEvent.type(username, 'ana@acme.example');
    await userEvent.type(password, 'wrong');
    // The dialog's one primary action submits the form.
    await userEvent.click(dialog.getByRole('button', { name: 'Reconnect', exact: true }));
    expect(password.value).toBe('');
    await expect.element(dialog).toHaveAttribute('data-stage', 'failed');
    await expect.element(dialog).toHaveTextContent('The username or password was not accepted. Check them and try again.');
    await expect.element(page.getByLabelText('Username')).toHaveValue('ana@acme.example');
    await expect.element(page.getByLabelText('Password')).toHaveValue('');
    await expect.element(page.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByLabelText('Password')).toHaveFocus();

    // Typed again, the right password goes through.
    await userEvent.type(page.getByLabelText('Password'), 'correct horse');
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog).toHaveAttribute('data-stage', 'succeeded');
  });
});
