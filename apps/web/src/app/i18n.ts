import { initReactI18next } from 'react-i18next';
import { createI18n, isLanguage, pickLanguage, type Language } from '@brave/i18n';
import { readStored, storageKey, writeStored } from './storage.ts';

/** The language this person picked on this device, kept across visits. */
const LANGUAGE_KEY = storageKey('language', 'device');

export function storedLanguage(): Language | null {
  const value = readStored(LANGUAGE_KEY);
  return isLanguage(value) ? value : null;
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages.length ? navigator.languages : [navigator.language];

/** The app's one i18next instance; `useTranslation()` finds it through react-i18next. */
export const i18n = createI18n(pickLanguage({ stored: storedLanguage(), browser: browserLanguages() }), [initReactI18next]);

const setPageLanguage = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
setPageLanguage(i18n.language);
i18n.on('languageChanged', setPageLanguage);

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

/** A choice made in the picker: remembered on this device and shown at once. */
export function chooseLanguage(lng: Language): void {
  writeStored(LANGUAGE_KEY, lng);
  void i18n.changeLanguage(lng);
}

/**
 * A member's profile says which language they read. It comes second to a choice made on
 * this device (detection order: device → profile → browser → English).
 */
export function adoptProfileLanguage(lng: string | null | undefined): void {
  if (storedLanguage() || !isLanguage(lng)) return;
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
}
