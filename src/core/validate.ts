import { ConnectionsError } from './errors';
import type { Connection } from './types';

/* -------------------------------------------------------------------------------------------------
 * Checking what an adapter returns
 *
 * At run time, only what the screen cannot do without: an object, a string id, provider and account
 * name, a known status and category, and an error with a message. A wrong one rejects the entry.
 * The screen reads a date that does not parse as no date; the testing kit reports it.
 * -----------------------------------------------------------------------------------------------*/

const STATUSES = ['connected', 'authorization_required', 'backfilling', 'error'];
const CATEGORIES = ['advertising', 'crm', 'other'];

type Value = Record<string, unknown>;
type Rule = [keyof Connection, (value: unknown) => unknown];
const isString = (value: unknown) => typeof value == 'string';

/** In order; the first broken one is reported. */
const RULES: Rule[] = [
  ['id', (value) => isString(value) && value],
  ['provider', isString],
  ['accountName', isString],
  ['status', (value) => STATUSES.includes(value as string)],
  ['category', (value) => CATEGORIES.includes(value as string)],
  ['error', (value) => value === undefined || isString((value as Value | null)?.message)],
];

const DATES: Rule[] = /* @__PURE__ */ (['statusSince', 'lastSyncedAt', 'expiresAt', 'reauthorizationRequestedAt'] as const).map((field) => [
  field,
  (value) => value === undefined || (isString(value) && !Number.isNaN(Date.parse(value as string))),
]);

/** What each field must hold, for messages in development. */
const must = (field: keyof Connection) =>
  field === 'id'
    ? 'a non-empty string'
    : field === 'status'
      ? `one of ${STATUSES.join(', ')}`
      : field === 'category'
        ? `one of ${CATEGORIES.join(', ')}`
        : field === 'error'
          ? 'an object with a string message'
          : DATES.some(([date]) => date === field)
            ? 'an ISO 8601 date'
            : 'a string';

/**
 * Checks a value that should be a `Connection`: `[connection]` (as given, not copied), or
 * `[undefined, problem]` naming the entry and the field.
 */
function checkConnection(value: unknown, where: string, rules = RULES): [Connection | undefined, ConnectionsError | undefined] {
  const record = value as Value;
  if (!record || typeof record != 'object' || Array.isArray(record)) {
    return [undefined, problem(process.env.NODE_ENV !== 'production' ? `${where} returned ${quote(value)} where a connection was expected.` : 'not a connection')];
  }
  const id = isString(record.id) ? (record.id as string) : undefined;
  const broken = rules.find(([field, test]) => !test(record[field]))?.[0];
  if (!broken) return [record as unknown as Connection, undefined];
  const named = id === undefined ? 'without an id' : quote(id);
  return [
    undefined,
    problem(process.env.NODE_ENV !== 'production' ? `${where} returned connection ${named} whose "${broken}" is ${quote(record[broken])}; it must be ${must(broken)}.` : `${named} ${broken}`, id),
  ];
}

/** The first thing wrong with a value that should be a `Connection`, dates included, or `null` when it is well formed. */
function findConnectionProblem(value: unknown, where = 'The adapter'): string | null {
  return checkConnection(value, where, [...RULES, ...DATES])[1]?.message ?? null;
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
