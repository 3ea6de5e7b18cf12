import { clsx } from 'clsx';
import * as React from 'react';
import type { ConnectionStatus } from '../core/types';
import { formatSince } from '../i18n/format';
import { useHydrated, useWords } from '../react/use-words';
import type { LocalizedProps } from '../react/use-words';

/* -------------------------------------------------------------------------------------------------
 * StatusBadge
 * -----------------------------------------------------------------------------------------------*/

/** A connection's status, or `reauthorizing` while a flow for it runs. */
export type StatusBadgeStatus = ConnectionStatus | 'reauthorizing';

export interface StatusBadgeProps extends React.ComponentPropsWithoutRef<'span'>, LocalizedProps {
  /** What to show; sets `data-status`. */
  status: StatusBadgeStatus;
  /** ISO 8601: when the status began. Adds how long it has lasted, once the page has hydrated. @default undefined */
  since?: string;
}

/**
 * `<span class="rca-status-badge" data-status>`: the status in words, and with `since`,
 * `.rca-status-badge-since` ("for 3 days"). styles.css draws it as a tinted pill with an icon per
 * status (the red key for `authorization_required`); without it, the words stand alone.
 */
const StatusBadge = /* @__PURE__ */ React.forwardRef<HTMLSpanElement, StatusBadgeProps>(function StatusBadge(
  { status, since, locale, messages, className, ...props },
  ref,
) {
  const words = useWords({ locale, messages });
  const duration = useHydrated() && formatSince(since, words.locale);
  return (
    <span {...props} ref={ref} data-status={status} className={clsx('rca-status-badge', className)}>
      {words.m[`status.${status}`]}
      {duration && <span className="rca-status-badge-since"> {words.m['status.for'](duration)}</span>}
    </span>
  );
});

export { StatusBadge };
