import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionList, createSampleConnections } from '../../src';
import type { Connection } from '../../src';
import { renderBrandIcon } from '../support/brand-icons';
import { stubSignInWindow } from '../support/sign-in-window';
import type { SignInAnswer } from '../support/sign-in-window';
import { WAIT, messagesFor } from '../support/story-helpers';
import styles from './settings-page.module.css';

/* -------------------------------------------------------------------------------------------------
 * Settings › Integrations › Connections: the whole journey, on the in-memory adapter
 *
 * Google Ads, Salesforce and an on-premises Dynamics 365 have lapsed (and a LinkedIn account
 * that only an admin may reconnect). Press
 * "Reconnect", read what stopped, and sign in in the memory adapter's simulated platform window
 * (a blob: page of this Storybook): allow, deny, use another account, or close it. Dynamics 365
 * takes a login form: the password "wrong" is refused, any other is accepted. The scripted
 * stories below play each ending with a stand-in window, so they also run as tests.
 * -----------------------------------------------------------------------------------------------*/

const words = {
  en: {
    product: 'Acme Analytics',
    breadcrumb: 'Breadcrumb',
    settings: 'Settings',
    integrations: 'Integrations',
    connections: 'Connections',
    settingsNav: 'Settings sections',
    myAccount: 'My account',
    profile: 'Profile',
    users: 'Users and roles',
    webhooks: 'Webhooks',
    imports: 'Offline imports',
    intro: 'The ad platforms and CRMs this workspace reads from and writes to.',
  },
  es: {
    product: 'Acme Analytics',
    breadcrumb: 'Ruta de navegación',
    settings: 'Configuración',
    integrations: 'Integraciones',
    connections: 'Conexiones',
    settingsNav: 'Secciones de configuración',
    myAccount: 'Mi cuenta',
    profile: 'Perfil',
    users: 'Usuarios y roles',
    webhooks: 'Webhooks',
    imports: 'Importaciones sin conexión',
    intro: 'Las plataformas de publicidad y los CRM de los que este espacio de trabajo lee y en los que escribe.',
  },
};

/** The page's connections: the memory adapter's sample. */
function journeyConnections(): Connection[] {
  return createSampleConnections();
}

/** How many have lapsed, this user's to fix or not: what the summary callout counts. */
const LAPSED = journeyConnections().filter((connection) => connection.status === 'authorization_required').length;

function ConnectionsSettingsPage({ locale = 'en' }: { locale?: 'en' | 'es' }) {
  const t = words[locale] ?? words.en;
  // A real app routes these; here they only show where the screen lives.
  const here = (event: React.MouseEvent) => event.preventDefault();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className={styles.product}>{t.product}</p>
        <nav aria-label={t.breadcrumb} className={styles.breadcrumb}>
          <ol>
            <li>{t.settings}</li>
            <li>{t.integrations}</li>
            <li aria-current="page">{t.connections}</li>
          </ol>
        </nav>
      </header>
      <nav aria-label={t.settingsNav} className={styles.nav}>
        <h2>{t.myAccount}</h2>
        <ul>
          <li>
            <a href="#profile" onClick={here}>
              {t.profile}
            </a>
          </li>
          <li>
            <a href="#users" onClick={here}>
              {t.users}
            </a>
          </li>
        </ul>
        <h2>{t.integrations}</h2>
        <ul>
          <li>
            <a href="#connections" aria-current="page" onClick={here}>
              {t.connections}
            </a>
          </li>
          <li>
            <a href="#webhooks" onClick={here}>
              {t.webhooks}
            </a>
          </li>
          <li>
            <a href="#imports" onClick={here}>
              {t.imports}
            </a>
          </li>
        </ul>
      </nav>
      <main className={styles.main}>
        <h1>{t.connections}</h1>
        <p className={styles.intro}>{t.intro}</p>
        <ConnectionList renderIcon={renderBrandIcon} />
      </main>
    </div>
  );
}

const meta = {
  title: 'Pages/Settings › Integrations › Connections',
  // A plain id keeps the address readable: ?path=/story/pages-connections--journey
  id: 'pages-connections',
  component: ConnectionsSettingsPage,
  parameters: {
    layout: 'fullscreen',
    connections: { memory: { connections: journeyConnections() } },
  },
  render: (_args, context) => <ConnectionsSettingsPage locale={context.globals.locale === 'es' ? 'es' : 'en'} />,
} satisfies Meta<typeof ConnectionsSettingsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Click through it yourself: the sign-in opens the simulated platform in a real window. Use the
 * toolbar to slow the adapter down or make it fail.
 */
export const Journey: Story = {
  play: async ({ canvas, globals }) => {
    const m = messagesFor(globals);
    // "Reconnect" on each lapsed account, named after it.
    await expect(await canvas.findByRole('button', { name: m['item.reconnectLabel']('Google Ads', 'Acme Search') }, WAIT)).toBeVisible();
    await expect(canvas.getByRole('button', { name: m['item.reconnectLabel']('Salesforce', 'Acme Production') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: m['item.reconnectLabel']('Microsoft Dynamics 365', 'Acme On-Premises') })).toBeVisible();
    await expect(canvas.getByText(m['list.summary'](LAPSED))).toBeVisible();
  },
};

