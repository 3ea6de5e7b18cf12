import { Slot } from '@radix-ui/react-slot';
import { clsx } from 'clsx';
import * as React from 'react';
import { getProvider } from '../core/catalog';
import type { ProviderCatalog } from '../core/catalog';
import type { ConnectionStore, ListStatus } from '../core/store';
import type { Connection, ConnectionCategory } from '../core/types';
import { formatAgo, formatDate } from '../i18n/format';
import type { Messages } from '../i18n';
import { useOptionalConnectionsContext } from '../react/context';
import { useLocalized } from '../react/use-localized';
import type { LocalizedProps } from '../react/use-localized';
import { KeyIcon } from './icons';
import { ReauthorizeDialog } from './reauthorize-dialog';
import type { ReauthorizeDialogProps } from './reauthorize-dialog';
import { StatusBadge } from './status-badge';

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
  return (
    <Component
      type={asChild ? undefined : 'button'}
      aria-label={localized.messages['item.reauthorize'](label, connection.accountName)}
      {...props}
      ref={ref}
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
    { connection, reauthorizing = false, renderIcon, onReauthorize, locale, messages, className, ...props },
    ref,
  ) {
    const localized = useLocalized({ locale, messages });
    const m = localized.messages;
    const label = getProvider(connection.provider, localized.providers).label;
    const { status, backfill } = connection;
    const lastSync = connection.lastSyncedAt && formatAgo(connection.lastSyncedAt, localized.locale);
    return (
      <li
        tabIndex={-1}
        {...props}
        data-status={status}
        data-category={connection.category}
        data-reauthorizing={reauthorizing || undefined}
        ref={ref}
        className={clsx('rca-connection-item', className)}
      >
        <span className="rca-provider-mark" aria-hidden>
          {renderIcon ? renderIcon(connection) : monogram(label)}
        </span>
        <div className="rca-connection-item-body">
          <p className="rca-connection-item-name">
            <span className="rca-provider-label">{label}</span> <span className="rca-account-name">{connection.accountName}</span>
          </p>
          <StatusBadge
            status={reauthorizing ? 'reauthorizing' : status}
            since={reauthorizing ? undefined : connection.statusSince}
            locale={locale}
            messages={messages}
          />
          {lastSync && <p className="rca-connection-item-sync">{m['item.lastSync'](lastSync)}</p>}
          {status === 'backfilling' && backfill && (
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
          <ReauthorizeButton
            connection={connection}
            locale={locale}
            messages={messages}
            onClick={(event) => onReauthorize(connection, event)}
          />
        )}
      </li>
    );
  }),
);

/** A row bound to the store: re-renders only when its own connection or flow changes. */
const StoreItem = /* @__PURE__ */ React.memo(function StoreItem({
  store,
  id,
  ...props
}: Omit<ConnectionListItemProps, 'connection' | 'reauthorizing'> & { store: ConnectionStore; id: string }) {
  const readConnection = () => store.getConnection(id);
  const connection = React.useSyncExternalStore(store.subscribe, readConnection, readConnection);
  const readRunning = () => RUNNING.includes(store.getFlow(id).phase);
  const reauthorizing = React.useSyncExternalStore(store.subscribe, readRunning, readRunning);
  return connection ? <ConnectionListItem {...props} connection={connection} reauthorizing={reauthorizing} /> : null;
});

const RUNNING: readonly string[] = ['starting', 'awaiting_user', 'completing'];

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
  /** With `connections`: what "Try again" does after a load error. @default the provider's `refresh()` */
  onRetry?: () => void;
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
}

/**
 * The Connections screen (`<div class="rca-connection-list" data-state>`): grouped by category,
 * connections that need attention first, a summary line, search when the list is long, loading,
 * empty and error states, and a polite live region announcing status changes. When a reload fails
 * with a list on screen, the list stays and an alert above it (`.rca-connection-list-error[data-stale]`)
 * offers "Try again".
 */
