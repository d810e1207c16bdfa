import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type CommunityChannel, type MemberProfile } from '@brave/protocol';
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

// Labels and hints are catalogue keys (community namespace).
const OPTIONAL = [
  { key: 'role', label: 'profile.role', max: 60, hint: 'profile.roleHint' },
  { key: 'team', label: 'profile.team', max: 60, hint: 'profile.teamHint' },
  { key: 'organisation', label: 'profile.organisation', max: 80, hint: null },
  { key: 'region', label: 'profile.region', max: 60, hint: null },
] as const;

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
  const { t } = useTranslation('community');
  const { t: tApp } = useTranslation('app');
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...value, ...patch });
  const bad = (field: string) => (invalid === field ? true : undefined);
  return (
    <>
      <Field
        id={`${id}-name`}
        label={t('profile.name')}
        hint={t('profile.nameHint')}
        value={value.name}
        onChange={(e) => set({ name: e.target.value })}
        aria-required
        maxLength={LIMITS.nameMax}
        autoComplete="name"
        problem={nameProblem}
        {...(nameProblem ? {} : { 'aria-invalid': bad('name') })}
      />
      <div className="field">
        <label htmlFor={`${id}-pronouns`}>{t('profile.pronouns')}</label>
        <input
          id={`${id}-pronouns`}
          value={value.pronouns}
          onChange={(e) => set({ pronouns: e.target.value })}
          maxLength={LIMITS.pronounsMax}
          placeholder={t('profile.pronounsPlaceholder')}
          aria-invalid={bad('pronouns')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('profile.channel')}</label>
        <select id={`${id}-channel`} value={value.channel} onChange={(e) => set({ channel: e.target.value })} aria-invalid={bad('channel')} aria-describedby={`${id}-channel-hint`}>
          <option value="">{t('profile.noChannel')}</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-channel-hint`}>
          {t('profile.channelHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{tApp('language.profileLabel')}</label>
        <select id={`${id}-language`} value={value.language} onChange={(e) => set({ language: e.target.value })} aria-invalid={bad('language')} aria-describedby={`${id}-language-hint`}>
          <option value="">{tApp('language.notChosen')}</option>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LANGUAGE_NAMES[lng]}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>
          {tApp('language.profileHint')}
        </p>
      </div>
      {OPTIONAL.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{t(f.label)}</label>
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
              {t(f.hint)}
            </p>
          )}
        </div>
      ))}
    </>
  );
}
