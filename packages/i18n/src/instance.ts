import i18next, { type i18n, type Module, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';
import { NAMESPACES, resources } from './resources.ts';
import './types.ts';

/**
 * A ready i18next instance over our catalogues. The catalogues are bundled, so it is ready
 * when this returns (no async backend). The web app passes react-i18next's plugin; the
 * server passes none.
 */
export function createI18n(lng: Language = DEFAULT_LANGUAGE, plugins: readonly Module[] = []): i18n {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    lng,
    resources,
    ns: NAMESPACES,
    defaultNS: 'app',
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // React and our mail templates escape what they render; escaping here would
    // show &amp; to readers.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** A translator pinned to one language: `translator('es')('mail:invite.subject', { name })`. */
export type Translate = TFunction;

/** The server's helper: one instance for every language, `t(lng)` gives a fixed-language `t`. */
export function createTranslator(): (lng: Language) => TFunction {
  const instance = createI18n(DEFAULT_LANGUAGE);
  const fixed = new Map<Language, TFunction>(LANGUAGES.map((l) => [l, instance.getFixedT(l)]));
  return (lng) => fixed.get(lng) ?? fixed.get(DEFAULT_LANGUAGE)!;
}