/** Google Ads: allow access in the platform's window; the dialog says so once and the row turns connected. */
export const AllowAccess: Story = journey({
  answer: 'allow',
  provider: 'Google Ads',
  account: 'Acme Search',
  check: async ({ context, dialog, m, row }) => {
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'), WAIT);
    await expect(within(dialog).getByText(m['flow.succeeded']('Google Ads'))).toBeInTheDocument();
    // The dialog speaks alone: the list behind it, live region included, is hidden from assistive technology.
    const said = context.canvas.queryByText(m['announce.connected']('Google Ads — Acme Search'));
    if (said) await expect(said.closest('[aria-hidden="true"]')).not.toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: m['action.done'] }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(row()).toHaveAttribute('data-status', 'connected'));
    await expect(context.canvas.getByText(m['list.summary'](LAPSED - 1))).toBeVisible();
  },
});

/** Salesforce: allow access; the org reconnects and backfills what it missed. */
export const AllowAccessToTheCrm: Story = journey({
  answer: 'allow',
  provider: 'Salesforce',
  account: 'Acme Production',
  check: async ({ dialog, row }) => {
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'), WAIT);
    await expect(dialog.querySelector('.rca-dialog-status-detail')).not.toBeNull();
    await waitFor(() => expect(row()).toHaveAttribute('data-status', 'backfilling'));
  },
});

/** Deny in the platform's window: cancelled, nothing changed, "Reconnect" is still there. */
export const DenyAccess: Story = journey({
  answer: 'deny',
  provider: 'Google Ads',
  account: 'Acme Search',
  check: async ({ dialog, m, row }) => {
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'cancelled'), WAIT);
    await expect(dialog).toHaveTextContent(m['flow.cancelled']);
    await expect(row()).toHaveAttribute('data-status', 'authorization_required');
  },
});

/** Close the platform's window: the dialog says so, offers to reopen it, and the status stays. */
export const CloseTheWindow: Story = journey({
  answer: 'close',
  provider: 'Google Ads',
  account: 'Acme Search',
  check: async ({ dialog, m, row }) => {
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'window_closed'), WAIT);
    await expect(within(dialog).getByRole('button', { name: m['action.reopen'] })).toBeVisible();
    await expect(row()).toHaveAttribute('data-status', 'authorization_required');
  },
});

/** Sign in with another account: refused, and the row is not shown as connected. */
export const AnotherAccount: Story = journey({
  answer: 'other-account',
  provider: 'Google Ads',
  account: 'Acme Search',
  check: async ({ dialog, m, row }) => {
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'wrong_account'), WAIT);
    await expect(dialog).toHaveTextContent(m['flow.wrongAccount']('Acme Search'));
    await expect(row()).toHaveAttribute('data-status', 'authorization_required');
  },
});

/**
 * Dynamics 365 on-premises takes a login form, on the in-memory adapter: the password "wrong" is
 * refused (the username stays), then the right one reconnects it and the CRM catches up.
 */
export const LogIn: Story = {
  play: async (context) => {
    const m = messagesFor(context.globals);
    const provider = 'Microsoft Dynamics 365';
    await userEvent.click(await context.canvas.findByRole('button', { name: m['item.reconnectLabel'](provider, 'Acme On-Premises') }, WAIT));
    const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
    await waitFor(() => expect(dialog).toBeVisible());
    await userEvent.type(within(dialog).getByLabelText(m['form.username']), 'admin@acme.example');
    await userEvent.type(within(dialog).getByLabelText(m['form.password']), 'wrong{Enter}');
    await waitFor(() => expect(dialog).toHaveTextContent(m['error.invalid_credentials']), WAIT);
    await expect(within(dialog).getByLabelText(m['form.username'])).toHaveValue('admin@acme.example');
    const password = within(dialog).getByLabelText(m['form.password']);
    await waitFor(() => expect(password).toHaveFocus());
    await userEvent.type(password, 'correct horse battery staple{Enter}');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'), WAIT);
    await expect(dialog).toHaveTextContent(m['flow.succeeded'](provider));
  },
};

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

interface JourneyCheck {
  context: StoryContext;
  dialog: HTMLElement;
  m: ReturnType<typeof messagesFor>;
  /** The account's row, as it is now. */
  row: () => HTMLElement | null;
}

/** Presses the account's "Reconnect", then the dialog's, with a stand-in platform window that answers `answer`. */
function journey({
  answer,
  provider,
  account,
  check,
}: {
  answer: SignInAnswer;
  provider: string;
  account: string;
  check: (journey: JourneyCheck) => Promise<void>;
}): Story {
  return {
    beforeEach: () => stubSignInWindow(answer),
    play: async (context) => {
      const m = messagesFor(context.globals);
      const button = await context.canvas.findByRole('button', { name: m['item.reconnectLabel'](provider, account) }, WAIT);
      const row = () => {
        const items = context.canvasElement.querySelectorAll<HTMLElement>('li[data-status]');
        return [...items].find((item) => item.textContent?.includes(account)) ?? null;
      };
      await userEvent.click(button);
      const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
      await waitFor(() => expect(dialog).toBeVisible());
      await userEvent.click(within(dialog).getByRole('button', { name: m['action.reconnect'] }));
      await check({ context: context as StoryContext, dialog, m, row });
    },
  };
}
