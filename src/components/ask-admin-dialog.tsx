import * as Dialog from '@radix-ui/react-dialog';
import { Cross2Icon } from '@radix-ui/react-icons';
import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import { toConnectionsError } from '../core/errors';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { short } from '../i18n/format';
import { useStore } from '../react/context';
import { useWords } from '../react/use-words';
import type { LocalizedProps } from '../react/use-words';

/* -------------------------------------------------------------------------------------------------
 * AskAdminDialog — for a user who may not reconnect: ask an admin to
 * -----------------------------------------------------------------------------------------------*/

export interface AskAdminDialogProps extends LocalizedProps, Omit<React.ComponentPropsWithoutRef<typeof Dialog.Content>, 'children'> {
  /** The connection to ask about (`canReauthorize: false`). */
  connection: Connection;
  /** Your backend, with `requestReauthorization`. @default the provider's adapter */
  adapter?: ConnectionsAdapter;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The longest note, in characters. @default 500 */
  maxNoteLength?: number;
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
}

/**
 * `div.rca-dialog.rca-ask-dialog[data-stage]`: an optional note, sent as plain text through
 * `adapter.requestReauthorization`. The returned connection (with `reauthorizationRequestedAt`)
 * goes to the store, so its row says "Requested just now". Closing aborts a request on its way.
 */
const AskAdminDialog = /* @__PURE__ */ React.forwardRef<HTMLDivElement, AskAdminDialogProps>(function AskAdminDialog(
  { connection, adapter, open, onOpenChange, maxNoteLength = 500, container, locale, messages, className, ...props },
  ref,
) {
  const { m, providers } = useWords({ locale, messages });
  const store = useStore(adapter);
  const [stage, setStage] = React.useState<'ready' | 'sending' | 'sent' | 'failed'>('ready');
  const request = React.useRef<AbortController | undefined>(undefined);
  const id = React.useId();
  // Each opening starts afresh; closing ends a request on its way.
  React.useEffect(() => {
    if (!open) return;
    setStage('ready');
    return () => request.current?.abort();
  }, [open]);
  const name = short(connection.accountName, true);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="rca-dialog-overlay" />
        <Dialog.Content {...props} ref={ref} data-stage={stage} dir={m.dir} className={clsx('rca-dialog rca-ask-dialog', className)}>
          <Dialog.Title className="rca-dialog-title">{m['item.askAdminLabel'](getProvider(connection.provider, providers).label, name)}</Dialog.Title>
          <Dialog.Description>{m['ask.description']}</Dialog.Description>
          <form
            className="rca-dialog-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (stage === 'sending' || stage === 'sent') return;
              const note = (new FormData(event.currentTarget).get('note') as string | null)?.trim().slice(0, maxNoteLength);
              const controller = (request.current = new AbortController());
              setStage('sending');
              Promise.resolve()
                .then(() => {
                  if (!store.adapter.requestReauthorization) throw new Error('requestReauthorization');
                  return store.adapter.requestReauthorization(connection, { signal: controller.signal, ...(note && { note }) });
                })
                .then(
                  (returned) => {
                    if (controller.signal.aborted) return;
                    store.receive(returned);
                    setStage('sent');
                  },
                  (thrown: unknown) => {
                    if (controller.signal.aborted) return;
                    if (process.env.NODE_ENV !== 'production') console.error('[react-connected-accounts]', toConnectionsError(thrown, 'requestReauthorization() failed').message);
                    setStage('failed');
                  },
                );
            }}
          >
            <label htmlFor={id}>{m['ask.note']}</label>
            <textarea id={id} name="note" className="rca-input" rows={3} maxLength={maxNoteLength} aria-describedby={id + 'h'} disabled={stage === 'sending' || stage === 'sent'} />
            <p id={id + 'h'} className="rca-hint">
              {m['ask.noteHint'](maxNoteLength)}
            </p>
            <p role="status" className="rca-dialog-status" data-tone={stage === 'sent' ? 'success' : stage === 'failed' ? 'danger' : stage === 'sending' ? 'busy' : 'neutral'}>
              {stage === 'sent' ? m['ask.sent'] : stage === 'failed' ? m['ask.failed'] : ''}
            </p>
            <div className="rca-dialog-actions">
              {stage === 'sent' ? (
                // A new button (its own key), so it takes the focus of the Send button it replaces.
                <Dialog.Close key="done" autoFocus className="rca-button" data-variant="primary">
                  {m['action.done']}
                </Dialog.Close>
              ) : (
                <>
                  <Dialog.Close className="rca-button" data-variant="secondary">
                    {m['action.cancel']}
                  </Dialog.Close>
                  <button type="submit" className="rca-button" data-variant="primary" aria-disabled={stage === 'sending' || undefined}>
                    {m[stage === 'failed' ? 'action.retry' : 'ask.send']}
                  </button>
                </>
              )}
            </div>
          </form>
          <Dialog.Close aria-label={m['action.close']} className="rca-dialog-close">
            <Cross2Icon aria-hidden />
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});

export { AskAdminDialog };
