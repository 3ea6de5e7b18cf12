import * as React from 'react';
import { defaultProviders } from '../core/catalog';
import type { ProviderCatalog } from '../core/catalog';
import { en, resolveMessages } from '../i18n';
import type { Messages } from '../i18n';
import { useOptionalConnectionsContext } from './context';

/* -------------------------------------------------------------------------------------------------
 * useLocalized — the words, locale and provider catalog a component renders with
 * -----------------------------------------------------------------------------------------------*/

export interface LocalizedProps {
  /** A BCP 47 locale for words, dates and durations. @default the provider's locale, else `'en'` */
  locale?: string;
  /** Your own words for any message; they win over the provider's and the built-in ones. */
  messages?: Partial<Messages>;
}

export interface Localized {
  locale: string;
  messages: Messages;
  providers: ProviderCatalog;
}

/**
 * A component's own `locale` and `messages` props win; otherwise the provider's; otherwise English.
 * Works outside a `ConnectionsProvider`, so every component can also be used from props alone.
 */
function useLocalized({ locale, messages }: LocalizedProps): Localized {
  const context = useOptionalConnectionsContext();
  const chosenLocale = locale ?? context?.locale ?? 'en';
  const inherited = context?.messages ?? en;
  return React.useMemo(
    () => ({
      locale: chosenLocale,
      messages:
        locale === undefined && messages === undefined
          ? inherited
          : resolveMessages(chosenLocale, { ...(locale === undefined ? inherited : undefined), ...messages }),
      providers: context?.providers ?? defaultProviders,
    }),
    [chosenLocale, locale, messages, inherited, context?.providers],
  );
}

export { useLocalized };
