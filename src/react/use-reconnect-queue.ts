import * as React from 'react';
import { getServerState, usable } from '../core/store';
import type { ReauthorizeInput } from '../core/store';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { useStore } from './context';

/* -------------------------------------------------------------------------------------------------
 * useReconnectQueue — several lapsed connections, one at a time
 * -----------------------------------------------------------------------------------------------*/

export type ReconnectOutcome = 'reconnected' | 'skipped';

export interface UseReconnectQueueOptions {
  /** Your backend. @default the adapter of the nearest `ConnectionsProvider` */
  adapter?: ConnectionsAdapter;
}

export interface UseReconnectQueueResult {
  /** The connection to reconnect now; `undefined` once every one is done, skipped or cancelled. */
  current: Connection | undefined;
  /** Where `current` stands in the queue, from 0. */
  index: number;
  total: number;
  /** What became of each connection so far, by id. */
  results: Readonly<Record<string, ReconnectOutcome>>;
  /** Starts the current connection's flow. Call it from a click: the sign-in window opens inside it. */
  start(input?: ReauthorizeInput): Promise<Connection>;
  /** Moves on without it, ending its flow if one runs. */
  skip(): void;
  /** Stops the queue, ending the current flow if it waits on the user (a `completing` one finishes). */
  cancel(): void;
}

/**
 * The connections that need re-authorization, and that this user may reconnect, taken once when
 * the queue starts (one that lapses later is not added). A success moves on by itself; so does a
 * connection reconnected elsewhere meanwhile, counted as reconnected. A failure stays, to try
 * again or skip.
 *
 * @example
 * const { current, index, total, start, skip } = useReconnectQueue();
 */
const CATEGORIES = ['advertising', 'crm', 'other'];

function useReconnectQueue(ids?: readonly string[], { adapter }: UseReconnectQueueOptions = {}): UseReconnectQueueResult {
  const store = useStore(adapter);
  const { connections, status } = React.useSyncExternalStore(store.subscribe, store.getState, getServerState);
  const [queue, setQueue] = React.useState<readonly string[] | undefined>(ids);
  const [results, setResults] = React.useState<Record<string, ReconnectOutcome>>({});
  const [cancelled, setCancelled] = React.useState(false);
  // Taken from the first list there is, when not given, in the list's order: by category, the
  // longest lapsed first.
  const order =
    queue ??
    connections
      .filter((c) => c.status === 'authorization_required' && c.canReauthorize !== false)
      .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (Date.parse(a.statusSince!) || Infinity) - (Date.parse(b.statusSince!) || Infinity))
      .map((c) => c.id);
  React.useEffect(() => {
    if (!queue && connections.length) setQueue(order);
  });

  const pending = cancelled ? [] : order.filter((id) => !results[id]);
  const current = store.getConnection(pending[0]!);
  const done = (id: string, outcome: ReconnectOutcome) => setResults((last) => (last[id] ? last : { ...last, [id]: outcome }));
  // Reconnected (here or elsewhere), or gone from the list: it needs nothing more.
  React.useEffect(() => {
    const id = pending[0];
    if (id === undefined) return;
    const connection = store.getConnection(id);
    // Ids given before the list arrives are not gone: they wait for it.
    if (!connection) status !== 'loading' && done(id, 'skipped');
    else if (usable(connection) && store.getFlow(id).phase !== 'completing') done(id, 'reconnected');
  });

  return {
    current,
    index: order.length - pending.length,
    total: order.length,
    results,
    start: (input) => store.reauthorize(pending[0]!, input),
    skip() {
      const id = pending[0];
      if (id === undefined) return;
      store.cancelReauthorize(id);
      store.resetFlow(id);
      done(id, 'skipped');
    },
    cancel() {
      const id = pending[0];
      if (id !== undefined && store.getFlow(id).phase !== 'completing') store.cancelReauthorize(id);
      setCancelled(true);
    },
  };
}

export { useReconnectQueue };
