import { useEffect, useId, useState } from 'react';
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
      <h2 id={`${id}-h`}>Invite people</h2>
      {memberLink ? (
        <CopyField label="Member invite link" value={memberLink.url} hint="Anyone with this link can join as a member, without an account. It does not expire." />
      ) : (
        !problem && (
          <p className="loading" role="status">
            Getting the invite link…
          </p>
        )
      )}
      {memberLink && (
        <ConfirmAction
          action="Rotate the link"
          question="Make a new member invite link?"
          explanation="The current link stops working for anyone who has not joined yet. People who already joined are not affected."
          keepLabel="Keep the current link"
          confirm="Make a new link"
          onConfirm={async () => setMemberLink(await communityApi.rotateMemberInvite(caller, cid))}
        />
      )}
      <h3 className="subsection">Co-facilitators</h3>
      <p className="hint">A co-facilitator link is for one person: usable once, for seven days. They accept it signed in to their own account.</p>
      {cohostLink && (
        <CopyField
          label="Co-facilitator invite link"
          value={cohostLink.url}
          hint={cohostLink.expiresAt ? `Works once, until ${dayText(cohostLink.expiresAt)}.` : 'Works once.'}
        />
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void cohost()}>
        {cohostLink ? 'Make another co-facilitator link' : 'Invite a co-facilitator'}
      </button>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
    </section>
  );
}
