import * as Dialog from '@radix-ui/react-dialog';
import { Cross2Icon } from '@radix-ui/react-icons';
import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { short } from '../i18n/format';
import { useReconnectQueue } from '../react/use-reconnect-queue';
import { useWords } from '../react/use-words';
import type { LocalizedProps } from '../react/use-words';
import { DialogContext, ReauthorizeDialogForm, ReauthorizeDialogImpact, ReauthorizeDialogStatus, useDialogValue } from './reauthorize-dialog';

/* -------------------------------------------------------------------------------------------------
 * ReconnectAllDialog — every lapsed connection, one at a time
 * -----------------------------------------------------------------------------------------------*/

export interface ReconnectAllDialogProps extends LocalizedProps, Omit<React.ComponentPropsWithoutRef<typeof Dialog.Content>, 'children'> {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Which connections, in order. @default every lapsed one this user may reconnect, when it opens */
  ids?: readonly string[];
  /** Your backend. @default the provider's adapter */
  adapter?: ConnectionsAdapter;
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
}

/**
 * `div.rca-dialog.rca-queue-dialog`: "1 of 3 · Google Ads — Acme Search", what stopped, and a
 * Reconnect button that opens that platform's window from its own click. A success moves on by
 * itself; Skip moves on without it. Each step is announced, and focus goes to the next Reconnect.
 * It ends with a summary: "2 reconnected, 1 skipped."
 */
const ReconnectAllDialog = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ReconnectAllDialogProps>(function ReconnectAllDialog(
  { open, onOpenChange, ids, adapter, container, locale, messages, className, ...props },
  ref,
) {
  const { m } = useWords({ locale, messages });
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="rca-dialog-overlay" />
        <Dialog.Content {...props} ref={ref} dir={m.dir} aria-describedby={undefined} className={clsx('rca-dialog rca-queue-dialog', className)}>
          <Dialog.Title className="rca-dialog-title">{m['queue.title']}</Dialog.Title>
          {/* Mounted while open only: each opening takes the lapsed connections of that moment. */}
          <Queue ids={ids} adapter={adapter} localized={{ locale, messages }} />
          <Dialog.Close aria-label={m['action.close']} className="rca-dialog-close">
            <Cross2Icon aria-hidden />
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});

function Queue({ ids, adapter, localized }: { ids?: readonly string[]; adapter?: ConnectionsAdapter; localized: LocalizedProps }) {
  const queue = useReconnectQueue(ids, { adapter });
  const { m, providers } = useWords(localized);
  const { current, results } = queue;
  const outcomes = Object.values(results);
  return (
    <>
      {/* One region for every step, so each one is announced. */}
      <p role="status" className={current ? 'rca-queue-step' : 'rca-dialog-status'} data-tone={current ? undefined : 'success'}>
        {current
          ? m['queue.step'](queue.index + 1, queue.total, `${getProvider(current.provider, providers).label} — ${short(current.accountName, true)}`)
          : m['queue.summary'](outcomes.filter((outcome) => outcome === 'reconnected').length, outcomes.filter((outcome) => outcome === 'skipped').length)}
      </p>
      {current ? (
        <Step key={current.id} connection={current} queue={queue} adapter={adapter} localized={localized} />
      ) : (
        <div className="rca-dialog-actions">
          <Dialog.Close autoFocus className="rca-button" data-variant="primary">
            {m['action.done']}
          </Dialog.Close>
        </div>
      )}
    </>
  );
}

function Step({ connection, queue, adapter, localized }: { connection: Connection; queue: ReturnType<typeof useReconnectQueue>; adapter?: ConnectionsAdapter; localized: LocalizedProps }) {
  const value = useDialogValue(connection, adapter, localized);
  const { m, reauth, stage, canStart } = value;
  const primary = React.useRef<HTMLButtonElement>(null);
  // Each step starts afresh, with focus on its Reconnect: the last one's went away with its step.
  // A step that ends (closed, skipped, reconnected elsewhere) ends a flow that waits on the user.
  React.useEffect(() => {
    if (!reauth.isRunning) reauth.reset();
    primary.current?.focus();
    return () => void reauth.dismiss();
  }, []);
  const credentials = connection.authMethod === 'credentials';
  const waiting = stage === 'waiting' || stage === 'window_closed' || stage === 'blocked';
  return (
    <DialogContext.Provider value={value}>
      <ReauthorizeDialogImpact />
      <ReauthorizeDialogStatus />
      <ReauthorizeDialogForm>
        <div className="rca-dialog-actions">
          <button type="button" className="rca-button" data-variant="secondary" onClick={queue.skip} disabled={stage === 'completing'}>
            {m['queue.skip']}
          </button>
          {(canStart || waiting) && (
            <button
              ref={primary}
              type={credentials && canStart ? 'submit' : 'button'}
              className="rca-button"
              // While the user signs in, reopening is not the main thing to do.
              data-variant={stage === 'waiting' ? 'secondary' : 'primary'}
              onClick={credentials && canStart ? undefined : () => void reauth.start()}
            >
              {m[stage === 'waiting' || stage === 'window_closed' ? 'action.reopen' : stage === 'ready' ? 'action.reconnect' : 'action.retry']}
            </button>
          )}
        </div>
      </ReauthorizeDialogForm>
    </DialogContext.Provider>
  );
}

export { ReconnectAllDialog };
