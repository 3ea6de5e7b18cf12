import { describe, expect, it } from 'vitest';
import { en, es, resolveMessages } from '../../../src/i18n';

describe('given the built-in message sets', () => {
  it('has the same keys, of the same kind, in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, typeof es[key]]).toEqual([key, typeof en[key]]);
    }
  });

  it('falls back from a regional locale to its language, and to English', () => {
    expect(resolveMessages('es-MX')['status.authorization_required']).toBe('Se requiere autorización');
    expect(resolveMessages('es_ES')['status.authorization_required']).toBe('Se requiere autorización');
    expect(resolveMessages('fr')['status.authorization_required']).toBe('Authorization required');
  });

  it('lets overrides win and skips undefined ones', () => {
    const messages = resolveMessages('es', { 'status.connected': 'Enlazada', 'status.error': undefined });
    expect(messages['status.connected']).toBe('Enlazada');
    expect(messages['status.error']).toBe('Error');
  });

  it('counts in the plural in both languages', () => {
    expect(en['list.summary'](1)).toBe('1 connection needs reauthorization');
    expect(en['list.summary'](2)).toBe('2 connections need reauthorization');
    expect(es['list.summary'](1)).toBe('1 conexión necesita volver a autorizarse');
    expect(es['list.summary'](2)).toBe('2 conexiones necesitan volver a autorizarse');
  });
});
