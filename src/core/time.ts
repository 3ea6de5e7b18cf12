/* -------------------------------------------------------------------------------------------------
 * Reading adapter dates
 * -----------------------------------------------------------------------------------------------*/

/**
 * The ISO 8601 forms every browser's `Date.parse` reads the same way: a full date, optionally a
 * `T`, hours and minutes, seconds with any fraction, and `Z` or an offset. Local formats
 * (`03/07/2025`, `March 7, 2025`, a space instead of `T`) parse differently, or not at all, from
 * one engine to the next, so they are refused rather than guessed.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Milliseconds since the epoch for an ISO 8601 string, or `undefined` when it is not one. */
function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_8601.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function toTime(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

/** The longest a timer can wait: a longer delay makes it fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How far ahead of this machine's clock a moment may be and still count as now (a server's
 * clock running ahead); further ahead it is a bad date, and says nothing of since when.
 */
const CLOCK_DRIFT_MS = 3_600_000;

/** Today's date here, as the instant a date alone ("2026-11-25") stands for: its midnight in UTC. */
function today(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
}

/**
 * Whether an ISO 8601 value (at `time`) lies ahead of now: by more than a clock's drift, or for a
 * date alone, on a later day than today's date both here and in UTC (a server may write its own
 * date, already tomorrow's here west of Greenwich).
 */
function isAhead(iso: string, time: number, now: number): boolean {
  return iso.length === 10 ? time > Math.max(today(now), now - (now % 86_400_000)) : time - now > CLOCK_DRIFT_MS;
}

export { MAX_TIMER_MS, isAhead, parseTime, today, toTime };
