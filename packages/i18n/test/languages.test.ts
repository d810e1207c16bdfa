import { describe, expect, it } from 'vitest';
import { LanguageCode } from '@brave/protocol';
import { LANGUAGES, createTranslator, formatDate, languageFromHeader, matchLanguage, pickLanguage } from '../src/index.ts';

describe('choosing a language', () => {
  it('follows the detection order: this device, then the profile, then the browser, then English', () => {
    expect(pickLanguage({ stored: 'es', profile: 'en', browser: ['en-US'] })).toBe('es');
    expect(pickLanguage({ stored: null, profile: 'es', browser: ['en-US'] })).toBe('es');
    expect(pickLanguage({ stored: 'klingon', profile: null, browser: ['fr-FR', 'es-419', 'en'] })).toBe('es');
    expect(pickLanguage({ browser: ['fr', 'de'] })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });

  it('reads language tags however browsers write them', () => {
    expect(matchLanguage('es-MX')).toBe('es');
    expect(matchLanguage('ES_es')).toBe('es');
    expect(matchLanguage('pt-BR')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });

  it('ranks Accept-Language by quality, skipping what we do not speak and what is malformed', () => {
    expect(languageFromHeader('fr-FR, es;q=0.8, en;q=0.5')).toBe('es');
    expect(languageFromHeader('en;q=0.2, es;q=0.9')).toBe('es');
    expect(languageFromHeader('es;q=0, en')).toBe('en');
    expect(languageFromHeader(';;;,q=,es;q=abc')).toBe('en');
    expect(languageFromHeader(undefined)).toBe('en');
  });

  it('offers the same languages as the protocol accepts on profiles and invitations', () => {
    expect([...LanguageCode.options]).toEqual([...LANGUAGES]);
  });
});

describe('formatting for the reader', () => {
  it('writes a date in each language and time zone asked for', () => {
    const at = Date.UTC(2026, 5, 4, 15, 30);
    expect(formatDate('es', at, 'full', 'UTC')).toMatch(/^jueves, 4 de junio de 2026/);
    expect(formatDate('en', at, 'full', 'UTC')).toMatch(/^Thursday, June 4, 2026/);
  });

  it('picks plural forms per language on the server too', () => {
    const t = createTranslator();
    expect(t('es')('breakouts:people', { count: 1 })).toBe('1 persona');
    expect(t('es')('breakouts:people', { count: 3 })).toBe('3 personas');
    expect(t('en')('breakouts:people', { count: 1 })).toBe('1 person');
  });
});
