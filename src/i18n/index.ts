import { en } from './en';
import type { Messages } from './en';
import { es } from './es';

const builtInMessages: Readonly<Record<string, Messages>> = { en, es };

/**
 * The messages for a locale (`'es-MX'` falls back to `'es'`, anything unknown to English),
 * with the integrator's overrides on top: their words always win (an `undefined` one is skipped).
 */
function resolveMessages(locale: string, overrides?: Partial<Messages>): Messages {
  const base = builtInFor(locale) ?? en;
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) merged[key] = value;
  return merged as Messages;
}

/** The built-in messages for a locale or its language, if there are any. */
function builtInFor(locale: string): Messages | undefined {
  return builtInMessages[locale] ?? builtInMessages[locale.toLowerCase().split(/[-_]/)[0]!];
}

export type { MessageKey, Messages } from './en';
export { builtInFor, en, es, resolveMessages };
