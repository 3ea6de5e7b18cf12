import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionList, createSampleConnections } from '../../src';
import type { Connection } from '../../src';
import { renderBrandIcon } from '../support/brand-icons';
import { stubSignInWindow } from '../support/sign-in-window';
import type { SignInAnswer } from '../support/sign-in-window';
import { localeOf } from '../support/locales';
import type { StoryLocale } from '../support/locales';
import { DAY, WAIT, inDays, messagesFor, secondsAgo } from '../support/story-helpers';
import styles from './settings-page.module.css';

/* -------------------------------------------------------------------------------------------------
 * Settings › Integrations › Connections: the whole journey, on the in-memory adapter
 *
 * Google Ads, Salesforce and an on-premises Dynamics 365 have lapsed, a LinkedIn account has
 * lapsed that only an admin may reconnect, and Meta's grant lapses in 5 days. Press "Reconnect",
 * read what stopped, and sign in in the memory adapter's simulated platform window (a blob: page
 * of this Storybook): allow, deny, use another account, or close it. Dynamics 365 takes a login
 * form: the password "wrong" is refused, any other is accepted. "Reconnect all (3)" walks through
 * the three, "Renew" renews Meta before it lapses, and "Ask an admin" sends LinkedIn's request.
 * The scripted stories below play each ending with a stand-in window, so they also run as tests.
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
  fr: {
    product: 'Acme Analytics',
    breadcrumb: 'Fil d’Ariane',
    settings: 'Paramètres',
    integrations: 'Intégrations',
    connections: 'Connexions',
    settingsNav: 'Sections des paramètres',
    myAccount: 'Mon compte',
    profile: 'Profil',
    users: 'Utilisateurs et rôles',
    webhooks: 'Webhooks',
    imports: 'Imports hors ligne',
    intro: 'Les plateformes publicitaires et les CRM que cet espace de travail lit et alimente.',
  },
  de: {
    product: 'Acme Analytics',
    breadcrumb: 'Navigationspfad',
    settings: 'Einstellungen',
    integrations: 'Integrationen',
    connections: 'Verbindungen',
    settingsNav: 'Bereiche der Einstellungen',
    myAccount: 'Mein Konto',
    profile: 'Profil',
    users: 'Benutzer und Rollen',
    webhooks: 'Webhooks',
    imports: 'Offline-Importe',
    intro: 'Die Werbeplattformen und CRMs, aus denen dieser Arbeitsbereich liest und in die er schreibt.',
  },
  it: {
    product: 'Acme Analytics',
    breadcrumb: 'Percorso',
    settings: 'Impostazioni',
    integrations: 'Integrazioni',
    connections: 'Connessioni',
    settingsNav: 'Sezioni delle impostazioni',
    myAccount: 'Il mio account',
    profile: 'Profilo',
    users: 'Utenti e ruoli',
    webhooks: 'Webhook',
    imports: 'Importazioni offline',
    intro: 'Le piattaforme pubblicitarie e i CRM da cui questo spazio di lavoro legge e su cui scrive.',
  },
  nl: {
    product: 'Acme Analytics',
    breadcrumb: 'Kruimelpad',
    settings: 'Instellingen',
    integrations: 'Integraties',
    connections: 'Koppelingen',
    settingsNav: 'Onderdelen van de instellingen',
    myAccount: 'Mijn account',
    profile: 'Profiel',
    users: 'Gebruikers en rollen',
    webhooks: 'Webhooks',
    imports: 'Offline imports',
    intro: 'De advertentieplatforms en CRM’s waaruit deze werkruimte leest en waarnaar ze schrijft.',
  },
  'pt-BR': {
    product: 'Acme Analytics',
    breadcrumb: 'Trilha de navegação',
    settings: 'Configurações',
    integrations: 'Integrações',
    connections: 'Conexões',
    settingsNav: 'Seções das configurações',
    myAccount: 'Minha conta',
    profile: 'Perfil',
    users: 'Usuários e funções',
    webhooks: 'Webhooks',
    imports: 'Importações offline',
    intro: 'As plataformas de anúncios e os CRMs que este espaço de trabalho lê e atualiza.',
  },
  ja: {
    product: 'Acme Analytics',
    breadcrumb: 'パンくずリスト',
    settings: '設定',
    integrations: '外部サービス',
    connections: '連携',
    settingsNav: '設定のセクション',
    myAccount: 'マイアカウント',
    profile: 'プロフィール',
    users: 'ユーザーとロール',
    webhooks: 'Webhook',
    imports: 'オフラインインポート',
    intro: 'このワークスペースがデータを読み書きする広告プラットフォームと CRM です。',
  },
  ar: {
    product: 'Acme Analytics',
    breadcrumb: 'مسار التنقل',
    settings: 'الإعدادات',
    integrations: 'عمليات التكامل',
    connections: 'الاتصالات',
    settingsNav: 'أقسام الإعدادات',
    myAccount: 'حسابي',
    profile: 'الملف الشخصي',
    users: 'المستخدمون والأدوار',
    webhooks: 'خطافات الويب',
    imports: 'الاستيراد دون اتصال',
    intro: 'منصات الإعلانات وأنظمة إدارة علاقات العملاء التي تقرأ منها مساحة العمل هذه وتكتب إليها.',
  },
} satisfies Record<StoryLocale, Record<string, string>>;

/** Days until Meta's grant lapses on this page: within the default warning of 7 days. */
const EXPIRES_IN_DAYS = 5;

/**
 * The page's connections: the memory adapter's sample, with Meta's grant lapsing in 5 days (the
 * sample's own is 12 days away, past the default warning of 7 days).
 */
