import { describe, expect, it } from 'vitest';
import { ConnectionsError } from '../../../src/core/errors';
import { assertConnection, checkConnectionList, findConnectionProblem } from '../../../src/core/validate';
import { makeConnection } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Checking adapter data: every message names the field and the connection
 * -----------------------------------------------------------------------------------------------*/

const WHERE = 'adapter.listConnections()';

describe('given a well-formed connection', () => {
  it('finds no problem, with every optional field filled in', () => {
    const full = makeConnection({
      id: 'd365',
      category: 'crm',
      status: 'backfilling',
      statusSince: '2025-03-10T11:00:00Z',
      lastSyncedAt: '2025-03-10T11:30:00.000Z',
      expiresAt: '2025-04-01T00:00:00Z',
      authMethod: 'credentials',
      accountId: 'eu-1',
      canReauthorize: false,
      backfill: { since: '2025-03-06T12:00:00Z', progress: 1 },
    });
    expect(findConnectionProblem(full, WHERE)).toBeNull();
    for (const date of ['2025-03-07', '2025-03-07T10:00Z', '2025-03-07T10:00:00+01:00', '2025-03-07T10:00:00.123456Z', '2025-03-07T10:00:00']) {
      expect(findConnectionProblem({ ...full, statusSince: date }, WHERE), date).toBeNull();
    }
    expect(() => assertConnection(full, WHERE)).not.toThrow();
  });
});

describe('given a malformed connection', () => {
  const cases: [string, unknown, RegExp[]][] = [
    ['no id', { provider: 'salesforce', accountName: 'Acme Production', category: 'crm', status: 'connected' }, [/"id"/, /salesforce/, /Acme Production/]],
    ['an empty id', makeConnection({ id: '' }), [/"id"/]],
    ['an unknown status', makeConnection({ id: 'gads', status: 'paused' as never }), [/"status"/, /"gads"/, /"paused"/, /authorization_required/]],
    ['an unknown category', makeConnection({ id: 'gads', category: 'social' as never }), [/"category"/, /"gads"/, /"social"/]],
    ['no provider', makeConnection({ id: 'gads', provider: '' }), [/"provider"/, /"gads"/]],
    ['no account name', makeConnection({ id: 'gads', accountName: undefined as never }), [/"accountName"/, /"gads"/]],
    ['an unknown auth method', makeConnection({ id: 'gads', authMethod: 'saml' as never }), [/"authMethod"/, /"gads"/]],
    ['an unparseable statusSince', makeConnection({ id: 'gads', statusSince: 'yesterday-ish' }), [/"statusSince"/, /"gads"/, /ISO 8601/, /yesterday-ish/]],
    ['a numeric lastSyncedAt', makeConnection({ id: 'gads', lastSyncedAt: 1700000000 as never }), [/"lastSyncedAt"/, /"gads"/]],
    ['an unparseable expiresAt', makeConnection({ id: 'gads', expiresAt: 'soon' }), [/"expiresAt"/, /"gads"/]],
    ['a backfill without a start', makeConnection({ id: 'd365', backfill: {} as never }), [/"backfill.since"/, /"d365"/]],
    ['a backfill progress over 1', makeConnection({ id: 'd365', backfill: { since: '2025-03-06T12:00:00Z', progress: 40 } }), [/"backfill.progress"/, /"d365"/, /40/]],
    ['an error without a message', makeConnection({ id: 'ms', status: 'error', error: { code: 'x' } as never }), [/"error\.message"/, /"ms"/, /without/]],
  ];

  // Formats Date.parse reads differently (or not at all) from one browser to the next.
  for (const date of ['03/07/2025', 'March 7, 2025', '2025-03-07 10:00', '1741341600000', '2025-13-07']) {
    cases.push([`a statusSince of ${date}`, makeConnection({ id: 'gads', statusSince: date }), [/"statusSince"/, /"gads"/, /ISO 8601/]]);
  }
  cases.push(
    ['an autoTagging that is not a boolean', makeConnection({ id: 'gads', autoTagging: 'false' as never }), [/"autoTagging"/, /"gads"/, /"false"/]],
    ['a canReauthorize that is not a boolean', makeConnection({ id: 'gads', canReauthorize: 0 as never }), [/"canReauthorize"/, /"gads"/]],
    ['an accountId that is not a string', makeConnection({ id: 'gads', accountId: 1234567890 as never }), [/"accountId"/, /"gads"/]],
  );

  for (const [what, value, patterns] of cases) {
    it(`names the field and the connection for ${what}`, () => {
      const problem = findConnectionProblem(value, WHERE);
      expect(problem).not.toBeNull();
      expect(problem).toContain(WHERE);
      for (const pattern of patterns) expect(problem).toMatch(pattern);
    });
  }

  it('says what came instead of an object', () => {
    expect(findConnectionProblem(null, WHERE)).toMatch(/null where a connection object was expected/);
    expect(findConnectionProblem('gads', WHERE)).toMatch(/"gads" where a connection object/);
    expect(findConnectionProblem([], WHERE)).toMatch(/an array where a connection object/);
  });

  it('throws a non-retryable adapter_failed from assertConnection', () => {
    let thrown: unknown;
    try {
      assertConnection(makeConnection({ id: 'gads', status: 'paused' as never }), 'adapter.submitCredentials()');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectionsError);
    expect(thrown).toMatchObject({ code: 'adapter_failed', retryable: false });
    expect((thrown as Error).message).toMatch(/adapter\.submitCredentials\(\).*"gads".*"status"/);
  });
});

describe('given a list answer', () => {
  it('keeps the good entries, in order, and describes each bad one', () => {
    const good = [makeConnection({ id: 'a' }), makeConnection({ id: 'b' })];
    const checked = checkConnectionList(
      [good[0], makeConnection({ id: 'c', status: 'gone' as never }), { accountName: 'Nameless' }, good[1]],
      WHERE,
    );
    expect(checked.connections).toEqual(good);
    expect(checked.order).toEqual(['a', 'c', 'b']);
    expect(checked.problems).toHaveLength(2);
    expect(checked.problems[0]).toMatch(/"c".*"status"/);
    expect(checked.problems[1]).toMatch(/"id".*Nameless/);
  });

  it('shows the first of duplicate ids and says which id was repeated', () => {
    const first = makeConnection({ id: 'a', accountName: 'First' });
    const checked = checkConnectionList([first, makeConnection({ id: 'a', accountName: 'Second' })], WHERE);
    expect(checked.connections).toEqual([first]);
    expect(checked.order).toEqual(['a']);
    expect(checked.problems).toEqual([expect.stringMatching(/the id "a" more than once/)]);
  });

  it('refuses an answer that is not an array, saying what it was', () => {
    for (const [answer, described] of [
      [{ connections: [] }, 'an object'],
      [undefined, 'nothing'],
      [null, 'null'],
    ] as const) {
      expect(() => checkConnectionList(answer, WHERE)).toThrow(new RegExp(`${described} instead of an array`));
      try {
        checkConnectionList(answer, WHERE);
      } catch (error) {
        expect(error).toMatchObject({ code: 'adapter_failed', retryable: false });
      }
    }
  });
});
