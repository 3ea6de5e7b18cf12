import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import type { Messages } from '../../../src/i18n/en';
import { es } from '../../../src/locales/es';

/* -------------------------------------------------------------------------------------------------
 * The message sets: English built in, Spanish from locales/es, key for key; plain, short sentences
 * -----------------------------------------------------------------------------------------------*/

/** Every message as text, functions called with sample values. */
function texts(messages: Messages): [string, string][] {
  return Object.entries(messages).map(([key, value]) => [
    key,
    typeof value === 'function' ? (value as (...args: unknown[]) => string)('Google Ads', 'Acme Search') : value,
  ]);
}

describe('given the English and Spanish messages', () => {
  it('has the same keys, of the same kind, in both', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, typeof es[key]]).toEqual([key, typeof en[key]]);
    }
  });

  it('names the language each set is written in', () => {
    expect(en.locale).toBe('en');
    expect(es.locale).toBe('es');
  });

  it('counts in the singular and the plural in both languages', () => {
    expect(en['list.summary'](1)).toBe('1 connection needs reconnecting.');
    expect(en['list.summary'](2)).toBe('2 connections need reconnecting.');
    expect(es['list.summary'](1)).toBe('1 conexión necesita reconectarse.');
    expect(es['list.summary'](2)).toBe('2 conexiones necesitan reconectarse.');
    expect(en['list.matches'](1)).toBe('1 connection matches.');
    expect(en['list.matches'](3)).toBe('3 connections match.');
    expect(es['list.matches'](1)).toBe('1 conexión coincide.');
    expect(es['list.matches'](3)).toBe('3 conexiones coinciden.');
  });

  it.each([
    ['en', en],
    ['es', es],
  ] as const)('writes %s in plain, short sentences: at most 20 words each, no parentheses', (_, messages) => {
    for (const [key, text] of texts(messages)) {
      // A button may show its count in parentheses, as SPEC §9 names "Reconnect all (N)".
      expect([key, /[()]/.test(key === 'list.reconnectAll' ? text.replace(/ \(.*\)$/, '') : text)]).toEqual([key, false]);
      for (const sentence of text.split(/(?<=[.!?…:])\s+/)) {
        expect([key, sentence, sentence.split(/\s+/).length <= 20]).toEqual([key, sentence, true]);
      }
    }
  });

  it.each([
    ['en', en],
    ['es', es],
  ] as const)('says in %s what to do next after every error', (_, messages) => {
    for (const [key, text] of texts(messages)) {
      if (!key.startsWith('error.') && key !== 'list.loadError' && key !== 'list.refreshError') continue;
      // A second sentence, or a clause, that tells the user what to do.
      expect([key, text.split(/(?<=\.)\s+/).length]).toEqual([key, 2]);
    }
  });

  it('asks for the same number of values in both languages', () => {
    for (const key of Object.keys(en) as (keyof Messages)[]) {
      const english = en[key];
      if (typeof english === 'function') expect([key, (es[key] as (...args: unknown[]) => string).length]).toEqual([key, english.length]);
    }
  });
});
