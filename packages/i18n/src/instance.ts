import i18next, { type i18n, type Module, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';
import { NAMESPACES, resources, type Namespace } from './resources.ts';
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

/** A translator pinned to one language that knows every namespace: `t('mail:invite.subject', { community })`. */
export type Translate = TFunction<Namespace[]>;

/** The server's helper: one instance for every language, `translate(lng)` gives a fixed-language `t`. */
export function createTranslator(): (lng: Language) => Translate {
  const instance = createI18n(DEFAULT_LANGUAGE);
  const fixed = new Map<Language, Translate>(LANGUAGES.map((l) => [l, instance.getFixedT<Namespace[]>(l, [...NAMESPACES])]));
  return (lng) => fixed.get(lng) ?? fixed.get(DEFAULT_LANGUAGE)!;
}
