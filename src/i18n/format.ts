import { isAhead, today } from '../core/time';

/* -------------------------------------------------------------------------------------------------
 * Dates and durations through Intl, in the provider's locale
 *
 * Formatters are costly to build and a list formats several values per row, so each one is made
 * once per locale and kind; and since a long list says "3 days" and "2 hours ago" over and over,
 * each duration's words are kept too (short strings, at most a thousand before starting again).
 * -----------------------------------------------------------------------------------------------*/

type Unit = 'day' | 'hour' | 'minute';

const UNITS: readonly [Unit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const formatters = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

const words = new Map<string, string>();

/** The words for one value of one kind, formatted once. */
function remembered(key: string, format: () => string): string {
  let text = words.get(key);
  if (text === undefined) {
    // Day counts have no upper bound: start again rather than grow for ever.
    if (words.size >= 1000) words.clear();
    words.set(key, (text = format()));
  }
  return text;
}

function formatter<T extends Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** The largest whole unit of a span, or `undefined` under a minute (never rounded up to one). */
function largestUnit(ms: number): [Unit, number] | undefined {
  for (const [unit, size] of UNITS) if (ms >= size) return [unit, Math.floor(ms / size)];
  return undefined;
}

/**
 * A span as words: "3 days", "3 días"; `undefined` under a minute, where a count of minutes
 * would be wrong and seconds would be stale by the next render, so callers leave it out.
 */
function formatDuration(ms: number, locale: string): string | undefined {
  const largest = largestUnit(Math.abs(ms));
  if (!largest) return undefined;
  const [unit, value] = largest;
  return remembered(`n:${locale}:${unit}:${value}`, () =>
    formatter(`n:${locale}:${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })).format(value),
  );
}

/**
 * A past moment relative to now: "2 hours ago", "hace 2 horas", "yesterday"; "now", "ahora" under
 * a minute (or ahead by up to an hour, a clock's drift); `undefined` further ahead. Days are counted by the calendar,
 * in local time, so that "yesterday" is the day before today and agrees with the date beside it.
 */
function formatAgo(iso: string, locale: string, now: number = Date.now()): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time) || isAhead(iso, time, now)) return undefined;
  let [unit, value] = largestUnit(Math.max(0, now - time)) ?? ['second', 0];
  // A date alone (see formatDate) is counted in days from today's date here.
  // (A server's date already tomorrow here reads as today.)
  if (iso.length === 10) [unit, value] = ['day', Math.max(0, Math.round((today(now) - time) / 86_400_000))];
  else if (unit === 'day') value = Math.round((midnight(now) - midnight(time)) / 86_400_000);
  return remembered(`r:${locale}:${unit}:${value}`, () =>
    formatter(`r:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(-value, unit),
  );
}

/** The start of a moment's day, in local time. */
function midnight(time: number): number {
  return new Date(time).setHours(0, 0, 0, 0);
}

/**
 * A moment as a date and time: "Nov 25, 2026, 10:00 AM", "25 nov 2026, 10:00". A date alone
 * ("2026-11-25", a calendar day, read as midnight UTC) is shown as that day, without a time: in
 * local time it would be the day before west of Greenwich.
 */
function formatDate(iso: string, locale: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  if (iso.length === 10) {
    return formatter(`D:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(time);
  }
  return formatter(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}

/** How long since an ISO moment, as words, or `undefined` when it does not parse. */
function formatSince(iso: string | undefined, locale: string, now: number = Date.now()): string | undefined {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? undefined : formatDuration(Math.max(0, now - time), locale);
}

/* -------------------------------------------------------------------------------------------------
 * Adapter text inside a sentence
 * -----------------------------------------------------------------------------------------------*/

/**
 * Right-to-left letters (Hebrew to N'Ko and their presentation forms; the right-to-left blocks
 * beyond the BMP, such as Adlam and Hanifi Rohingya) and direction controls.
 */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * An account name (or other adapter text) as set inside a sentence or beside other words: one
 * with right-to-left letters or direction controls is isolated (FSI … PDI), so it neither
 * reorders the words around it nor is reordered by them, and its own controls are dropped, so
 * that none can end the isolation early ("Access to ‮…" turning the rest of a sentence around).
 * Left-to-right text comes back as it was.
 */
function isolate(text: string): string {
  return BIDI.test(text) ? `\u2068${text.replace(CONTROLS, '')}\u2069` : text;
}

export { formatAgo, formatDate, formatDuration, formatSince, isolate };
