import * as React from 'react';
import type { ProviderInfo } from '../core/catalog';
import { getConnectionStore } from '../core/store';
import type { ConnectionStore, ConnectionStoreOptions } from '../core/store';
import type { ConnectionsAdapter } from '../core/types';
import type { Messages } from '../i18n';
import { useBeforePaint } from './use-before-paint';

/* -------------------------------------------------------------------------------------------------
 * ConnectionsProvider
 * -----------------------------------------------------------------------------------------------*/

export interface ConnectionsContextValue {
  store: ConnectionStore;
  locale: string;
  /**
   * The provider's own words, not yet merged with a locale's: components resolve them, so the
   * headless core carries no message set at all.
   */
  messages: Partial<Messages> | undefined;
  /** The integrator's own providers, as given: components add them to the built-in catalog. */
  providers: readonly ProviderInfo[] | undefined;
}

const ConnectionsContext = /* @__PURE__ */ React.createContext<ConnectionsContextValue | null>(null);

export interface ConnectionsProviderProps extends ConnectionStoreOptions {
  /** Your backend. One store is kept per adapter instance, so keep it stable (module scope or `useMemo`). */
  adapter: ConnectionsAdapter;
  /** A BCP 47 locale for words, dates and durations; English and Spanish are built in. @default 'en' */
  locale?: string;
  /** Your own words for any message; they win over the built-in ones. */
  messages?: Partial<Messages>;
  /** Your own providers (labels, categories), added to the built-in catalog. */
  providers?: readonly ProviderInfo[];
  children?: React.ReactNode;
}

/**
 * Holds the connections of one adapter for every hook and component below it, with the locale
 * and words they use. The list loads when the provider mounts.
 */
function ConnectionsProvider({ adapter, locale = 'en', messages, providers, children, ...options }: ConnectionsProviderProps) {
  useSteadyAdapter(adapter, 'ConnectionsProvider');
  const store = getConnectionStore(adapter);
  useStoreOptions(store, options, 0);
  React.useEffect(() => store.retain(), [store]);

  const value = React.useMemo<ConnectionsContextValue>(
    () => ({ store, locale, messages, providers }),
    [store, locale, messages, providers],
  );
  return <ConnectionsContext.Provider value={value}>{children}</ConnectionsContext.Provider>;
}

/**
 * Gives the store this component's options while it is mounted (see `ConnectionStore.setOptions`):
 * the latest on every render, none once it unmounts. Before paint, so before any effect retains
 * the store and starts it with them.
 */
function useStoreOptions(store: ConnectionStore, options: ConnectionStoreOptions, rank: number): void {
  const [owner] = React.useState(() => ({}));
  useBeforePaint(() => store.setOptions(owner, options, rank));
  useBeforePaint(() => () => store.setOptions(owner, null), [store, owner]);
}

/**
 * Says once, in the console, when a component is given a new adapter on five renders in a row
 * (`adapter={createFetchAdapter(...)}` inline): each adapter has a store of its own, so every
 * render would start the list over and end any sign-in under way. Read while rendering, as a
 * render that changed nothing may never commit.
 */
function useSteadyAdapter(adapter: ConnectionsAdapter | undefined, consumer: string): void {
  const last = React.useRef<{ adapter?: ConnectionsAdapter; changes: number }>({ changes: 0 }).current;
  last.changes = adapter && last.adapter && adapter !== last.adapter ? last.changes + 1 : 0;
  last.adapter = adapter;
  // Five in a row: a memoised adapter whose inputs changed twice running, rendered twice each
  // by StrictMode, is not one made anew on every render.
  if (last.changes === 5) {
    console.error(
      `[react-connected-accounts] ${consumer} got a new adapter on each render, so each render starts over (list and sign-in): make it once, at module scope or with useState.`,
    );
  }
}

/** The provider's value, or `null` outside one. */
function useOptionalConnectionsContext(): ConnectionsContextValue | null {
  return React.useContext(ConnectionsContext);
}

/** The provider's value; throws a sentence naming the missing provider when there is none. */
function useConnectionsContext(consumer: string): ConnectionsContextValue {
  const context = React.useContext(ConnectionsContext);
  if (!context) {
    throw new Error(`${consumer} must be rendered inside <ConnectionsProvider adapter={...}>, or be given what it needs through its props.`);
  }
  return context;
}

export { ConnectionsProvider, useConnectionsContext, useOptionalConnectionsContext, useSteadyAdapter, useStoreOptions };
