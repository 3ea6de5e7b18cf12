import { createSampleConnections } from '../../src';
import type { Connection } from '../../src';
import { localeOf, messagesFor, wordsFor } from './locales';

/* -------------------------------------------------------------------------------------------------
 * Small helpers shared by the stories
 * -----------------------------------------------------------------------------------------------*/

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long a play function waits for what the user should see: the in-memory adapter's latency
 * (300 ms by default) a few times over, on a machine that may be shared with other tests. Not a
 * speed check (the bench measures speed); a story still fails when the outcome never comes.
 */
const WAIT = { timeout: 20_000 } as const;

/** An ISO 8601 time this long before now: stories stay "3 days ago" whenever they are opened. */
function ago(ms: number): string {
  return new Date(Date.now() - ms).toISOString();
}

/** An ISO 8601 time this long after now. */
function ahead(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/**
 * "in 3 days", "خلال ٣ أيام": days ahead as the toolbar's language words them through `Intl`, so
 * play functions check what a user reads without repeating the library's code.
 */
function inDays(days: number, globals: Record<string, unknown>): string {
  return new Intl.RelativeTimeFormat(localeOf(globals), { numeric: 'auto' }).format(days, 'day');
}

/** "now" for under a minute, as the library words a moment just past, in the toolbar's language. */
function secondsAgo(seconds: number, globals: Record<string, unknown>): string {
  return new Intl.RelativeTimeFormat(localeOf(globals), { numeric: 'auto' }).format(-seconds, 'second');
}

/** "2 hours ago" in the toolbar's language. */
function hoursAgo(hours: number, globals: Record<string, unknown>): string {
  return new Intl.RelativeTimeFormat(localeOf(globals), { numeric: 'auto' }).format(-hours, 'hour');
}

/** A calendar date ("Mar 6, 2026") in the toolbar's language. */
function dateOf(iso: string, globals: Record<string, unknown>): string {
  return new Intl.DateTimeFormat(localeOf(globals), { dateStyle: 'medium' }).format(Date.parse(iso));
}

/** One of the in-memory adapter's sample connections, e.g. `'gads-search'` or `'sfdc-prod'`. */
function sampleConnection(id: string): Connection {
  const connection = createSampleConnections().find((candidate) => candidate.id === id);
  if (!connection) throw new Error(`No sample connection "${id}".`);
  return connection;
}

/**
 * The words of the toolbar's language, so play functions check what a user reads. Stories without
 * the provider pass them to the component as `messages`.
 */
export { messagesFor, wordsFor };
export { DAY, HOUR, MINUTE, WAIT, ago, ahead, dateOf, hoursAgo, inDays, sampleConnection, secondsAgo };
