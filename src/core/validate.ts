import { ConnectionsError } from './errors';
import { parseTime } from './time';
import type { Connection } from './types';

/* -------------------------------------------------------------------------------------------------
 * Checking what an adapter returns
 *
 * One table of rules, read in order; the first one broken becomes a sentence that names the
 * connection, the field, what it held and what it must hold.
 * -----------------------------------------------------------------------------------------------*/

/** A field of `Connection` (`?` where it may be left out), or one of `backfill` or `error`. */
type Path = `${keyof Connection}${'' | '?'}` | `backfill.${'since' | 'progress?'}` | `error.${'message' | 'code?'}`;
type Rule = [path: Path, expected: string, test: (value: unknown) => boolean];

const oneOf = (path: Path, values: string[]): Rule => [path, `one of ${values.join(', ')}`, (value) => values.includes(value as string)];
const isText = (value: unknown) => typeof value === 'string' && value !== '';
const isString = (value: unknown) => typeof value === 'string';
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown) => parseTime(value) !== undefined;
const DATE = 'an ISO 8601 date';

/**
 * A path ending in `?` may be left out; `a.b` is checked only when `a` is there. `id` comes first:
 * every later sentence names the connection by it.
 */
const RULES: Rule[] = [
  ['id', 'a non-empty string', isText],
  ['provider', 'a non-empty string', isText],
  ['accountName', 'a string', isString],
  oneOf('status', ['connected', 'authorization_required', 'backfilling', 'error']),
  oneOf('category', ['advertising', 'crm', 'other']),
  oneOf('authMethod?', ['oauth', 'credentials']),
  ['autoTagging?', 'true or false', isBoolean],
  ['canReauthorize?', 'true or false', isBoolean],
  ['accountId?', 'a string', isString],
  ['statusSince?', DATE, isDate],
  ['lastSyncedAt?', DATE, isDate],
  ['expiresAt?', DATE, isDate],
  ['backfill?', 'an object', isObject],
  ['backfill.since', DATE, isDate],
  ['backfill.progress?', 'a number from 0 to 1', (value) => typeof value === 'number' && value >= 0 && value <= 1],
  ['error?', 'an object', isObject],
  ['error.message', 'a string', isString],
  ['error.code?', 'a string', isString],
];

/** The fields of `Connection`, as RULES names them, and those of the objects inside it. */
const FIELDS = [...new Set(RULES.map(([path]) => path.replace('?', '').split('.')[0]!))];
const NESTED: [string, string[]][] = [
  ['backfill', ['since', 'progress']],
  ['error', ['message', 'code']],
];

/**
 * A copy of an object's own fields and of the named ones wherever they live (a class's getters,
 * an `Error`'s own but hidden `message`), leaving out methods that only share a field's name.
 */
function copyFields(source: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...source };
  for (const name of names) {
    if (name in copy || !(name in source)) continue;
    const value = source[name];
    if (typeof value !== 'function') copy[name] = value;
  }
  return copy;
}

export interface CheckedConnection {
  /**
   * A copy of the connection (and of its `error` and `backfill`) without its malformed optional
   * fields, or `null` when a required one is. A copy: an adapter that later changes its own object
   * changes nothing shown, and its next version of it is seen as the change it is.
   */
  connection: Connection | null;
  /** The value's `id` as read (once), whatever it held. */
  id?: unknown;
  /** One sentence per problem, naming the field and the connection. */
  problems: string[];
  /**
   * `accountId` was malformed and left out: the account check cannot run on this value. A list
   * or a push shows it without one (sign-ins are checked against the last one read); a sign-in's
   * result fails.
   */
  lostAccountId?: boolean;
}

/**
 * Checks a value that should be a `Connection`. A malformed optional field (a date in another
 * format, say) is left out of the connection and reported, so that a connection whose status
 * changed shows its new status; a malformed required field (`id`, `provider`, `accountName`,
 * `status`, `category`) rejects the whole value.
 */
