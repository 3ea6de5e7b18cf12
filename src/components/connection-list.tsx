import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { Slot } from '@radix-ui/react-slot';
import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import type { ProviderCatalog } from '../core/catalog';
import type { FlowState } from '../core/flows';
import type { ConnectionStore, ConnectionsState, ListStatus } from '../core/store';
import type { Connection, ConnectionCategory, ConnectionStatus } from '../core/types';
import { formatAgo, formatDate, isolate } from '../i18n/format';
import type { Messages } from '../i18n';
import { useOptionalConnectionsContext } from '../react/context';
import { useBeforePaint } from '../react/use-before-paint';
import { useHydrated } from '../react/use-hydrated';
import { useLocalized } from '../react/use-localized';
import type { Localized, LocalizedProps } from '../react/use-localized';
import { useOwnWords } from './use-own-words';
import { KeyIcon } from './icons';
import { ReauthorizeDialog } from './reauthorize-dialog';
import type { ReauthorizeDialogProps } from './reauthorize-dialog';
import { badgeContent } from './status-badge';

/* -------------------------------------------------------------------------------------------------
 * ReauthorizeButton — the red key
 * -----------------------------------------------------------------------------------------------*/

export interface ReauthorizeButtonProps extends React.ComponentPropsWithoutRef<'button'>, LocalizedProps {
  /** The connection it re-authorizes; names the button ("Reauthorize Google Ads — Acme Search"). */
  connection: Connection;
  /** Render your own element (a link, a router button) with the button's props. @default false */
  asChild?: boolean;
}

/** The red-key button (`.rca-reauthorize-button`) beside a connection whose grant lapsed. */
const ReauthorizeButton = /* @__PURE__ */ React.forwardRef<HTMLButtonElement, ReauthorizeButtonProps>(function ReauthorizeButton(
  { connection, asChild = false, locale, messages, className, children, ...props },
  ref,
) {
  const localized = useLocalized({ locale, messages });
  const label = getProvider(connection.provider, localized.providers).label;
  const Component = asChild ? Slot : 'button';
  const element = React.useRef<HTMLButtonElement | null>(null);
  const composedRef = useComposedRefs(element, ref);
  // An icon needs a name; words it shows name it themselves (what is seen is what is said).
  const ownWords = useOwnWords(element);
  return (
    <Component
      type={asChild ? undefined : 'button'}
      aria-label={ownWords ? undefined : localized.messages['item.reauthorize'](label, isolate(connection.accountName))}
      {...props}
      ref={composedRef}
      className={clsx('rca-reauthorize-button', className)}
    >
      {children ?? <KeyIcon className="rca-key-icon" />}
    </Component>
  );
});

/* -------------------------------------------------------------------------------------------------
 * ConnectionListItem — one row
 * -----------------------------------------------------------------------------------------------*/

export interface ConnectionListItemProps extends React.ComponentPropsWithoutRef<'li'>, LocalizedProps {
  connection: Connection;
  /** A flow for this connection is running: the badge says "Reauthorizing". @default false */
  reauthorizing?: boolean;
  /** The provider's mark. @default a monogram of the provider's label */
  renderIcon?: (connection: Connection) => React.ReactNode;
  /**
   * Called by the red-key button of a lapsed connection; without it the row shows no button.
   * @default undefined
   */
  onReauthorize?: (connection: Connection, event: React.MouseEvent<HTMLButtonElement>) => void;
}

/**
 * `<li class="rca-connection-item" data-status data-category data-reauthorizing>`: provider mark,
 * provider and account, status badge with its duration, last sync, backfill progress, error text,
 * and the red key (or who can re-authorize instead). Focusable from script (`tabIndex=-1`), so focus
 * can land on the row when its key button is gone.
 */
const ConnectionListItem = /* @__PURE__ */ React.memo(
  /* @__PURE__ */ React.forwardRef<HTMLLIElement, ConnectionListItemProps>(function ConnectionListItem(
    { locale, messages, ...props },
    ref,
  ) {
    return renderItem({ ...props, ref }, useLocalized({ locale, messages }), useHydrated());
  }),
);

type ItemProps = Omit<ConnectionListItemProps, 'locale' | 'messages'> & { ref?: React.Ref<HTMLLIElement> };

