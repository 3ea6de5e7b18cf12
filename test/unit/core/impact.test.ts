import { describe, expect, it } from 'vitest';
import { describeImpact, getExpiry } from '../../../src/core/impact';
import { makeConnection } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * describeImpact: what a connection that is not connected has stopped, and what comes back
 * -----------------------------------------------------------------------------------------------*/

const NOW = Date.parse('2025-03-10T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('given a lapsed advertising connection with auto-tagging on', () => {
  const connection = makeConnection({
    id: 'gads',
    category: 'advertising',
    status: 'authorization_required',
    statusSince: '2025-03-07T08:00:00.000Z',
    autoTagging: true,
  });

  it('says cost data and the tagging of new ads have stopped, for good', () => {
    const impact = describeImpact(connection, { now: NOW });
    expect(impact).toEqual({
      stopped: ['cost_data', 'ad_tagging'],
      since: '2025-03-07T08:00:00.000Z',
      durationMs: 3 * DAY + 4 * HOUR,
      recovery: 'permanent',
      untaggedTouchpoints: true,
      backfilling: false,
    });
  });

  it('measures from a Date as well as from a number', () => {
    expect(describeImpact(connection, { now: new Date(NOW) })?.durationMs).toBe(3 * DAY + 4 * HOUR);
  });

  it('leaves out since when for a moment ahead of now, beyond an hour of a clock\'s drift', () => {
    const ahead = (ms: number) => describeImpact({ ...connection, statusSince: new Date(NOW + ms).toISOString() }, { now: NOW });
    expect(ahead(30_000)).toMatchObject({ durationMs: 0 });
    expect(ahead(DAY)).not.toHaveProperty('since');
    expect(ahead(DAY)).not.toHaveProperty('durationMs');
    expect(ahead(DAY)?.stopped).toEqual(['cost_data', 'ad_tagging']);
  });
});

describe('given a lapsed advertising connection without auto-tagging', () => {
  it('says only cost data has stopped, and promises nothing about what comes back', () => {
    const impact = describeImpact(makeConnection({ id: 'meta', category: 'advertising', status: 'authorization_required', autoTagging: false }), { now: NOW });
    expect(impact?.stopped).toEqual(['cost_data']);
    expect(impact?.recovery).toBe('unknown');
    expect(impact?.untaggedTouchpoints).toBe(false);
  });
});

describe('given a lapsed advertising connection that does not say whether auto-tagging is on', () => {
  it('says cost data has stopped, and that the gap is permanent if auto-tagging is on', () => {
    const impact = describeImpact(makeConnection({ id: 'meta', category: 'advertising', status: 'authorization_required' }), { now: NOW });
    expect(impact?.stopped).toEqual(['cost_data']);
    expect(impact?.recovery).toBe('possibly_permanent');
    expect(impact?.untaggedTouchpoints).toBe(false);
  });
});

describe('given a lapsed CRM connection', () => {
  it('says record updates and touchpoint pushes have stopped and will be backfilled', () => {
    const impact = describeImpact(
      makeConnection({ id: 'sfdc', provider: 'salesforce', category: 'crm', status: 'authorization_required', statusSince: '2025-03-08T12:00:00.000Z' }),
      { now: NOW },
    );
    expect(impact).toEqual({
      stopped: ['record_updates', 'touchpoint_push'],
      since: '2025-03-08T12:00:00.000Z',
      durationMs: 2 * DAY,
      recovery: 'backfilled',
      untaggedTouchpoints: false,
      backfilling: false,
    });
  });

  it('never speaks of ad tagging, even when the CRM record carries autoTagging', () => {
    const impact = describeImpact(makeConnection({ id: 'crm', category: 'crm', status: 'error', autoTagging: true }), { now: NOW });
    expect(impact?.stopped).not.toContain('ad_tagging');
    expect(impact?.untaggedTouchpoints).toBe(false);
  });
});

describe('given a connection to some other kind of platform', () => {
  it('says data sync has stopped and that recovery is unknown', () => {
    const impact = describeImpact(makeConnection({ id: 'x', provider: 'acme', category: 'other', status: 'error' }), { now: NOW });
    expect(impact?.stopped).toEqual(['data_sync']);
    expect(impact?.recovery).toBe('unknown');
  });
});

