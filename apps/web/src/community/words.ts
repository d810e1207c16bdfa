import { formatList } from '@brave/i18n';
import type { RetentionDays } from '@brave/protocol';
import { currentLanguage, i18n } from '../app/i18n.ts';

/** The community screens' words for protocol values (community namespace), read while rendering. */
export type RetentionChoice = '30' | '90' | '365' | 'keep';

const CHOICES: readonly RetentionChoice[] = ['30', '90', '365', 'keep'];

/** The retention choices, in the current language: read while rendering. */
export const retentionOptions = (): { value: RetentionChoice; label: string; hint: string }[] =>
  CHOICES.map((value) => ({ value, label: i18n.t(`community:retention.${value}.label`), hint: i18n.t(`community:retention.${value}.hint`) }));

export const retentionChoice = (days: RetentionDays): RetentionChoice =>
  days === null ? 'keep' : days === 30 || days === 90 || days === 365 ? (String(days) as RetentionChoice) : '90';

export const retentionDays = (choice: RetentionChoice): RetentionDays => (choice === 'keep' ? null : Number(choice));

export function retentionText(days: RetentionDays): string {
  return days === null ? i18n.t('community:retention.keptText') : i18n.t('community:retention.deletedText', { count: days });
}

/** "Ana (she/her)". */
export const nameWithPronouns = (name: string, pronouns: string | null | undefined): string => (pronouns ? `${name} (${pronouns})` : name);

/** People listed in a sentence: "Ana, Bo and Cy" / "Ana, Bo y Cy". */
export const listOf = (names: readonly string[]): string => formatList(currentLanguage(), names);