/**
 * One row's markup, drawn by ConnectionListItem and straight from a store row (which brings the
 * list's words, so a thousand rows do not look them up a thousand times). The badge and the key
 * are drawn here too rather than through StatusBadge and ReauthorizeButton (same markup), which
 * would each be one more component per row. Until `hydrated` (see useHydrated), the words that
 * depend on the clock (how long, last sync, backfill since) are left out.
 */
function renderItem(
  { connection, reauthorizing = false, renderIcon, onReauthorize, className, ...props }: ItemProps,
  localized: Localized,
  hydrated: boolean,
): React.ReactElement {
  const m = localized.messages;
  const label = getProvider(connection.provider, localized.providers).label;
  const { status, backfill } = connection;
  const shown = reauthorizing ? 'reauthorizing' : status;
  const lastSync = hydrated && connection.lastSyncedAt && formatAgo(connection.lastSyncedAt, localized.locale);
  return (
    <li
      tabIndex={-1}
      {...props}
      data-status={status}
      data-category={connection.category}
      data-reauthorizing={reauthorizing || undefined}
      className={className ? `rca-connection-item ${className}` : 'rca-connection-item'}
    >
      <span className="rca-provider-mark" aria-hidden>
        {renderIcon ? renderIcon(connection) : monogram(label)}
      </span>
      <div className="rca-connection-item-body">
        <p className="rca-connection-item-name">
          <span className="rca-provider-label">{label}</span> <bdi className="rca-account-name">{connection.accountName}</bdi>
        </p>
        <span className="rca-status-badge" data-status={shown}>
          {badgeContent(shown, reauthorizing || !hydrated ? undefined : connection.statusSince, localized)}
        </span>
        {lastSync && <p className="rca-connection-item-sync">{m['item.lastSync'](lastSync)}</p>}
        {hydrated && status === 'backfilling' && backfill && (
          <label className="rca-backfill">
            {m['item.backfill'](formatDate(backfill.since, localized.locale) ?? '')}
            <progress className="rca-progress" max={1} value={backfill.progress} />
          </label>
        )}
        {status === 'error' && connection.error && <p className="rca-connection-item-error">{connection.error.message}</p>}
        {status === 'authorization_required' && connection.canReauthorize === false && (
          <p className="rca-connection-item-note">{m['item.noRights']}</p>
        )}
      </div>
      {status === 'authorization_required' && connection.canReauthorize !== false && onReauthorize && (
        <button
          type="button"
          aria-label={m['item.reauthorize'](label, isolate(connection.accountName))}
          className="rca-reauthorize-button"
          onClick={(event) => onReauthorize(connection, event)}
        >
          <KeyIcon className="rca-key-icon" />
        </button>
      )}
    </li>
  );
}

/** What every store row of one list shares, in one object so that a row's memo compares two props. */
interface StoreRowShared extends Pick<ConnectionListItemProps, 'renderIcon' | 'onReauthorize'> {
  store: ConnectionStore;
  localized: Localized;
}

/**
 * A row bound to the store: told, and re-rendered, only when its own connection or flow changes.
 * One subscription per row, whose snapshot pairs the connection with whether its flow runs.
 */
const StoreItem = /* @__PURE__ */ React.memo(function StoreItem({ id, shared: { store, localized, ...props } }: { id: string; shared: StoreRowShared }) {
  const subscribe = React.useCallback((listener: () => void) => store.subscribeTo(id, listener), [store, id]);
  const snapshot = React.useRef<{ connection: Connection | undefined; reauthorizing: boolean } | null>(null);
  const read = () => {
    const connection = store.getConnection(id);
    const reauthorizing = RUNNING.includes(store.getFlow(id).phase);
    const last = snapshot.current;
    if (last && last.connection === connection && last.reauthorizing === reauthorizing) return last;
    return (snapshot.current = { connection, reauthorizing });
  };
  const { connection, reauthorizing } = React.useSyncExternalStore(subscribe, read, noRow);
  // Never hydrated: the list's server snapshot has no rows.
  return connection ? renderItem({ ...props, connection, reauthorizing }, localized, true) : null;
});

const RUNNING: readonly string[] = ['starting', 'awaiting_user', 'completing'];

/*
 * Server snapshots: what the server rendered from a store (nothing loaded yet), whatever the store
 * holds by the time this part of the page hydrates.
 */
