import { clsx } from 'clsx';
import * as React from 'react';
import type { ConnectionStatus } from '../core/types';
import { formatSince } from '../i18n/format';
import { useHydrated } from '../react/use-hydrated';
import { useLocalized } from '../react/use-localized';
import type { Localized, LocalizedProps } from '../react/use-localized';

/* -------------------------------------------------------------------------------------------------
 * StatusBadge
 * -----------------------------------------------------------------------------------------------*/

/** A connection's status, plus `reauthorizing` while a flow for it runs. */
export type StatusBadgeStatus = ConnectionStatus | 'reauthorizing';

export interface StatusBadgeProps extends React.ComponentPropsWithoutRef<'span'>, LocalizedProps {
  /** What to show; sets `data-status`. */
  status: StatusBadgeStatus;
  /**
   * ISO 8601: when the status began. Adds how long it has lasted ("for 3 days"); rendered on the
   * server, the duration is added once the page has hydrated.
   * @default undefined (no duration)
   */
  since?: string;
}

/**
 * Icon and words together, never colour alone. `authorization_required` shows the red key.
 *
 * Renders `<span class="rca-status-badge" data-status>` holding the status in words and, with
 * `since`, `.rca-status-badge-since`. The icon is drawn by styles.css (`::before`, a mask in the
 * text's colour, chosen by `data-status` through `--rca-status-icon`), not by an SVG element: a
 * list of a thousand rows would otherwise build a thousand SVGs, which costs as much as the rest
 * of the row. Without styles.css, draw it from `data-status` yourself.
 */
const StatusBadge = /* @__PURE__ */ React.forwardRef<HTMLSpanElement, StatusBadgeProps>(function StatusBadge(
  { status, since, locale, messages, className, ...props },
  ref,
) {
  const localized = useLocalized({ locale, messages });
  // How long depends on the clock: left out of the server's HTML, added once hydrated.
  const hydrated = useHydrated();
  return (
    <span {...props} data-status={status} ref={ref} className={clsx('rca-status-badge', className)}>
      {badgeContent(status, hydrated ? since : undefined, localized)}
    </span>
  );
});

/**
 * What is inside the badge. A list row renders it straight into its own badge element, so a
 * thousand rows do not each pay for a second component and a second look-up of their words.
 */
function badgeContent(status: StatusBadgeStatus, since: string | undefined, { locale, messages }: Localized): React.ReactNode {
  const duration = formatSince(since, locale);
  return (
    <>
      {messages[`status.${status}`]}
      {duration && <span className="rca-status-badge-since">{` ${messages['status.for'](duration)}`}</span>}
    </>
  );
}

export { StatusBadge, badgeContent };
