import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../../src/components/connection-list';
import type { ListView } from '../../../src/components/connection-list';
import type { Connection, ConnectionCategory, ConnectionStatus } from '../../../src/core/types';

/* -------------------------------------------------------------------------------------------------
 * The list's arrangement under any sequence of changes: every connection shown exactly once, in
 * its category; needing attention first whenever the order is worked out; and no row moves while
 * the same connections come again in the same order.
 * -----------------------------------------------------------------------------------------------*/

const STATUSES: ConnectionStatus[] = ['connected', 'authorization_required', 'backfilling', 'error'];
const CATEGORIES: ConnectionCategory[] = ['advertising', 'crm', 'other'];

const connectionArb = (id: string) =>
  fc.record({ status: fc.constantFrom(...STATUSES), category: fc.constantFrom(...CATEGORIES) }).map(
    ({ status, category }): Connection => ({ id, provider: 'google_ads', category, accountName: `Account ${id}`, status }),
  );

const listArb = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }).chain((ids) => fc.tuple(...ids.map((id) => connectionArb(`c${id}`))));

/** What happens next to the list: statuses change in place, or a whole new list arrives. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('statuses' as const), statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: 30, maxLength: 30 }) }),
  fc.record({ kind: fc.constant('list' as const), list: listArb }),
);

const urgency = (c: Connection) => (c.status === 'authorization_required' ? 0 : c.status === 'error' ? 1 : 2);
const shown = (view: ListView) => view.groups.flatMap((group) => group.items.map((item) => `${group.category}:${item.id}`));

function expectEveryConnectionOnce(view: ListView, connections: readonly Connection[]): void {
  expect([...shown(view)].sort()).toEqual(connections.map((c) => `${c.category}:${c.id}`).sort());
}

function expectAttentionFirst(view: ListView): void {
  for (const group of view.groups) {
    const ranks = group.items.map(urgency);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  }
}

describe('arrange, over any sequence of changes', () => {
  it('shows each connection once; sorts when the set changes; keeps every row in place otherwise', () => {
    fc.assert(
      fc.property(listArb, fc.array(stepArb, { maxLength: 8 }), fc.boolean(), (first, steps, fresh) => {
        let connections: readonly Connection[] = first;
        let view = arrange(connections, 'ready', null, null, fresh);
        expectEveryConnectionOnce(view, connections);
        expectAttentionFirst(view);

        for (const step of steps) {
          const before = shown(view);
          const next =
            step.kind === 'statuses' ? connections.map((c, i) => ({ ...c, status: step.statuses[i]! })) : step.list;
          const sameOrder = next.length === connections.length && next.every((c, i) => c.id === connections[i]!.id && c.category === connections[i]!.category);
          view = arrange(next, 'ready', null, view, fresh);
          connections = next;

          expectEveryConnectionOnce(view, connections);
          if (sameOrder) {
            expect(shown(view)).toEqual(before);
            // Rows from props show their latest version; store rows read their own.
            if (fresh) expect(view.groups.flatMap((g) => g.items)).toEqual(expect.arrayContaining([...connections]));
          } else {
            expectAttentionFirst(view);
          }
        }
      }),
    );
  });
});
