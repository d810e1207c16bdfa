import type { Translations } from '@brave/protocol';
import { currentLanguage } from './i18n.ts';

/**
 * A community's own words (an agreement, a channel's name) in the reader's language where
 * the community gave that translation, the original otherwise. Read while rendering.
 */
export function inReaderLanguage(original: string, translations: Translations | undefined): string {
  const lng = currentLanguage();
  return (lng === 'es' && translations?.es?.trim()) || original;
}
