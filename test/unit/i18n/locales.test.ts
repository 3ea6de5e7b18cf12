import { describe, expect, it } from 'vitest';
import type { CallbackMessages } from '../../../src/core/callback';
import { en } from '../../../src/i18n/en';
import type { Messages } from '../../../src/i18n/en';
import * as ar from '../../../src/locales/ar';
import * as de from '../../../src/locales/de';
import * as es from '../../../src/locales/es';
import * as fr from '../../../src/locales/fr';
import * as italian from '../../../src/locales/it';
import * as ja from '../../../src/locales/ja';
import * as nl from '../../../src/locales/nl';
import * as ptBR from '../../../src/locales/pt-BR';

/* Every locale against English: the same keys, of the same kind, saying something for every count. */

interface Locale {
  messages: Messages;
  callbackMessages: CallbackMessages;
  named: Messages;
}

const LOCALES: Record<string, Locale> = {
  es: { messages: es.default, callbackMessages: es.callbackMessages, named: es.es },
  fr: { messages: fr.default, callbackMessages: fr.callbackMessages, named: fr.fr },
  de: { messages: de.default, callbackMessages: de.callbackMessages, named: de.de },
  it: { messages: italian.default, callbackMessages: italian.callbackMessages, named: italian.it },
  nl: { messages: nl.default, callbackMessages: nl.callbackMessages, named: nl.nl },
  'pt-BR': { messages: ptBR.default, callbackMessages: ptBR.callbackMessages, named: ptBR.ptBR },
  ja: { messages: ja.default, callbackMessages: ja.callbackMessages, named: ja.ja },
  ar: { messages: ar.default, callbackMessages: ar.callbackMessages, named: ar.ar },
};

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100];
const PROVIDER = 'Google Ads';
const ACCOUNT = 'Acme Search';
const NAME = `${PROVIDER} — ${ACCOUNT}`;

/** What the components hand a message, made by `Intl` in the locale as they make it. */
interface Sample {
  count: number;
  /** "3 days", "3 Tage" */
  duration: string;
  /** "3 days ago", "yesterday" */
  ago: string;
  /** "in 3 days", "tomorrow" */
  when: string;
  /** "Mar 6, 2026" */
  date: string;
}

function sample(locale: string, count: number): Sample {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const unit = count === 0 ? 'minute' : 'day';
  return {
    count,
    duration: new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count || 1),
    ago: relative.format(-count, 'day'),
    when: relative.format(count, 'day'),
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 6)),
  };
}

type FunctionKey = { [K in keyof Messages]: Messages[K] extends (...args: never[]) => string ? K : never }[keyof Messages];

/** Arguments for every function of English; a new one fails the type check until it is added here. */
const ARGS: { [K in FunctionKey]: (s: Sample) => Parameters<Messages[K]> } = {
  'status.for': (s) => [s.duration],
  'status.expiring': (s) => [s.when],
  'list.matches': (s) => [s.count],
  'list.summary': (s) => [s.count],
  'list.expiring': (s) => [s.count],
  'list.reconnectAll': (s) => [s.count],
  'item.reconnectLabel': () => [PROVIDER, ACCOUNT],
  'item.since': (s) => [s.duration],
  'item.lastSync': (s) => [s.ago],
  'item.backfill': (s) => [s.date],
  'item.renewLabel': () => [PROVIDER, ACCOUNT],
  'item.askAdminLabel': () => [PROVIDER, ACCOUNT],
  'item.requested': (s) => [s.ago],
  'announce.connected': () => [NAME],
  'announce.authorization_required': () => [NAME],
  'announce.backfilling': () => [NAME],
  'announce.error': () => [NAME],
  'announce.caughtUp': () => [NAME],
  'announce.failed': () => [NAME],
  'impact.stopped': (s) => [s.count % 2 ? s.ago : undefined],
  'impact.willStop': (s) => [s.date],
  'flow.ready': () => [PROVIDER],
  'flow.readyCredentials': () => [PROVIDER],
  'flow.waiting': () => [PROVIDER],
  'flow.succeeded': () => [PROVIDER],
  'flow.backfilling': (s) => [s.date],
  'flow.wrongAccount': () => [ACCOUNT],
  'queue.step': (s) => [Math.min(1, s.count), s.count, NAME],
  'queue.summary': (s) => [s.count, 1],
  'ask.noteHint': (s) => [s.count],
};

const keys = (object: object) => Object.keys(object).sort();
const call = (messages: Messages, key: FunctionKey, s: Sample) => (messages[key] as (...args: unknown[]) => string)(...ARGS[key](s));

/** Every text a locale can show: its strings, and each function's output for every sample count. */
function texts(tag: string, { messages, callbackMessages }: Locale): [string, string][] {
  const all: [string, string][] = Object.entries(callbackMessages).map(([key, text]) => [`callback.${key}`, text]);
  for (const [key, value] of Object.entries(messages)) {
    if (key === 'locale' || key === 'dir') continue;
    if (typeof value === 'string') all.push([key, value]);
    else for (const count of COUNTS) all.push([`${key}(${count})`, call(messages, key as FunctionKey, sample(tag, count))]);
  }
  return all;
}

/** A count in words keeps its form but loses its number: "# connections need reconnecting." */
const form = (text: string) => text.replace(/\d+/g, '#');

