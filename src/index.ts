'use client';

// The React parts. Everything of `react-connected-accounts/core` is here too.
export * from './core/index';
export { handleAuthorizationCallback } from './core/callback';
export type { AuthorizationCallbackOptions, AuthorizationCallbackOutcome, CallbackMessages } from './core/callback';

export { en } from './i18n/en';
export type { MessageKey, Messages } from './i18n/en';

export { ConnectionsProvider } from './react/context';
export type { ConnectionsProviderProps } from './react/context';
export { useConnections } from './react/use-connections';
export type { UseConnectionsOptions, UseConnectionsResult } from './react/use-connections';
export { getReauthorizationStage, useReauthorization } from './react/use-reauthorization';
export { useReconnectQueue } from './react/use-reconnect-queue';
export type { ReconnectOutcome, UseReconnectQueueOptions, UseReconnectQueueResult } from './react/use-reconnect-queue';
export type { ReauthorizationStage, UseReauthorizationOptions, UseReauthorizationResult } from './react/use-reauthorization';
export type { LocalizedProps } from './react/use-words';

export { AskAdminDialog } from './components/ask-admin-dialog';
export type { AskAdminDialogProps } from './components/ask-admin-dialog';
export { ReconnectAllDialog } from './components/reconnect-all-dialog';
export type { ReconnectAllDialogProps } from './components/reconnect-all-dialog';
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
