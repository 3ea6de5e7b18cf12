import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { expect, test } from 'vitest';
import { ConnectionList, ConnectionsProvider, createConnectionStore, getConnectionStore } from '../src';
import type { Connection, ConnectionsAdapter } from '../src';

/* -------------------------------------------------------------------------------------------------
 * The render benchmark: ConnectionList against two hand-written memoised lists, in one browser
 * process, with React's production build:
 *
 * - "minimal": the floor — per row an initial, the name, the status in words and a button;
 * - "same rows": what a careful team would write by hand to show exactly what our rows show: the
 *   provider's mark letters, "provider — account", the status pill's words (`data-status` for a
 *   CSS-drawn icon), a muted line with how long and the last sync, backfill progress, the error
 *   text, and the labelled "Reconnect" button, with the hidden commas that make a row read in
 *   order, class names to style it by and formatters made once — the content without the library.
 *
 * ConnectionList is measured inside ConnectionsProvider (changes pushed through the store) and
 * given `connections` as props (changes as a new array with one row changed). Our list also
 * draws what the hand-written ones do not: category groups with headings, the callout counting
 * lapsed rows, and the search box above 10 rows. Last, a reload of 10,000 connections through
 * the store alone: the main-thread time of `store.refresh()` with an adapter that answers at once.
 *
 * All get their data before the clock starts, so what is measured is render and commit work.
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

/* -- the same rows, by hand ------------------------------------------------------------------------ */

const PROVIDER_LABELS: Record<string, string> = {
  google_ads: 'Google Ads',
  meta_ads: 'Meta Ads',
  linkedin_ads: 'LinkedIn Ads',
  microsoft_ads: 'Microsoft Advertising',
  salesforce: 'Salesforce',
  dynamics365: 'Microsoft Dynamics 365',
};
const MARKS: Record<string, string> = { google_ads: 'GA', meta_ads: 'Me', linkedin_ads: 'in', microsoft_ads: 'MS', salesforce: 'SF', dynamics365: 'D' };
const UNITS = [
  [new Intl.NumberFormat('en', { style: 'unit', unit: 'day', unitDisplay: 'long' }), 86_400_000],
  [new Intl.NumberFormat('en', { style: 'unit', unit: 'hour', unitDisplay: 'long' }), 3_600_000],
  [new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'long' }), 60_000],
] as const;
const AGO = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** "3 days": the largest whole unit. */
function lasted(iso: string): string | undefined {
  const ms = Date.now() - Date.parse(iso);
  for (const [format, size] of UNITS) if (ms >= size) return format.format(Math.floor(ms / size));
}

/** "3 days ago", "2 hours ago", "now". */
function ago(iso: string): string {
  const ms = Math.max(0, Date.now() - Date.parse(iso));
  const [unit, size] = ms >= 86_400_000 ? (['day', 86_400_000] as const) : ms >= 3_600_000 ? (['hour', 3_600_000] as const) : (['minute', 60_000] as const);
  return AGO.format(-Math.floor(ms / size), unit);
}

/** A comma a screen reader pauses on; CSS hides it from sight. */
const Comma = () => <span className="visually-hidden">, </span>;

const SameRow = React.memo(function SameRow({ connection }: { connection: Connection }) {
  const label = PROVIDER_LABELS[connection.provider]!;
  const lapsed = connection.status === 'authorization_required';
  const since = connection.status !== 'connected' && connection.statusSince ? lasted(connection.statusSince) : undefined;
  const synced = connection.lastSyncedAt ? ago(connection.lastSyncedAt) : undefined;
  const meta = [since && `For ${since}`, synced && `Last synced ${synced}`].filter(Boolean).join(' · ');
  return (
    <li className="row" tabIndex={-1} data-status={connection.status} data-category={connection.category}>
      <span className="mark" data-provider={connection.provider} aria-hidden>
        {MARKS[connection.provider]}
      </span>
      <p className="name">
        {label}
        <span className="separator"> — </span>
        <bdi className="account">{connection.accountName}</bdi>
        <Comma />
      </p>
      <span className="pill" data-status={connection.status}>
        {LABELS[connection.status]}
        <Comma />
      </span>
      <div className="meta">
        {meta && <p>{meta}</p>}
        {connection.status === 'backfilling' && connection.backfill && (
          <label className="backfill">
            Sending data missed since {DATE.format(Date.parse(connection.backfill.since))}
            <progress max={1} value={connection.backfill.progress} />
          </label>
        )}
        {connection.status === 'error' && connection.error && <p className="error">{connection.error.message}</p>}
      </div>
      {lapsed && (
        <button type="button" className="reconnect" aria-label={`Reconnect ${label} — ${connection.accountName}`}>
          Reconnect
        </button>
      )}
    </li>
  );
});

let setSameConnections: (next: Connection[]) => void = () => {};

function SameList({ initial }: { initial: Connection[] }) {
  const [connections, setConnections] = React.useState(initial);
  setSameConnections = setConnections;
  return (
    <ul>
      {connections.map((connection) => (
        <SameRow key={connection.id} connection={connection} />
      ))}
    </ul>
  );
}

