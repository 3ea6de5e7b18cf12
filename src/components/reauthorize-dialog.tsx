import { useComposedRefs } from '@radix-ui/react-compose-refs';
import * as Dialog from '@radix-ui/react-dialog';
import { Cross2Icon } from '@radix-ui/react-icons';
import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import type { ConnectionsErrorCode } from '../core/errors';
import { describeImpact } from '../core/impact';
import { getConnectionStore } from '../core/store';
import type { ConnectionStore } from '../core/store';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { formatAgo, formatDate, isolate } from '../i18n/format';
import { useOptionalConnectionsContext } from '../react/context';
import { useBeforePaint } from '../react/use-before-paint';
import { useHydrated } from '../react/use-hydrated';
import { useLocalized } from '../react/use-localized';
import type { Localized, LocalizedProps } from '../react/use-localized';
import { useReauthorization } from '../react/use-reauthorization';
import type { UseReauthorizationResult } from '../react/use-reauthorization';
import { useOwnWords } from './use-own-words';

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogRoot
 * -----------------------------------------------------------------------------------------------*/

interface DialogContextValue extends Localized {
  connection: Connection;
  /** The provider's label, e.g. "Google Ads". */
  provider: string;
  reauth: UseReauthorizationResult;
  /** The id the login form carries: the consumer's, once the form has given one, else a generated one. */
  formId: string;
  /** The generated id, for a form given none. */
  defaultFormId: string;
  /** The login form reports the consumer's id here, so the submit button in the actions points at it. */
  setCustomFormId: (id: string | undefined) => void;
  /** Connections whose flow this dialog left to finish when it closed (one dialog serves a list). */
  leftFinishing: Set<string>;
  /** The store the flow runs in (the adapter's, given or the provider's). */
  store: ConnectionStore;
}

const DialogContext = /* @__PURE__ */ React.createContext<DialogContextValue | null>(null);

export interface ReauthorizeDialogRootProps extends LocalizedProps {
  /** The connection to re-authorize. */
  connection: Connection;
  /** Your backend, when there is no `ConnectionsProvider` above. @default the provider's adapter */
  adapter?: ConnectionsAdapter;
  /** Controlled open state. @default undefined (uncontrolled) */
  open?: boolean;
  /** Open state on mount when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close (Escape, outside click, Close, Done). @default undefined */
  onOpenChange?: (open: boolean) => void;
  children?: React.ReactNode;
}

/** Holds the connection, its flow and the words for every part below it; renders no element. */
function ReauthorizeDialogRoot({ connection, adapter, locale, messages, children, ...rootProps }: ReauthorizeDialogRootProps) {
  const localized = useLocalized({ locale, messages });
  const reauth = useReauthorization(connection, { adapter });
  // The one useReauthorization uses: it has already thrown if there is neither adapter.
  const context = useOptionalConnectionsContext();
  const store = getConnectionStore((adapter ?? context?.store.adapter)!);
  const defaultFormId = React.useId();
  const [customFormId, setCustomFormId] = React.useState<string>();
  const formId = customFormId ?? defaultFormId;
  const provider = getProvider(connection.provider, localized.providers).label;
  const [leftFinishing] = React.useState(() => new Set<string>());
  // Reconnected by other means while the dialog shows it (another tab, a push, a server-side
  // callback, a grant whose answer was lost): it says so and offers Done, not a sign-in nobody
  // needs. A dialog open on a connection that works still signs in again when asked.
  const reconnected = reauth.reconnected && reauth.stage !== 'succeeded';
  const shown = React.useMemo<UseReauthorizationResult>(() => (reconnected ? { ...reauth, stage: 'succeeded' } : reauth), [reconnected, reauth]);
  const value = React.useMemo(
    () => ({ ...localized, connection, provider, reauth: shown, formId, defaultFormId, setCustomFormId, leftFinishing, store }),
    [localized, connection, provider, shown, formId, defaultFormId, leftFinishing, store],
  );
  return (
    <Dialog.Root {...rootProps}>
      <DialogContext.Provider value={value}>{children}</DialogContext.Provider>
    </Dialog.Root>
  );
}

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogTrigger
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogTriggerProps extends React.ComponentPropsWithoutRef<typeof Dialog.Trigger> {}