const NO_ROW = { connection: undefined, reauthorizing: false };
const noRow = () => NO_ROW;
let serverView: ListView | undefined;
const getServerView = () => (serverView ??= arrange([], 'loading', null, null, false));
const nothing = () => undefined;

/* -------------------------------------------------------------------------------------------------
 * ConnectionList
 * -----------------------------------------------------------------------------------------------*/

export interface ConnectionListProps extends React.ComponentPropsWithoutRef<'div'>, LocalizedProps {
  /**
   * The connections to show, without a provider. Inside a `ConnectionsProvider` leave it out: the
   * list then reads the shared store and the red key opens the `ReauthorizeDialog`.
   * @default the provider's connections
   */
  connections?: readonly Connection[];
  /** With `connections`: where loading stands. @default 'ready' */
  status?: ListStatus;
  /** With `connections`: why loading failed. @default null */
  error?: Error | null;
  /**
   * With `connections`: what "Try again" does after a load error; return a promise to have the
   * alert say "Loading…" until it settles. Without it the alert offers no "Try again" (the list
   * from a provider, without `connections`, retries through the provider's `refresh()`).
   * @default undefined
   */
  onRetry?: () => void | Promise<unknown>;
  /**
   * Called when a red key is clicked, before the built-in dialog opens; `event.preventDefault()`
   * keeps it closed. Without a provider, the red keys show only when this is given.
   * @default undefined
   */
  onReauthorize?: (connection: Connection, event: React.MouseEvent<HTMLButtonElement>) => void;
  /** The provider's mark for each row; keep it stable (module scope or `useCallback`). @default a monogram */
  renderIcon?: (connection: Connection) => React.ReactNode;
  /** A search box appears when there are more connections than this. @default 10 */
  searchThreshold?: number;
  /**
   * Where the built-in dialog is portalled: a wrapper that carries your theme (`data-theme`,
   * `--rca-*`). @default document.body
   */
  dialogContainer?: HTMLElement | null;
}

/**
 * The Connections screen (`<div class="rca-connection-list" data-state>`): grouped by category,
 * connections that need attention first (then each row keeps its place while the list is on
 * screen, until connections are added or removed or the adapter reorders them), a summary line,
 * search when the list is long, loading, empty and error states, and a polite live region
 * announcing status changes. When a reload fails with a list on screen, the list stays and an
 * alert above it (`.rca-connection-list-error[data-stale]`) offers "Try again".
 */
