import * as React from 'react';
import type { ProviderInfo } from '../core/catalog';
import { getConnectionStore } from '../core/store';
import type { ConnectionStore, ConnectionStoreOptions } from '../core/store';
import type { ConnectionsAdapter } from '../core/types';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * ConnectionsProvider
 * -----------------------------------------------------------------------------------------------*/

export interface ConnectionsContextValue {
  store: ConnectionStore;
  locale?: string;
  messages?: Partial<Messages>;
  providers?: readonly ProviderInfo[];
  expiryWarningDays?: number;
}

const ConnectionsContext = /* @__PURE__ */ React.createContext<ConnectionsContextValue | null>(null);

export interface ConnectionsProviderProps extends ConnectionStoreOptions {
  /** Your backend. One store is kept per adapter, so keep it stable (module scope or `useState`). */
  adapter: ConnectionsAdapter;
  /** A BCP 47 locale for dates and numbers, in the language of `messages`. @default the messages' own */
  locale?: string;
  /** A message set (`import { es } from 'react-connected-accounts/locales/es'`), or your own words. @default English */
  messages?: Partial<Messages>;
  /** Your own providers, added to the built-in catalog. */
  providers?: readonly ProviderInfo[];
  /** A working grant that lapses within this many days warns and offers "Renew". @default 7 */
  expiryWarningDays?: number;
  children?: React.ReactNode;
}

/** Holds the connections of one adapter, and the words, for everything below it. */
function ConnectionsProvider({ adapter, locale, messages, providers, expiryWarningDays, children, ...options }: ConnectionsProviderProps) {
  const store = useStore(adapter, options);
  const value = React.useMemo(() => ({ store, locale, messages, providers, expiryWarningDays }), [store, locale, messages, providers, expiryWarningDays]);
  return <ConnectionsContext.Provider value={value}>{children}</ConnectionsContext.Provider>;
}

/**
 * The store of the adapter given, else the provider's, kept alive while the component is mounted,
 * with these options. Set while rendering, so the first load (in an effect) has them.
 */
function useStore(adapter: ConnectionsAdapter | undefined, options?: ConnectionStoreOptions): ConnectionStore {
  const context = React.useContext(ConnectionsContext);
  const chosen = adapter ?? context?.store.adapter;
  if (!chosen) throw new Error(process.env.NODE_ENV !== 'production' ? 'Pass an adapter, or render this inside <ConnectionsProvider adapter={...}>.' : 'No adapter');
  if (process.env.NODE_ENV !== 'production') warnOnNewAdapter(React.useRef<[ConnectionsAdapter?, number?]>([]).current, chosen);
  const store = getConnectionStore(chosen);
  store.configure(options ?? {});
  React.useEffect(() => store.retain(), [store]);
  return store;
}

/** Development only: an adapter made anew on each render starts everything over each time. */
function warnOnNewAdapter(last: [ConnectionsAdapter?, number?], adapter: ConnectionsAdapter): void {
  const changes = last[0] && last[0] !== adapter ? (last[1] ?? 0) + 1 : 0;
  last[0] = adapter;
  last[1] = changes;
  if (changes === 5) console.error('[react-connected-accounts] A new adapter on each render starts the list and any sign-in over. Make it once, at module scope or with useState.');
}

const useConnectionsContext = (): ConnectionsContextValue | null => React.useContext(ConnectionsContext);

export { ConnectionsProvider, useConnectionsContext, useStore };
