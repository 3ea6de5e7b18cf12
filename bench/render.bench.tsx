import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { expect, test } from 'vitest';
import { ConnectionList, ConnectionsProvider, getConnectionStore } from '../src';
import type { Connection, ConnectionsAdapter } from '../src';

/* -------------------------------------------------------------------------------------------------
 * The render benchmark: ConnectionList inside ConnectionsProvider against a minimal hand-written
 * memoised list of the same rows (icon, name, status text, button), in one browser process.
 * Both get their data before the clock starts, so what is measured is render and commit work.
 * It prints ratios; it asserts nothing about time.
 * -----------------------------------------------------------------------------------------------*/

const STATUSES = ['connected', 'authorization_required', 'backfilling', 'error'] as const;
const PROVIDERS = [
  ['google_ads', 'advertising'],
  ['meta_ads', 'advertising'],
  ['linkedin_ads', 'advertising'],
  ['microsoft_ads', 'advertising'],
  ['salesforce', 'crm'],
  ['dynamics365', 'crm'],
] as const;

function makeConnections(count: number): Connection[] {
  const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
  return Array.from({ length: count }, (_, index) => {
    const [provider, category] = PROVIDERS[index % PROVIDERS.length]!;
    const status = STATUSES[index % 7 === 0 ? 1 : index % 11 === 0 ? 3 : 0]!;
    return {
      id: `c${index}`,
      provider,
      category,
      accountName: `Account ${index}`,
      status,
      statusSince: since,
      lastSyncedAt: since,
      ...(status === 'error' && { error: { message: 'Sync failed.' } }),
    };
  });
}

/* -- the hand-written floor ---------------------------------------------------------------------- */

const LABELS: Record<string, string> = { connected: 'Connected', authorization_required: 'Authorization required', backfilling: 'Backfilling', error: 'Error' };

const HandRow = React.memo(function HandRow({ connection }: { connection: Connection }) {
  return (
    <li>
      <span aria-hidden>{connection.provider.charAt(0).toUpperCase()}</span>
      <span>{connection.accountName}</span>
      <span>{LABELS[connection.status]}</span>
      {connection.status === 'authorization_required' && <button type="button">Reauthorize {connection.accountName}</button>}
    </li>
  );
});

let setHandConnections: (next: Connection[]) => void = () => {};

function HandList({ initial }: { initial: Connection[] }) {
  const [connections, setConnections] = React.useState(initial);
  setHandConnections = setConnections;
  return (
    <ul>
      {connections.map((connection) => (
        <HandRow key={connection.id} connection={connection} />
      ))}
    </ul>
  );
}

/* -- the library, with data already in its store ------------------------------------------------- */

function pushingAdapter(connections: Connection[]) {
  let push: (connection: Connection) => void = () => {};
  const adapter: ConnectionsAdapter = {
    listConnections: async () => connections,
    subscribe(onChange) {
      push = onChange;
      return () => {};
    },
    startAuthorization: async () => ({ url: 'https://example.com', state: 's' }),
    completeAuthorization: async (connection) => connection,
  };
  return { adapter, push: (connection: Connection) => push(connection) };
}

async function preload(adapter: ConnectionsAdapter): Promise<() => void> {
  const store = getConnectionStore(adapter, { refreshOnFocus: false });
  const release = store.retain();
  while (store.getState().status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 0));
  return release;
}

/* -- measuring ------------------------------------------------------------------------------------ */

interface Mounted {
  root: Root;
  container: HTMLElement;
  dispose(): void;
}

