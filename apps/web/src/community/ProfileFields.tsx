import { useId } from 'react';
import { LIMITS, type CommunityChannel, type MemberProfile } from '@brave/protocol';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '@brave/i18n';
import { Field } from '../account/Field.tsx';

/** What a member tells the community about themselves, as typed (blank = not given). */
export interface ProfileDraft {
  name: string;
  pronouns: string;
  channel: string;
  role: string;
  team: string;
  organisation: string;
  region: string;
  /** A LanguageCode, or '' for not chosen. */
  language: string;
}

export const EMPTY_PROFILE: ProfileDraft = { name: '', pronouns: '', channel: '', role: '', team: '', organisation: '', region: '', language: '' };

export const draftOf = (p: { name: string } & Partial<Record<Exclude<keyof ProfileDraft, 'name'>, string | null>>): ProfileDraft => ({
  name: p.name,
  pronouns: p.pronouns ?? '',
  channel: p.channel ?? '',
  role: p.role ?? '',
  team: p.team ?? '',
  organisation: p.organisation ?? '',
  region: p.region ?? '',
  language: p.language ?? '',
});

/** The API's profile: trimmed, and null for what was left blank (so clearing a field clears it). */
export function profileOf(d: ProfileDraft): MemberProfile {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: d.name.trim(),
    pronouns: opt(d.pronouns),
    channel: opt(d.channel),
    role: opt(d.role),
    team: opt(d.team),
    organisation: opt(d.organisation),
    region: opt(d.region),
    language: isLanguage(d.language) ? d.language : null,
  };
}

const OPTIONAL: { key: 'role' | 'team' | 'organisation' | 'region'; label: string; max: number; hint: string }[] = [
  { key: 'role', label: 'Role (optional)', max: 60, hint: 'For example organiser, funder, researcher.' },
  { key: 'team', label: 'Team (optional)', max: 60, hint: 'People of one team can be kept together in cohort rounds.' },
  { key: 'organisation', label: 'Organisation (optional)', max: 80, hint: '' },
  { key: 'region', label: 'Region (optional)', max: 60, hint: '' },
];

/**
 * The profile fields, shared by the invite page and My data. `invalid` names a field the
 * server refused; `nameProblem` is said next to the name (a missing one, say).
 */
export function ProfileFields({
  value,
  onChange,
  channels,
  invalid,
  nameProblem,
}: {
  value: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  channels: readonly CommunityChannel[];
  invalid?: string | undefined;
  nameProblem?: string | undefined;
}) {
  const id = useId();
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...value, ...patch });
  const bad = (field: string) => (invalid === field ? true : undefined);
  const { t } = useTranslation('app');
  return (
    <>
      <Field
        id={`${id}-name`}
        label="Display name"
        hint="How the community sees you in every convening."
        value={value.name}
        onChange={(e) => set({ name: e.target.value })}
        aria-required
        maxLength={LIMITS.nameMax}
        autoComplete="name"
        problem={nameProblem}
        {...(nameProblem ? {} : { 'aria-invalid': bad('name') })}
      />
      <div className="field">
        <label htmlFor={`${id}-pronouns`}>Pronouns (optional)</label>
        <input
          id={`${id}-pronouns`}
          value={value.pronouns}
          onChange={(e) => set({ pronouns: e.target.value })}
          maxLength={LIMITS.pronounsMax}
          placeholder="for example she/her, they/them"
          aria-invalid={bad('pronouns')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select id={`${id}-channel`} value={value.channel} onChange={(e) => set({ channel: e.target.value })} aria-invalid={bad('channel')} aria-describedby={`${id}-channel-hint`}>
          <option value="">Not chosen yet</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-channel-hint`}>
          The community of practice you work in; rounds by channel use it.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('language.profileLabel')}</label>
        <select id={`${id}-language`} value={value.language} onChange={(e) => set({ language: e.target.value })} aria-invalid={bad('language')} aria-describedby={`${id}-language-hint`}>
          <option value="">{t('language.notChosen')}</option>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LANGUAGE_NAMES[lng]}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>
          {t('language.profileHint')}
        </p>
      </div>
      {OPTIONAL.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            value={value[f.key]}
            onChange={(e) => set({ [f.key]: e.target.value })}
            maxLength={f.max}
            aria-invalid={bad(f.key)}
            aria-describedby={f.hint ? `${id}-${f.key}-hint` : undefined}
          />
          {f.hint && (
            <p className="hint" id={`${id}-${f.key}-hint`}>
              {f.hint}
            </p>
          )}
        </div>
      ))}
    </>
  );
}