function journeyConnections(): Connection[] {
  return createSampleConnections().map((connection) =>
    connection.id === 'meta-retargeting' ? { ...connection, expiresAt: new Date(Date.now() + EXPIRES_IN_DAYS * DAY).toISOString() } : connection,
  );
}

/** How many have lapsed, this user's to fix or not: what the summary callout counts. */
const LAPSED = journeyConnections().filter((connection) => connection.status === 'authorization_required').length;

function ConnectionsSettingsPage({ locale = 'en' }: { locale?: StoryLocale }) {
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
  render: (_args, context) => <ConnectionsSettingsPage locale={localeOf(context.globals)} />,
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
    await expect(canvas.getByRole('button', { name: m['list.reconnectAll'](3) })).toBeVisible();
    // Meta's grant lapses in 5 days: a pill, "Renew", and a callout of its own.
    await expect(canvas.getByText(m['list.expiring'](1))).toBeVisible();
    await expect(canvas.getByText(m['status.expiring'](inDays(EXPIRES_IN_DAYS, globals)))).toBeVisible();
    await expect(canvas.getByRole('button', { name: m['item.renewLabel']('Meta Ads', 'Acme Retargeting') })).toBeVisible();
    // LinkedIn's lapsed account is an admin's to reconnect: this user may ask one.
    await expect(canvas.getByRole('button', { name: m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads') })).toBeVisible();
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

/**
 * "Reconnect all (3)", end to end on the in-memory adapter: Google Ads and Salesforce through the
 * platform's window, each from its own click, then Dynamics 365's login form inside the queue.
 * Each success moves on by itself, with focus on the next "Reconnect"; a summary closes it.
 */
export const ReconnectAll: Story = {
  beforeEach: () => stubSignInWindow('allow'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const { canvas } = context;
    await userEvent.click(await canvas.findByRole('button', { name: m['list.reconnectAll'](3) }, WAIT));
    const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', { name: m['queue.title'] }, WAIT);
    await waitFor(() => expect(dialog).toBeVisible());
    // The queue's own live region: each step, then the summary.
    const step = dialog.querySelector('p[role="status"]');
    const steps = [
      { provider: 'Google Ads', account: 'Acme Search' },
      { provider: 'Salesforce', account: 'Acme Production' },
    ];
    for (const [index, { provider, account }] of steps.entries()) {
      await waitFor(() => expect(step).toHaveTextContent(m['queue.step'](index + 1, 3, `${provider} — ${account}`)), WAIT);
      const reconnect = within(dialog).getByRole('button', { name: m['action.reconnect'] });
      await waitFor(() => expect(reconnect).toHaveFocus());
      await userEvent.click(reconnect);
    }
    // The login form, inside the queue; Enter sends it.
    await waitFor(() => expect(step).toHaveTextContent(m['queue.step'](3, 3, 'Microsoft Dynamics 365 — Acme On-Premises')), WAIT);
    await userEvent.type(within(dialog).getByLabelText(m['form.username']), 'admin@acme.example');
    await userEvent.type(within(dialog).getByLabelText(m['form.password']), 'correct horse battery staple{Enter}');
    await waitFor(() => expect(step).toHaveTextContent(m['queue.summary'](3, 0)), WAIT);
    const done = within(dialog).getByRole('button', { name: m['action.done'] });
    await waitFor(() => expect(done).toHaveFocus());
    await userEvent.click(done);
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    // Only LinkedIn's, an admin's to reconnect, is left; one is too few for "Reconnect all".
    await waitFor(() => expect(canvas.getByText(m['list.summary'](1))).toBeVisible(), WAIT);
    await expect(canvas.queryByRole('button', { name: /\(\d+\)/ })).toBeNull();
  },
};

/** "Renew" on Meta, 5 days before its grant lapses: the dialog says what will stop on that day, and renewing it works. */
export const RenewBeforeItLapses: Story = {
  beforeEach: () => stubSignInWindow('allow'),
  play: async (context) => {
    const m = messagesFor(context.globals);
    const renew = await context.canvas.findByRole('button', { name: m['item.renewLabel']('Meta Ads', 'Acme Retargeting') }, WAIT);
    await userEvent.click(renew);
    const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
    await waitFor(() => expect(dialog).toBeVisible());
    await expect(dialog).toHaveAccessibleName(m['item.renewLabel']('Meta Ads', 'Acme Retargeting'));
    await expect(dialog.querySelector('.rca-dialog-impact')).toHaveTextContent(m['impact.cost_data']);
    await userEvent.click(within(dialog).getByRole('button', { name: m['item.renew'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'succeeded'), WAIT);
    await userEvent.click(within(dialog).getByRole('button', { name: m['action.done'] }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  },
};

/** LinkedIn EMEA is an admin's to reconnect: "Ask an admin", a note, and the row says when it was asked. */
export const AskAnAdmin: Story = {
  play: async (context) => {
    const m = messagesFor(context.globals);
    const ask = await context.canvas.findByRole('button', { name: m['item.askAdminLabel']('LinkedIn Ads', 'Acme EMEA Leads') }, WAIT);
    await userEvent.click(ask);
    const dialog = await within(context.canvasElement.ownerDocument.body).findByRole('dialog', {}, WAIT);
    await waitFor(() => expect(dialog).toBeVisible());
    await userEvent.type(within(dialog).getByLabelText(m['ask.note']), 'Our EMEA campaign report is due on Friday.');
    await userEvent.click(within(dialog).getByRole('button', { name: m['ask.send'] }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'sent'), WAIT);
    await expect(within(dialog).getByRole('status')).toHaveTextContent(m['ask.sent']);
    await userEvent.click(within(dialog).getByRole('button', { name: m['action.done'] }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(ask).toHaveFocus());
    await expect(ask.closest('li')).toHaveTextContent(m['item.requested'](secondsAgo(0, context.globals)));
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