/* -- the library, given its connections as props --------------------------------------------------- */

let setPropsConnections: (next: Connection[]) => void = () => {};
/** Stable, as the docs ask: with it, rows show "Reconnect" without a provider. */
const reconnectNowhere = () => {};

function PropsList({ initial }: { initial: Connection[] }) {
  const [connections, setConnections] = React.useState(initial);
  setPropsConnections = setConnections;
  return <ConnectionList connections={connections} onReauthorize={reconnectNowhere} />;
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

/**
 * A full collection, when the browser allows it (`--expose-gc`), before each measured step: what
 * one step left behind (a mount's thousands of objects above all) is not collected, and timed, in
 * the next one. Every list gets the same, at the same points.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function mount(element: React.ReactElement): { mounted: Mounted; ms: number } {
  collectGarbage();
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

/** Changes timed together per run: one alone is near the clock's 0.1 ms resolution. */
const CHANGES = 10;

interface Timings {
  initial: number[];
  change: number[];
  lapse: number[];
}

const timings = (): Timings => ({ initial: [], change: [], lapse: [] });

/** Mounts a hand-written list; changes one row CHANGES times (backfilling and back), then lapses and restores it CHANGES times. */
function measureHand(List: typeof HandList, setConnections: () => (next: Connection[]) => void, data: Connection[], changed: Connection[], lapsed: Connection, into: Timings) {
  const { mounted, ms } = mount(<List initial={data} />);
  into.initial.push(ms);
  expect(mounted.container.querySelectorAll('li')).toHaveLength(data.length);
  collectGarbage();
  let start = performance.now();
  for (let i = 0; i < CHANGES; i += 1) {
    flushSync(() => setConnections()(data.map((c, index) => (index === 1 ? changed[i % 2]! : c))));
  }
  into.change.push((performance.now() - start) / CHANGES);
  collectGarbage();
  start = performance.now();
  for (let i = 0; i < CHANGES; i += 1) {
    flushSync(() => setConnections()(data.map((c, index) => (index === 1 ? (i % 2 ? changed[1]! : lapsed) : c))));
  }
  into.lapse.push((performance.now() - start) / CHANGES);
  mounted.dispose();
}

async function measure(count: number) {
  const runs = count >= 5000 ? 7 : count >= 1000 ? 11 : 21;
  const data = makeConnections(count);
  const minimal = timings();
  const same = timings();
  const ours = timings();
  const props = timings();
  // A connected row starts backfilling and goes back; then it lapses (its "Reconnect" appears) and
  // reconnects.
  const backfilling = { ...data[1]!, status: 'backfilling' as const, backfill: { since: data[1]!.statusSince!, progress: 0.5 } };
  const changed = [backfilling, { ...data[1]! }];
  const lapsed = { ...data[1]!, status: 'authorization_required' as const };

  for (let run = 0; run < runs; run += 1) {
    measureHand(HandList, () => setHandConnections, data, changed, lapsed, minimal);
    await settle();
    measureHand(SameList, () => setSameConnections, data, changed, lapsed, same);
    await settle();
    // ConnectionList without a provider: a new array with one row changed, each time.
    measureHand(PropsList, () => setPropsConnections, data, changed, lapsed, props);
    await settle();

    // ConnectionList inside ConnectionsProvider.
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
    collectGarbage();
    let start = performance.now();
    for (let i = 0; i < CHANGES; i += 1) flushSync(() => push(changed[i % 2]!));
    ours.change.push((performance.now() - start) / CHANGES);
    expect(mounted.container.querySelectorAll('li[data-status="backfilling"]')).toHaveLength(0);
    await settle();
    collectGarbage();
    start = performance.now();
    for (let i = 0; i < CHANGES; i += 1) flushSync(() => push(i % 2 ? changed[1]! : lapsed));
    ours.lapse.push((performance.now() - start) / CHANGES);
    flushSync(() => push(lapsed));
    expect(mounted.container.querySelector(`li[data-status="authorization_required"] button[aria-label$="${lapsed.accountName}"]`)).not.toBeNull();
    mounted.dispose();
    release();
    await settle();
  }

  const medians = (t: Timings) => ({ initial: median(t.initial), change: median(t.change), lapse: median(t.lapse) });
  return { count, minimal: medians(minimal), same: medians(same), ours: medians(ours), props: medians(props) };
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
  // As a user does: into the box, then type. Focus makes the texts search compares: timed too.
  // The page has long been laid out when a user gets there; here it was just mounted, so lay it
  // out first rather than count the browser's first layout of 10,000 rows as the focus's cost.
  void document.body.offsetHeight;
  // What the browser alone spends to focus an input on this page: the floor for our box.
  const plain = document.createElement('input');
  document.body.append(plain);
  void document.body.offsetHeight;
  collectGarbage();
  let focusStart = performance.now();
  plain.focus();
  const plainFocus = performance.now() - focusStart;
  plain.remove();
  void document.body.offsetHeight;
  collectGarbage();
  focusStart = performance.now();
  flushSync(() => input.focus());
  const focus = performance.now() - focusStart;
  // The texts search compares are made in a task of their own right after focus.
  await settle();
  collectGarbage();
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
  return { count, focus, plainFocus, keystrokes: times.length, median: median(times), worst: Math.max(...times) };
}

/**
 * A reload of `count` connections through the store alone, with nothing mounted: the main-thread
 * time of `store.refresh()` when the adapter answers at once (the answer is made before the clock
 * starts). Once with data equal to what is shown (new objects, same content), once with every row
 * changed (a new last sync on each).
 */
async function measureReload(count: number) {
  const runs = 15;
  const at = [new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() - 60_000).toISOString()];
  const versions = at.map((lastSyncedAt) => makeConnections(count).map((connection) => ({ ...connection, lastSyncedAt })));
  let answer: Connection[] = structuredClone(versions[0]!);
  const adapter: ConnectionsAdapter = {
    listConnections: () => Promise.resolve(answer),
    startAuthorization: async () => ({ url: 'https://example.com', state: 's' }),
    completeAuthorization: async (connection) => connection,
  };
  const store = createConnectionStore(adapter, { refreshOnFocus: false, refreshOnReconnect: false, retry: false, onError: () => {} });
  const release = store.retain();
  while (store.getState().status !== 'ready') await settle();
  const equal: number[] = [];
  const changed: number[] = [];
  const time = async (next: Connection[]) => {
    answer = next;
    collectGarbage();
    const start = performance.now();
    await store.refresh();
    return performance.now() - start;
  };
  let shown = 0;
  for (let run = 0; run < runs; run += 1) {
    const before = store.getState().connections;
    equal.push(await time(structuredClone(versions[shown]!)));
    expect(store.getState().connections).toBe(before);
    shown = 1 - shown;
    changed.push(await time(structuredClone(versions[shown]!)));
    expect(store.getState().connections[0]!.lastSyncedAt).toBe(at[shown]);
    await settle();
  }
  release();
  return { count, runs, equal: median(equal), changed: median(changed) };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const ratio = (ours: number, hand: number) => `${(ours / hand).toFixed(2)}×`;

test('ConnectionList against hand-written memoised lists', async () => {
  // The production build is what is measured (see bench/vitest.config.ts); React 19's development
  // build exports captureOwnerStack, its production build does not.
  expect((React as { captureOwnerStack?: unknown }).captureOwnerStack).toBeUndefined();
  const rows: string[] = [];
  for (const count of [100, 1000, 5000]) {
    const { minimal, same, ours, props } = await measure(count);
    const line = (timed: typeof ours, what: keyof typeof ours) =>
      `${fmt(minimal[what])} | ${fmt(same[what])} | ${fmt(timed[what])} | ${ratio(timed[what], same[what])} | ${ratio(timed[what], minimal[what])}`;
    const n = count.toLocaleString('en');
    rows.push(`| ${n} | initial render, in a provider | ${line(ours, 'initial')} |`);
    rows.push(`| ${n} | initial render, from props | ${line(props, 'initial')} |`);
    rows.push(`| ${n} | one change pushed through the store (mean of ${CHANGES}) | ${line(ours, 'change')} |`);
    rows.push(`| ${n} | one change from props: a new array (mean of ${CHANGES}) | ${line(props, 'change')} |`);
    rows.push(`| ${n} | a lapse or a reconnection, through the store (mean of ${CHANGES}) | ${line(ours, 'lapse')} |`);
    rows.push(`| ${n} | a lapse or a reconnection, from props (mean of ${CHANGES}) | ${line(props, 'lapse')} |`);
  }
  const reload = await measureReload(10_000);
  const search = await measureSearch(10_000);
  console.log(
    [
      '',
      'Render benchmark (medians; Chromium; React production build)',
      '',
      '| rows | what | minimal by hand | same rows by hand | ConnectionList | vs same rows | vs minimal |',
      '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Reload of ${reload.count.toLocaleString('en')} connections through the store (store.refresh(), adapter answers at once, nothing mounted; median of ${reload.runs}):`,
      '',
      '| data | main-thread time | vs the 50 ms target |',
      '| --- | ---: | ---: |',
      `| equal to what is shown | ${fmt(reload.equal)} | ${ratio(reload.equal, 50)} |`,
      `| every row changed | ${fmt(reload.changed)} | ${ratio(reload.changed, 50)} |`,
      '',
      `Search over ${search.count.toLocaleString('en')} connections: focusing the box ${fmt(search.focus)} (a plain input on the same page: ${fmt(search.plainFocus)}); ${search.keystrokes} keystrokes, median ${fmt(search.median)}, worst ${fmt(search.worst)} per keystroke (one frame at 60 Hz = 16.7 ms).`,
      '',
    ].join('\n'),
  );
});
