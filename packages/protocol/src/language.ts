import { z } from 'zod';

/**
 * The languages a person may choose (for their profile, an invitation, a page). The same
 * list as @brave/i18n's LANGUAGES, which holds the catalogues; a unit test keeps the two equal.
 */
export const LanguageCode = z.enum(['en', 'es']);
export type LanguageCode = z.infer<typeof LanguageCode>;
