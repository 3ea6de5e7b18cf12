// `react-connected-accounts/core`: everything that needs no React. Nothing here touches the DOM
// when imported, so a server component or a Node script may call it.
export type {
  AdapterContext,
  AuthMethod,
  AuthorizationResult,
  AuthorizationStart,
  Connection,
  ConnectionCategory,
  ConnectionStatus,
  ConnectionsAdapter,
} from './types';
export { ConnectionsError, isConnectionsError } from './errors';
export type { ConnectionsErrorCode, ConnectionsErrorOptions } from './errors';
export { createProviderCatalog, defaultProviders, getProvider } from './catalog';
export type { ProviderCatalog, ProviderInfo } from './catalog';
export { describeImpact, getExpiry } from './impact';
export type { ConnectionImpact, DescribeImpactOptions, Expiry, GapRecovery, GetExpiryOptions, StoppedActivity } from './impact';
export { findConnectionProblem } from './validate';
export { createConnectionStore, getConnectionStore } from './store';
export type {
  ConnectionStore,
  ConnectionStoreOptions,
  ConnectionsState,
  FlowOptions,
  FlowPhase,
  FlowState,
  ListStatus,
  PopupState,
  ReauthorizeInput,
  RetryOptions,
} from './store';
export type { PopupOptions } from './popup';
export { AUTHORIZATION_MESSAGE_TYPE } from './message';
export type { AuthorizationMessage } from './message';
export { createMemoryAdapter, createSampleConnections } from './memory-adapter';
export type { MemoryAdapter, MemoryAdapterOptions } from './memory-adapter';
export { createFetchAdapter } from '../adapters/fetch-adapter';
export type { FetchAdapterOptions } from '../adapters/fetch-adapter';
