import { en } from '../../src';
import type { Messages } from '../../src';
import { ar } from '../../src/locales/ar';
import { de } from '../../src/locales/de';
import { es } from '../../src/locales/es';
import { fr } from '../../src/locales/fr';
import { it } from '../../src/locales/it';
import { ja } from '../../src/locales/ja';
import { nl } from '../../src/locales/nl';
import { ptBR } from '../../src/locales/pt-BR';

/* -------------------------------------------------------------------------------------------------
 * The nine languages of the toolbar, each with its message set
 *
 * English is built in; every other set comes from `react-connected-accounts/locales/<tag>` and
 * goes to the provider as `messages`. Arabic is written right to left (`dir: 'rtl'`).
 * -----------------------------------------------------------------------------------------------*/

export const LOCALES = {
  en: { title: 'English', messages: en },
  es: { title: 'Español', messages: es },
  fr: { title: 'Français', messages: fr },
  de: { title: 'Deutsch', messages: de },
  it: { title: 'Italiano', messages: it },
  nl: { title: 'Nederlands', messages: nl },
  'pt-BR': { title: 'Português (Brasil)', messages: ptBR },
  ja: { title: '日本語', messages: ja },
  ar: { title: 'العربية', messages: ar },
} as const satisfies Record<string, { title: string; messages: Messages }>;

export type StoryLocale = keyof typeof LOCALES;

/** The toolbar's language, or English for anything else. */
export function localeOf(globals: Record<string, unknown>): StoryLocale {
  const locale = globals.locale as string | undefined;
  return locale && Object.hasOwn(LOCALES, locale) ? (locale as StoryLocale) : 'en';
}

/** The message set of the toolbar's language. */
export function messagesFor(globals: Record<string, unknown>): Messages {
  return LOCALES[localeOf(globals)].messages;
}

/**
 * A story's own words (page chrome, a button of the app) in the toolbar's language: `table` has
 * English and may have any of the others; a missing language falls back to English.
 */
export function wordsFor<T>(table: { en: T } & Partial<Record<StoryLocale, T>>, globals: Record<string, unknown>): T {
  return table[localeOf(globals)] ?? table.en;
}