describe.each(Object.entries(LOCALES))('given the %s messages', (tag, locale) => {
  const { messages } = locale;

  it('has every key of English and no other', () => {
    const missing = keys(en).filter((key) => !(key in messages));
    const extra = keys(messages).filter((key) => !(key in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('has a string where English has a string, and a function of as many parameters where English has a function', () => {
    for (const [key, value] of Object.entries(en)) {
      const theirs: unknown = messages[key as keyof Messages];
      expect([key, typeof theirs]).toEqual([key, typeof value]);
      if (typeof value === 'function') expect([key, (theirs as () => string).length]).toEqual([key, value.length]);
    }
  });

  it('names its language and direction, and exports the same set under its name and as the default', () => {
    expect(messages.locale).toBe(tag);
    expect(Intl.PluralRules.supportedLocalesOf(tag)).toEqual([tag]);
    expect(messages.dir).toBe(tag === 'ar' ? 'rtl' : 'ltr');
    expect(locale.named).toBe(messages);
  });

  it('has words for the callback page', () => {
    expect(keys(locale.callbackMessages)).toEqual(['done', 'error', 'invalid']);
    for (const text of Object.values(locale.callbackMessages)) expect(text.trim()).not.toBe('');
  });

  it('gives a finished sentence for every function and every count', () => {
    for (const key of keys(ARGS) as FunctionKey[]) {
      for (const count of COUNTS) {
        const text = call(messages, key, sample(tag, count));
        expect([key, count, typeof text]).toEqual([key, count, 'string']);
        expect([key, count, text.trim() === '' || /undefined|NaN|null|#|\[object/.test(text)]).toEqual([key, count, false]);
      }
    }
  });

  it('changes the counted words wherever the language changes its plural form', () => {
    const rules = new Intl.PluralRules(tag);
    for (const key of ['list.matches', 'list.summary', 'list.expiring'] as const) {
      for (const a of COUNTS) {
        for (const b of COUNTS) {
          if (rules.select(a) === rules.select(b)) continue;
          expect([key, a, b, form(messages[key](a))]).not.toEqual([key, a, b, form(messages[key](b))]);
        }
      }
    }
  });

  it('writes short plain sentences: no parentheses, at most 20 words in one', () => {
    for (const [key, text] of texts(tag, locale)) {
      expect([key, text.includes('(')]).toEqual([key, false]);
      for (const sentence of text.split(/[.!?。؟]/)) {
        const words = sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
        expect([key, sentence, words.length <= 20]).toEqual([key, sentence, true]);
      }
    }
  });
});

describe('given a language that counts in more than two forms', () => {
  it('says Arabic counts of 1, 2, 3, 11 and 100 in five different forms', () => {
    const summaries = [1, 2, 3, 11, 100].map((count) => form(ar.ar['list.summary'](count)));
    expect(new Set(summaries).size).toBe(5);
    expect(ar.ar['list.summary'](2)).toBe('اتصالان يحتاجان إلى إعادة الربط.');
    expect(ar.ar['list.summary'](11)).toBe('11 اتصالًا تحتاج إلى إعادة الربط.');
    expect(ar.ar['queue.summary'](2, 1)).toBe('تمت إعادة ربط اتصالين، وتخطي اتصال واحد.');
  });

  it('says French 0 and 1 in the singular, as French does', () => {
    expect(fr.fr['list.summary'](0)).toBe('0 connexion à reconnecter.');
    expect(fr.fr['list.summary'](1)).toBe('1 connexion à reconnecter.');
    expect(fr.fr['list.summary'](2)).toBe('2 connexions à reconnecter.');
  });
});

describe('given durations and moments formatted by Intl', () => {
  const duration = (locale: string, count: number, unit: 'day' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
  const ago = (locale: string, count: number) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-count, 'day');

  it('puts German days in the dative after "seit"', () => {
    expect(de.de['status.for'](duration('de', 3, 'day'))).toBe('seit 3 Tagen');
    expect(de.de['status.for'](duration('de', 1, 'day'))).toBe('seit 1 Tag');
    expect(de.de['item.since'](duration('de', 2, 'hour'))).toBe('Seit 2 Stunden');
  });

  it('puts the Arabic dual in the genitive after "منذ"', () => {
    expect(ar.ar['status.for'](duration('ar', 2, 'day'))).toBe('منذ يومين');
    expect(ar.ar['status.for'](duration('ar', 2, 'hour'))).toBe('منذ ساعتين');
    expect(ar.ar['status.for'](duration('ar', 3, 'day'))).toBe('منذ 3 أيام');
  });

  it('starts a German heading with a capital, whatever Intl gives', () => {
    expect(de.de['impact.stopped'](ago('de', 3))).toBe('Vor 3 Tagen gestoppt:');
    expect(de.de['impact.stopped'](ago('de', 1))).toBe('Gestern gestoppt:');
    expect(de.de['impact.stopped']()).toBe('Gestoppt:');
  });

  it('reads naturally around Japanese relative times', () => {
    expect(ja.ja['status.for'](duration('ja', 3, 'day'))).toBe('3 日前から');
    expect(ja.ja['item.lastSync'](ago('ja', 1))).toBe('最終同期：昨日');
  });
});

/* A button's accessible name holds the words it shows (WCAG 2.5.3, axe's label-content-name-mismatch). */
describe.each(Object.entries({ en: en, ...Object.fromEntries(Object.entries(LOCALES).map(([tag, l]) => [tag, l.messages])) }))('%s: labels hold the visible words', (tag, m) => {
  it.each([
    ['action.reconnect', 'item.reconnectLabel'],
    ['item.renew', 'item.renewLabel'],
    ['item.askAdmin', 'item.askAdminLabel'],
  ] as const)('%s is in %s', (visible, label) => {
    expect(m[label](PROVIDER, ACCOUNT).toLocaleLowerCase(tag)).toContain(m[visible].toLocaleLowerCase(tag));
  });
});
