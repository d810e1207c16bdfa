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
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return pickLanguage({ browser: ranked.map((entry) => entry.tag) });
}