const ConnectionList = /* @__PURE__ */ React.forwardRef<HTMLDivElement, ConnectionListProps>(function ConnectionList(
  { connections, status, error, onRetry, onReauthorize, renderIcon, searchThreshold = 10, locale, messages, className, ...props },
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
  const [query, setQuery] = React.useState('');
  const [limit, setLimit] = React.useState(SEARCH_PAGE);

  // The whole arranged list does not depend on the query: typing never re-arranges it.
  const fromProps = React.useMemo(
    () => connections && arrange(connections, status ?? 'ready', error ?? null, null),
    [connections, status, error],
  );
  const cache = React.useRef<ListView | null>(null);
  const readStore = () => {
    if (!store) return null;
    const state = store.getState();
    return (cache.current = arrange(state.connections, state.status, state.error, cache.current));
  };
  const fromStore = React.useSyncExternalStore(store ? store.subscribe : subscribeNowhere, readStore, readStore);
  const view = (fromProps ?? fromStore)!;
  const needle = query.trim().toLowerCase();
  // The view keeps its first objects while ids and order hold, so a renamed account would be
  // searched by its old name. While searching, follow every store change (the connections array)
  // and resolve each id to its latest object; otherwise this reads a constant and renders nothing.
  const readSearched = () => (store && needle ? store.getState().connections : null);
  const searched = React.useSyncExternalStore(store ? store.subscribe : subscribeNowhere, readSearched, readSearched);
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

  const announcement = useStatusAnnouncer(store, connections, localized.messages, localized.providers);

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
  const renderRow = (connection: Connection) =>
    store ? (
      <StoreItem key={connection.id} renderIcon={renderIcon} onReauthorize={keyHandler} locale={locale} messages={messages} store={store} id={connection.id} />
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
    [view, store, renderIcon, keyHandler, locale, messages, m, baseId],
  );

  return (
    <div {...props} data-state={state} aria-busy={state === 'loading' || undefined} ref={ref} className={clsx('rca-connection-list', className)}>
      {view.attention > 0 && <p className="rca-connection-list-summary">{m['list.summary'](view.attention)}</p>}
      {(view.total > searchThreshold || query) && (
        <>
          <label className="rca-search">
            <span className="rca-search-label">{m['list.search']}</span>
            <input
              className="rca-input"
              type="search"
              value={query}
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
      {state === 'error' && (
        <div role="alert" className="rca-connection-list-error">
          <p>{m['list.loadError']}</p>
          {retry && (
            <button type="button" className="rca-button" data-variant="secondary" onClick={() => void retry()}>
              {m['list.retry']}
            </button>
          )}
        </div>
      )}
      {state === 'ready' && view.error && (
        // The last good list stays; this line only says it may be stale and offers a reload.
        <div role="alert" className="rca-connection-list-error" data-stale="">
          <p>{m['list.refreshError']}</p>
          {retry && (
            <button type="button" className="rca-button" data-variant="secondary" onClick={() => void retry()}>
              {m['list.retry']}
            </button>
          )}
        </div>
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
            {matches.items.slice(0, limit).map(renderRow)}
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
      <div role="status" className="rca-visually-hidden" style={VISUALLY_HIDDEN}>
        {announcement}
      </div>
      {store && dialog && (
        <StoreDialog
          store={store}
          id={dialog.id}
          open={dialog.open}
          locale={locale}
          messages={messages}
          onOpenChange={(open) => setDialog({ id: dialog.id, open })}
          onCloseAutoFocus={(event) => {
            const target = row.current;
            if (!target?.isConnected) return;
            event.preventDefault();
            (target.querySelector<HTMLElement>('.rca-reauthorize-button') ?? target).focus();
          }}
        />
      )}
    </div>
  );
});

/** The dialog for one connection of the store, following its latest version. */
function StoreDialog({ store, id, ...props }: Omit<ReauthorizeDialogProps, 'connection'> & { store: ConnectionStore; id: string }) {
  const read = () => store.getConnection(id);
  const connection = React.useSyncExternalStore(store.subscribe, read, read);
  return connection ? <ReauthorizeDialog {...props} connection={connection} adapter={store.adapter} /> : null;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

interface ListView {
  status: ListStatus;
  error: Error | null;
  /** Connections before searching. */
  total: number;
  /** How many need re-authorization. */
  attention: number;
  groups: { category: ConnectionCategory; items: Connection[] }[];
}

const CATEGORIES: readonly ConnectionCategory[] = ['advertising', 'crm', 'other'];
/** How many search matches render at a time. */
const SEARCH_PAGE = 50;

/**
 * Groups by category, needs-attention first (keeping the adapter's order otherwise). Returns
 * `previous` when nothing the list itself renders changed — the same rows in the same order —
 * so a pushed change re-renders only its own row.
 */
function arrange(connections: readonly Connection[], status: ListStatus, error: Error | null, previous: ListView | null): ListView {
  const byCategory: Record<ConnectionCategory, Connection[]> = { advertising: [], crm: [], other: [] };
  let attention = 0;
  for (const connection of connections) {
    if (connection.status === 'authorization_required') attention += 1;
    (byCategory[connection.category] ?? byCategory.other).push(connection);
  }
  const groups = CATEGORIES.map((category) => ({
    category,
    items: byCategory[category].sort((a, b) => urgency(a) - urgency(b)),
  })).filter((group) => group.items.length > 0);
  if (
    previous &&
    previous.status === status &&
    previous.error === error &&
    previous.attention === attention &&
    previous.total === connections.length &&
    sameRows(previous.groups, groups)
  ) {
    return previous;
  }
  return { status, error, total: connections.length, attention, groups };
}

function sameRows(a: ListView['groups'], b: ListView['groups']): boolean {
  if (a.length !== b.length) return false;
  return a.every((group, g) => {
    const other = b[g]!;
    if (group.category !== other.category || group.items.length !== other.items.length) return false;
    // Rows follow their own connection, so only ids and their order matter here.
    return group.items.every((item, i) => item.id === other.items[i]!.id);
  });
}

/** Lower-cased "provider account" per connection object, per catalog (labels come from it). */
const haystacks = new WeakMap<ProviderCatalog, WeakMap<Connection, string>>();

/**
 * The connections whose provider label or account name contains the needle, in list order.
 * `resolve` gives the latest version of each row (the view's objects may be older).
 */
function search(
  view: ListView,
  needle: string,
  providers: ProviderCatalog,
  resolve?: (id: string) => Connection | undefined,
): { items: Connection[] } {
  const items: Connection[] = [];
  let cache = haystacks.get(providers);
  if (!cache) haystacks.set(providers, (cache = new WeakMap()));
  for (const group of view.groups) {
    for (const row of group.items) {
      const connection = resolve?.(row.id) ?? row;
      let haystack = cache.get(connection);
      if (haystack === undefined) {
        haystack = `${getProvider(connection.provider, providers).label} ${connection.accountName}`.toLowerCase();
        cache.set(connection, haystack);
      }
      if (haystack.includes(needle)) items.push(connection);
    }
  }
  return { items };
}

function urgency(connection: Connection): number {
  return connection.status === 'authorization_required' ? 0 : connection.status === 'error' ? 1 : 2;
}

/**
 * The sentence announcing the latest status changes ("Google Ads reconnected: Acme Search").
 * Only changes are announced: never the first list, nor connections that just appeared.
 */
function useStatusAnnouncer(
  store: ConnectionStore | null,
  connections: readonly Connection[] | undefined,
  messages: Messages,
  providers: ProviderCatalog,
): string {
  const [text, setText] = React.useState('');
  const known = React.useRef<Map<string, string> | null>(null);
  const words = React.useRef({ messages, providers });
  React.useEffect(() => {
    words.current = { messages, providers };
  });
  const note = React.useCallback((list: readonly Connection[]) => {
    const before = known.current;
    known.current = new Map(list.map((c) => [c.id, c.status]));
    if (!before) return;
    const { messages: m, providers: catalog } = words.current;
    const changes = list
      .filter((c) => before.has(c.id) && before.get(c.id) !== c.status)
      .map((c) => m[`announce.${c.status}`](getProvider(c.provider, catalog).label, c.accountName));
    if (changes.length > 0) setText(changes.join(' '));
  }, []);
  React.useEffect(() => {
    if (!store) return;
    const check = () => {
      const state = store.getState();
      if (state.status !== 'loading') note(state.connections);
    };
    check();
    return store.subscribe(check);
  }, [store, note]);
  React.useEffect(() => {
    if (connections) note(connections);
  }, [connections, note]);
  return text;
}

function monogram(label: string): string {
  return label
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase();
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
