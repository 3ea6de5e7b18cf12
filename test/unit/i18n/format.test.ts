import { describe, expect, it } from 'vitest';
import { describeImpact } from '../../../src/core/impact';
import type { Connection } from '../../../src/core/types';
import { formatAgo, formatDate, formatDuration, formatSince, short } from '../../../src/i18n/format';

/* Relative days follow the calendar, so "yesterday" is the day before today. */

const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const iso = (time: number) => new Date(time).toISOString();
const lapsed: Connection = { id: 'a', provider: 'google_ads', category: 'advertising', accountName: 'Acme', status: 'authorization_required' };

/** Runs `check` with the process in another time zone. */
function inZone(zone: string, check: () => void) {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    check();
  } finally {
    process.env.TZ = before;
  }
}

describe('given a moment more than a day ago', () => {
  it('says "2 days ago" for late on Monday seen early on Wednesday, though only 33 hours passed', () => {
    const monday = at(2026, 11, 23, 23);
    const wednesday = at(2026, 11, 25, 8);
    expect(formatAgo(iso(monday), 'en', wednesday)).toBe('2 days ago');
    expect(formatAgo(iso(monday), 'es', wednesday)).toBe('anteayer');
    expect(formatDate(iso(monday), 'en')).toBe('Nov 23, 2026');
  });

  it('says "yesterday" for any time on the day before', () => {
    const today = at(2026, 11, 25, 23, 30);
    expect(formatAgo(iso(at(2026, 11, 24, 0, 5)), 'en', today)).toBe('yesterday');
    expect(formatAgo(iso(at(2026, 11, 24, 22, 0)), 'en', at(2026, 11, 25, 23, 0))).toBe('yesterday');
  });

  it('keeps hours within the last day, and counts many days', () => {
    expect(formatAgo(iso(at(2026, 11, 24, 23, 0)), 'en', at(2026, 11, 25, 8, 0))).toBe('9 hours ago');
    expect(formatAgo(iso(at(2026, 11, 25, 7, 59)), 'en', at(2026, 11, 25, 8, 0))).toBe('1 minute ago');
    expect(formatAgo(iso(at(2026, 10, 1, 12, 0)), 'en', at(2026, 11, 25, 12, 0))).toBe('55 days ago');
  });
});

describe('given a moment under a minute ago, or ahead of now', () => {
  it('says "now" under a minute, and within an hour of a clock\'s drift, and has no words further ahead', () => {
    const now = at(2026, 11, 25, 8, 0);
    expect(formatAgo(iso(now - 30_000), 'en', now)).toBe('now');
    expect(formatAgo(iso(now - 30_000), 'es', now)).toBe('ahora');
    expect(formatAgo(iso(now + 5 * 60_000), 'en', now)).toBe('now');
    expect(formatAgo(iso(now + 2 * 3_600_000), 'en', now)).toBeUndefined();
    expect(formatAgo('2099-01-01T00:00:00Z', 'es', now)).toBeUndefined();
  });

  it('has no words for a value that does not parse, or none at all', () => {
    const now = at(2026, 11, 25, 8, 0);
    for (const value of [undefined, '', 'last Tuesday-ish', '2025-13-45']) expect(formatAgo(value, 'en', now)).toBeUndefined();
  });
});

