import { describe, expect, it } from 'vitest';
import { checkConnection, findConnectionProblem } from '../../../src/core/validate';
import { makeConnection } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Checking adapter data: only what the screen depends on, and every message names the connection
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
      error: { message: 'Quota.' },
    });
    expect(findConnectionProblem(full, WHERE)).toBeNull();
    expect(checkConnection(full, WHERE)).toEqual([full, undefined]);
    // Not a copy: the adapter's own object.
    expect(checkConnection(full, WHERE)[0]).toBe(full);
  });
});

describe('given a connection the screen cannot show', () => {
  const cases: [string, unknown, RegExp[]][] = [
    ['no id', { provider: 'salesforce', accountName: 'Acme Production', category: 'crm', status: 'connected' }, [/without an id/, /"id" is undefined/]],
    ['an empty id', makeConnection({ id: '' }), [/"id" is ""/]],
    ['an unknown status', makeConnection({ id: 'gads', status: 'paused' as never }), [/"status"/, /"gads"/, /"paused"/, /authorization_required/]],
    ['an unknown category', makeConnection({ id: 'gads', category: 'social' as never }), [/"category"/, /"gads"/, /"social"/]],
    ['a provider that is not a string', makeConnection({ id: 'gads', provider: 7 as never }), [/"provider"/, /"gads"/]],
    ['no account name', makeConnection({ id: 'gads', accountName: undefined as never }), [/"accountName"/, /"gads"/]],
    ['an error without a message', makeConnection({ id: 'ms', status: 'error', error: { code: 'x' } as never }), [/"error"/, /"ms"/, /string message/]],
  ];
  for (const [what, value, patterns] of cases) {
    it(`refuses it and names the field and the connection for ${what}`, () => {
      const [connection, problem] = checkConnection(value, WHERE);
      expect(connection).toBeUndefined();
      expect(problem).toMatchObject({ code: 'adapter_failed', retryable: false });
      expect(problem?.message).toContain(WHERE);
      for (const pattern of patterns) expect(problem?.message).toMatch(pattern);
    });
  }

  it('says what came instead of an object', () => {
    expect(findConnectionProblem(null, WHERE)).toMatch(/null where a connection was expected/);
    expect(findConnectionProblem('gads', WHERE)).toMatch(/"gads" where a connection/);
    expect(findConnectionProblem([], WHERE)).toMatch(/an array where a connection/);
  });

  it('quotes at most a short prefix of what the adapter sent', () => {
    const problem = findConnectionProblem(makeConnection({ id: 'x'.repeat(1_000_000), status: 'y'.repeat(1_000_000) as never }), WHERE);
    expect(problem!.length).toBeLessThan(300);
  });
});

describe('given a date that does not parse', () => {
  for (const field of ['statusSince', 'lastSyncedAt', 'expiresAt', 'reauthorizationRequestedAt'] as const) {
    it(`keeps the connection at run time, and the testing kit names ${field}`, () => {
      const value = makeConnection({ id: 'gads', [field]: 'soon-ish' });
      expect(checkConnection(value, WHERE)).toEqual([value, undefined]);
      expect(findConnectionProblem(value, WHERE)).toMatch(new RegExp(`"gads" whose "${field}" is "soon-ish"; it must be an ISO 8601 date`));
    });
  }
});
