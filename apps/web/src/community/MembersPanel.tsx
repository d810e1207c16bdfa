import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '@brave/protocol';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { CopyField } from '../components/host/CopyField.tsx';
import { communityApi } from './api.ts';
import { ReplaceNameChoice } from './ReplaceNameChoice.tsx';
import { nameWithPronouns } from './words.ts';
import { isFacilitator, type HomeProps } from './types.ts';

/** Facilitators and members; facilitators also re-issue lost links and remove people. */
export function MembersPanel(props: HomeProps) {
  const id = useId();
  const { home } = props;
  const { t } = useTranslation('community');
  const channelName = (cid: string | null) => home.community.channels.find((c) => c.id === cid)?.name ?? null;
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {t('members.title')} <span className="count">{home.members.length}</span>
      </h2>
      <h3>{t('members.facilitators')}</h3>
      <ul className="plain-list people-list">
        {home.facilitators.map((f) => (
          <li key={f.accountId} className="person">
            <span>{f.name}</span>
            {home.viewer.kind === 'facilitator' && f.accountId !== home.viewer.accountId && home.facilitators.length > 1 && (
              <ConfirmAction
                action={t('members.remove')}
                actionLabel={t('members.removeFacilitatorLabel', { name: f.name })}
                question={t('members.removeFacilitatorQuestion', { name: f.name })}
                explanation={t('members.removeFacilitatorExplanation')}
                keepLabel={t('members.keep')}
                confirm={t('members.removeFacilitatorConfirm')}
                onConfirm={async () => {
                  await communityApi.removeFacilitator(props.caller, home.community.id, f.accountId);
                  await props.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <h3>{t('members.title')}</h3>
      {home.members.length === 0 && <p className="muted">{t('members.none')}</p>}
      <ul className="plain-list people-list">
        {home.members.map((m) => (
          <MemberRow key={m.id} member={m} channel={channelName(m.channel)} {...props} />
        ))}
      </ul>
    </section>
  );
}

function MemberRow({ member, channel, home, caller, reload }: HomeProps & { member: MemberView; channel: string | null }) {
  const [link, setLink] = useState<string | null>(null);
  const [replaceName, setReplaceName] = useState(false);
  const { t } = useTranslation('community');
  const details = [channel, member.role, member.team, member.organisation, member.region].filter((x): x is string => Boolean(x));
  return (
    <li className="person">
      <div className="person-main">
        <span className="person-name">{nameWithPronouns(member.name, member.pronouns)}</span>
        {details.length > 0 && <span className="hint">{details.join(' · ')}</span>}
      </div>
      {isFacilitator(home) && (
        <div className="actions start">
          <ConfirmAction
            action={t('members.reissue')}
            actionLabel={t('members.reissueLabel', { name: member.name })}
            question={t('members.reissueQuestion', { name: member.name })}
            explanation={t('members.reissueExplanation')}
            keepLabel={t('members.notNow')}
            confirm={t('members.reissueConfirm')}
            onConfirm={async () => setLink((await communityApi.reissue(caller, home.community.id, member.id)).url)}
          />
          <ConfirmAction
            action={t('members.remove')}
            actionLabel={t('members.removeLabel', { name: member.name })}
            question={t('members.removeQuestion', { name: member.name })}
            explanation={t('members.removeExplanation')}
            keepLabel={t('members.keep')}
            confirm={t('members.removeConfirm')}
            onConfirm={async () => {
              await communityApi.removeMember(caller, home.community.id, member.id, { replaceName });
              await reload();
            }}
          >
            <ReplaceNameChoice whose="their" checked={replaceName} onChange={setReplaceName} />
          </ConfirmAction>
        </div>
      )}
      {link && (
        <div className="person-link">
          <CopyField label={t('members.personalLink', { name: member.name })} value={link} hint={t('members.personalLinkHint')} />
        </div>
      )}
    </li>
  );
}
