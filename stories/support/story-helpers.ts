import { createSampleConnections, en } from '../../src';
import type { Connection, Messages } from '../../src';
import { es } from '../../src/locales/es';

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
const WAIT = { timeout: 10_000 } as const;

/** An ISO 8601 time this long before now: stories stay "3 days ago" whenever they are opened. */
function ago(ms: number): string {
  return new Date(Date.now() - ms).toISOString();
}

/**
 * The words of the toolbar's language, so play functions check what a user reads. Stories without
 * the provider pass them to the component as `messages`.
 */
function messagesFor(globals: Record<string, unknown>): Messages {
  return globals.locale === 'es' ? es : en;
}

/** One of the in-memory adapter's sample connections, e.g. `'gads-search'` or `'sfdc-prod'`. */
function sampleConnection(id: string): Connection {
  const connection = createSampleConnections().find((candidate) => candidate.id === id);
  if (!connection) throw new Error(`No sample connection "${id}".`);
  return connection;
}

export { DAY, HOUR, MINUTE, WAIT, ago, messagesFor, sampleConnection };
