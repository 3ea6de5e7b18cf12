import { isAhead, parseTime, toTime } from './time';
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
 * - `permanent`: what happens meanwhile can never be recovered (advertising: touchpoints created
 *   while disconnected can never be tagged).
 * - `backfilled`: what was missed is pushed once the connection is restored (CRM).
 * - `unknown`: the library cannot tell (other platforms).
 */
export type GapRecovery = 'permanent' | 'backfilled' | 'unknown';

export interface ConnectionImpact {
  /** What has stopped, most important first. */
  stopped: StoppedActivity[];
  /**
   * ISO 8601: when it stopped, where the connection says (`statusSince`) and it is not more than
   * an hour ahead of now (a moment up to an hour ahead is a clock's drift: stopped for 0 ms).
   */
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

  const stopped: StoppedActivity[] = [];
  let recovery: GapRecovery = 'unknown';
  if (connection.category === 'advertising') {
    stopped.push('cost_data');
    if (connection.autoTagging) stopped.push('ad_tagging');
    recovery = 'permanent';
  } else if (connection.category === 'crm') {
    stopped.push('record_updates', 'touchpoint_push');
    recovery = 'backfilled';
  } else {
    stopped.push('data_sync');
  }

  return {
    stopped,
    ...measure(connection.statusSince, options.now),
    recovery,
    untaggedTouchpoints: connection.category === 'advertising' && connection.autoTagging === true,
    backfilling: false,
  };
}

function measure(since: string | undefined, now: Date | number | undefined): { since?: string; durationMs?: number } {
  const start = parseTime(since);
  const at = toTime(now);
  if (start === undefined || isAhead(since!, start, at)) return {};
  return { since, durationMs: Math.max(0, at - start) };
}

export { describeImpact };