/** A button that opens the dialog (`.rca-dialog-trigger`); `asChild` renders your own element. */
const ReauthorizeDialogTrigger = /* @__PURE__ */ React.forwardRef<HTMLButtonElement, ReauthorizeDialogTriggerProps>(function ReauthorizeDialogTrigger(
  { className, ...props },
  ref,
) {
  return <Dialog.Trigger {...props} ref={ref} className={clsx('rca-dialog-trigger', className)} />;
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogContent
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogContentProps extends React.ComponentPropsWithoutRef<typeof Dialog.Content> {
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
}

/**
 * The overlay (`.rca-dialog-overlay`) and the dialog (`.rca-dialog`), portalled. Carries
 * `data-phase` (the flow's phase), `data-stage` (what is shown), `data-popup` (while the flow runs),
 * `data-method` and `data-category`. Closing it ends a flow still waiting on the user, lets one
 * that is `completing` finish, and returns an ended one to `ready`. While a flow runs, a click on
 * the page behind does not close it (that would cut a sign-in short); Escape and Close still do.
 */
const ReauthorizeDialogContent = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogContentProps>(function ReauthorizeDialogContent(
  { container, className, children, onInteractOutside, onCloseAutoFocus, ...props },
  forwardedRef,
) {
  const { connection, reauth, store, leftFinishing } = useDialogContext('ReauthorizeDialogContent');
  const local = React.useRef<HTMLDivElement | null>(null);
  const opener = React.useRef<HTMLElement | null>(null);
  const ref = useComposedRefs(local, forwardedRef);

  // When the focused button went away with the stage (focus fell to the page or the dialog
  // itself), move it to what now matters: after a failed login, the first field of the form (it
  // comes back empty), else the main action.
  React.useEffect(() => {
    const dialog = local.current;
    const active = document.activeElement;
    if (dialog && (active === document.body || active === dialog)) {
      const field = reauth.stage === 'failed' ? dialog.querySelector<HTMLElement>('.rca-dialog-form input') : null;
      (field ?? dialog.querySelector<HTMLElement>('[data-variant="primary"], .rca-dialog-actions button'))?.focus();
    }
  }, [reauth.stage]);

  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay className="rca-dialog-overlay" />
      <Dialog.Content
        {...props}
        data-phase={reauth.flow.phase}
        data-stage={reauth.stage}
        data-popup={reauth.flow.popup}
        data-method={connection.authMethod ?? 'oauth'}
        data-category={connection.category}
        ref={ref}
        className={clsx('rca-dialog', className)}
        onInteractOutside={(event) => {
          // Radix calls onPointerDownOutside / onFocusOutside before this, so every consumer handler runs first.
          onInteractOutside?.(event);
          if (reauth.isRunning) event.preventDefault();
        }}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          // Radix gives focus back to a Trigger only; opened from props, the dialog has none.
          const target = opener.current;
          if (!event.defaultPrevented && target?.isConnected) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        <RememberOpener opener={opener} content={local} />
        <ShowFlow show={reauth.show} store={store} id={connection.id} />
        <EndFlowOnClose reauth={reauth} store={store} id={connection.id} leftFinishing={leftFinishing} />
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogTitle, ReauthorizeDialogDescription
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogTitleProps extends React.ComponentPropsWithoutRef<typeof Dialog.Title> {}

/** `<h2 class="rca-dialog-title">`: "Reauthorize Google Ads" unless you give children. */
const ReauthorizeDialogTitle = /* @__PURE__ */ React.forwardRef<HTMLHeadingElement, ReauthorizeDialogTitleProps>(function ReauthorizeDialogTitle(
  { className, children, ...props },
  ref,
) {
  const { messages, provider } = useDialogContext('ReauthorizeDialogTitle');
  return (
    <Dialog.Title {...props} ref={ref} className={clsx('rca-dialog-title', className)}>
      {children ?? messages['dialog.title'](provider)}
    </Dialog.Title>
  );
});

export interface ReauthorizeDialogDescriptionProps extends React.ComponentPropsWithoutRef<typeof Dialog.Description> {}

/** `<p class="rca-dialog-description">`: which account lapsed and what to do, unless you give children. */
const ReauthorizeDialogDescription = /* @__PURE__ */ React.forwardRef<HTMLParagraphElement, ReauthorizeDialogDescriptionProps>(
  function ReauthorizeDialogDescription({ className, children, ...props }, ref) {
    const { messages, provider, connection } = useDialogContext('ReauthorizeDialogDescription');
    return (
      <Dialog.Description {...props} ref={ref} className={clsx('rca-dialog-description', className)}>
        {children ?? messages['dialog.description'](provider, isolate(connection.accountName))}
      </Dialog.Description>
    );
  },
);

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogImpact
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogImpactProps extends React.ComponentPropsWithoutRef<'div'> {}

/**
 * What has stopped, since when, and whether the gap is permanent or will be backfilled
 * (`data-recovery="permanent" | "backfilled" | "unknown"`). Renders nothing once connected.
 */
const ReauthorizeDialogImpact = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogImpactProps>(function ReauthorizeDialogImpact(
  { className, ...props },
  ref,
) {
  const { connection, messages, locale } = useDialogContext('ReauthorizeDialogImpact');
  // Since when depends on the clock and the time zone: left out of the server's HTML.
  const hydrated = useHydrated();
  const impact = describeImpact(connection);
  if (!impact || impact.backfilling) return null;
  const since = hydrated ? impact.since : undefined;
  return (
    <div {...props} data-recovery={impact.recovery} ref={ref} className={clsx('rca-dialog-impact', className)}>
      <p>{messages['impact.stopped'](since && formatAgo(since, locale), since && formatDate(since, locale))}</p>
      <ul>
        {impact.stopped.map((activity) => (
          <li key={activity}>{messages[`impact.${activity}`]}</li>
        ))}
      </ul>
      <p className="rca-dialog-recovery">{messages[`impact.${impact.recovery}`]}</p>
    </div>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogStatus
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogStatusProps extends React.ComponentPropsWithoutRef<'div'> {}

/**
 * Where the flow stands, in words, as a polite live region (`role="status"`, `data-stage`). A
 * failure names the error; the platform's own description follows as text, never as HTML.
 */
const ReauthorizeDialogStatus = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogStatusProps>(function ReauthorizeDialogStatus(
  { className, ...props },
  ref,
) {
  const { connection, provider, reauth, messages, locale } = useDialogContext('ReauthorizeDialogStatus');
  const { stage, flow } = reauth;
  const backfillSince = flow.connection?.status === 'backfilling' ? flow.connection.backfill?.since : undefined;
  const text =
    stage === 'ready' && connection.canReauthorize === false
      ? messages['item.noRights']
      : stage === 'ready'
      ? messages[connection.authMethod === 'credentials' ? 'flow.readyCredentials' : 'flow.ready'](provider)
      : stage === 'waiting'
        ? messages['flow.waiting'](provider)
        : stage === 'succeeded'
          ? messages['flow.succeeded'](provider)
          : stage === 'wrong_account'
            ? messages['flow.wrongAccount'](isolate(connection.accountName))
            : stage === 'failed'
              ? messages[`error.${flow.error?.code ?? 'adapter_failed'}`]
              : messages[STAGE_MESSAGES[stage]];
  const detail =
    stage === 'failed' ? flow.error?.providerErrorDescription : backfillSince && messages['flow.backfilling'](formatDate(backfillSince, locale) ?? '');
  return (
    <div {...props} role="status" data-stage={stage} ref={ref} className={clsx('rca-dialog-status', className)}>
      <p>{text}</p>
      {detail && <p className="rca-dialog-status-detail">{detail}</p>}
    </div>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogForm
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogFormProps extends React.ComponentPropsWithoutRef<'form'> {}

/**
 * The login form of `authMethod: 'credentials'` connections (`.rca-dialog-form`), shown while no
 * flow runs. Username and password are uncontrolled: read once on submit, handed to the adapter
 * and cleared at once, whatever the outcome. Extra fields given as children are sent too.
 * Submitted by the primary action of `ReauthorizeDialogActions`, which points at the form's `id`
 * (yours when given, else a generated one).
 */
const ReauthorizeDialogForm = /* @__PURE__ */ React.forwardRef<HTMLFormElement, ReauthorizeDialogFormProps>(function ReauthorizeDialogForm(
  { id, className, children, onSubmit, ...props },
  ref,
) {
  const { connection, reauth, messages, defaultFormId, setCustomFormId } = useDialogContext('ReauthorizeDialogForm');
  // The submit button lives in the actions, outside the form, and finds it by this id.
  React.useEffect(() => {
    if (id === undefined) return;
    setCustomFormId(id);
    return () => setCustomFormId(undefined);
  }, [id, setCustomFormId]);
  if (connection.authMethod !== 'credentials' || !canStart(reauth, connection)) return null;
  // Refused (not worth sending again as it was), not a server that was down or slow.
  const refused = (reauth.stage === 'failed' && reauth.flow.error?.retryable === false) || undefined;
  return (
    <form
      // Never a GET: should the browser ever submit it itself, the login stays out of the URL.
      method="post"
      {...props}
      id={id ?? defaultFormId}
      ref={ref}
      className={clsx('rca-dialog-form', className)}
      onSubmit={(event) => {
        let handled = false;
        try {
          onSubmit?.(event);
          handled = event.defaultPrevented;
        } finally {
          // Even when your handler throws: the browser's own submission would send the login.
          event.preventDefault();
        }
        if (handled) return;
        const form = event.currentTarget;
        const credentials: Record<string, string> = {};
        for (const [name, value] of new FormData(form)) if (typeof value === 'string') credentials[name] = value;
        form.reset();
        void reauth.start({ credentials });
      }}
    >
      <label className="rca-field">
        <span className="rca-field-label">{messages['form.username']}</span>
        <input className="rca-input" name="username" autoComplete="username" required aria-invalid={refused} />
      </label>
      <label className="rca-field">
        <span className="rca-field-label">{messages['form.password']}</span>
        <input className="rca-input" name="password" type="password" autoComplete="current-password" required aria-invalid={refused} />
      </label>
      {children}
    </form>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogActions
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogActionsProps extends React.ComponentPropsWithoutRef<'div'> {}

/**
 * The buttons for the current stage (`.rca-dialog-actions`, each `.rca-button` with
 * `data-variant="primary" | "secondary"`): sign in; reopen the window or cancel while waiting;
 * open it again when blocked; none while completing (the exchange must not be cut short);
 * try again after a failure; done after success. Each click calls the
 * flow synchronously, so the sign-in window opens inside the user's gesture.
 */
const ReauthorizeDialogActions = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReauthorizeDialogActionsProps>(function ReauthorizeDialogActions(
  { className, ...props },
  ref,
) {
  const { connection, provider, reauth, messages, formId } = useDialogContext('ReauthorizeDialogActions');
  const { stage, isRunning } = reauth;
  // Rendered on the server, the login's submit waits for the page to hydrate: before that only
  // the browser could submit the form, and the login would leave by its own means.
  const hydrated = useHydrated();
  const credentials = connection.authMethod === 'credentials';
  const start = () => void reauth.start();
  let primary: React.ReactNode = null;
  if (canStart(reauth, connection)) {
    const label = stage === 'ready' ? messages['action.signIn'](provider) : messages['action.retry'];
    primary = credentials ? (
      <button type="submit" form={formId} className="rca-button" data-variant="primary" disabled={!hydrated}>
        {label}
      </button>
    ) : (
      <button type="button" className="rca-button" data-variant="primary" onClick={start}>
        {label}
      </button>
    );
  } else if (stage === 'starting' || stage === 'waiting' || stage === 'window_closed' || stage === 'blocked') {
    primary = (
      <button type="button" className="rca-button" data-variant="primary" onClick={start}>
        {messages[stage === 'blocked' ? 'action.openAgain' : 'action.reopen']}
      </button>
    );
  } else if (stage === 'succeeded') {
    primary = (
      <Dialog.Close className="rca-button" data-variant="primary">
        {messages['action.done']}
      </Dialog.Close>
    );
  }
  const secondaryLabel = messages[(stage === 'ready' && primary) || isRunning ? 'action.cancel' : 'action.close'];
  return (
    <div {...props} ref={ref} className={clsx('rca-dialog-actions', className)}>
      {primary}
      {stage === 'completing' ? null : isRunning ? (
        <button type="button" className="rca-button" data-variant="secondary" onClick={reauth.cancel}>
          {secondaryLabel}
        </button>
      ) : (
        stage !== 'succeeded' && (
          <Dialog.Close className="rca-button" data-variant="secondary">
            {secondaryLabel}
          </Dialog.Close>
        )
      )}
    </div>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialogClose
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogCloseProps extends React.ComponentPropsWithoutRef<typeof Dialog.Close> {}

/**
 * The corner close button (`.rca-dialog-close`): an icon named "Close", unless what you give as
 * children (or render with `asChild`) shows words, which then name it.
 */
const ReauthorizeDialogClose = /* @__PURE__ */ React.forwardRef<HTMLButtonElement, ReauthorizeDialogCloseProps>(function ReauthorizeDialogClose(
  { className, children, ...props },
  ref,
) {
  const { messages } = useDialogContext('ReauthorizeDialogClose');
  const element = React.useRef<HTMLButtonElement | null>(null);
  const composedRef = useComposedRefs(element, ref);
  const ownWords = useOwnWords(element);
  return (
    <Dialog.Close aria-label={ownWords ? undefined : messages['action.close']} {...props} ref={composedRef} className={clsx('rca-dialog-close', className)}>
      {children ?? <Cross2Icon aria-hidden />}
    </Dialog.Close>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeDialog — the composed default
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeDialogProps
  extends Omit<ReauthorizeDialogRootProps, 'children'>,
    Omit<ReauthorizeDialogContentProps, 'children'> {
  /** Rendered inside the root, before the content: for instance a `ReauthorizeDialog.Trigger`. */
  children?: React.ReactNode;
}

/**
 * `<ReauthorizeDialog connection open onOpenChange />`: title, description, impact, status, login
 * form, actions and close button. DOM props, `className` and the ref go to the dialog element.
 */
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
        <ReauthorizeDialogImpact />
        <ReauthorizeDialogStatus />
        <ReauthorizeDialogForm />
        <ReauthorizeDialogActions />
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

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** While the dialog is open, it says what happens to its flow: the list's live region keeps quiet. */
function ShowFlow({ show, store, id }: { show: () => () => void; store: ConnectionStore; id: string }) {
  useBeforePaint(() => {
    const release = show();
    let counts = onScreen.get(store);
    if (!counts) onScreen.set(store, (counts = new Map()));
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return () => {
      release();
      const left = counts.get(id)! - 1;
      if (left > 0) counts.set(id, left);
      else counts.delete(id);
    };
  }, [show, store, id]);
  return null;
}

/**
 * Notes what had focus as the dialog opened: mounted with the content, its layout effect runs
 * before Radix moves focus into the dialog.
 */
function RememberOpener({ opener, content }: { opener: React.MutableRefObject<HTMLElement | null>; content: React.RefObject<HTMLElement | null> }) {
  useBeforePaint(() => {
    const active = document.activeElement;
    // StrictMode runs this again once focus is inside: keep what had it before.
    if (content.current?.contains(active)) return;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [opener, content]);
  return null;
}

/**
 * Mounted only while the dialog is open: closing it (Escape, Close, Done, an outside click when
 * idle) ends a flow still waiting on the user, so the window closes and nothing is left behind,
 * and returns an ended one to `ready` for next time. A flow already `completing` is left to
 * finish: its code is single-use, and the connection shows the outcome. (Unmounting the whole
 * screen still aborts it, through the store.)
 */
function EndFlowOnClose({
  reauth,
  store,
  id,
  leftFinishing,
}: {
  reauth: UseReauthorizationResult;
  store: ConnectionStore;
  id: string;
  leftFinishing: Set<string>;
}) {
  const { dismiss } = reauth;
  // A flow this dialog left to finish when it closed, and that ended meanwhile, is not news the
  // next time it opens, perhaps days later: start from `ready`, before the first paint. (An
  // outcome reached otherwise, say by the click that opened it, is shown.)
  const ended = reauth.flow.phase === 'succeeded' || reauth.flow.phase === 'failed';
  const onOpen = React.useRef(ended && leftFinishing.has(id) ? reauth.reset : null);
  useBeforePaint(() => {
    onOpen.current?.();
    leftFinishing.delete(id);
  }, [leftFinishing, id]);
  // Dismissed a microtask after the cleanup, and only if no dialog shows the connection by then:
  // StrictMode runs the cleanup and the effect again at once, the content can be mounted anew
  // while the dialog stays open (another container, another key), and another dialog can take
  // over the same connection; none of them must cancel a flow that is still on screen.
  React.useEffect(
    () => () => {
      queueMicrotask(() => {
        if (!onScreen.get(store)?.get(id) && dismiss()) leftFinishing.add(id);
      });
    },
    [store, dismiss, id, leftFinishing],
  );
  return null;
}

/** How many dialog contents are on screen, per store and connection (see ShowFlow). */
const onScreen = new WeakMap<ConnectionStore, Map<string, number>>();

const STAGE_MESSAGES = {
  starting: 'flow.starting',
  window_closed: 'flow.windowClosed',
  blocked: 'flow.blocked',
  completing: 'flow.completing',
  cancelled: 'flow.cancelled',
} as const;

function useDialogContext(part: string): DialogContextValue {
  const context = React.useContext(DialogContext);
  if (!context) throw new Error(`${part} must be rendered inside <ReauthorizeDialogRoot> (or <ReauthorizeDialog>).`);
  return context;
}

/**
 * Whether the user can (re)start: nothing runs, the flow did not succeed, and a new attempt may
 * work. Not `error.retryable`: that says whether repeating the same request may work, and a new
 * flow brings a fresh state and code (an adapter marks a used code, a 4xx, as not retryable).
 */
function canStart({ stage, isRunning, flow }: UseReauthorizationResult, connection: Connection): boolean {
  if (isRunning || stage === 'succeeded' || stage === 'blocked' || connection.canReauthorize === false) return false;
  return stage === 'ready' || !(flow.error && FINAL_ERRORS.includes(flow.error.code));
}

/** Errors a new attempt cannot get past: the adapter or this user cannot re-authorize, or the platform's address is unsafe. */
const FINAL_ERRORS: readonly ConnectionsErrorCode[] = ['invalid_authorization_url', 'unsupported'];

export {
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
