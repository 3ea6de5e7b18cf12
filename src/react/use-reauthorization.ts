import * as React from 'react';
import { IDLE_FLOW } from '../core/flows';
import type { FlowState, ReauthorizeInput } from '../core/flows';
import type { Connection, ConnectionsAdapter } from '../core/types';
import { useConnectionStore } from './use-connections';

/* -------------------------------------------------------------------------------------------------
 * useReauthorization — the behaviour of the reauthorize dialog, for fully custom markup
 * -----------------------------------------------------------------------------------------------*/

/**
 * What the user sees of a flow, one value per screen:
 * - `ready`: nothing under way yet;
 * - `starting`: the window is open and the platform's address is being fetched;
 * - `waiting`: the user is signing in in the window;
 * - `window_closed`: the window went away without an answer (reopen it, or cancel);
 * - `blocked`: the browser refused the window (open it again from a fresh click);
 * - `completing`: the adapter is finishing (code exchange or login check);
 * - `succeeded`: connected again;
 * - `failed`: ended with an error (`flow.error`);
 * - `cancelled`: the user cancelled, here or on the platform (`access_denied`);
 * - `wrong_account`: the user signed in to another account than this connection's.
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
  /** The flow state as the store holds it. */
  flow: FlowState;
  /** What to show for it. */
  stage: ReauthorizationStage;
  /**
   * Whether a flow is under way: `starting`, `waiting`, `window_closed` or `completing`, and
   * `blocked` when reopening the window of a running flow was refused (a first window the browser
   * refused ended the flow: `blocked`, not running).
   */
  isRunning: boolean;
  /**
   * While your UI shows the flow (see `show()`), the connection was reconnected by other means,
   * for the same account, and no flow of its own runs (or ended for another account): say
   * "connected again" rather than offer a sign-in nobody needs.
   */
  reconnected: boolean;
  /**
   * Starts the flow, or brings its window back (reopens or focuses it) when one runs. Call it
   * straight from a click handler, with no `await` before it: the window must open inside the
   * user's gesture. Pass `{ credentials }` for login-form connections. The promise rejects with a
   * `ConnectionsError` when the flow fails; the stage says so too, so it may be ignored.
   */
  start(input?: ReauthorizeInput): Promise<Connection>;
  /**
   * Ends the flow in progress; the window closes. During `completing` this aborts the code
   * exchange (codes are single-use, so the grant may be lost): offer it only before then.
   */
  cancel(): void;
  /** Returns an ended flow to `ready`, for instance when its dialog closes. */
  reset(): void;
  /**
   * What closing a dialog should do: ends a flow still waiting on the user (the window closes),
   * lets one that is `completing` finish, and returns an ended one to `ready`. Returns `true` when
   * it left a flow to finish (its outcome will come while nothing shows it).
   */
  dismiss(): boolean;
  /**
   * Marks the flow as shown by your UI until the returned function is called: `ConnectionList`
   * then leaves what happens to it to you (its live region says nothing about it, nor about a
   * reconnection made by other means meanwhile: see `reconnected`). The built-in dialog calls it
   * while open.
   */
  show(): () => void;
}

/** What a page hydrates with: no flow, as the server rendered it. */
const IDLE_SNAPSHOT = { flow: IDLE_FLOW, reconnected: false };
const idleSnapshot = () => IDLE_SNAPSHOT;

/**
 * One connection's re-authorization, through the shared store of the adapter.
 *
 * @example
 * const { stage, start, cancel } = useReauthorization(connection);
 * return <button onClick={() => start()}>Sign in</button>;
 */
function useReauthorization(
  connection: Pick<Connection, 'id'> | string,
  options: UseReauthorizationOptions = {},
): UseReauthorizationResult {
  const id = typeof connection === 'string' ? connection : connection.id;
  const store = useConnectionStore({ adapter: options.adapter }, 'useReauthorization()');
  // A whole connection from props stands in until the store has loaded its own copy (the flow
  // checks that it is one before using it).
  const whole = typeof connection === 'object' ? (connection as Connection) : undefined;
  const shown = React.useRef(whole);
  React.useEffect(() => {
    shown.current = whole;
  });
  const snapshot = React.useRef<{ flow: FlowState; reconnected: boolean } | null>(null);
  const read = () => {
    const flow = store.getFlow(id);
    const reconnected = store.reconnectedWhileShown(id);
    const last = snapshot.current;
    if (last && last.flow === flow && last.reconnected === reconnected) return last;
    return (snapshot.current = { flow, reconnected });
  };
  // Hydrated from what the server rendered: no flow.
  const { flow, reconnected } = React.useSyncExternalStore(store.subscribe, read, idleSnapshot);
  // Stable while the connection and store stay the same, so effects may depend on them.
  const actions = React.useMemo(
    () => ({
      start: (input?: ReauthorizeInput) => store.reauthorize(id, { connection: shown.current, ...input }),
      cancel: () => store.cancelReauthorize(id),
      reset: () => store.resetFlow(id),
      dismiss: () => {
        // Read now, not from the last render: the phase may have moved on since.
        const finishing = store.getFlow(id).phase === 'completing';
        if (!finishing) store.cancelReauthorize(id);
        store.resetFlow(id);
        return finishing;
      },
      show: () => store.show(id),
    }),
    [store, id],
  );
  return React.useMemo(
    () => ({
      flow,
      stage: getReauthorizationStage(flow),
      isRunning: flow.phase === 'starting' || flow.phase === 'awaiting_user' || flow.phase === 'completing',
      reconnected,
      ...actions,
    }),
    [flow, reconnected, actions],
  );
}

/** The stage to show for a flow state. */
function getReauthorizationStage({ phase, popup, error }: FlowState): ReauthorizationStage {
  if (phase === 'idle') return 'ready';
  // The window can go away (or fail to reopen) before the platform's address arrives, too.
  if (popup === 'closed' && (phase === 'starting' || phase === 'awaiting_user')) return 'window_closed';
  if (popup === 'blocked' && (phase === 'starting' || phase === 'awaiting_user')) return 'blocked';
  if (phase === 'awaiting_user') return 'waiting';
  if (phase !== 'failed') return phase;
  if (error?.code === 'popup_blocked') return 'blocked';
  if (error?.code === 'account_mismatch') return 'wrong_account';
  return error?.isCancellation ? 'cancelled' : 'failed';
}

export { getReauthorizationStage, useReauthorization };
