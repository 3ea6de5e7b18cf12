import * as React from 'react';
import { createProviderCatalog, defaultProviders } from '../core/catalog';
import type { ProviderCatalog } from '../core/catalog';
import { en } from '../i18n/en';
import type { Messages } from '../i18n/en';
import { useConnectionsContext } from './context';

/* -------------------------------------------------------------------------------------------------
 * useWords — the words, the locale and the provider catalog a component renders with
 * -----------------------------------------------------------------------------------------------*/

export interface LocalizedProps {
  /** A BCP 47 locale for dates and numbers, in the language of the words. @default the provider's, else the words' own */
  locale?: string;
  /** Your own words, or a whole message set; they win over the provider's and the built-in English. */
  messages?: Partial<Messages>;
}

export interface Words {
  m: Messages;
  /** The locale dates and numbers are formatted in: always in the language of `m`. */
  locale: string;
  providers: ProviderCatalog;
}

/**
 * Built-in English, under the provider's words, under the component's own. Dates and numbers go in
 * the locale asked for when it is in the words' language, and in the words' own locale otherwise,
 * so a sentence never mixes two languages.
 */
function useWords({ locale, messages }: LocalizedProps): Words {
  const context = useConnectionsContext();
  return React.useMemo(() => {
    const m = { ...en, ...context?.messages, ...messages } as Messages;
    const wanted = locale ?? context?.locale ?? m.locale;
    const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
    return {
      m,
      locale: canonical(language(wanted) === language(m.locale) ? wanted : m.locale),
      providers: context?.providers ? createProviderCatalog(context.providers) : defaultProviders,
    };
  }, [context, locale, messages]);
}

/** A tag `Intl` accepts (`es_ES` reads as `es-ES`), or `en`. */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const subscribeNowhere = () => () => {};

/**
 * `false` on the server and while hydrating, `true` after. Words that depend on the clock or the
 * time zone wait for it, so the browser's first render matches the server's.
 */
function useHydrated(): boolean {
  return React.useSyncExternalStore(
    subscribeNowhere,
    () => true,
    () => false,
  );
}

export { useHydrated, useWords };
