import * as React from 'react';
import type { ConnectionsError } from '../core/errors';
import type { FlowState, ReauthorizeInput } from '../core/flows';
import { flowIn, getConnectionStore, getServerState } from '../core/store';
import type { ConnectionStore, ConnectionStoreOptions, ListStatus } from '../core/store';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { useOptionalConnectionsContext, useSteadyAdapter, useStoreOptions } from './context';

/* -------------------------------------------------------------------------------------------------
 * useConnections
 * -----------------------------------------------------------------------------------------------*/

export interface UseConnectionsOptions extends ConnectionStoreOptions {
  /** Your backend. @default the adapter of the nearest `ConnectionsProvider` */
  adapter?: ConnectionsAdapter;
}

export interface UseConnectionsResult {
  /** The latest known connections. */
  connections: readonly Connection[];
  /** `loading` until the first list arrives; `error` when it could not be loaded at all. */
  status: ListStatus;
  /** Why the last load or update failed; the last good list stays in `connections`. */
  error: ConnectionsError | null;
  /** Whether a list request (or a retry of one) is under way. */
  isRefreshing: boolean;
  /** Loads the list again; resolves when done (the outcome is in `status` and `error`). */
  refresh(): Promise<void>;
  /** Runs the whole re-authorization; resolves with the updated connection, rejects with a `ConnectionsError`. */
  reauthorize(id: string, input?: ReauthorizeInput): Promise<Connection>;
  /** Ends the flow in progress for this connection; the popup closes. */
  cancelReauthorize(id: string): void;
  /** The flow state of one connection (`{ phase: 'idle' }` when none). */
  getFlow(id: string): FlowState;
  /** Returns an ended flow to idle, for instance when its dialog closes. */
  resetFlow(id: string): void;
}

/**
 * The connections of an adapter and the actions on them. Every hook and component using the same
 * adapter shares one store: several mounts make one request.
 */
function useConnections(options: UseConnectionsOptions = {}): UseConnectionsResult {
  const store = useConnectionStore(options, 'useConnections()');
  const state = React.useSyncExternalStore(store.subscribe, store.getState, getServerState);
  return React.useMemo(
    () => ({
      connections: state.connections,
      status: state.status,
      error: state.error,
      isRefreshing: state.isRefreshing,
      refresh: store.refresh,
      reauthorize: store.reauthorize,
      cancelReauthorize: store.cancelReauthorize,
      getFlow: (id: string) => flowIn(state, id),
      resetFlow: store.resetFlow,
    }),
    [store, state],
  );
}

/**
 * The store for the adapter in the options or the provider, kept alive while the component is
 * mounted. Throws a sentence saying what is missing when there is no adapter at all.
 */
function useConnectionStore({ adapter, ...options }: UseConnectionsOptions, consumer: string): ConnectionStore {
  const context = useOptionalConnectionsContext();
  useSteadyAdapter(adapter, consumer);
  const chosen = adapter ?? context?.store.adapter;
  if (!chosen) {
    throw new Error(`${consumer} needs an adapter: pass { adapter } or render it inside <ConnectionsProvider adapter={...}>.`);
  }
  const store = getConnectionStore(chosen);
  // Over the provider's: the nearest component says how it wants to be served.
  useStoreOptions(store, options, 1);
  React.useEffect(() => store.retain(), [store]);
  return store;
}

export { useConnections, useConnectionStore };
