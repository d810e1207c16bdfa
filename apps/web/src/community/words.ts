import type { RetentionDays } from '@brave/protocol';

/** The community screens' words for protocol values, in one place. */
export type RetentionChoice = '30' | '90' | '365' | 'keep';

export const RETENTION_OPTIONS: readonly { value: RetentionChoice; label: string; hint: string }[] = [
  { value: '30', label: '30 days', hint: 'Signal details and room rosters are deleted a month after each convening.' },
  { value: '90', label: '90 days', hint: 'About a season: enough to look back at the next few convenings.' },
  { value: '365', label: 'One year', hint: 'For a network that reviews its year together.' },
  { value: 'keep', label: 'Keep until we delete them', hint: 'Nothing is deleted on a schedule.' },
];

export const retentionChoice = (days: RetentionDays): RetentionChoice =>
  days === null ? 'keep' : days === 30 || days === 90 || days === 365 ? (String(days) as RetentionChoice) : '90';

export const retentionDays = (choice: RetentionChoice): RetentionDays => (choice === 'keep' ? null : Number(choice));

export function retentionText(days: RetentionDays): string {
  if (days === null) return 'Signal details and room rosters are kept until you delete them.';
  return `Signal details and room rosters are deleted ${days} days after each convening ends.`;
}

export const FORMER_MEMBER = 'Former member';

/** "Ana (she/her)". */
export const nameWithPronouns = (name: string, pronouns: string | null | undefined): string => (pronouns ? `${name} (${pronouns})` : name);

/** People listed in a sentence: "Ana, Bo and Cy". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** The email card on "My data" (MailCard.tsx). */
export const MAIL = {
  title: 'Email',
  intro: 'If you like, we can email you a reminder a day and an hour before each convening, and a weekly digest of what was shared in the community’s hub. Our emails never name a caucus or anyone in the community, and each one has a link that stops them in one click.',
  notSending: 'This server does not send email yet. You can still leave your address and choices here; nothing goes out until whoever runs the server turns email on.',
  emailLabel: 'Your email address (optional)',
  emailHint: 'Only you and the server see it. Leave it empty to stop all email and have us forget the address.',
  badEmail: 'Please write an email address such as name@example.org, or leave it empty.',
  receive: 'What you would like to receive',
  reminders: 'Reminders before convenings, with a calendar file',
  news: 'News and a digest of the community',
  save: 'Save my email choices',
  saved: 'Saved. We will email you only what you chose.',
  forgotten: 'Saved. We hold no email address for you now, so we send you nothing.',
} as const;