describe('given a date without a time', () => {
  it('shows that calendar day whatever the zone, and a moment as its day here', () => {
    expect(formatDate('2025-03-07', 'en')).toBe('Mar 7, 2025');
    expect(formatDate('2025-03-07', 'es')).toBe('7 mar 2025');
    expect(formatDate('2025-03-07T12:00:00Z', 'en')).toBe('Mar 7, 2025');
    expect(formatDate('not a date', 'en')).toBeUndefined();
    expect(formatDate(undefined, 'en')).toBeUndefined();
  });

  it('counts the days to it from today\'s date west of Greenwich, so a date is never "15 hours ago"', () => {
    inZone('America/New_York', () => {
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
      expect(formatAgo('2026-11-28', 'en', evening)).toBeUndefined();
      expect(describeImpact({ ...lapsed, statusSince: '2026-11-27' }, { now: evening })).toHaveProperty('since', '2026-11-27');
    });
  });

  it('says "today" for today\'s date east of Greenwich, even before it has begun in UTC', () => {
    inZone('Asia/Tokyo', () => {
      // 00:30 on the 26th in Tokyo: still the 25th in UTC.
      const now = at(2026, 11, 26, 0, 30);
      expect(formatAgo('2026-11-26', 'en', now)).toBe('today');
      expect(formatAgo('2026-11-25', 'es', now)).toBe('ayer');
      expect(formatAgo('2026-11-27', 'en', now)).toBeUndefined();
    });
  });

  it('keeps today\'s date east of Greenwich as when a connection stopped, so the dialog says "Stopped today"', () => {
    inZone('Asia/Tokyo', () => {
      const now = at(2026, 11, 26, 0, 30);
      expect(describeImpact({ ...lapsed, statusSince: '2026-11-26' }, { now })).toMatchObject({ since: '2026-11-26', durationMs: 0 });
    });
  });
});

describe('given a span of time', () => {
  it('says it in its largest whole unit, and nothing under a minute', () => {
    expect(formatDuration(3 * 86_400_000 + 5 * 3_600_000, 'en')).toBe('3 days');
    expect(formatDuration(3 * 86_400_000, 'es')).toBe('3 días');
    expect(formatDuration(2 * 3_600_000 + 59 * 60_000, 'en')).toBe('2 hours');
    expect(formatDuration(60_000, 'en')).toBe('1 minute');
    expect(formatDuration(59_999, 'en')).toBeUndefined();
  });

  it('measures since a moment, and has no words for one ahead or one that does not parse', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(formatSince('2026-03-07T12:00:00Z', 'en', now)).toBe('3 days');
    expect(formatSince('2026-03-11T12:00:00Z', 'en', now)).toBeUndefined();
    expect(formatSince('whenever', 'en', now)).toBeUndefined();
    expect(formatSince(undefined, 'en', now)).toBeUndefined();
  });
});

describe('given adapter text set inside a sentence', () => {
  it('leaves left-to-right text as it is', () => {
    expect(short('Acme Search', true)).toBe('Acme Search');
    expect(short('Café Ñandú — 東京', true)).toBe('Café Ñandú — 東京');
  });

  it('isolates right-to-left text, so the words around it keep their order', () => {
    expect(short('חברת אקמה', true)).toBe('\u2068חברת אקמה\u2069');
    expect(short('شركة أكمي 2', true)).toBe('\u2068شركة أكمي 2\u2069');
  });

  it('drops the direction controls it carries, so none can end the isolation or turn the sentence around', () => {
    expect(short('Acme\u202Etxt.exe', true)).toBe('\u2068Acmetxt.exe\u2069');
    expect(short('x\u2069\u202Ey', true)).toBe('\u2068xy\u2069');
    expect(short('\u2067unclosed', true)).toBe('\u2068unclosed\u2069');
  });

  it('keeps text as it is outside a sentence, where it sits in its own element', () => {
    expect(short('חברת\u202E אקמה')).toBe('חברת\u202E אקמה');
  });
});

describe('given adapter text of a megabyte', () => {
  it('shows at most 200 characters and an ellipsis', () => {
    const shown = short('a'.repeat(1_048_576));
    expect(shown).toBe(`${'a'.repeat(200)}…`);
    expect(short('a'.repeat(200))).toBe('a'.repeat(200));
  });

  it('never cuts a character beyond the BMP in half', () => {
    const shown = short(`${'a'.repeat(199)}😀${'b'.repeat(50)}`);
    expect(shown).toBe(`${'a'.repeat(199)}…`);
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
