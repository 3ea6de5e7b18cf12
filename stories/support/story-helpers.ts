import { createSampleConnections, en, es } from '../../src';
import type { Connection, Messages } from '../../src';

/* -------------------------------------------------------------------------------------------------
 * Small helpers shared by the stories
 * -----------------------------------------------------------------------------------------------*/

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An ISO 8601 time this long before now: stories stay "3 days ago" whenever they are opened. */
function ago(ms: number): string {
  return new Date(Date.now() - ms).toISOString();
}

/** The built-in words of the story's language, so play functions check what a user reads. */
function messagesFor(globals: Record<string, unknown>): Messages {
  return globals.locale === 'es' ? es : en;
}

/** One of the in-memory adapter's sample connections, e.g. `'gads-search'` or `'sfdc-prod'`. */
function sampleConnection(id: string): Connection {
  const connection = createSampleConnections().find((candidate) => candidate.id === id);
  if (!connection) throw new Error(`No sample connection "${id}".`);
  return connection;
}

export { DAY, HOUR, MINUTE, ago, messagesFor, sampleConnection };
