import { ConnectionsError } from './errors';
import type { Connection } from './types';

/* -------------------------------------------------------------------------------------------------
 * Checking what an adapter returns
 *
 * Only what the screen depends on: an object, a string id, provider and account name, a known
 * status and category, and an error with a message. Those reject the entry.
 * A date that does not parse is reported, and the connection still shows (without that date).
 * -----------------------------------------------------------------------------------------------*/

const STATUSES = ['connected', 'authorization_required', 'backfilling', 'error'];
const CATEGORIES = ['advertising', 'crm', 'other'];

type Value = Record<string, unknown>;
const optional = (test: (value: unknown) => boolean) => (value: unknown) => value === undefined || test(value);
const isString = (value: unknown) => typeof value == 'string';
const isDate = optional((value) => isString(value) && !Number.isNaN(Date.parse(value as string)));

/** `[field, test, soft]`, in order; the first broken one is reported. */
const RULES: [keyof Connection, (value: unknown) => boolean, boolean?][] = [
  ['id', (value) => isString(value) && value !== ''],
  ['provider', isString],
  ['accountName', isString],
  ['status', (value) => STATUSES.includes(value as string)],
  ['category', (value) => CATEGORIES.includes(value as string)],
  ['error', optional((value) => isString((value as Value | null)?.message))],
  ['statusSince', isDate, true],
  ['lastSyncedAt', isDate, true],
  ['expiresAt', isDate, true],
  ['reauthorizationRequestedAt', isDate, true],
];

/** What each field must hold, for development messages only. */
const MUST: Partial<Record<keyof Connection, string>> =
  process.env.NODE_ENV !== 'production'
    ? {
        id: 'a non-empty string',
        provider: 'a string',
        accountName: 'a string',
        status: `one of ${STATUSES.join(', ')}`,
        category: `one of ${CATEGORIES.join(', ')}`,
        error: 'an object with a string message',
        statusSince: 'an ISO 8601 date',
        lastSyncedAt: 'an ISO 8601 date',
        expiresAt: 'an ISO 8601 date',
        reauthorizationRequestedAt: 'an ISO 8601 date',
      }
    : {};

/**
 * Checks a value that should be a `Connection`: `[connection, problem]`. A connection comes back
 * (as given, not copied) unless a field it cannot do without is wrong; `problem` says what was wrong.
 */
function checkConnection(value: unknown, where: string): [Connection | undefined, ConnectionsError | undefined] {
  const record = value as Value;
  if (!record || typeof record != 'object' || Array.isArray(record)) {
    return [undefined, problem(process.env.NODE_ENV !== 'production' ? `${where} returned ${quote(value)} where a connection was expected.` : 'not a connection')];
  }
  for (const [field, test, soft] of RULES) {
    if (test(record[field])) continue;
    const id = isString(record.id) ? quote(record.id) : 'without an id';
    const message =
      process.env.NODE_ENV !== 'production'
        ? `${where} returned connection ${id} whose "${field}" is ${quote(record[field])}; it must be ${MUST[field]}.${soft ? ' The connection is still shown.' : ''}`
        : `${id} ${field}`;
    return [soft ? (record as unknown as Connection) : undefined, problem(message, isString(record.id) ? (record.id as string) : undefined)];
  }
  return [record as unknown as Connection, undefined];
}

/** The first thing wrong with a value that should be a `Connection`, or `null` when it is well formed. */
function findConnectionProblem(value: unknown, where = 'The adapter'): string | null {
  return checkConnection(value, where)[1]?.message ?? null;
}

function problem(message: string, connectionId?: string): ConnectionsError {
  return new ConnectionsError('adapter_failed', message, { retryable: false, connectionId });
}

/** A short, safe rendering of an adapter value: diagnostics never quote more than 40 characters. */
function quote(value: unknown): string {
  if (typeof value == 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value && typeof value == 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : String(value);
}

export { checkConnection, findConnectionProblem, quote };
