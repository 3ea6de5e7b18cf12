'use client';

// Core: plain TypeScript, no React.
export type {
  AdapterContext,
  AuthMethod,
  AuthorizationResult,
  AuthorizationStart,
  Connection,
  ConnectionCategory,
  ConnectionStatus,
  ConnectionsAdapter,
} from './core/types';
export { ConnectionsError, isConnectionsError } from './core/errors';
export type { ConnectionsErrorCode, ConnectionsErrorOptions } from './core/errors';
export { createProviderCatalog, defaultProviders, getProvider } from './core/catalog';
export type { ProviderCatalog, ProviderInfo } from './core/catalog';
export { describeImpact } from './core/impact';
export type { ConnectionImpact, DescribeImpactOptions, GapRecovery, StoppedActivity } from './core/impact';
export { findConnectionProblem } from './core/validate';
export { ConnectionStore, getConnectionStore } from './core/store';
export type { ConnectionStoreOptions, ConnectionsState, ListStatus, RetryOptions } from './core/store';
export type { FlowOptions, FlowPhase, FlowState, PopupState, ReauthorizeInput } from './core/flows';
export type { PopupOptions } from './core/popup';
export { handleAuthorizationCallback } from './core/callback';
export type { AuthorizationCallbackOptions, AuthorizationCallbackOutcome, CallbackMessages } from './core/callback';
export { AUTHORIZATION_MESSAGE_TYPE } from './core/authorization-message';
export type { AuthorizationMessage } from './core/authorization-message';
export { createMemoryAdapter, createSampleConnections } from './core/memory-adapter';
export type { MemoryAdapter, MemoryAdapterOptions } from './core/memory-adapter';

// Localization.
export { en, es, resolveMessages } from './i18n';
export type { MessageKey, Messages } from './i18n';

// React bindings.
export { ConnectionsProvider } from './react/context';
export type { ConnectionsProviderProps } from './react/context';
export { useConnections } from './react/use-connections';
export type { UseConnectionsOptions, UseConnectionsResult } from './react/use-connections';

// Adapters.
export { createFetchAdapter } from './adapters/fetch-adapter';
export type { FetchAdapterOptions } from './adapters/fetch-adapter';

// Components.
export { StatusBadge } from './components/status-badge';
export type { StatusBadgeProps, StatusBadgeStatus } from './components/status-badge';
export { KeyIcon } from './components/icons';
export type { KeyIconProps } from './components/icons';
export { ConnectionList, ConnectionListItem, ReauthorizeButton } from './components/connection-list';
export type { ConnectionListItemProps, ConnectionListProps, ReauthorizeButtonProps } from './components/connection-list';
export {
  ReauthorizeDialog,
  ReauthorizeDialogActions,
  ReauthorizeDialogClose,
  ReauthorizeDialogContent,
  ReauthorizeDialogDescription,
  ReauthorizeDialogForm,
  ReauthorizeDialogImpact,
  ReauthorizeDialogRoot,
  ReauthorizeDialogStatus,
  ReauthorizeDialogTitle,
  ReauthorizeDialogTrigger,
} from './components/reauthorize-dialog';
export type {
  ReauthorizeDialogActionsProps,
  ReauthorizeDialogCloseProps,
  ReauthorizeDialogContentProps,
  ReauthorizeDialogDescriptionProps,
  ReauthorizeDialogFormProps,
  ReauthorizeDialogImpactProps,
  ReauthorizeDialogProps,
  ReauthorizeDialogRootProps,
  ReauthorizeDialogStatusProps,
  ReauthorizeDialogTitleProps,
  ReauthorizeDialogTriggerProps,
} from './components/reauthorize-dialog';
export { getReauthorizationStage, useReauthorization } from './react/use-reauthorization';
export type { ReauthorizationStage, UseReauthorizationOptions, UseReauthorizationResult } from './react/use-reauthorization';
export type { LocalizedProps } from './react/use-localized';
