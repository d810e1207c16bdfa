import { createI18n, isLanguage, pickLanguage, type Language } from '@brave/i18n';

// The app's one i18next instance. React reaches it through <I18nextProvider> (main.tsx),
// so this module stays free of React and of DOM types: helpers in .ts files (and the tests
// that run them under Node) import it without a browser.

/** What this module reads of the browser, when there is one. */
interface WebGlobals {
  navigator?: { languages?: readonly string[]; language?: string };
  document?: { documentElement: { lang: string } };
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}
const web = globalThis as WebGlobals;

/** The language this person picked on this device (same key scheme as storage.ts). */
const LANGUAGE_KEY = 'brave-space:language:device';

export function storedLanguage(): Language | null {
  try {
    const raw = web.localStorage?.getItem(LANGUAGE_KEY) ?? null;
    const value = raw === null ? null : (JSON.parse(raw) as unknown);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage disabled or corrupt: detect again
  }
}

const browserLanguages = (): readonly string[] => {
  const nav = web.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
};

export const i18n = createI18n(pickLanguage({ stored: storedLanguage(), browser: browserLanguages() }));

const setPageLanguage = (lng: string) => {
  if (web.document) web.document.documentElement.lang = lng;
};
setPageLanguage(i18n.language);
i18n.on('languageChanged', setPageLanguage);

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

/** A choice made in the picker: remembered on this device and shown at once. */
export function chooseLanguage(lng: Language): void {
  try {
    web.localStorage?.setItem(LANGUAGE_KEY, JSON.stringify(lng));
  } catch {
    // Private mode or a full quota: the choice holds until the page is closed.
  }
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
