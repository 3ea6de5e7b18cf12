import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import { getExpiry } from '../core/impact';
import type { ConnectionsError } from '../core/errors';
import { getServerState } from '../core/store';
import type { ConnectionStore, FlowState, ListStatus } from '../core/store';
import type { Connection, ConnectionCategory } from '../core/types';
import { dayOf, formatAgo, formatDate, formatIn, formatSince, short } from '../i18n/format';
import { useConnectionsContext } from '../react/context';
import { useHydrated, useWords } from '../react/use-words';
import type { LocalizedProps, Words } from '../react/use-words';
import { AskAdminDialog } from './ask-admin-dialog';
import { ReauthorizeDialog } from './reauthorize-dialog';
import { ReconnectAllDialog } from './reconnect-all-dialog';

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeButton — "Reconnect", with the red key
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeButtonProps extends React.ComponentPropsWithoutRef<'button'>, LocalizedProps {
  /** The connection it reconnects; its name completes the button's accessible name. */
  connection: Connection;
}

/** `<button class="rca-button rca-reauthorize-button">`: "Reconnect", named "Reconnect Google Ads — Acme Search". */
const ReauthorizeButton = /* @__PURE__ */ React.forwardRef<HTMLButtonElement, ReauthorizeButtonProps>(function ReauthorizeButton(
  { connection, locale, messages, className, children, ...props },
  ref,
) {
  const words = useWords({ locale, messages });
  return (
    <button type="button" aria-label={reconnectLabel(connection, words)} {...props} ref={ref} className={clsx('rca-button rca-reauthorize-button', className)}>
      {children ?? words.m['action.reconnect']}
    </button>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ConnectionListItem — one row
 * -----------------------------------------------------------------------------------------------*/

export interface ConnectionListItemProps extends React.ComponentPropsWithoutRef<'li'>, LocalizedProps {
  connection: Connection;
  /** A flow for it runs: the badge says "Reconnecting". @default false */
  reauthorizing?: boolean;
  /** The provider's mark. @default its letters, coloured by styles.css */
  renderIcon?: (connection: Connection) => React.ReactNode;
  /** Called by "Reconnect" and "Renew"; without it the row shows neither. @default undefined */
  onReauthorize?: (connection: Connection, event: React.MouseEvent<HTMLButtonElement>) => void;
  /** Called by "Ask an admin", on a lapsed row this user may not reconnect; without it the row says who can. @default undefined */
  onAskAdmin?: (connection: Connection, event: React.MouseEvent<HTMLButtonElement>) => void;
  /** A working grant that lapses within this many days warns and offers "Renew". @default the provider's, else 7 */
  expiryWarningDays?: number;
}

/** One row (`li.rca-connection-item`), for lists of your own. */
const ConnectionListItem = /* @__PURE__ */ React.forwardRef<HTMLLIElement, ConnectionListItemProps>(function ConnectionListItem(
  { connection, reauthorizing, renderIcon, onReauthorize, onAskAdmin, expiryWarningDays, locale, messages, ...props },
  ref,
) {
  const words = useWords({ locale, messages });
  const context = useConnectionsContext();
  const shared = { ...words, hydrated: useHydrated(), renderIcon, onReauthorize, onAskAdmin, expiryWarningDays: expiryWarningDays ?? context?.expiryWarningDays };
  return <Row {...props} ref={ref} connection={connection} running={reauthorizing} shared={shared} />;
});

/** What every row of a list shares, in one object so a row's memo compares few props. */
interface Shared extends Words, Pick<ConnectionListItemProps, 'renderIcon' | 'onReauthorize' | 'onAskAdmin' | 'expiryWarningDays'> {
  hydrated: boolean;
}

interface RowProps extends React.ComponentPropsWithoutRef<'li'> {
  connection: Connection;
  running?: boolean;
  shared: Shared;
}

/**
 * `<li class="rca-connection-item" data-status data-category data-reauthorizing data-expiring>`:
 * mark, provider and account, status pill (and "Expires in 3 days"), a muted line (how long, last
 * sync, backfill, error, a request to an admin), and "Reconnect", "Renew" or "Ask an admin". Its
 * text reads in order with separators. Focusable from script, for focus to land on.
 */
const Row = /* @__PURE__ */ React.memo(
  /* @__PURE__ */ React.forwardRef<HTMLLIElement, RowProps>(function Row({ connection: c, running = false, shared, className, ...props }, ref) {
    const { m, locale, hydrated, renderIcon, onReauthorize, onAskAdmin } = shared;
    const provider = getProvider(c.provider, shared.providers);
    const name = short(c.accountName);
    const lapsed = c.status === 'authorization_required';
    const mayReconnect = c.canReauthorize !== false;
    const since = hydrated && c.status !== 'connected' && formatSince(c.statusSince, locale);
    const synced = hydrated && formatAgo(c.lastSyncedAt, locale);
    // Asked before this lapse began: an old request says nothing of this one.
    const requested = hydrated && lapsed && !(Date.parse(c.reauthorizationRequestedAt!) < Date.parse(c.statusSince!)) && formatAgo(c.reauthorizationRequestedAt, locale);
    const meta = [since && m['item.since'](since), synced && m['item.lastSync'](synced), requested && m['item.requested'](requested)].filter(Boolean).join(' · ');
    const expiring = hydrated ? isExpiring(c, shared.expiryWarningDays) : 0;
    const backfill = hydrated && c.status === 'backfilling' && c.backfill;
    return (
      <li
        tabIndex={-1}
        {...props}
        ref={ref}
        data-status={c.status}
        data-category={c.category}
        data-reauthorizing={running || undefined}
        data-expiring={expiring ? '' : undefined}
        className={clsx('rca-connection-item', className)}
      >
        <span className="rca-provider-mark" data-provider={c.provider} aria-hidden>
          {renderIcon ? renderIcon(c) : provider.mark}
        </span>
        <p className="rca-connection-item-name">
          {provider.label}
          <span className="rca-separator"> — </span>
          {/* Long names may be cut by the row's width too: the whole name shows on hover. */}
          <bdi className="rca-account-name" title={c.accountName.length > 24 ? c.accountName : undefined}>
            {name}
          </bdi>
          <Separator />
        </p>
        <span className="rca-connection-item-status">
          <span className="rca-status-badge" data-status={running ? 'reauthorizing' : c.status}>
            {m[`status.${running ? 'reauthorizing' : c.status}`]}
            <Separator />
          </span>
          {expiring > 0 && (
            <span className="rca-status-badge" data-status="expiring">
              {/* In calendar days: a grant that lapses tonight expires "today", not "tomorrow". */}
              {m['status.expiring'](formatIn(dayOf(Date.parse(c.expiresAt!)) - dayOf(Date.now()), locale))}
              <Separator />
            </span>
          )}
        </span>
        <div className="rca-connection-item-meta">
          {meta && <p>{meta}</p>}
          {backfill && (
            <label className="rca-backfill">
              {m['item.backfill'](formatDate(backfill.since, locale) ?? '')}
              <progress className="rca-progress" max={1} value={backfill.progress} />
            </label>
          )}
          {c.status === 'error' && c.error && (
            <p className="rca-connection-item-error" title={short(c.error.message)}>
              {short(c.error.message)}
            </p>
          )}
          {lapsed && !mayReconnect && !onAskAdmin && <p>{m['item.noRights']}</p>}
        </div>
        {(lapsed || expiring > 0) && mayReconnect && onReauthorize && (
          <button
            type="button"
            aria-label={m[lapsed ? 'item.reconnectLabel' : 'item.renewLabel'](provider.label, short(c.accountName, true))}
            className={lapsed ? 'rca-button rca-reauthorize-button' : 'rca-button rca-renew-button'}
            onClick={(event) => onReauthorize(c, event)}
          >
            {m[lapsed ? 'action.reconnect' : 'item.renew']}
          </button>
        )}
        {lapsed && !mayReconnect && onAskAdmin && (
          <button type="button" aria-label={m['item.askAdminLabel'](provider.label, short(c.accountName, true))} className="rca-button rca-ask-button" onClick={(event) => onAskAdmin(c, event)}>
            {m['item.askAdmin']}
          </button>
        )}
      </li>
    );
  }),
);

/**
 * One category's `section`, its heading and its rows. Memoised: a change in another group, which
 * keeps this one's rows, renders none of them.
 */
const Group = /* @__PURE__ */ React.memo(function Group({
  id,
  group: { category, items },
  flows,
  matches,
  shared,
}: {
  id: string;
  group: Groups[number];
  flows?: Readonly<Record<string, FlowState>>;
  matches: ReturnType<typeof match> | null;
  shared: Shared;
}) {
  return (
    <section className="rca-connection-group" data-category={category} aria-labelledby={id + category}>
      <h2 id={id + category} className="rca-connection-group-title">
        {shared.m[`group.${category}`]}
      </h2>
      <ul className="rca-connection-group-list">
        {items.map((connection) => (
          <Row
            key={connection.id}
            connection={connection}
            running={flows && Object.hasOwn(flows, connection.id) ? RUNNING.includes(flows[connection.id]!.phase) : false}
            hidden={matches ? !matches.shown.has(connection) : undefined}
            shared={shared}
          />
        ))}
      </ul>
    </section>
  );
});

/** A comma a screen reader pauses on; styles.css hides it from sight. */
const Separator = () => <span className="rca-visually-hidden">, </span>;

/* -------------------------------------------------------------------------------------------------
 * ConnectionList
 * -----------------------------------------------------------------------------------------------*/

export interface ConnectionListProps extends React.ComponentPropsWithoutRef<'div'>, LocalizedProps {
  /** The connections to show, without a provider. Inside a `ConnectionsProvider`, leave it out. @default the provider's */
  connections?: readonly Connection[];
  /** With `connections`: where loading stands. @default 'ready' */
  status?: ListStatus;
  /** With `connections`: why loading failed. @default null */
  error?: Error | null;
  /** With `connections`: what "Try again" does. @default undefined (no button) */
  onRetry?: () => unknown;
  /** Called by a row's "Reconnect" before the dialog opens; `event.preventDefault()` keeps it closed. Without a provider, rows show "Reconnect" only with it. @default undefined */
  onReauthorize?: (connection: Connection, event: React.MouseEvent<HTMLButtonElement>) => void;
  /** Each provider's mark; keep it stable (module scope or `useCallback`). @default letters */
  renderIcon?: (connection: Connection) => React.ReactNode;
  /** Search and the "Needs attention" filter appear above this many connections. @default 10 */
  searchThreshold?: number;
  /** Shown under the empty list's sentence, for instance a button that connects a platform. @default undefined */
  emptyAction?: React.ReactNode;
  /** A working grant that lapses within this many days warns and offers "Renew". @default the provider's, else 7 */
  expiryWarningDays?: number;
  /** Where the dialog is portalled, for a wrapper that carries your theme. @default document.body */
  dialogContainer?: HTMLElement | null;
}

/**
 * The Connections screen (`div.rca-connection-list[data-state]`): callouts counting the lapsed
 * connections (with "Reconnect all") and those about to lapse, search and a "Needs attention"
 * filter when the list is long, groups by category with lapsed rows first (longest lapsed first),
 * loading, empty and error states, and a polite live region that announces status changes.
 * "Reconnect" and "Renew" open the `ReauthorizeDialog`; "Ask an admin" the `AskAdminDialog`.
 */
const ConnectionList = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ConnectionListProps>(function ConnectionList(
  { connections: given, status: givenStatus, error: givenError, onRetry, onReauthorize, renderIcon, searchThreshold = 10, emptyAction, expiryWarningDays, dialogContainer, locale, messages, className, ...props },
  ref,
) {
  const context = useConnectionsContext();
  const store = given ? undefined : context?.store;
  if (!given && !store) throw new Error(process.env.NODE_ENV !== 'production' ? 'ConnectionList needs connections: render it inside <ConnectionsProvider adapter={...}> or pass connections={...}.' : 'No connections');
  const state = React.useSyncExternalStore(store?.subscribe ?? subscribeNowhere, store?.getState ?? noState, store ? getServerState : noState);
  const connections = given ?? state!.connections;
  const status = given ? (givenStatus ?? 'ready') : state!.status;
  const error = given ? (givenError ?? null) : state!.error;
  const flows = state?.flows;
  const words = useWords({ locale, messages });
  const { m } = words;
  const hydrated = useHydrated();
  const id = React.useId();
  const root = React.useRef<HTMLDivElement | null>(null);

  const [query, setQuery] = React.useState('');
  const [attentionOnly, setAttentionOnly] = React.useState(false);
  const needle = React.useDeferredValue(query.trim().toLowerCase());
  const arranged = React.useRef<Groups | undefined>(undefined);
  const groups = React.useMemo(() => (arranged.current = arrange(connections, arranged.current)), [connections]);
  const attention = groups.attention;
  const searching = !!needle || (attentionOnly && attention > 0);
  const matches = React.useMemo(() => (searching ? match(groups, needle, attentionOnly, words) : null), [groups, searching, needle, attentionOnly, words]);

  const warningDays = expiryWarningDays ?? context?.expiryWarningDays;
  const expiring = React.useMemo(() => {
    const now = Date.now();
    // Most connections carry no expiry: they cost a property read.
    return hydrated ? connections.filter((connection) => connection.expiresAt && isExpiring(connection, warningDays, now)).length : 0;
  }, [connections, hydrated, warningDays]);
  const reconnectable = groups.reconnectable;

  // The dialog of the row whose button was pressed, or of "Reconnect all". Kept mounted once
  // opened, so it knows which of its flows it left to finish.
  const [dialog, setDialog] = React.useState<{ kind: 'reauthorize' | 'ask' | 'all'; id: string; open: boolean } | null>(null);
  // The pressed button and its row: once the button is gone, it is no longer inside its row.
  const opener = React.useRef<(HTMLElement | null)[]>([]);
  const latest = React.useRef(onReauthorize);
  latest.current = onReauthorize;
  const open = React.useCallback(
    (kind: 'reauthorize' | 'ask' | 'all', connection: Pick<Connection, 'id'>, event: React.MouseEvent<HTMLButtonElement>) => {
      if (kind === 'reauthorize') latest.current?.(connection as Connection, event);
      if (event.defaultPrevented || !store) return;
      opener.current = [event.currentTarget, event.currentTarget.closest('li')];
      setDialog({ kind, id: connection.id, open: true });
    },
    [store],
  );
  const reconnects = !!(store || onReauthorize);
  const asks = !!store?.adapter.requestReauthorization;
  const shared = React.useMemo<Shared>(
    () => ({
      ...words,
      hydrated,
      renderIcon,
      expiryWarningDays: warningDays,
      onReauthorize: reconnects ? (connection, event) => open('reauthorize', connection, event) : undefined,
      onAskAdmin: asks ? (connection, event) => open('ask', connection, event) : undefined,
    }),
    [words, hydrated, renderIcon, warningDays, reconnects, asks, open],
  );
  const dialogConnection = dialog && connections.find((connection) => connection.id === dialog.id);
  // The connection left the list: its dialog goes, and does not come back by itself.
  React.useEffect(() => {
    if (dialog && dialog.kind !== 'all' && !dialogConnection) setDialog(null);
  }, [dialog, dialogConnection]);
  const dialogProps = {
    open: !!dialog?.open,
    onOpenChange: (next: boolean) => setDialog(dialog && { ...dialog, open: next }),
    adapter: store?.adapter,
    container: dialogContainer,
    locale,
    messages,
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      // Back to the button that opened it, else its row, else the list.
      const [button, row] = opener.current;
      (button?.isConnected ? button : row?.isConnected ? row : root.current)?.focus();
    },
  };

  useFocusFallback(root);

  const view = status === 'loading' && !connections.length ? 'loading' : status === 'error' && !connections.length ? 'error' : connections.length ? 'ready' : 'empty';
  const retry = onRetry ?? store?.refresh;
  return (
    <div
      tabIndex={-1}
      {...props}
      ref={(node) => {
        root.current = node;
        if (typeof ref == 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      dir={m.dir}
      data-state={view}
      aria-busy={view === 'loading' || undefined}
      className={clsx('rca-connection-list', className)}
    >
      {attention > 0 && (
        <div className="rca-callout rca-connection-list-summary" data-tone="danger">
          <p>
            <strong>{m['list.summary'](attention)}</strong> {m['list.summaryHint']}
          </p>
          {store && reconnectable > 1 && (
            <button type="button" className="rca-button" onClick={(event) => open('all', { id: '' }, event)}>
              {m['list.reconnectAll'](reconnectable)}
            </button>
          )}
        </div>
      )}
      {expiring > 0 && (
        <div className="rca-callout rca-connection-list-expiring" data-tone="warning">
          <p>
            <strong>{m['list.expiring'](expiring)}</strong> {m['list.expiringHint']}
          </p>
        </div>
      )}
      {(connections.length > searchThreshold || query || attentionOnly) && (
        <div className="rca-toolbar">
          <input
            type="search"
            className="rca-input rca-search"
            aria-label={m['list.search']}
            placeholder={m['list.search']}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {(attention > 0 || attentionOnly) && (
            <button type="button" className="rca-button rca-filter" aria-pressed={attentionOnly} onClick={() => setAttentionOnly(!attentionOnly)}>
              {m['list.attention']} <span className="rca-count">{attention}</span>
            </button>
          )}
          <p role="status" className="rca-visually-hidden">
            {needle && matches ? m['list.matches'](matches.count) : ''}
          </p>
        </div>
      )}
      {view === 'loading' && <p className="rca-connection-list-message rca-busy">{m['list.loading']}</p>}
      {error && view !== 'loading' && (
        <div role="alert" className="rca-callout rca-connection-list-error" data-tone={view === 'error' ? 'danger' : 'warning'}>
          <p>{m[view === 'error' ? 'list.loadError' : 'list.refreshError']}</p>
          {retry && (
            <button type="button" className="rca-button" onClick={() => void retry()}>
              {m['action.retry']}
            </button>
          )}
        </div>
      )}
      {view === 'empty' && (
        <div className="rca-connection-list-message">
          <p>{m['list.empty']}</p>
          {emptyAction}
        </div>
      )}
      {matches?.count === 0 && <p className="rca-connection-list-message">{m['list.noMatches']}</p>}
      {groups.map((group) => (!matches || matches.categories.has(group.category)) && <Group key={group.category} id={id} group={group} flows={flows} matches={matches} shared={shared} />)}
      <Announcer connections={connections} status={status} flows={flows} openId={dialog?.open && dialog.kind === 'reauthorize' ? dialog.id : undefined} words={words} />
      {dialog?.kind === 'all' && <ReconnectAllDialog {...dialogProps} />}
      {dialog?.kind === 'ask' && dialogConnection && <AskAdminDialog {...dialogProps} connection={dialogConnection} />}
      {dialog?.kind === 'reauthorize' && dialogConnection && <ReauthorizeDialog {...dialogProps} connection={dialogConnection} />}
    </div>
  );
});

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

const RUNNING: FlowState['phase'][] = ['starting', 'awaiting_user', 'completing'];
const CATEGORIES: ConnectionCategory[] = ['advertising', 'crm', 'other'];

const subscribeNowhere = () => () => {};
const noState = () => undefined;

/** Days left, when a working grant lapses within the warning window; else 0. */
function isExpiring(connection: Connection, warningDays?: number, now?: number): number {
  const expiry = getExpiry(connection, { warningDays, now });
  return expiry?.expiring ? expiry.daysLeft : 0;
}

function reconnectLabel(connection: Connection, { m, providers }: Words): string {
  return m['item.reconnectLabel'](getProvider(connection.provider, providers).label, short(connection.accountName, true));
}

type Groups = { category: ConnectionCategory; items: Connection[] }[] & { attention: number; reconnectable: number };

/**
 * Groups by category; in each, lapsed connections first (the longest lapsed first), then those
 * with an error, then the rest in the adapter's order. One pass, and a sort of the lapsed only.
 * A group whose rows did not change is the `previous` one, so it need not render again.
 */
function arrange(connections: readonly Connection[], previous?: Groups): Groups {
  const buckets = new Map(CATEGORIES.map((category) => [category, [[], [], []] as Connection[][]]));
  let attention = 0;
  let reconnectable = 0;
  for (const connection of connections) {
    const rank = connection.status === 'authorization_required' ? 0 : connection.status === 'error' ? 1 : 2;
    if (!rank) attention += 1;
    if (!rank && connection.canReauthorize !== false) reconnectable += 1;
    (buckets.get(connection.category) ?? buckets.get('other')!)[rank]!.push(connection);
  }
  const groups = [] as unknown as Groups;
  for (const [category, [lapsed, failing, rest]] of buckets) {
    // Each date parsed once, not once per comparison.
    const since = new Map(lapsed!.map((c) => [c, Date.parse(c.statusSince!) || Infinity]));
    lapsed!.sort((a, b) => since.get(a)! - since.get(b)!);
    const items = [...lapsed!, ...failing!, ...rest!];
    const before = previous?.find((group) => group.category === category);
    if (items.length) groups.push(before && before.items.length === items.length && items.every((item, index) => item === before.items[index]) ? before : { category, items });
  }
  groups.attention = attention;
  groups.reconnectable = reconnectable;
  return groups;
}

/** Lower-cased "provider account" of each connection, made once per object. */
const texts = new WeakMap<Connection, string>();

function match(groups: Groups, needle: string, attentionOnly: boolean, { providers }: Words) {
  const shown = new Set<Connection>();
  const categories = new Set<ConnectionCategory>();
  for (const { category, items } of groups) {
    for (const connection of items) {
      if (attentionOnly && connection.status !== 'authorization_required') continue;
      let text = texts.get(connection);
      if (text === undefined) texts.set(connection, (text = `${getProvider(connection.provider, providers).label} ${connection.accountName}`.toLowerCase()));
      if (!text.includes(needle)) continue;
      shown.add(connection);
      categories.add(category);
    }
  }
  return { shown, categories, count: shown.size };
}

/**
 * The polite live region: each status change ("Google Ads — Acme Search is reconnected."), and a
 * re-authorization that failed while its dialog was closed. Never the first list. While a dialog
 * is open the page behind it is hidden from assistive technology, so the dialog speaks alone. A
 * component of its own: saying something re-renders the region, not the list.
 */
function Announcer({
  connections,
  status,
  flows,
  openId,
  words: { m, providers },
}: {
  connections: readonly Connection[];
  status: ListStatus;
  flows: Readonly<Record<string, FlowState>> | undefined;
  openId: string | undefined;
  words: Words;
}) {
  const [said, setSaid] = React.useState<{ text: string; count: number } | null>(null);
  const last = React.useRef<{ connections: readonly Connection[]; flows?: Readonly<Record<string, FlowState>> } | null>(null);
  React.useEffect(() => {
    if (status === 'loading' && !connections.length) return;
    const before = last.current;
    last.current = { connections, flows };
    if (!before) return;
    const sentences: string[] = [];
    const name = (c: Connection) => `${getProvider(c.provider, providers).label} — ${short(c.accountName, true)}`;
    let byId: Map<string, Connection> | undefined;
    connections.forEach((c, index) => {
      // Unchanged rows are the same objects, mostly at the same place: no map needed for them.
      if (before.connections[index] === c) return;
      const was = before.connections[index]?.id === c.id ? before.connections[index] : (byId ??= new Map(before.connections.map((old) => [old.id, old]))).get(c.id);
      if (!was || was.status === c.status) return;
      // A status from props outside the known ones has no sentence.
      const say = m[(was.status === 'backfilling' && c.status === 'connected' ? 'announce.caughtUp' : `announce.${c.status}`) as 'announce.error'] as ((name: string) => string) | undefined;
      if (say) sentences.push(say(name(c)));
    });
    for (const flowId in flows) {
      const flow = flows[flowId]!;
      const c = flow !== before.flows?.[flowId] && flow.phase === 'failed' && !(flow.error as ConnectionsError).isCancellation && flowId !== openId && connections.find((c) => c.id === flowId);
      if (c) sentences.push(m['announce.failed'](name(c)));
    }
    if (sentences.length) setSaid((previous) => ({ text: sentences.join(' '), count: (previous?.count ?? 0) + 1 }));
  }, [connections, status, flows]);
  return (
    <div role="status" className="rca-visually-hidden">
      {said && <span key={said.count}>{said.text}</span>}
    </div>
  );
}

/**
 * When what had focus in the list goes away (a "Reconnect" gone because the connection works
 * again), focus moves to its row, else to the list, rather than to the page's body.
 */
function useFocusFallback(root: React.RefObject<HTMLDivElement | null>) {
  React.useEffect(() => {
    const list = root.current;
    if (!list) return;
    let focused: [Element, HTMLElement | null] | null = null;
    const onFocus = ({ target }: FocusEvent) => {
      focused = list.contains(target as Node) ? [target as Element, (target as Element).closest('li')] : null;
    };
    // Moved away by the user, not taken away with its element: nothing to put back.
    const onBlur = ({ target }: FocusEvent) =>
      queueMicrotask(() => {
        if (focused?.[0] === target && (target as Element).isConnected && document.activeElement !== target) focused = null;
      });
    const observer = new MutationObserver(() => {
      if (!focused || focused[0].isConnected || document.activeElement !== document.body) return;
      const row = focused[1];
      focused = null;
      (row?.isConnected ? row : list).focus();
    });
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    observer.observe(list, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      observer.disconnect();
    };
  }, [root]);
}

export { ConnectionList, ConnectionListItem, ReauthorizeButton, arrange };
