import * as Dialog from '@radix-ui/react-dialog';
import { Cross2Icon } from '@radix-ui/react-icons';
import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import { describeImpact } from '../core/impact';
import { usable } from '../core/store';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { formatAgo, formatDate, short } from '../i18n/format';
import { useReauthorization } from '../react/use-reauthorization';
import type { UseReauthorizationResult } from '../react/use-reauthorization';
import { useHydrated, useWords } from '../react/use-words';
import type { LocalizedProps, Words } from '../react/use-words';

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogRoot
 * -----------------------------------------------------------------------------------------------*/

interface DialogContextValue extends Words {
  connection: Connection;
  /** The provider's label, e.g. "Google Ads". */
  provider: string;
  reauth: UseReauthorizationResult;
  /** Shown as succeeded: the flow did, or the connection was reconnected elsewhere meanwhile. */
  stage: UseReauthorizationResult['stage'];
  /** Whether the user may start (again). */
  canStart: boolean;
  statusId: string;
}

const DialogContext = /* @__PURE__ */ React.createContext<DialogContextValue | null>(null);

export interface ReauthorizeDialogRootProps extends LocalizedProps {
  /** The connection to reconnect. */
  connection: Connection;
  /** Your backend, when there is no `ConnectionsProvider` above. @default the provider's */
  adapter?: ConnectionsAdapter;
  /** Controlled open state. @default undefined (uncontrolled) */
  open?: boolean;
  /** Open state on mount, when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close. @default undefined */
  onOpenChange?: (open: boolean) => void;
  children?: React.ReactNode;
}

/**
 * Holds the connection, its flow and the words for the parts below; renders no element. Closing
 * ends a flow that waits on the user (its window closes) and lets a `completing` one finish; the
 * next opening starts afresh.
 */
function ReauthorizeDialogRoot({ connection, adapter, locale, messages, open: controlled, defaultOpen = false, onOpenChange, children }: ReauthorizeDialogRootProps) {
  const value = useDialogValue(connection, adapter, { locale, messages });
  const { reauth } = value;
  const [uncontrolled, setUncontrolled] = React.useState(defaultOpen);
  const open = controlled ?? uncontrolled;
  const { id } = connection;
  // Flows this dialog left to finish when it closed: their outcome is old news when it opens again.
  const [leftToFinish] = React.useState(() => new Set<string>());
  const { dismiss, reset } = reauth;
  React.useEffect(() => {
    if (!open) return;
    if (leftToFinish.delete(id)) reset();
    return () => {
      if (dismiss()) leftToFinish.add(id);
    };
  }, [open, id, dismiss, reset, leftToFinish]);

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (controlled === undefined) setUncontrolled(next);
        onOpenChange?.(next);
      }}
    >
      <DialogContext.Provider value={value}>{children}</DialogContext.Provider>
    </Dialog.Root>
  );
}

/** What the parts read: shared with the queue of `ReconnectAllDialog`, which has its own Radix root. */
function useDialogValue(connection: Connection, adapter: ConnectionsAdapter | undefined, localized: LocalizedProps): DialogContextValue {
  const words = useWords(localized);
  const reauth = useReauthorization(connection, { adapter });
  const stage = reauth.reconnected ? 'succeeded' : reauth.stage;
  const code = reauth.flow.error?.code;
  return {
    ...words,
    connection,
    provider: getProvider(connection.provider, words.providers).label,
    reauth,
    stage,
    canStart: !reauth.isRunning && stage !== 'succeeded' && connection.canReauthorize !== false && code !== 'invalid_authorization_url' && code !== 'unsupported',
    statusId: React.useId(),
  };
}

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogTrigger, ReauthorizeDialogContent
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogTriggerProps extends React.ComponentPropsWithoutRef<typeof Dialog.Trigger> {}

