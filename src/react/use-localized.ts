import * as React from 'react';
import { createProviderCatalog, defaultProviders } from '../core/catalog';
import type { ProviderCatalog, ProviderInfo } from '../core/catalog';
import { builtInFor, resolveMessages } from '../i18n';
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
  /** The locale dates and durations are formatted in: the words' language. */
  locale: string;
  messages: Messages;
  providers: ProviderCatalog;
}

const tags = new Map<string, string>();

/**
 * The locale as a tag `Intl` accepts: `es_ES` (or `es_ES.UTF-8`) reads as `es-ES`, and one it
 * refuses as `en`, rather than every date on the screen throwing.
 */
function toLocale(locale: string): string {
  let tag = tags.get(locale);
  if (tag === undefined) {
    try {
      tag = Intl.getCanonicalLocales(locale.replace(/[.@].*/, '').replace(/_/g, '-'))[0] ?? 'en';
    } catch {
      tag = 'en';
    }
    tags.set(locale, tag);
  }
  return tag;
}

/**
 * A component's own `locale` and `messages` props win; otherwise the provider's; otherwise English.
 * Works outside a `ConnectionsProvider`, so every component can also be used from props alone.
 */
function useLocalized({ locale, messages }: LocalizedProps): Localized {
  const context = useOptionalConnectionsContext();
  const chosenLocale = toLocale(locale ?? context?.locale ?? 'en');
  // A component's own locale drops the provider's words (they are in the provider's language).
  const inherited = locale === undefined ? context?.messages : undefined;
  const providers = catalogOf(context?.providers);
  // Dates and durations go in the language of the words around them: a language with no built-in
  // words gets English ones, so it gets English dates too ("for 3 days", not "for 3 jours"),
  // until the integrator gives the words that hold dates.
  const formatIn = builtInFor(chosenLocale) || holdsDates(messages) || holdsDates(inherited) ? chosenLocale : 'en';
  return React.useMemo(
    () => ({
      locale: formatIn,
      messages: messages === undefined ? resolveShared(chosenLocale, inherited) : resolveMessages(chosenLocale, { ...inherited, ...messages }),
      providers,
    }),
    [chosenLocale, formatIn, inherited, messages, providers],
  );
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

const catalogs = new WeakMap<readonly ProviderInfo[], ProviderCatalog>();

/**
 * The built-in catalog with the provider's own entries, made once per `providers` array: every
 * component under one provider gets the same catalog (and the headless core carries none).
 */
function catalogOf(extra: readonly ProviderInfo[] | undefined): ProviderCatalog {
  if (!extra) return defaultProviders;
  let catalog = catalogs.get(extra);
  if (!catalog) catalogs.set(extra, (catalog = createProviderCatalog(extra)));
  return catalog;
}

/** The messages dates and durations are put in. */
const DATE_MESSAGES = ['status.for', 'item.lastSync', 'item.backfill', 'impact.stopped', 'flow.backfilling'] as const;

function holdsDates(messages: Partial<Messages> | undefined): boolean {
  return !!messages && DATE_MESSAGES.some((key) => messages[key] !== undefined);
}

const NO_OVERRIDES = {};
const shared = new WeakMap<object, Map<string, Messages>>();

/** One merged message set per provider and locale, shared by every row of a long list. */
function resolveShared(locale: string, overrides: Partial<Messages> | undefined): Messages {
  const key = overrides ?? NO_OVERRIDES;
  let byLocale = shared.get(key);
  if (!byLocale) shared.set(key, (byLocale = new Map()));
  let resolved = byLocale.get(locale);
  if (!resolved) byLocale.set(locale, (resolved = resolveMessages(locale, overrides)));
  return resolved;
}

export { useLocalized };
