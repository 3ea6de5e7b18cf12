import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../../src/components/connection-list';
import type { Connection, ConnectionCategory, ConnectionStatus } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The list's arrangement for any connections: every connection shown exactly once, in its category
 * (an unknown one under "Other"); groups in a fixed order, empty ones left out; in each, lapsed
 * first (the longest lapsed first, an unknown start last), then errors, then the rest, each of
 * those in the adapter's order; and the count of lapsed connections.
 * -----------------------------------------------------------------------------------------------*/

const STATUSES: ConnectionStatus[] = ['connected', 'authorization_required', 'backfilling', 'error'];
const CATEGORIES = ['advertising', 'crm', 'other', 'unknown-kind'] as ConnectionCategory[];
const NOW = Date.parse('2026-03-10T12:00:00Z');

const connectionArb = (id: string) =>
  fc
    .record({
      status: fc.constantFrom(...STATUSES),
      category: fc.constantFrom(...CATEGORIES),
      // Hours ago, or no date, or one that does not parse.
      since: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constant(undefined), fc.constant('whenever')),
    })
    .map(
      ({ status, category, since }): Connection => ({
        id,
        provider: 'google_ads',
        category,
        accountName: `Account ${id}`,
        status,
        statusSince: typeof since === 'number' ? new Date(NOW - since * 3_600_000).toISOString() : since,
      }),
    );

const listArb = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }).chain((ids) => fc.tuple(...ids.map((id) => connectionArb(`c${id}`))));

const shownIn = (category: ConnectionCategory) => (CATEGORIES.slice(0, 3).includes(category) ? category : 'other');
const rank = (c: Connection) => (c.status === 'authorization_required' ? 0 : c.status === 'error' ? 1 : 2);
const lapsedAt = (c: Connection) => Date.parse(c.statusSince!) || Infinity;

describe('arrange, for any connections', () => {
  it('shows each connection once, in its group, the lapsed first and longest lapsed first, the rest in order', () => {
    fc.assert(
      fc.property(listArb, (connections) => {
        const groups = arrange(connections);

        // Every connection once, in the group of its category.
        const shown = groups.flatMap((group) => group.items.map((item) => `${group.category}:${item.id}`));
        expect([...shown].sort()).toEqual(connections.map((c) => `${shownIn(c.category)}:${c.id}`).sort());

        // Groups in a fixed order, none empty.
        const order = groups.map((group) => group.category);
        expect(order).toEqual(['advertising', 'crm', 'other'].filter((category) => order.includes(category as ConnectionCategory)));
        expect(groups.every((group) => group.items.length > 0)).toBe(true);

        for (const { category, items } of groups) {
          // Lapsed, then errors, then the rest.
          const ranks = items.map(rank);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          // The longest lapsed first; an unknown start after every known one.
          const lapsed = items.filter((c) => rank(c) === 0).map(lapsedAt);
          expect(lapsed).toEqual([...lapsed].sort((a, b) => a - b));
          // Errors and the rest keep the adapter's order.
          const given = connections.filter((c) => shownIn(c.category) === category);
          for (const r of [1, 2]) expect(items.filter((c) => rank(c) === r)).toEqual(given.filter((c) => rank(c) === r));
        }

        expect(groups.attention).toBe(connections.filter((c) => c.status === 'authorization_required').length);
      }),
    );
  });

  it('gives the same arrangement for the same connections, and leaves them as they were given', () => {
    fc.assert(
      fc.property(listArb, (connections) => {
        const copy = connections.map((c) => ({ ...c }));
        const first = arrange(connections);
        expect(connections).toEqual(copy);
        expect(arrange(connections).map((g) => g.items)).toEqual(first.map((g) => g.items));
      }),
    );
  });
});
