import * as React from 'react';
import { usable } from '../core/store';
import type { FlowState, ReauthorizeInput } from '../core/store';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { useStore } from './context';

/* -------------------------------------------------------------------------------------------------
 * useReauthorization — one connection's re-authorization, for custom markup
 * -----------------------------------------------------------------------------------------------*/

/**
 * What to show of a flow: `ready`, `starting` (fetching the platform's address), `waiting` (the
 * user signs in), `window_closed`, `blocked`, `completing`, `succeeded`, `failed`, `cancelled`
 * (here or at the platform) and `wrong_account`.
 */
export type ReauthorizationStage =
  | 'ready'
  | 'starting'
  | 'waiting'
  | 'window_closed'
  | 'blocked'
  | 'completing'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'wrong_account';

export interface UseReauthorizationOptions {
  /** Your backend. @default the adapter of the nearest `ConnectionsProvider` */
  adapter?: ConnectionsAdapter;
}

export interface UseReauthorizationResult {
  flow: FlowState;
  stage: ReauthorizationStage;
  /** `starting`, `awaiting_user` or `completing`. */
  isRunning: boolean;
  /** The connection needed attention and now works, with no flow of its own running: it was reconnected meanwhile. */
  reconnected: boolean;
  /** Starts the flow, or brings its window back. Call it straight from a click, with no `await` before it. */
  start(input?: ReauthorizeInput): Promise<Connection>;
  /** Ends the flow in progress; the window closes. */
  cancel(): void;
  /** Returns an ended flow to `ready`. */
  reset(): void;
  /**
   * For closing a dialog: ends a flow that waits on the user, lets a `completing` one finish,
   * and returns an ended one to `ready`. `true` when it left a flow to finish.
   */
  dismiss(): boolean;
}

const IDLE: FlowState = { phase: 'idle' };

function useReauthorization(connection: Pick<Connection, 'id'> | string, { adapter }: UseReauthorizationOptions = {}): UseReauthorizationResult {
  const id = typeof connection == 'string' ? connection : connection.id;
  const store = useStore(adapter);
  const flow = React.useSyncExternalStore(store.subscribe, () => store.getFlow(id), () => IDLE);
  const current = React.useSyncExternalStore(store.subscribe, () => store.getConnection(id), () => undefined);
  // A whole connection given stands in until the store has its own.
  const given = React.useRef(connection);
  given.current = connection;
  const lapsed = React.useRef(false);
  if (current && !usable(current)) lapsed.current = true;

  const actions = React.useMemo(
    () => ({
      start: (input?: ReauthorizeInput) => {
        const whole = given.current;
        return store.reauthorize(id, typeof whole == 'object' ? { connection: whole as Connection, ...input } : input);
      },
      cancel: () => store.cancelReauthorize(id),
      reset: () => store.resetFlow(id),
      dismiss: () => {
        // What "reconnected" compares with from now on: the connection as it is. StrictMode
        // dismisses and mounts again with no render between, and must still see the lapse.
        const now = store.getConnection(id);
        lapsed.current = !!now && !usable(now);
        const finishing = store.getFlow(id).phase === 'completing';
        if (!finishing) store.cancelReauthorize(id);
        store.resetFlow(id);
        return finishing;
      },
    }),
    [store, id],
  );
  const { phase } = flow;
  const isRunning = phase === 'starting' || phase === 'awaiting_user' || phase === 'completing';
  // A flow that ended without success (timed out, cancelled) does not hide that the grant is back.
  return { flow, stage: getReauthorizationStage(flow), isRunning, reconnected: lapsed.current && !!current && usable(current) && !isRunning, ...actions };
}

/** The stage to show for a flow state. */
function getReauthorizationStage({ phase, popup, error }: FlowState): ReauthorizationStage {
  if (phase === 'idle') return 'ready';
  if (phase === 'starting' || phase === 'awaiting_user') return popup === 'closed' ? 'window_closed' : popup === 'blocked' ? 'blocked' : phase === 'starting' ? 'starting' : 'waiting';
  if (phase !== 'failed') return phase;
  return error?.code === 'popup_blocked' ? 'blocked' : error?.code === 'account_mismatch' ? 'wrong_account' : error?.isCancellation ? 'cancelled' : 'failed';
}

export { getReauthorizationStage, useReauthorization };
