import type { ConfidentialNotes } from '@brave/protocol';
import { i18n } from '../app/i18n.ts';

// What a confidential room means, in the words both screens use (docs/breakouts.md),
// read from the catalogue in the current language: call these while rendering.

export const confidentialTitle = (): string => i18n.t('breakouts:confidential.title');

/** What happens to the notes, as the room is told. */
export const notesFate = (notes: ConfidentialNotes): string => i18n.t(`breakouts:confidential.notes.${notes}`);

/** What confidential means for the people in the room. */
export const confidentialMeans = (): string => i18n.t('breakouts:confidential.means');

/** The same promise, said to the facilitator who marks a room. */
export const confidentialForHosts = (): string => i18n.t('breakouts:confidential.forHosts');

/** The one-sentence announcement read out on entering. */
export const confidentialAnnouncement = (notes: ConfidentialNotes): string => i18n.t('breakouts:confidential.announcement', { notes: notesFate(notes) });
