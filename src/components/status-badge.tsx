import { CheckCircledIcon, ExclamationTriangleIcon, ReloadIcon, UpdateIcon } from '@radix-ui/react-icons';
import { clsx } from 'clsx';
import * as React from 'react';
import type { ConnectionStatus } from '../core/types';
import { formatSince } from '../i18n/format';
import { useLocalized } from '../react/use-localized';
import type { Localized, LocalizedProps } from '../react/use-localized';
import { KeyIcon } from './icons';

/* -------------------------------------------------------------------------------------------------
 * StatusBadge
 * -----------------------------------------------------------------------------------------------*/

/** A connection's status, plus `reauthorizing` while a flow for it runs. */
export type StatusBadgeStatus = ConnectionStatus | 'reauthorizing';

export interface StatusBadgeProps extends React.ComponentPropsWithoutRef<'span'>, LocalizedProps {
  /** What to show; sets `data-status`. */
  status: StatusBadgeStatus;
  /**
   * ISO 8601: when the status began. Adds how long it has lasted ("for 3 days").
   * @default undefined (no duration)
   */
  since?: string;
}

const ICONS = {
  connected: CheckCircledIcon,
  authorization_required: KeyIcon,
  backfilling: UpdateIcon,
  error: ExclamationTriangleIcon,
  reauthorizing: ReloadIcon,
};

/**
 * Icon and words together, never colour alone. `authorization_required` shows the red key.
 *
 * Renders `<span class="rca-status-badge" data-status>` holding `.rca-status-badge-icon`
 * (plus `.rca-key-icon` for the key), `.rca-status-badge-label` and `.rca-status-badge-since`.
 */
const StatusBadge = /* @__PURE__ */ React.forwardRef<HTMLSpanElement, StatusBadgeProps>(function StatusBadge(
  { status, since, locale, messages, className, ...props },
  ref,
) {
  const localized = useLocalized({ locale, messages });
  return (
    <span {...props} data-status={status} ref={ref} className={clsx('rca-status-badge', className)}>
      {badgeContent(status, since, localized)}
    </span>
  );
});

/**
 * What is inside the badge. A list row renders it straight into its own badge element, so a
 * thousand rows do not each pay for a second component and a second look-up of their words.
 */
function badgeContent(status: StatusBadgeStatus, since: string | undefined, { locale, messages }: Localized): React.ReactNode {
  const Icon = ICONS[status] ?? ExclamationTriangleIcon;
  const duration = formatSince(since, locale);
  return (
    <>
      <Icon aria-hidden className={status === 'authorization_required' ? 'rca-status-badge-icon rca-key-icon' : 'rca-status-badge-icon'} />{' '}
      <span className="rca-status-badge-label">{messages[`status.${status}`]}</span>
      {duration && (
        <>
          {' '}
          <span className="rca-status-badge-since">{messages['status.for'](duration)}</span>
        </>
      )}
    </>
  );
}

export { StatusBadge, badgeContent };