describe('given a CRM connection that is backfilling', () => {
  it('says nothing is stopped, the gap is being backfilled, measured from the backfill start', () => {
    const impact = describeImpact(
      makeConnection({
        id: 'd365',
        category: 'crm',
        status: 'backfilling',
        statusSince: '2025-03-10T11:00:00.000Z',
        backfill: { since: '2025-03-06T12:00:00.000Z', progress: 0.4 },
      }),
      { now: NOW },
    );
    expect(impact).toEqual({
      stopped: [],
      since: '2025-03-06T12:00:00.000Z',
      durationMs: 4 * DAY,
      recovery: 'backfilled',
      untaggedTouchpoints: false,
      backfilling: true,
    });
  });

  it('falls back to statusSince when the backfill has no start of its own', () => {
    const connection = makeConnection({ id: 'd365', category: 'crm', status: 'backfilling', statusSince: '2025-03-10T11:00:00.000Z' });
    expect(describeImpact(connection, { now: NOW })?.durationMs).toBe(HOUR);
  });
});

describe('given a connected connection', () => {
  it('has no impact to describe', () => {
    expect(describeImpact(makeConnection({ id: 'ok', status: 'connected', autoTagging: true }), { now: NOW })).toBeNull();
  });
});

describe('given a status date that is missing or cannot be read', () => {
  it('leaves out since and duration instead of inventing them', () => {
    for (const statusSince of [undefined, '', 'last Tuesday-ish', '2025-13-45']) {
      const impact = describeImpact(makeConnection({ id: 'gads', status: 'authorization_required', statusSince }), { now: NOW });
      expect(impact).not.toBeNull();
      expect(impact).not.toHaveProperty('since');
      expect(impact).not.toHaveProperty('durationMs');
      expect(impact?.stopped).toEqual(['cost_data']);
    }
  });

  it('never reports a negative duration when the clock is behind the server', () => {
    const impact = describeImpact(makeConnection({ id: 'gads', status: 'error', statusSince: '2025-03-10T12:05:00.000Z' }), { now: NOW });
    expect(impact?.durationMs).toBe(0);
  });
});

/* -------------------------------------------------------------------------------------------------
 * getExpiry
 * -----------------------------------------------------------------------------------------------*/

describe('given a connection that says when its grant lapses', () => {
  const at = (ms: number) => new Date(NOW + ms).toISOString();

  it('counts whole days left, rounding up, and warns within seven days by default', () => {
    const inThreeDays = makeConnection({ id: 'meta', status: 'connected', expiresAt: at(2 * DAY + HOUR) });
    expect(getExpiry(inThreeDays, { now: NOW })).toEqual({ expiresAt: inThreeDays.expiresAt, daysLeft: 3, expiring: true, expired: false });
    expect(getExpiry(makeConnection({ id: 'meta', status: 'connected', expiresAt: at(HOUR) }), { now: NOW })).toMatchObject({ daysLeft: 1, expiring: true });
    expect(getExpiry(makeConnection({ id: 'meta', status: 'connected', expiresAt: at(12 * DAY) }), { now: NOW })).toMatchObject({ daysLeft: 12, expiring: false });
  });

  it('takes its own warning window', () => {
    const inTenDays = makeConnection({ id: 'meta', status: 'connected', expiresAt: at(10 * DAY) });
    expect(getExpiry(inTenDays, { now: NOW, warningDays: 14 })?.expiring).toBe(true);
    expect(getExpiry(inTenDays, { now: new Date(NOW), warningDays: 3 })?.expiring).toBe(false);
  });

  it('warns only while the connection works: a lapsed one already says so', () => {
    const soon = at(DAY);
    expect(getExpiry(makeConnection({ id: 'd365', category: 'crm', status: 'backfilling', expiresAt: soon }), { now: NOW })?.expiring).toBe(true);
    expect(getExpiry(makeConnection({ id: 'gads', status: 'authorization_required', expiresAt: soon }), { now: NOW })?.expiring).toBe(false);
    expect(getExpiry(makeConnection({ id: 'ms', status: 'error', error: { message: 'x' }, expiresAt: soon }), { now: NOW })?.expiring).toBe(false);
  });

  it('reads a past moment as expired, and leaves the status to the adapter', () => {
    const lapsed = makeConnection({ id: 'meta', status: 'connected', expiresAt: at(-2 * DAY) });
    expect(getExpiry(lapsed, { now: NOW })).toMatchObject({ expired: true, expiring: false, daysLeft: -2 });
    expect(lapsed.status).toBe('connected');
    expect(getExpiry(makeConnection({ id: 'meta', status: 'connected', expiresAt: at(0) }), { now: NOW })?.expired).toBe(true);
  });

  it('says nothing without a date that parses', () => {
    expect(getExpiry(makeConnection({ id: 'meta', status: 'connected' }), { now: NOW })).toBeUndefined();
    expect(getExpiry(makeConnection({ id: 'meta', status: 'connected', expiresAt: 'next week' }), { now: NOW })).toBeUndefined();
  });
});
