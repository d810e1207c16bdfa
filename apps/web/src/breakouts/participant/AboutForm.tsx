import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ProfileInput } from '@brave/protocol';
import { RadioList } from '../../components/RadioList.tsx';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { CaucusQuestion, answerOf, choiceOf, type CaucusChoice } from './CaucusQuestion.tsx';

/** One of the convening's channel ids, or '_none' (no channel id has an underscore). */
type Channel = string;
type TextField = 'role' | 'team' | 'organisation' | 'region' | 'orgType';

const TEXT_FIELDS: readonly { field: TextField; hinted: boolean; max: number }[] = [
  { field: 'role', hinted: true, max: 60 },
  { field: 'team', hinted: true, max: 60 },
  { field: 'organisation', hinted: false, max: 80 },
  { field: 'region', hinted: false, max: 60 },
  { field: 'orgType', hinted: true, max: 60 },
];
type HintedField = 'role' | 'team' | 'orgType';

/**
 * What a participant tells about themselves for the room-making: their channel and
 * details (seen by the convening) and the private caucus question (seen by nobody).
 * Everything is optional; `onDone` runs after saving.
 */
export function AboutForm({
  onDone,
  saveLabel,
  allowWithdraw = false,
  focusFirst = false,
  children,
}: {
  onDone?: () => void;
  saveLabel?: string;
  /** Offer a one-tap way to take back a caucus answer already given. */
  allowWithdraw?: boolean;
  /** Start keyboard users on the first question (the button that opened the form is gone). */
  focusFirst?: boolean;
  children?: ReactNode;
}) {
  const { state, me, self } = useConvening();
  const id = useId();
  const profile = me?.profile;
  const mine = state.affinity[self.participantId];
  const [channel, setChannel] = useState<Channel | undefined>(() => profile?.channel ?? undefined);
  const [texts, setTexts] = useState<Record<TextField, string>>(() => ({
    role: profile?.role ?? '',
    team: profile?.team ?? '',
    organisation: profile?.organisation ?? '',
    region: profile?.region ?? '',
    orgType: profile?.orgType ?? '',
  }));
  const [choice, setChoice] = useState<CaucusChoice | undefined>(() => choiceOf(state.caucusOptions, mine?.answer));
  const [keep, setKeep] = useState(mine?.keep ?? false);
  const [saved, setSaved] = useState<'saved' | 'withdrawn' | null>(null);
  const { send, pending, error } = useCommand();
  const stale = mine?.answer && choice === undefined ? mine.answer : null;
  const formRef = useRef<HTMLFormElement>(null);
  const { t } = useTranslation('breakouts');
  useEffect(() => {
    if (focusFirst) formRef.current?.querySelector<HTMLElement>('[role="radio"], input')?.focus();
  }, [focusFirst]);

  const submit = async () => {
    setSaved(null);
    const clean = (s: string) => s.trim() || null;
    const next: ProfileInput = {
      channel: channel === undefined || channel === '_none' ? null : channel,
      role: clean(texts.role),
      team: clean(texts.team),
      organisation: clean(texts.organisation),
      region: clean(texts.region),
      orgType: clean(texts.orgType),
    };
    const profiled = await send({ type: 'profile.set', profile: next });
    if (!profiled.ok) return;
    if (choice !== undefined) {
      const answered = await send({ type: 'affinity.answer', answer: answerOf(state.caucusOptions, choice), keep: choice === 'skip' ? false : keep });
      if (!answered.ok) return;
    }
    setSaved('saved');
    onDone?.();
  };

  const withdraw = async () => {
    setSaved(null);
    const result = await send({ type: 'affinity.answer', answer: null, keep: false });
    if (!result.ok) return;
    setChoice('skip');
    setKeep(false);
    setSaved('withdrawn');
  };

  return (
    <form
      ref={formRef}
      className="about-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="hint">{t('about.seenBy')}</p>
      <RadioList
        legend={t('about.channel')}
        value={channel}
        onChange={setChannel}
        className="channel-choice"
        options={[...state.channels.map((c) => ({ value: c.id, label: c.name })), { value: '_none', label: t('about.noChannel') }]}
      />
      <div className="about-fields">
        {TEXT_FIELDS.map(({ field, hinted, max }) => {
          const hint = hinted ? t(`about.fieldHint.${field as HintedField}`) : '';
          return (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{t('about.optional', { label: t(`about.field.${field}`) })}</label>
            <input
              id={`${id}-${field}`}
              value={texts[field]}
              maxLength={max}
              onChange={(e) => setTexts((prev) => ({ ...prev, [field]: e.target.value }))}
              aria-describedby={hint ? `${id}-${field}-hint` : undefined}
              autoComplete={field === 'organisation' ? 'organization' : 'off'}
            />
            {hint && (
              <p className="hint" id={`${id}-${field}-hint`}>
                {hint}
              </p>
            )}
          </div>
          );
        })}
      </div>
      <CaucusQuestion options={state.caucusOptions} choice={choice} onChoice={setChoice} keep={keep} onKeep={setKeep} stale={stale} />
      {allowWithdraw && mine?.answer != null && (
        <button type="button" className="button quiet small" disabled={pending} onClick={() => void withdraw()}>
          {t('about.withdraw')}
        </button>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      <div role="status">
        {saved && !pending && (
          <p className="sent-note">{saved === 'saved' ? t('about.saved') : t('about.withdrawn')}</p>
        )}
      </div>
      <div className="actions">
        {children}
        <button type="submit" className="button primary" disabled={pending}>
          {saveLabel ?? t('about.save')}
        </button>
      </div>
    </form>
  );
}
