/** The languages Brave Space speaks, in the order the picker shows them. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, so a reader finds their own without reading ours. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** 'es-MX', 'ES', 'es_419' → 'es'; a tag we do not speak → null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** Where a language choice can come from, most deliberate first. */
export interface LanguageSources {
  /** What this person picked on this device (localStorage). */
  stored?: string | null | undefined;
  /** What a member saved on their profile. */
  profile?: string | null | undefined;
  /** The browser's preferences (navigator.languages), best first. */
  browser?: readonly string[] | undefined;
}

/** Detection order: explicit choice on this device → member profile → browser → English. */
export function pickLanguage(sources: LanguageSources): Language {
  const explicit = matchLanguage(sources.stored) ?? matchLanguage(sources.profile);
  if (explicit) return explicit;
  for (const tag of sources.browser ?? []) {
    const found = matchLanguage(tag);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The best language for an HTTP `Accept-Language` header ('es-MX,es;q=0.9,en;q=0.5').
 * Only the first 20 entries are read; malformed ones are skipped.
 */
export function languageFromHeader(header: string | null | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .slice(0, 1000)
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      // No q is 1; a q that is not a number between 0 and 1 makes the entry count for nothing.
      const weight = q === undefined ? 1 : /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(q) ? Number(q.split('=')[1]) : 0;
      return { tag: tag.trim(), weight, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return pickLanguage({ browser: ranked.map((entry) => entry.tag) });
}