function checkConnection(value: unknown, where: string): CheckedConnection {
  let record: Record<string, Record<string, unknown> | undefined>;
  const problems: string[] = [];
  const unreadable = (error: unknown) => (error instanceof Error ? error.message : String(error));
  try {
    if (!isObject(value)) return { connection: null, problems: [`${where} returned ${describe(value)} where a connection object was expected.`] };
    // Every field read once, here (a getter, a Proxy), and the checks below see what is kept:
    // its own fields, and the known ones wherever they live (a class's getters).
    record = copyFields(value as Record<string, unknown>, FIELDS) as typeof record;
  } catch (error) {
    return { connection: null, problems: [`${where} returned a connection that could not be read: ${unreadable(error)}`] };
  }
  const { id } = record;
  for (const [key, names] of NESTED) {
    if (!isObject(record[key])) continue;
    try {
      record[key] = copyFields(record[key]!, names);
    } catch (error) {
      // Optional: it goes, the connection stays.
      delete record[key];
      problems.push(`${where} returned connection "${String(id)}" whose "${key}" could not be read: ${unreadable(error)}`);
    }
  }
  let lostAccountId = false;
  for (const [path, expected, test] of RULES) {
    const optional = path.endsWith('?');
    const [key, inner] = path.replace('?', '').split('.') as [string, string?];
    const field = inner ? record[key]?.[inner] : record[key];
    if (inner && record[key] === undefined) continue;
    if ((optional && field === undefined) || test(field)) continue;
    const name = path.replace('?', '');
    const which = key === 'id' ? 'a connection' : `connection "${record.id as unknown as string}"`;
    const what = field === undefined ? `without "${name}"` : `whose "${name}" is ${describe(field)}`;
    const problem = `${where} returned ${which} ${what}; it must be ${expected}${key === 'id' ? named(record) : ''}.`;
    // The required fields come first in RULES: past them, every field may be left out.
    if (!optional && !inner) return { connection: null, problems: [problem], id };
    problems.push(problem);
    if (key === 'accountId') lostAccountId = true;
    if (inner && optional) {
      // backfill.progress: only the inner field goes, backfill.since stays.
      const { [inner]: _left, ...parent } = record[key]!;
      record = { ...record, [key]: parent };
    } else {
      const { [key]: _left, ...rest } = record;
      record = rest;
    }
  }
  return { connection: record as unknown as Connection, problems, id, ...(lostAccountId && { lostAccountId }) };
}

/**
 * The first thing wrong with a value that should be a `Connection`, as a sentence naming the
 * field and the connection, or `null` when it is well formed.
 */
function findConnectionProblem(value: unknown, where: string): string | null {
  return checkConnection(value, where).problems[0] ?? null;
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
  /** Every id the answer names, good or malformed, once each, in the answer's order. */
  order: string[];
  /** Some entry had no usable id: it may be any connection, so none can be taken as gone. */
  unnamed: boolean;
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
  /** Ids in the answer's order; `shown`, those of the connections kept. */
  const order = new Set<string>();
  const shown = new Set<string>();
  let unnamed = false;
  for (const entry of value as unknown[]) {
    const checked = checkConnection(entry, where);
    const { id, connection } = checked;
    problems.push(...checked.problems);
    if (connection) {
      if (shown.has(connection.id)) problems.push(`${where} returned the id "${connection.id}" more than once; only the first well-formed one is shown.`);
      else connections.push(connection);
      shown.add(connection.id);
    }
    // A rejected entry keeps its place: the store shows its last good version there (or a
    // well-formed entry with its id further on).
    if (isText(id)) order.add(id as string);
    else unnamed = true;
  }
  return { connections, problems, order: [...order], unnamed };
}

/** Who a connection without an id belongs to, as far as it says. */
function named(record: Record<string, unknown>): string {
  const { accountName: name, provider } = record;
  if (!isText(name)) return '';
  return isText(provider) ? ` (${provider as string} account "${name as string}")` : ` (account "${name as string}")`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return value && typeof value === 'object' ? 'an object' : String(value);
}

export { assertConnection, checkConnection, checkConnectionList, findConnectionProblem };