function mount(element: React.ReactElement): { mounted: Mounted; ms: number } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const start = performance.now();
  flushSync(() => root.render(element));
  const ms = performance.now() - start;
  return {
    ms,
    mounted: {
      root,
      container,
      dispose() {
        root.unmount();
        container.remove();
      },
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function measure(count: number) {
  const runs = count >= 5000 ? 5 : count >= 1000 ? 9 : 21;
  const data = makeConnections(count);
  const hand = { initial: [] as number[], change: [] as number[], move: [] as number[] };
  const ours = { initial: [] as number[], change: [] as number[], move: [] as number[] };
  // A connected row starts backfilling: it keeps its place. Then it lapses: the list puts
  // connections that need attention first, so that row moves to the top of its group.
  const inPlace = { ...data[1]!, status: 'backfilling' as const, backfill: { since: data[1]!.statusSince!, progress: 0.5 } };
  const lapsed = { ...data[1]!, status: 'authorization_required' as const };

  for (let run = 0; run < runs; run += 1) {
    // The hand-written list.
    {
      const { mounted, ms } = mount(<HandList initial={data} />);
      hand.initial.push(ms);
      expect(mounted.container.querySelectorAll('li')).toHaveLength(count);
      let start = performance.now();
      flushSync(() => setHandConnections(data.map((c, i) => (i === 1 ? inPlace : c))));
      hand.change.push(performance.now() - start);
      start = performance.now();
      flushSync(() => setHandConnections(data.map((c, i) => (i === 1 ? lapsed : c))));
      hand.move.push(performance.now() - start);
      mounted.dispose();
    }
    await settle();

    // ConnectionList inside ConnectionsProvider.
    {
      const { adapter, push } = pushingAdapter(data);
      const release = await preload(adapter);
      const { mounted, ms } = mount(
        <ConnectionsProvider adapter={adapter} refreshOnFocus={false}>
          <ConnectionList />
        </ConnectionsProvider>,
      );
      ours.initial.push(ms);
      expect(mounted.container.querySelectorAll('li.rca-connection-item')).toHaveLength(count);
      await settle();
      let start = performance.now();
      flushSync(() => push(inPlace));
      ours.change.push(performance.now() - start);
      expect(mounted.container.querySelector('li[data-status="backfilling"]')).not.toBeNull();
      await settle();
      start = performance.now();
      flushSync(() => push(lapsed));
      ours.move.push(performance.now() - start);
      expect(mounted.container.querySelectorAll('li[data-status="authorization_required"]').length).toBeGreaterThan(0);
      mounted.dispose();
      release();
    }
    await settle();
  }

  return {
    count,
    hand: { initial: median(hand.initial), change: median(hand.change), move: median(hand.move) },
    ours: { initial: median(ours.initial), change: median(ours.change), move: median(ours.move) },
  };
}

async function measureSearch(count: number) {
  const data = makeConnections(count);
  const { adapter } = pushingAdapter(data);
  const release = await preload(adapter);
  const { mounted } = mount(
    <ConnectionsProvider adapter={adapter} refreshOnFocus={false}>
      <ConnectionList />
    </ConnectionsProvider>,
  );
  await settle();
  const input = mounted.container.querySelector<HTMLInputElement>('input[type="search"]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const times: number[] = [];
  // Type "Account 12", then delete it again: each keystroke filters 10,000 rows and renders.
  const word = 'Account 12';
  const steps = [...Array.from(word, (_, i) => word.slice(0, i + 1)), ...Array.from(word, (_, i) => word.slice(0, word.length - i - 1))];
  for (const value of steps) {
    const start = performance.now();
    flushSync(() => {
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    times.push(performance.now() - start);
    await settle();
  }
  mounted.dispose();
  release();
  return { count, keystrokes: times.length, median: median(times), worst: Math.max(...times) };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const ratio = (ours: number, hand: number) => `${(ours / hand).toFixed(2)}×`;

test('ConnectionList against a hand-written memoised list', async () => {
  const rows: string[] = [];
  for (const count of [100, 1000, 5000]) {
    const { hand, ours } = await measure(count);
    rows.push(
      `| ${count.toLocaleString('en')} | ${fmt(hand.initial)} | ${fmt(ours.initial)} | ${ratio(ours.initial, hand.initial)} | ${fmt(hand.change)} | ${fmt(ours.change)} | ${ratio(ours.change, hand.change)} | ${fmt(hand.move)} | ${fmt(ours.move)} | ${ratio(ours.move, hand.move)} |`,
    );
  }
  const search = await measureSearch(10_000);
  console.log(
    [
      '',
      'Render benchmark (median; Chromium; hand-written memoised list = 1×)',
      '',
      '| rows | hand initial | ours initial | ratio | hand change in place | ours | ratio | hand change that lapses | ours (row moves up) | ratio |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Search over ${search.count.toLocaleString('en')} connections: ${search.keystrokes} keystrokes, median ${fmt(search.median)}, worst ${fmt(search.worst)} per keystroke (one frame at 60 Hz = 16.7 ms).`,
      '',
    ].join('\n'),
  );
});
