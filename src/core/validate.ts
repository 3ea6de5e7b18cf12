import { ConnectionsError } from './errors';
import { parseTime } from './time';
import type { Connection } from './types';

/* -------------------------------------------------------------------------------------------------
 * Checking what an adapter returns
 * -----------------------------------------------------------------------------------------------*/

const STATUSES: ReadonlySet<string> = new Set(['connected', 'authorization_required', 'backfilling', 'error']);
const CATEGORIES: ReadonlySet<string> = new Set(['advertising', 'crm', 'other']);
const AUTH_METHODS: ReadonlySet<string> = new Set(['oauth', 'credentials']);
const DATE_FIELDS = ['statusSince', 'lastSyncedAt', 'expiresAt'] as const;
const BOOLEAN_FIELDS = ['autoTagging', 'canReauthorize'] as const;

/**
 * The first thing wrong with a value that should be a `Connection`, as a sentence naming the
 * field and the connection, or `null` when it is well formed.
 */
function findConnectionProblem(value: unknown, where: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${where} returned ${describe(value)} where a connection object was expected.`;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') {
    return `${where} returned a connection without an "id" (a non-empty string is required)${named(record)}.`;
  }
  const it = `connection "${record.id}"`;
  if (typeof record.provider !== 'string' || record.provider === '') {
    return `${where} returned ${it} without a "provider".`;
  }
  if (typeof record.accountName !== 'string') {
    return `${where} returned ${it} without an "accountName".`;
  }
  if (typeof record.status !== 'string' || !STATUSES.has(record.status)) {
    return `${where} returned ${it} with an unknown "status" ${describe(record.status)}; expected one of ${[...STATUSES].join(', ')}.`;
  }
  if (typeof record.category !== 'string' || !CATEGORIES.has(record.category)) {
    return `${where} returned ${it} with an unknown "category" ${describe(record.category)}; expected one of ${[...CATEGORIES].join(', ')}.`;
  }
  if (record.authMethod !== undefined && (typeof record.authMethod !== 'string' || !AUTH_METHODS.has(record.authMethod))) {
    return `${where} returned ${it} with an unknown "authMethod" ${describe(record.authMethod)}; expected oauth or credentials.`;
  }
  for (const field of BOOLEAN_FIELDS) {
    if (record[field] !== undefined && typeof record[field] !== 'boolean') {
      return `${where} returned ${it} with a "${field}" that is not true or false: ${describe(record[field])}.`;
    }
  }
  if (record.accountId !== undefined && typeof record.accountId !== 'string') {
    return `${where} returned ${it} with an "accountId" that is not a string: ${describe(record.accountId)}.`;
  }
  for (const field of DATE_FIELDS) {
    const date = record[field];
    if (date !== undefined && (typeof date !== 'string' || parseTime(date) === undefined)) {
      return `${where} returned ${it} with a "${field}" that is not an ISO 8601 date: ${describe(date)}.`;
    }
  }
  const backfill = record.backfill as { since?: unknown; progress?: unknown } | undefined;
  if (backfill !== undefined) {
    if (typeof backfill !== 'object' || backfill === null || typeof backfill.since !== 'string' || parseTime(backfill.since) === undefined) {
      return `${where} returned ${it} with a "backfill.since" that is not an ISO 8601 date.`;
    }
    if (backfill.progress !== undefined && !(typeof backfill.progress === 'number' && backfill.progress >= 0 && backfill.progress <= 1)) {
      return `${where} returned ${it} with a "backfill.progress" outside 0..1: ${describe(backfill.progress)}.`;
    }
  }
  const error = record.error as { message?: unknown } | undefined;
  if (error !== undefined && (typeof error !== 'object' || error === null || typeof error.message !== 'string')) {
    return `${where} returned ${it} with an "error" that has no "message" string.`;
  }
  return null;
}

/** Throws a non-retryable `adapter_failed` error when the value is not a well-formed connection. */
function assertConnection(value: unknown, where: string): asserts value is Connection {
  const problem = findConnectionProblem(value, where);
  if (problem) throw new ConnectionsError('adapter_failed', problem, { retryable: false });
}

export interface CheckedList {
  connections: Connection[];
  /** One sentence per malformed or duplicate entry. */
  problems: string[];
  /** Ids whose entry was malformed (their last good version should stay). */
  malformedIds: string[];
  /** Every id the answer names, good or malformed, once each, in the answer's order. */
  order: string[];
}

/** Splits a list answer into the well-formed connections and sentences about the rest. */
function checkConnectionList(value: unknown, where: string): CheckedList {
  if (!Array.isArray(value)) {
    throw new ConnectionsError('adapter_failed', `${where} resolved with ${describe(value)} instead of an array of connections.`, {
      retryable: false,
    });
  }
  const connections: Connection[] = [];
  const problems: string[] = [];
  const malformedIds: string[] = [];
  const order: string[] = [];
  const seen = new Set<string>();
  for (const entry of value as unknown[]) {
    const problem = findConnectionProblem(entry, where);
    if (problem) {
      problems.push(problem);
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && id !== '' && !seen.has(id)) {
        seen.add(id);
        malformedIds.push(id);
        order.push(id);
      }
      continue;
    }
    const connection = entry as Connection;
    if (seen.has(connection.id)) {
      problems.push(`${where} returned the id "${connection.id}" more than once; only the first is shown.`);
      continue;
    }
    seen.add(connection.id);
    connections.push(connection);
    order.push(connection.id);
  }
  return { connections, problems, malformedIds, order };
}

function named(record: Record<string, unknown>): string {
  const name = typeof record.accountName === 'string' ? record.accountName : undefined;
  const provider = typeof record.provider === 'string' ? record.provider : undefined;
  if (name && provider) return ` (${provider} account "${name}")`;
  if (name) return ` (account "${name}")`;
  return '';
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : String(value);
}

export { assertConnection, checkConnectionList, findConnectionProblem };
