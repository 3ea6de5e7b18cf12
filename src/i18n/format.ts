/* -------------------------------------------------------------------------------------------------
 * Dates, durations and adapter text, for the screen
 * -----------------------------------------------------------------------------------------------*/

const formatters = new Map<string, { format(...args: never[]): string }>();

/** One formatter per locale and kind: building one costs far more than using it. */
function formatter<T extends { format(...args: never[]): string }>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** A span in its largest whole unit: "3 days", "3 días". `undefined` under a minute. */
function formatDuration(ms: number, locale: string): string | undefined {
  for (const [unit, size] of UNITS) {
    if (ms >= size) return formatter(locale + unit, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })).format(Math.floor(ms / size));
  }
}

/** How long since an ISO 8601 moment, as words; `undefined` when it does not parse or is under a minute. */
function formatSince(iso: string | undefined, locale: string, now = Date.now()): string | undefined {
  const time = Date.parse(iso!);
  return time < now ? formatDuration(now - time, locale) : undefined;
}

/** The number of a moment's day, in local time. */
const dayOf = (time: number) => Math.floor((time - new Date(time).getTimezoneOffset() * 60_000) / 86_400_000);

/**
 * A past moment relative to now: "2 hours ago", "yesterday", "now". `undefined` when it does not
 * parse, or lies more than an hour ahead (beyond a clock's drift). Days follow the calendar, so
 * "yesterday" is the day before today. A date alone is that day: a server's date, already
 * tomorrow in UTC, reads as today.
 */
function formatAgo(iso: string | undefined, locale: string, now = Date.now()): string | undefined {
  const time = Date.parse(iso!);
  const date = iso?.length === 10;
  if (!(date ? time <= Math.max(dayOf(now), Math.floor(now / 86_400_000)) * 86_400_000 : time - now <= 3_600_000)) return;
  const ms = Math.max(0, now - time);
  const [largest, size] = UNITS.find(([, size]) => ms >= size) ?? ['second', Infinity];
  let unit: Intl.RelativeTimeFormatUnit = largest;
  let value = Math.floor(ms / size);
  if (date || unit === 'day') [unit, value] = ['day', Math.max(0, dayOf(now) - (date ? time / 86_400_000 : dayOf(time)))];
  return formatter(`${locale}ago`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(-value, unit);
}

/** Days ahead, as words: "in 3 days", "tomorrow". */
function formatIn(days: number, locale: string): string {
  return formatter(`${locale}ago`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(days, 'day');
}

/** A calendar date: "Mar 6, 2026". A date alone ("2026-03-06") is that day everywhere. */
function formatDate(iso: string | undefined, locale: string): string | undefined {
  const time = Date.parse(iso!);
  if (Number.isNaN(time)) return;
  const utc = iso!.length === 10;
  return formatter(locale + utc, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: utc ? 'UTC' : undefined })).format(time);
}

/** Right-to-left letters, and direction controls. */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe]/;

/**
 * Adapter text as shown: at most 200 characters, with an ellipsis; inside a sentence, text with
 * right-to-left letters is isolated (FSI … PDI) and loses its own direction controls, so it
 * neither turns the sentence around nor is turned by it.
 */
function short(text: string, inSentence?: boolean): string {
  let shown = text.length > 200 ? `${text.slice(0, /[\ud800-\udbff]/.test(text[199]!) ? 199 : 200)}…` : text;
  if (inSentence && BIDI.test(shown)) shown = `\u2068${shown.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')}\u2069`;
  return shown;
}

export { dayOf, formatAgo, formatDate, formatDuration, formatIn, formatSince, short };