/** A button that opens the dialog (`.rca-dialog-trigger`); `asChild` renders your own element. */
const ReauthorizeDialogTrigger = /* @__PURE__ */ React.forwardRef<HTMLButtonElement, ReauthorizeDialogTriggerProps>(function ReauthorizeDialogTrigger({ className, ...props }, ref) {
  return <Dialog.Trigger {...props} ref={ref} className={clsx('rca-dialog-trigger', className)} />;
});

export interface ReauthorizeDialogContentProps extends React.ComponentPropsWithoutRef<typeof Dialog.Content> {
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
}

/**
 * The overlay (`.rca-dialog-overlay`) and the dialog (`.rca-dialog`), portalled, with `data-stage`,
 * `data-phase`, `data-method` and `data-category`. While a flow runs, a click outside does not close
 * it; Escape and Close do. Focus goes back to what had it when the dialog opened.
 */
const ReauthorizeDialogContent = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogContentProps>(function ReauthorizeDialogContent(
  { container, className, onInteractOutside, onOpenAutoFocus, onCloseAutoFocus, ...props },
  ref,
) {
  const { m, connection, reauth, stage } = useDialogContext();
  // What had focus when the dialog opened, to give it back: this part mounts before it opens.
  const opener = React.useRef<HTMLElement | null>(null);
  const content = React.useRef<HTMLDivElement | null>(null);
  // What matters now: an invalid or empty field, else the primary action, else any action.
  const focusFirst = () => {
    const dialog = content.current;
    (dialog?.querySelector<HTMLElement>('[aria-invalid=true], input:enabled, [data-variant=primary]') ?? dialog?.querySelector<HTMLElement>('.rca-dialog-actions button') ?? dialog)?.focus();
  };
  // The focused button went with the stage: focus what now matters.
  React.useEffect(() => {
    const active = document.activeElement;
    if (active === document.body || active === content.current) focusFirst();
  }, [stage]);
  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay className="rca-dialog-overlay" />
      <Dialog.Content
        {...props}
        ref={(node) => {
          content.current = node;
          if (typeof ref == 'function') ref(node);
          else if (ref) ref.current = node;
        }}
        dir={m.dir}
        data-stage={stage}
        data-phase={reauth.flow.phase}
        data-method={connection.authMethod ?? 'oauth'}
        data-category={connection.category}
        className={clsx('rca-dialog', className)}
        onOpenAutoFocus={(event) => {
          opener.current = document.activeElement as HTMLElement | null;
          onOpenAutoFocus?.(event);
          if (event.defaultPrevented) return;
          event.preventDefault();
          focusFirst();
        }}
        onInteractOutside={(event) => {
          onInteractOutside?.(event);
          if (reauth.isRunning) event.preventDefault();
        }}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (!event.defaultPrevented && opener.current?.isConnected) {
            event.preventDefault();
            opener.current.focus();
          }
        }}
      />
    </Dialog.Portal>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogTitle, ReauthorizeDialogDescription, ReauthorizeDialogImpact
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogTitleProps extends React.ComponentPropsWithoutRef<typeof Dialog.Title> {}

/** `h2.rca-dialog-title`: the provider's mark and "Reconnect Google Ads — Acme Search". */
const ReauthorizeDialogTitle = /* @__PURE__ */ React.forwardRef<HTMLHeadingElement, ReauthorizeDialogTitleProps>(function ReauthorizeDialogTitle({ className, children, ...props }, ref) {
  const { m, connection, provider, providers, reauth } = useDialogContext();
  return (
    <Dialog.Title {...props} ref={ref} className={clsx('rca-dialog-title', className)}>
      <span className="rca-provider-mark" data-provider={connection.provider} aria-hidden>
        {getProvider(connection.provider, providers).mark}
      </span>
      {/* A lapsed connection reconnected here keeps its title: it was not renewed. */}
      <span>{children ?? m[usable(connection) && !reauth.reconnected ? 'item.renewLabel' : 'item.reconnectLabel'](provider, short(connection.accountName, true))}</span>
    </Dialog.Title>
  );
});

