import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkResult } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { CopyField } from '../components/host/CopyField.tsx';
import { communityApi } from './api.ts';
import { dayText } from './time.ts';
import type { HomeProps } from './types.ts';
import { useSending } from './useSending.ts';

/** The member invite link (copy, rotate) and one-person co-facilitator links. */
export function InvitesPanel({ home, caller }: HomeProps) {
  const id = useId();
  const cid = home.community.id;
  const [memberLink, setMemberLink] = useState<LinkResult | null>(null);
  const [cohostLink, setCohostLink] = useState<LinkResult | null>(null);
  const { busy, problem, setProblem, send } = useSending();
  const { t } = useTranslation('community');

  useEffect(() => {
    let live = true;
    communityApi.memberInvite(caller, cid).then(
      (l) => live && setMemberLink(l),
      (err: unknown) => live && setProblem(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [caller, cid, setProblem]);

  const cohost = () => send(async () => setCohostLink(await communityApi.facilitatorInvite(caller, cid)));

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('invites.title')}</h2>
      {memberLink ? (
        <CopyField label={t('invites.member')} value={memberLink.url} hint={t('invites.memberHint')} />
      ) : (
        !problem && (
          <p className="loading" role="status">
            {t('invites.loading')}
          </p>
        )
      )}
      {memberLink && (
        <ConfirmAction
          action={t('invites.rotate')}
          question={t('invites.rotateQuestion')}
          explanation={t('invites.rotateExplanation')}
          keepLabel={t('invites.rotateKeep')}
          confirm={t('invites.rotateConfirm')}
          onConfirm={async () => setMemberLink(await communityApi.rotateMemberInvite(caller, cid))}
        />
      )}
      <h3 className="subsection">{t('invites.cohosts')}</h3>
      <p className="hint">{t('invites.cohostsHint')}</p>
      {cohostLink && (
        <CopyField
          label={t('invites.cohost')}
          value={cohostLink.url}
          hint={cohostLink.expiresAt ? t('invites.onceUntil', { day: dayText(cohostLink.expiresAt) }) : t('invites.once')}
        />
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void cohost()}>
        {cohostLink ? t('invites.another') : t('invites.invite')}
      </button>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
    </section>
  );
}
