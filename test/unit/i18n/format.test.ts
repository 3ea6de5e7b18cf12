import { describe, expect, it } from 'vitest';
import { describeImpact } from '../../../src/core/impact';
import type { Connection } from '../../../src/core/types';
import { formatAgo, formatDate, isolate } from '../../../src/i18n/format';

/* Relative days follow the calendar, so "yesterday" agrees with the date shown beside it. */

const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const iso = (time: number) => new Date(time).toISOString();
const lapsed: Connection = { id: 'a', provider: 'google_ads', category: 'advertising', accountName: 'Acme', status: 'authorization_required' };

describe('given a moment more than a day ago', () => {
  it('says "2 days ago" for late on Monday seen early on Wednesday, though only 33 hours passed', () => {
    const monday = at(2026, 11, 23, 23);
    const wednesday = at(2026, 11, 25, 8);
    expect(formatAgo(iso(monday), 'en', wednesday)).toBe('2 days ago');
    expect(formatAgo(iso(monday), 'es', wednesday)).toBe('anteayer');
    expect(formatDate(iso(monday), 'en')).toMatch(/^Nov 23, 2026/);
  });

  it('says "yesterday" for any time on the day before', () => {
    const today = at(2026, 11, 25, 23, 30);
    expect(formatAgo(iso(at(2026, 11, 24, 0, 5)), 'en', today)).toBe('yesterday');
    expect(formatAgo(iso(at(2026, 11, 24, 22, 0)), 'en', at(2026, 11, 25, 23, 0))).toBe('yesterday');
  });

  it('keeps hours within the last day', () => {
    expect(formatAgo(iso(at(2026, 11, 24, 23, 0)), 'en', at(2026, 11, 25, 8, 0))).toBe('9 hours ago');
    expect(formatAgo(iso(at(2026, 11, 25, 7, 59)), 'en', at(2026, 11, 25, 8, 0))).toBe('1 minute ago');
  });
});

describe('given a moment ahead of now', () => {
  it('says "now" within an hour of a clock\'s drift, and has no words further ahead', () => {
    const now = at(2026, 11, 25, 8, 0);
    expect(formatAgo(iso(now + 5 * 60_000), 'en', now)).toBe('now');
    expect(formatAgo(iso(now + 2 * 3_600_000), 'en', now)).toBeUndefined();
    expect(formatAgo('2099-01-01T00:00:00Z', 'es', now)).toBeUndefined();
  });
});

describe('given a date without a time', () => {
  it('shows that calendar day, without a time, whatever the zone', () => {
    expect(formatDate('2025-03-07', 'en')).toBe('Mar 7, 2025');
    expect(formatDate('2025-03-07', 'es')).toBe('7 mar 2025');
    expect(formatDate('2025-03-07T10:00:00Z', 'en')).toMatch(/^Mar 7, 2025, /);
  });
});

describe('given an account name set inside a sentence', () => {
  it('leaves left-to-right names as they are', () => {
    expect(isolate('Acme Search')).toBe('Acme Search');
    expect(isolate('Café Ñandú — 東京')).toBe('Café Ñandú — 東京');
  });

  it('isolates right-to-left names, so the words around them keep their order', () => {
    expect(isolate('חברת אקמה')).toBe('\u2068חברת אקמה\u2069');
    expect(isolate('شركة أكمي 2')).toBe('\u2068شركة أكمي 2\u2069');
    // Adlam, beyond the BMP.
    expect(isolate('\u{1E900}\u{1E923} 2')).toBe('\u2068\u{1E900}\u{1E923} 2\u2069');
  });

  it('drops the direction controls a name carries, so none can end the isolation or turn the sentence around', () => {
    expect(isolate('Acme\u202Etxt.exe')).toBe('\u2068Acmetxt.exe\u2069');
    expect(isolate('x\u2069\u202Ey')).toBe('\u2068xy\u2069');
    expect(isolate('\u2067unclosed')).toBe('\u2068unclosed\u2069');
  });
});

describe('given a date without a time, west of Greenwich', () => {
  it('counts the days to it from today\'s date, so "ago" agrees with the date beside it', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // 10:00 on the 26th in New York.
      const now = at(2026, 11, 26, 10);
      expect(formatDate('2026-11-25', 'en')).toBe('Nov 25, 2026');
      expect(formatAgo('2026-11-25', 'en', now)).toBe('yesterday');
      expect(formatAgo('2026-11-26', 'en', now)).toBe('today');
      expect(formatAgo('2026-11-20', 'es', now)).toBe('hace 6 días');
      expect(formatAgo('2026-11-27', 'en', now)).toBeUndefined();
      // 20:00 here is already the 27th in UTC, where a server may write its date.
      const evening = at(2026, 11, 26, 20);
      expect(formatAgo('2026-11-27', 'en', evening)).toBe('today');
      expect(describeImpact({ ...lapsed, statusSince: '2026-11-27' }, { now: evening })).toHaveProperty('since', '2026-11-27');
      expect(formatAgo('2026-11-28', 'en', evening)).toBeUndefined();
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('given a date without a time, east of Greenwich', () => {
  it('says "today" for today\'s date, even before it has begun in UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      // 00:30 on the 26th in Tokyo: still the 25th in UTC.
      const now = at(2026, 11, 26, 0, 30);
      expect(formatAgo('2026-11-26', 'en', now)).toBe('today');
      expect(formatAgo('2026-11-25', 'es', now)).toBe('ayer');
      expect(formatAgo('2026-11-27', 'en', now)).toBeUndefined();
      expect(describeImpact({ ...lapsed, statusSince: '2026-11-26' }, { now })).toMatchObject({ since: '2026-11-26', durationMs: 0 });
    } finally {
      process.env.TZ = zone;
    }
  });
});