const ConnectionList = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ConnectionListProps>(function ConnectionList(
  { connections, status, error, onRetry, onReauthorize, renderIcon, searchThreshold = 10, dialogContainer, locale, messages, className, onFocus, onBlur, ...props },
  ref,
) {
  const context = useOptionalConnectionsContext();
  const store = connections ? null : (context?.store ?? null);
  if (!connections && !store) {
    throw new Error('ConnectionList needs connections: render it inside <ConnectionsProvider adapter={...}> or pass connections={...}.');
  }
  const localized = useLocalized({ locale, messages });
  const m = localized.messages;
  const baseId = React.useId();
  // Where focus goes when what had it leaves the screen (a dialog's row, a "Try again" that worked).
  const root = React.useRef<HTMLDivElement | null>(null);
  const rootRef = useComposedRefs(root, ref);
  const focusList = React.useCallback(() => root.current?.focus(), []);

  // What last had focus in the list, and its row. When it leaves the page with nothing else
  // focused (a key gone because a refresh found the connection fixed, a row gone with a reload),
  // focus goes to its row, or to the list, rather than to the page's body.
  const lastFocus = React.useRef<{ target: Element; row: HTMLElement | null } | null>(null);
  React.useEffect(() => {
    const list = root.current;
    if (!list || typeof MutationObserver !== 'function') return;
    const observer = new MutationObserver(() => {
      const last = lastFocus.current;
      const active = document.activeElement;
      if (!last || last.target.isConnected || (active && active !== document.body)) return;
      lastFocus.current = null;
      (last.row?.isConnected ? last.row : list).focus();
    });
    observer.observe(list, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  const [query, setQuery] = React.useState('');
  const [limit, setLimit] = React.useState(SEARCH_PAGE);

  // The whole arranged list does not depend on the query: typing never re-arranges it.
  const propsView = React.useRef<ListView | null>(null);
  const fromProps = React.useMemo(
    () => connections && (propsView.current = arrange(connections, status ?? 'ready', error ?? null, propsView.current, true)),
    [connections, status, error],
  );
  const cache = React.useRef<{ state: Pick<ConnectionsState, 'connections' | 'status' | 'error'>; view: ListView } | null>(null);
  const readStore = () => {
    if (!store) return null;
    const state = store.getState();
    const last = cache.current;
    // A flow or isRefreshing changed: nothing the list arranges did.
    if (last && last.state.connections === state.connections && last.state.status === state.status && last.state.error === state.error) {
      return last.view;
    }
    const view = arrange(state.connections, state.status, state.error, last?.view ?? null, false);
    cache.current = { state, view };
    return view;
  };
  const fromStore = React.useSyncExternalStore(store ? store.subscribe : subscribeNowhere, readStore, store ? getServerView : readStore);
  const view = (fromProps ?? fromStore)!;
  const needle = query.trim().toLowerCase();
  // The view keeps its first objects while ids and order hold, so a renamed account would be
  // searched by its old name. While searching, follow every store change (the connections array)
  // and resolve each id to its latest object; otherwise this reads a constant and renders nothing.
  const readSearched = () => (store && needle ? store.getState().connections : null);
  const searched = React.useSyncExternalStore(store ? store.subscribe : subscribeNowhere, readSearched, nothing);
  const matches = React.useMemo(
    () => (needle ? search(view, needle, localized.providers, searched && store ? store.getConnection : undefined) : null),
    [view, needle, localized.providers, searched, store],
  );

  // "Show more" sends focus to the first row it revealed: on the last page the button itself goes.
  const results = React.useRef<HTMLUListElement>(null);
  const firstShown = React.useRef<number | null>(null);
  React.useEffect(() => {
    const index = firstShown.current;
    firstShown.current = null;
    if (index === null) return;
    const target = results.current?.children[index];
    if (target instanceof HTMLElement) target.focus();
  }, [limit]);

  // The dialog of the row whose key was clicked; focus goes back to that row's key, or the row.
  const [dialog, setDialog] = React.useState<{ id: string; open: boolean } | null>(null);
  const row = React.useRef<HTMLElement | null>(null);
  const latest = React.useRef(onReauthorize);
  React.useEffect(() => {
    latest.current = onReauthorize;
  });
  const openDialog = React.useCallback(
    (connection: Connection, event: React.MouseEvent<HTMLButtonElement>) => {
      latest.current?.(connection, event);
      if (event.defaultPrevented || !store) return;
      row.current = event.currentTarget.closest('li');
      setDialog({ id: connection.id, open: true });
    },
    [store],
  );
  const keyHandler = store || onReauthorize ? openDialog : undefined;
  const retry = onRetry ?? store?.refresh;

  const state = view.status === 'loading' && view.total === 0 ? 'loading' : view.status === 'error' && view.total === 0 ? 'error' : view.total === 0 ? 'empty' : 'ready';
  const shared = React.useMemo<StoreRowShared | null>(
    () => store && { store, localized, renderIcon, onReauthorize: keyHandler },
    [store, localized, renderIcon, keyHandler],
  );
  const renderRow = (connection: Connection) =>
    shared ? (
      <StoreItem key={connection.id} id={connection.id} shared={shared} />
    ) : (
      <ConnectionListItem key={connection.id} renderIcon={renderIcon} onReauthorize={keyHandler} locale={locale} messages={messages} connection={connection} />
    );
  // Rows are memoised; building thousands of their elements again on every keystroke is not free.
  const groups = React.useMemo(
    () =>
      view.groups.map(({ category, items }) => (
        <div key={category} className="rca-connection-group" data-category={category}>
          <h2 id={`${baseId}-${category}`} className="rca-connection-group-title">
            {m[`group.${category}`]}
          </h2>
          <ul aria-labelledby={`${baseId}-${category}`} className="rca-connection-group-list">
            {items.map(renderRow)}
          </ul>
        </div>
      )),
    // `renderRow` reads exactly these.
    [view.groups, shared, renderIcon, keyHandler, locale, messages, m, baseId],
  );

  return (
    <div
      tabIndex={-1}
      {...props}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
      ref={rootRef}
      className={clsx('rca-connection-list', className)}
      onFocus={(event) => {
        onFocus?.(event);
        const { target, currentTarget: list } = event;
        // Only the list's own elements: React also brings focus events up from its portalled dialog.
        const row = target.closest('li');
        lastFocus.current = list.contains(target) ? { target, row: row && list.contains(row) ? row : null } : null;
      }}
      onBlur={(event) => {
        onBlur?.(event);
        const { target } = event;
        // Moved away by the user (not taken away with its element, and not the window losing
        // focus, after which it still has it): nothing to put back.
        queueMicrotask(() => {
          if (lastFocus.current?.target === target && target.isConnected && document.activeElement !== target) lastFocus.current = null;
        });
      }}
    >
      <AttentionSummary store={store} connections={connections} messages={m} />
      {(view.total > searchThreshold || query) && (
        <>
          <label className="rca-search">
            <span className="rca-search-label">{m['list.search']}</span>
            <input
              className="rca-input"
              type="search"
              value={query}
              // Focus comes before the first keystroke: make what search compares then, in a task of
              // its own rather than the focus's or a keystroke's.
              onFocus={() => setTimeout(() => searchIndex(view, localized.providers))}
              onChange={(event) => {
                setQuery(event.target.value);
                setLimit(SEARCH_PAGE);
              }}
            />
          </label>
          {/* Mounted with the search box and empty until a search, so screen readers already watch
              it when the first count arrives; outside the label, so it is not part of the box's name. */}
          <div role="status" className="rca-search-status rca-visually-hidden" style={VISUALLY_HIDDEN}>
            {matches &&
              (matches.items.length > limit
                ? `${m['list.matchCount'](matches.items.length)} ${m['list.moreMatches'](limit, matches.items.length)}`
                : m['list.matchCount'](matches.items.length))}
          </div>
        </>
      )}
      {state === 'loading' && (
        <>
          <p className="rca-connection-list-message">{m['list.loading']}</p>
          <ul className="rca-skeleton" aria-hidden>
            <li />
            <li />
            <li />
          </ul>
        </>
      )}
      {(state === 'error' || (state === 'ready' && view.error)) && (
        <LoadAlert stale={state === 'ready'} retry={retry} messages={m} onLeave={focusList} />
      )}
      {state === 'empty' && <p className="rca-connection-list-message">{m['list.empty']}</p>}
      {/* While searching, the whole list stays mounted but hidden: clearing the query shows it again
          without rendering a row, and each keystroke renders at most one page of matches. */}
      <div className="rca-connection-groups" hidden={matches ? true : undefined}>
        {groups}
      </div>
      {matches && matches.items.length === 0 && <p className="rca-connection-list-message">{m['list.noMatches'](query)}</p>}
      {matches && matches.items.length > 0 && (
        <div className="rca-search-results">
          <ul ref={results} aria-label={m['list.results']} className="rca-connection-group-list">
            {matches.items.slice(0, limit).map((connection) => renderRow(connection))}
          </ul>
          {matches.items.length > limit && (
            <p className="rca-search-more">
              {m['list.moreMatches'](limit, matches.items.length)}{' '}
              <button
                type="button"
                className="rca-button"
                data-variant="secondary"
                onClick={() => {
                  firstShown.current = limit;
                  setLimit(limit + SEARCH_PAGE);
                }}
              >
                {m['list.showMore']}
              </button>
            </p>
          )}
        </div>
      )}
      <StatusAnnouncer store={store} connections={connections} messages={m} providers={localized.providers} />
      {store && dialog && (
        <StoreDialog
          store={store}
          id={dialog.id}
          open={dialog.open}
          container={dialogContainer}
          locale={locale}
          messages={messages}
          onOpenChange={(open) => setDialog({ id: dialog.id, open })}
          // The connection left the list (a reload without it, another adapter): the dialog goes,
          // and does not come back uninvited if the connection does.
          onGone={() => setDialog(null)}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const target = row.current;
            if (target?.isConnected) (target.querySelector<HTMLElement>('.rca-reauthorize-button') ?? target).focus();
            else focusList();
          }}
        />
      )}
    </div>
  );
});

/** The dialog for one connection of the store, following its latest version. */
function StoreDialog({
  store,
  id,
  onGone,
  ...props
}: Omit<ReauthorizeDialogProps, 'connection'> & { store: ConnectionStore; id: string; onGone: () => void }) {
  const subscribe = React.useCallback((listener: () => void) => store.subscribeTo(id, listener), [store, id]);
  const read = () => store.getConnection(id);
  const connection = React.useSyncExternalStore(subscribe, read, nothing);
  React.useEffect(() => {
    if (!connection) onGone();
  });
  return connection ? <ReauthorizeDialog {...props} connection={connection} adapter={store.adapter} /> : null;
}

/**
 * Says that loading failed, or that a reload failed and the list may be out of date, with "Try
 * again". While a retry runs it says so (and ignores more presses), so a failure that repeats is
 * announced again; when a retry works and the alert goes, focus moves to the list, not the page.
 */
function LoadAlert({ stale, retry, messages: m, onLeave }: { stale: boolean; retry: (() => unknown) | undefined; messages: Messages; onLeave: () => void }) {
  const [retrying, setRetrying] = React.useState(false);
  const alert = React.useRef<HTMLDivElement>(null);
  const mounted = React.useRef(true);
  useBeforePaint(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (alert.current?.contains(document.activeElement)) onLeave();
    };
  }, [onLeave]);
  return (
    <div ref={alert} role="alert" className="rca-connection-list-error" data-stale={stale ? '' : undefined}>
      <p>{retrying ? m['list.loading'] : m[stale ? 'list.refreshError' : 'list.loadError']}</p>
      {retry && (
        <button
          type="button"
          className="rca-button"
          data-variant="secondary"
          aria-disabled={retrying || undefined}
          onClick={() => {
            if (retrying) return;
            setRetrying(true);
            // Whatever it settles with, the alert (or the list, once it loaded) says it.
            const done = () => {
              if (mounted.current) setRetrying(false);
            };
            Promise.resolve(retry()).then(done, done);
          }}
        >
          {m['list.retry']}
        </button>
      )}
    </div>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

export interface ListView {
  status: ListStatus;
  error: Error | null;
  /** Connections before searching. */
  total: number;
  groups: { category: ConnectionCategory; items: Connection[] }[];
  /** The connections the groups were arranged from, in the order they came. */
  source: readonly Connection[];
}

const CATEGORIES: readonly ConnectionCategory[] = ['advertising', 'crm', 'other'];
/**
 * How many search matches render at a time: a keystroke that changes the matches takes this many
 * rows down and builds as many, which must fit in a frame on a slow machine.
 */
const SEARCH_PAGE = 25;

/**
 * Groups by category, needs-attention first (keeping the adapter's order otherwise).
 *
 * Rows stay where they are while the list is on screen: when the same connections come again in
 * the same order (a pushed status change, a re-authorization, a reload), the previous order is
 * kept, so nothing jumps away from the pointer, from keyboard focus or from a screen reader's
 * place, and one change costs one row. The order is worked out afresh when connections come or
 * go, when one changes category, when the adapter lists them in another order, and on mount. With `fresh`, the kept order is filled with the new
 * objects (rows rendered from props); without it the previous groups are returned as they are
 * (store rows read their own connection), and the whole previous view when nothing it shows changed.
 */
function arrange(connections: readonly Connection[], status: ListStatus, error: Error | null, previous: ListView | null, fresh: boolean): ListView {
  let groups: ListView['groups'];
  const before = previous?.source;
  if (before && before.length === connections.length && connections.every((c, i) => c.id === before[i]!.id && c.category === before[i]!.category)) {
    const byId = fresh && new Map(connections.map((connection) => [connection.id, connection]));
    groups = byId ? previous.groups.map(({ category, items }) => ({ category, items: items.map((item) => byId.get(item.id)!) })) : previous.groups;
  } else {
    // Per category, one bucket per urgency: a stable order in one pass, without sorting.
    const buckets: Record<ConnectionCategory, [Connection[], Connection[], Connection[]]> = { advertising: [[], [], []], crm: [[], [], []], other: [[], [], []] };
    for (const connection of connections) buckets[CATEGORIES.includes(connection.category) ? connection.category : 'other'][urgency(connection)].push(connection);
    groups = CATEGORIES.map((category) => ({ category, items: buckets[category].flat() })).filter((group) => group.items.length > 0);
  }
  if (previous && previous.groups === groups && previous.status === status && previous.error === error) return previous;
  return { status, error, total: connections.length, groups, source: connections };
}

interface SearchIndex {
  providers: ProviderCatalog;
  rows: Connection[];
  /** Lower-cased "provider account" of each row, in order. */
  texts: string[];
  /** The same for versions of a row that arrived after the arrangement (pushes, reloads). */
  later: WeakMap<Connection, string>;
}

/** What search compares, per arrangement. */
const searchTexts = new WeakMap<ListView['groups'], SearchIndex>();

function searchText(connection: Connection, providers: ProviderCatalog): string {
  return `${getProvider(connection.provider, providers).label} ${connection.accountName}`.toLowerCase();
}

/** The texts search compares for this arrangement, made on first need (or when the box gets focus). */
function searchIndex(view: ListView, providers: ProviderCatalog): SearchIndex {
  let index = searchTexts.get(view.groups);
  if (!index || index.providers !== providers) {
    const rows = view.groups.flatMap((group) => group.items);
    index = { providers, rows, texts: rows.map((row) => searchText(row, providers)), later: new WeakMap() };
    searchTexts.set(view.groups, index);
  }
  return index;
}

/**
 * The connections whose provider label or account name contains the needle, in list order.
 * `resolve` gives the latest version of each row (the view's objects may be older, and a row
 * renamed since is compared by its new name). The texts are made once per arrangement, so
 * keystrokes after the first only compare.
 */
function search(
  view: ListView,
  needle: string,
  providers: ProviderCatalog,
  resolve?: (id: string) => Connection | undefined,
): { items: Connection[] } {
  const { rows, texts, later } = searchIndex(view, providers);
  const items: Connection[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const connection = resolve?.(row.id) ?? row;
    let text = connection === row ? texts[i] : later.get(connection);
    if (text === undefined) later.set(connection, (text = searchText(connection, providers)));
    if (text.includes(needle)) items.push(connection);
  }
  return { items };
}

function urgency(connection: Connection): 0 | 1 | 2 {
  return connection.status === 'authorization_required' ? 0 : connection.status === 'error' ? 1 : 2;
}

/**
 * "2 connections need reauthorization", when any do. A component of its own that counts on every
 * change, so that a lapse re-renders this line and its row, not the list.
 */
function AttentionSummary({ store, connections, messages }: { store: ConnectionStore | null; connections: readonly Connection[] | undefined; messages: Messages }) {
  const read = () => countAttention(connections ?? store?.getState().connections ?? []);
  const count = React.useSyncExternalStore(store ? store.subscribe : subscribeNowhere, read, connections ? read : () => 0);
  return count > 0 ? <p className="rca-connection-list-summary">{messages['list.summary'](count)}</p> : null;
}

function countAttention(connections: readonly Connection[]): number {
  let count = 0;
  for (const connection of connections) if (connection.status === 'authorization_required') count += 1;
  return count;
}

/**
 * The polite live region announcing the latest status changes ("Google Ads reconnected: Acme
 * Search"). Only changes are announced: never the first list, nor connections that just appeared.
 * A component of its own, so that announcing re-renders the region and not the list.
 */
function StatusAnnouncer({
  store,
  connections,
  messages,
  providers,
}: {
  store: ConnectionStore | null;
  connections: readonly Connection[] | undefined;
  messages: Messages;
  providers: ProviderCatalog;
}) {
  const [text, setText] = React.useState<{ sentence: string; count: number } | null>(null);
  /** The connection objects last seen, by id; `null` before the first list. */
  const known = React.useRef<Map<string, Connection> | null>(null);
  /** The flow states last seen. */
  const flows = React.useRef<Readonly<Record<string, FlowState>>>({});
  const props = React.useRef({ messages, providers });
  React.useEffect(() => {
    props.current = { messages, providers };
  });
  /**
   * Compares the connections with these ids (as `current` gives them now) with those last seen,
   * then the flows. The first call only notes what is there.
   */
  const note = React.useCallback(
    (ids: Iterable<string>, current: (id: string) => Connection | undefined, flowStates?: Readonly<Record<string, FlowState>>) => {
      const seen = known.current;
      if (!seen) {
        known.current = new Map();
        for (const id of ids) known.current.set(id, current(id)!);
        // Failures from before this list was on screen are not news (a remount under the same store).
        if (flowStates) flows.current = flowStates;
        return;
      }
      const { messages: m, providers: catalog } = props.current;
      const changes: string[] = [];
      const say = (c: Connection, key: `announce.${ConnectionStatus}` | 'announce.failed' | 'announce.caughtUp') => {
        // A status outside the known ones (rows from props are not checked) has no sentence.
        const words = m[key] as Messages['announce.failed'] | undefined;
        if (words) changes.push(words(getProvider(c.provider, catalog).label, isolate(c.accountName)));
      };
      for (const id of ids) {
        const c = current(id);
        const before = seen.get(id);
        // Gone: forgotten, so that one that comes back is not announced as a change.
        if (!c) seen.delete(id);
        if (!c || before === c) continue;
        const phase = flowStates?.[id]?.phase;
        const shown = store?.isShown(id);
        // While a shown flow runs, its outcome decides who says what: the change is held (not
        // noted), and looked at again when the flow ends or stops being shown.
        if (shown && RUNNING.includes(phase!)) continue;
        // A change a shown flow brought about is said by what shows it ("connected again"), and
        // so is a reconnection made by other means while it is shown.
        const saidByShown = shown && (phase === 'succeeded' || store!.reconnectedWhileShown(id));
        if (before && before.status !== c.status && !saidByShown) {
          // The end of a backfill is not a second reconnection.
          say(c, before.status === 'backfilling' && c.status === 'connected' ? 'announce.caughtUp' : `announce.${c.status}`);
        }
        seen.set(id, c);
      }
      // A re-authorization that failed with nothing showing it (one left to finish when its dialog
      // closed) changes no status: say so, or nobody hears of it. Cancelling is no news.
      if (flowStates && flowStates !== flows.current) {
        for (const [id, flow] of Object.entries(flowStates)) {
          const c = seen.get(id);
          if (c && flow !== flows.current[id] && flow.phase === 'failed' && flow.error?.code !== 'cancelled' && !store?.isShown(id)) say(c, 'announce.failed');
        }
        flows.current = flowStates;
      }
      if (changes.length > 0) setText((last) => ({ sentence: changes.join(' '), count: (last?.count ?? 0) + 1 }));
    },
    [store],
  );
  React.useEffect(() => {
    // Another store (or none, from props): what was seen of the last one says nothing of this one.
    known.current = null;
    if (!store) return;
    // Each change names the ids it touched: a long list costs nothing per row that did not change.
    const check = (changed?: readonly string[]) => {
      const state = store.getState();
      if (state.status === 'loading') return;
      note(known.current && changed ? changed : state.connections.map((c) => c.id), store.getConnection, state.flows);
    };
    check();
    return store.subscribe(check);
  }, [store, note]);
  React.useEffect(() => {
    if (!connections) return;
    // From props: every row shown, and every row seen (to notice those that went).
    const byId = new Map(connections.map((c) => [c.id, c]));
    note(new Set([...byId.keys(), ...(known.current?.keys() ?? [])]), (id) => byId.get(id), undefined);
  }, [connections, note]);
  return (
    <div role="status" className="rca-visually-hidden" style={VISUALLY_HIDDEN}>
      {/* A new node per announcement: the same sentence twice is still said twice. */}
      {text && <span key={text.count}>{text.sentence}</span>}
    </div>
  );
}

const monograms = new Map<string, string>();

/** "Google Ads" → "GA", worked out once per label. */
function monogram(label: string): string {
  let letters = monograms.get(label);
  if (letters === undefined) {
    letters = label
      .split(/\s+/)
      .slice(0, 2)
      .map((word) => word.charAt(0))
      .join('')
      .toUpperCase();
    if (monograms.size >= 500) monograms.clear();
    monograms.set(label, letters);
  }
  return letters;
}

function subscribeNowhere(): () => void {
  return () => {};
}

/** The live region must exist for assistive technology but not show, with or without styles.css. */
const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export { ConnectionList, ConnectionListItem, ReauthorizeButton };
/** For the project's own tests; not part of the package's API (src/index.ts does not export it). */
export { arrange };