export interface ReauthorizeDialogDescriptionProps extends React.ComponentPropsWithoutRef<typeof Dialog.Description> {}

/** What the dialog is about, for assistive technology too: the impact, until the connection works again. */
const ReauthorizeDialogDescription = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogDescriptionProps>(function ReauthorizeDialogDescription(
  { className, children, ...props },
  ref,
) {
  return (
    <Dialog.Description {...props} ref={ref} asChild={!children} className={clsx('rca-dialog-description', className)}>
      {children ?? <ReauthorizeDialogImpact />}
    </Dialog.Description>
  );
});

export interface ReauthorizeDialogImpactProps extends React.ComponentPropsWithoutRef<'div'> {}

/**
 * `div.rca-dialog-impact[data-recovery]`: what has stopped and since when, then the recovery as a
 * callout — a warning where the gap is permanent, or may be, and a note where the CRM catches up.
 * Nothing once the connection works again.
 */
const ReauthorizeDialogImpact = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogImpactProps>(function ReauthorizeDialogImpact({ className, ...props }, ref) {
  const { m, locale, connection, stage } = useDialogContext();
  const hydrated = useHydrated();
  // A grant that still works is renewed: what will stop, and on which day.
  const { expiresAt } = connection;
  const renewing = usable(connection) && expiresAt;
  const impact = describeImpact(renewing ? { ...connection, status: 'authorization_required', statusSince: expiresAt } : connection);
  if (!impact || impact.backfilling || stage === 'succeeded') return null;
  const { recovery } = impact;
  return (
    <div {...props} ref={ref} data-recovery={recovery} className={clsx('rca-dialog-impact', className)}>
      <p>{renewing ? m['impact.willStop'](formatDate(expiresAt, locale) ?? '') : m['impact.stopped']((hydrated && formatAgo(impact.since, locale)) || undefined)}</p>
      <ul>
        {impact.stopped.map((activity) => (
          <li key={activity}>{m[`impact.${activity}`]}</li>
        ))}
      </ul>
      {recovery !== 'unknown' && (
        <p className="rca-callout" data-tone={recovery === 'backfilled' ? 'info' : 'warning'}>
          {m[`impact.${recovery}`]}
        </p>
      )}
    </div>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogStatus
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogStatusProps extends React.ComponentPropsWithoutRef<'div'> {}

/**
 * Where the flow stands, as a polite live region (`div.rca-dialog-status[data-stage][data-tone]`):
 * at most two short sentences, the second the platform's own words (as text) or the backfill.
 */
const ReauthorizeDialogStatus = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogStatusProps>(function ReauthorizeDialogStatus({ className, ...props }, ref) {
  const { m, locale, connection, provider, reauth, stage, statusId } = useDialogContext();
  const { flow } = reauth;
  const credentials = connection.authMethod === 'credentials';
  const text = {
    ready: connection.canReauthorize === false ? m['item.noRights'] : m[credentials ? 'flow.readyCredentials' : 'flow.ready'](provider),
    starting: m['flow.starting'],
    waiting: m['flow.waiting'](provider),
    window_closed: m['flow.windowClosed'],
    blocked: m['error.popup_blocked'],
    completing: m['flow.completing'],
    succeeded: m['flow.succeeded'](provider),
    failed: (m[`error.${flow.error?.code}` as 'error.adapter_failed'] as string | undefined) ?? m['error.adapter_failed'],
    cancelled: m['flow.cancelled'],
    wrong_account: m['flow.wrongAccount'](short(connection.accountName, true)),
  }[stage];
  const backfill = flow.connection?.status === 'backfilling' && formatDate(flow.connection.backfill?.since, locale);
  const detail = stage === 'failed' ? flow.error?.providerErrorDescription : backfill && m['flow.backfilling'](backfill);
  return (
    <div {...props} ref={ref} id={statusId} role="status" data-stage={stage} data-tone={TONES[stage]} className={clsx('rca-dialog-status', className)}>
      <p>{text}</p>
      {detail && <p className="rca-dialog-status-detail">{short(detail)}</p>}
    </div>
  );
});

const TONES: Record<UseReauthorizationResult['stage'], string> = {
  ready: 'neutral',
  starting: 'busy',
  waiting: 'busy',
  completing: 'busy',
  window_closed: 'warning',
  blocked: 'warning',
  wrong_account: 'warning',
  cancelled: 'neutral',
  failed: 'danger',
  succeeded: 'success',
};

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogForm
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogFormProps extends React.ComponentPropsWithoutRef<'form'> {}

/**
 * For `authMethod: 'credentials'`, while the user may sign in: `form.rca-dialog-form` with username
 * and password, then its children (the actions, with the submit button). Otherwise only the
 * children. The password is read once on submit, handed on and cleared; it is never kept. After a
 * refused login the username stays, and the password field is marked invalid and focused.
 */
const ReauthorizeDialogForm = /* @__PURE__ */ React.forwardRef<HTMLFormElement, ReauthorizeDialogFormProps>(function ReauthorizeDialogForm(
  { className, children, onSubmit, ...props },
  ref,
) {
  const { m, connection, reauth, canStart, statusId } = useDialogContext();
  const id = React.useId();
  const password = React.useRef<HTMLInputElement>(null);
  const refused = reauth.flow.error?.code === 'invalid_credentials';
  React.useEffect(() => {
    if (refused) password.current?.focus();
  }, [refused]);
  // Mounted while the login is checked too, so a refused one keeps the username.
  if (connection.authMethod !== 'credentials' || !(canStart || reauth.isRunning)) return <>{children}</>;
  const invalid = refused || undefined;
  const busy = reauth.isRunning;
  return (
    <form
      {...props}
      ref={ref}
      className={clsx('rca-dialog-form', className)}
      method="post"
      onSubmit={(event) => {
        // The browser never sends the login itself, even when your onSubmit throws.
        event.nativeEvent.preventDefault();
        onSubmit?.(event);
        if (event.defaultPrevented) return;
        void reauth.start({ credentials: Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string> });
        password.current!.value = '';
      }}
    >
      <label htmlFor={id + 'u'}>{m['form.username']}</label>
      <input id={id + 'u'} className="rca-input" name="username" autoComplete="username" required disabled={busy} aria-invalid={invalid} aria-describedby={invalid && statusId} />
      <label htmlFor={id + 'p'}>{m['form.password']}</label>
      <input ref={password} id={id + 'p'} className="rca-input" name="password" type="password" autoComplete="current-password" required disabled={busy} aria-invalid={invalid} aria-describedby={invalid && statusId} />
      {children}
    </form>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogActions, ReauthorizeDialogClose
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogActionsProps extends React.ComponentPropsWithoutRef<'div'> {}

/**
 * `div.rca-dialog-actions`: at most one primary action, on the right, and Cancel or Close. While the
 * user signs in, "Reopen window" is secondary; once the window closed, it is the primary action.
 */
const ReauthorizeDialogActions = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogActionsProps>(function ReauthorizeDialogActions({ className, ...props }, ref) {
  const { m, connection, reauth, stage, canStart } = useDialogContext();
  const start = () => void reauth.start();
  const button = (label: string, onClick?: () => void, variant = 'primary') => (
    <button type={onClick ? 'button' : 'submit'} className="rca-button" data-variant={variant} onClick={onClick}>
      {label}
    </button>
  );
  let primary: React.ReactNode = null;
  if (stage === 'succeeded') {
    primary = (
      <Dialog.Close className="rca-button" data-variant="primary">
        {m['action.done']}
      </Dialog.Close>
    );
  } else if (canStart || stage === 'blocked') {
    // A grant that still works is renewed.
    primary = button(m[stage !== 'ready' ? 'action.retry' : usable(connection) ? 'item.renew' : 'action.reconnect'], connection.authMethod === 'credentials' && stage !== 'blocked' ? undefined : start);
  } else if (stage === 'waiting' || stage === 'window_closed') {
    primary = button(m['action.reopen'], start, stage === 'waiting' ? 'secondary' : 'primary');
  }
  return (
    <div {...props} ref={ref} className={clsx('rca-dialog-actions', className)}>
      {stage === 'completing' || stage === 'succeeded' ? null : reauth.isRunning ? (
        button(m['action.cancel'], reauth.cancel, 'secondary')
      ) : (
        <Dialog.Close className="rca-button" data-variant="secondary">
          {m[stage === 'ready' ? 'action.cancel' : 'action.close']}
        </Dialog.Close>
      )}
      {primary}
    </div>
  );
});

export interface ReauthorizeDialogCloseProps extends React.ComponentPropsWithoutRef<typeof Dialog.Close> {}

/** The corner button (`.rca-dialog-close`), named "Close". */
const ReauthorizeDialogClose = /* @__PURE__ */ React.forwardRef<HTMLButtonElement, ReauthorizeDialogCloseProps>(function ReauthorizeDialogClose({ className, children, ...props }, ref) {
  const { m } = useDialogContext();
  return (
    <Dialog.Close aria-label={m['action.close']} {...props} ref={ref} className={clsx('rca-dialog-close', className)}>
      {children ?? <Cross2Icon aria-hidden />}
    </Dialog.Close>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialog — the composed default
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogProps extends Omit<ReauthorizeDialogRootProps, 'children'>, Omit<ReauthorizeDialogContentProps, 'children'> {
  /** Rendered inside the root, before the content: for instance a `ReauthorizeDialog.Trigger`. */
  children?: React.ReactNode;
}

/** `<ReauthorizeDialog connection open onOpenChange />`. DOM props, `className` and the ref go to the dialog. */
const ReauthorizeDialogComposed = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogProps>(function ReauthorizeDialog(
  { connection, adapter, locale, messages, open, defaultOpen, onOpenChange, children, ...props },
  ref,
) {
  return (
    <ReauthorizeDialogRoot {...{ connection, adapter, locale, messages, open, defaultOpen, onOpenChange }}>
      {children}
      <ReauthorizeDialogContent {...props} ref={ref}>
        <ReauthorizeDialogTitle />
        <ReauthorizeDialogDescription />
        <ReauthorizeDialogStatus />
        <ReauthorizeDialogForm>
          <ReauthorizeDialogActions />
        </ReauthorizeDialogForm>
        <ReauthorizeDialogClose />
      </ReauthorizeDialogContent>
    </ReauthorizeDialogRoot>
  );
});

const ReauthorizeDialog = /* @__PURE__ */ Object.assign(ReauthorizeDialogComposed, {
  Root: ReauthorizeDialogRoot,
  Trigger: ReauthorizeDialogTrigger,
  Content: ReauthorizeDialogContent,
  Title: ReauthorizeDialogTitle,
  Description: ReauthorizeDialogDescription,
  Impact: ReauthorizeDialogImpact,
  Status: ReauthorizeDialogStatus,
  Form: ReauthorizeDialogForm,
  Actions: ReauthorizeDialogActions,
  Close: ReauthorizeDialogClose,
});

function useDialogContext(): DialogContextValue {
  const context = React.useContext(DialogContext);
  if (!context) throw new Error(process.env.NODE_ENV !== 'production' ? 'Render the parts of ReauthorizeDialog inside <ReauthorizeDialog.Root>.' : 'No dialog');
  return context;
}

export {
  DialogContext,
  useDialogValue,
  ReauthorizeDialog,
  ReauthorizeDialogActions,
  ReauthorizeDialogClose,
  ReauthorizeDialogContent,
  ReauthorizeDialogDescription,
  ReauthorizeDialogForm,
  ReauthorizeDialogImpact,
  ReauthorizeDialogRoot,
  ReauthorizeDialogStatus,
  ReauthorizeDialogTitle,
  ReauthorizeDialogTrigger,
};
