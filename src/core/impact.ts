import type { Connection } from './types';

/* -------------------------------------------------------------------------------------------------
 * describeImpact
 * -----------------------------------------------------------------------------------------------*/

/** Something the product cannot do while the connection is not connected. */
export type StoppedActivity =
  /** Advertising: spend and cost data no longer downloads. */
  | 'cost_data'
  /** Advertising with auto-tagging: new ads no longer get UTM parameters. */
  | 'ad_tagging'
  /** CRM: new touchpoints are no longer pushed to the CRM. */
  | 'touchpoint_push'
  /** CRM: records in the CRM are no longer updated. */
  | 'record_updates'
  /** Any other platform: data no longer syncs. */
  | 'data_sync';

/**
 * - `permanent`: advertising with auto-tagging on: touchpoints from ads created meanwhile can never
 *   be tagged afterwards.
 * - `possibly_permanent`: advertising where the connection does not say whether auto-tagging is on:
 *   the same holds if it is.
 * - `backfilled`: what was missed is pushed once the connection is restored (CRM).
 * - `unknown`: nothing is known either way (auto-tagging off, other platforms).
 */
export type GapRecovery = 'permanent' | 'possibly_permanent' | 'backfilled' | 'unknown';

export interface ConnectionImpact {
  /** What has stopped, most important first. */
  stopped: StoppedActivity[];
  /** ISO 8601: when it stopped (`statusSince`), unless that is more than an hour ahead of now. */
  since?: string;
  /** How long it has been stopped, in milliseconds, where `since` is known. */
  durationMs?: number;
  recovery: GapRecovery;
  /**
   * Advertising with auto-tagging: touchpoints from ads created meanwhile can never be tagged
   * retroactively.
   */
  untaggedTouchpoints: boolean;
  /** Whether the data is being backfilled right now (`status: 'backfilling'`). */
  backfilling: boolean;
}

export interface DescribeImpactOptions {
  /** The moment to measure from. @default Date.now() */
  now?: Date | number;
}

/**
 * What a connection that is not connected has stopped, since when, and whether the gap is
 * permanent or will be backfilled. Data, not sentences: every locale words it itself.
 * Returns `null` for a connection that is connected.
 */
function describeImpact(connection: Connection, options: DescribeImpactOptions = {}): ConnectionImpact | null {
  if (connection.status === 'connected') return null;

  if (connection.status === 'backfilling') {
    const since = connection.backfill?.since ?? connection.statusSince;
    return {
      stopped: [],
      ...measure(since, options.now),
      recovery: 'backfilled',
      untaggedTouchpoints: false,
      backfilling: true,
    };
  }

  const { category, autoTagging } = connection;
  const tagging = category === 'advertising' && autoTagging === true;
  return {
    stopped: category === 'advertising' ? (tagging ? ['cost_data', 'ad_tagging'] : ['cost_data']) : category === 'crm' ? ['record_updates', 'touchpoint_push'] : ['data_sync'],
    ...measure(connection.statusSince, options.now),
    recovery: tagging ? 'permanent' : category === 'crm' ? 'backfilled' : category === 'advertising' && autoTagging === undefined ? 'possibly_permanent' : 'unknown',
    untaggedTouchpoints: tagging,
    backfilling: false,
  };
}

/**
 * Since when, and for how long. A moment more than an hour ahead of now (beyond a clock's drift)
 * says nothing; a date alone may be a day ahead, since it is today somewhere east of here.
 */
function measure(since: string | undefined, now: Date | number = Date.now()): { since?: string; durationMs?: number } {
  const start = since ? Date.parse(since) : NaN;
  const at = +now;
  return start - at <= (since?.length === 10 ? 86_400_000 : 3_600_000) ? { since, durationMs: Math.max(0, at - start) } : {};
}

/* -------------------------------------------------------------------------------------------------
 * getExpiry
 * -----------------------------------------------------------------------------------------------*/

export interface Expiry {
  /** ISO 8601, as the connection gives it. */
  expiresAt: string;
  /** Whole days until it lapses, rounded up: 1 for anything under a day ahead, 0 or less once past. */
  daysLeft: number;
  /** It works now and lapses within `warningDays`: a row warns and offers "Renew". */
  expiring: boolean;
  /** The moment is past. The status stays the adapter's to say. */
  expired: boolean;
}

export interface GetExpiryOptions {
  /** @default Date.now() */
  now?: Date | number;
  /** How many days ahead a lapse is worth a warning. @default 7 */
  warningDays?: number;
}

/** When the grant lapses, where the connection says so; `undefined` without an `expiresAt` that parses. */
function getExpiry(connection: Connection, { now = Date.now(), warningDays = 7 }: GetExpiryOptions = {}): Expiry | undefined {
  const { expiresAt } = connection;
  const left = Date.parse(expiresAt!) - +now;
  if (Number.isNaN(left)) return;
  const daysLeft = Math.ceil(left / 86_400_000);
  const expired = left <= 0;
  const working = connection.status === 'connected' || connection.status === 'backfilling';
  return { expiresAt: expiresAt!, daysLeft, expiring: working && !expired && daysLeft <= warningDays, expired };
}

export { describeImpact, getExpiry };
