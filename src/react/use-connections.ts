import * as React from 'react';
import type { ConnectionsError } from '../core/errors';
import { flowIn, getServerState } from '../core/store';
import type { ConnectionStoreOptions, FlowState, ListStatus, ReauthorizeInput } from '../core/store';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { useStore } from './context';

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
  /** `loading` until the first list arrives; `error` when none could be loaded. */
  status: ListStatus;
  /** Why the last load or update failed; the last good list stays. */
  error: ConnectionsError | null;
  /** Whether a list request, or a retry of one, is under way. */
  isRefreshing: boolean;
  /** Loads the list again; resolves when done. */
  refresh(): Promise<void>;
  /** Runs the whole re-authorization; resolves with the connection, rejects with a `ConnectionsError`. */
  reauthorize(id: string, input?: ReauthorizeInput): Promise<Connection>;
  /** Ends the flow in progress for this connection; the window closes. */
  cancelReauthorize(id: string): void;
  /** One connection's flow (`{ phase: 'idle' }` when none). */
  getFlow(id: string): FlowState;
  /** Returns an ended flow to idle. */
  resetFlow(id: string): void;
}

/** The connections of an adapter and the actions on them, shared by everything using that adapter. */
function useConnections({ adapter, ...options }: UseConnectionsOptions = {}): UseConnectionsResult {
  const store = useStore(adapter, options);
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

export { useConnections };
