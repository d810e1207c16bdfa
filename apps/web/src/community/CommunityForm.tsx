import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@brave/client';
import {
  DEFAULT_CAUCUS_OPTIONS,
  DEFAULT_CHANNELS,
  LIMITS,
  type AgreementSetId,
  type AgreementSetInfo,
  type CommunityInfo,
  type CreateCommunityBody,
} from '@brave/protocol';
import { Field, useRequired } from '../account/Field.tsx';
import { describeError } from '../app/errors.ts';
import { blankDraft, fromDrafts, toDrafts, type DraftAgreement } from '../components/AgreementsEditor.tsx';
import { RadioList } from '../components/RadioList.tsx';
import { AgreementSetPicker, CUSTOM } from '../components/start/AgreementSetPicker.tsx';
import { channelsFromDrafts, linesOf, toChannelDrafts, type ChannelDraft } from './channels.ts';
import { ChannelsEditor } from './ChannelsEditor.tsx';
import { FormFrame } from './FormFrame.tsx';
import { retentionChoice, retentionDays, retentionOptions, type RetentionChoice } from './words.ts';
import { useSending } from './useSending.ts';

interface Draft {
  name: string;
  description: string;
  setId: AgreementSetId;
  agreements: DraftAgreement[] | null;
  channels: ChannelDraft[];
  caucus: string;
  retention: RetentionChoice;
}

function draftFrom(info: CommunityInfo | null): Draft {
  if (!info) {
    return { name: '', description: '', setId: 'touchstones', agreements: null, channels: toChannelDrafts(DEFAULT_CHANNELS).map(({ key, name }) => ({ key, name })), caucus: DEFAULT_CAUCUS_OPTIONS.join('\n'), retention: '90' };
  }
  return {
    name: info.name,
    description: info.description,
    setId: info.agreementSetId,
    agreements: info.agreementSetId === CUSTOM ? toDrafts(info.agreements) : null,
    channels: toChannelDrafts(info.channels),
    caucus: info.caucusOptions.join('\n'),
    retention: retentionChoice(info.retentionDays),
  };
}

/**
 * A community's settings: used to create one (no `initial`) and to edit one. The
 * submitted body always carries every setting, which suits both POST and PATCH.
 */
export function CommunityForm({ initial, submitLabel, onSubmit, onCancel }: { initial: CommunityInfo | null; submitLabel: string; onSubmit: (body: CreateCommunityBody) => Promise<void>; onCancel?: () => void }) {
  const id = useId();
  const [sets, setSets] = useState<AgreementSetInfo[] | null>(null);
  const [d, setD] = useState<Draft>(() => draftFrom(initial));
  const { busy, problem, setProblem, send } = useSending();
  const { t } = useTranslation('community');
  const nameRequired = useRequired(`${id}-name`, t('form.nameMissing'));
  const change = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));

  useEffect(() => {
    api.agreementSets(window.location.origin).then(setSets, (err: unknown) => setProblem(describeError(err)));
  }, [setProblem]);

  const choose = (setId: AgreementSetId) => change({ setId, agreements: setId === CUSTOM ? [blankDraft()] : null });
  const editChosen = () => {
    // Editing a set the community already customised starts from its own words.
    const words = initial && initial.agreementSetId === d.setId ? initial.agreements : (sets?.find((s) => s.id === d.setId)?.agreements ?? []);
    change({ agreements: toDrafts(words) });
  };

  const submit = async () => {
    if (!nameRequired.check(d.name)) return;
    const channels = channelsFromDrafts(d.channels);
    if (!channels.ok) return setProblem(channels.problem);
    const agreements = d.agreements ? fromDrafts(d.agreements) : undefined;
    if (agreements && agreements.length === 0) return setProblem(t('form.noAgreements'));
    const body: CreateCommunityBody = {
      name: d.name.trim(),
      description: d.description.trim(),
      agreementSetId: d.setId,
      ...(agreements ? { agreements } : {}),
      channels: channels.channels,
      caucusOptions: linesOf(d.caucus, 12, 60),
      retentionDays: retentionDays(d.retention),
    };
    await send(() => onSubmit(body));
  };

  return (
    <FormFrame className="community-form" onSubmit={submit} problem={problem} busy={busy} submitLabel={submitLabel} onCancel={onCancel}>
      <Field
        id={`${id}-name`}
        label={t('form.name')}
        value={d.name}
        maxLength={LIMITS.titleMax}
        aria-required
        problem={nameRequired.problem}
        onChange={(e) => {
          change({ name: e.target.value });
          nameRequired.changed(e.target.value);
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-desc`}>{t('form.description')}</label>
        <textarea id={`${id}-desc`} rows={3} value={d.description} maxLength={2000} onChange={(e) => change({ description: e.target.value })} aria-describedby={`${id}-desc-hint`} />
        <p className="hint" id={`${id}-desc-hint`}>
          {t('form.descriptionHint')}
        </p>
      </div>
      {sets ? (
        <AgreementSetPicker sets={sets} chosen={d.setId} onChoose={choose} drafts={d.agreements} onDrafts={(agreements) => change({ agreements })} onEdit={editChosen} />
      ) : (
        <p className="loading" role="status">
          {t('form.loadingSets')}
        </p>
      )}
      <ChannelsEditor items={d.channels} onChange={(channels) => change({ channels })} />
      <div className="field">
        <label htmlFor={`${id}-caucus`}>{t('form.caucus')}</label>
        <textarea id={`${id}-caucus`} rows={3} value={d.caucus} onChange={(e) => change({ caucus: e.target.value })} aria-describedby={`${id}-caucus-hint`} />
        <p className="hint" id={`${id}-caucus-hint`}>
          {t('form.caucusHint')}
        </p>
      </div>
      <RadioList legend={t('form.retention')} value={d.retention} onChange={(retention) => change({ retention })} options={retentionOptions()} />
    </FormFrame>
  );
}
