import { useId, useState } from 'react';
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
  const channelName = (cid: string | null) => home.community.channels.find((c) => c.id === cid)?.name ?? null;
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        Members <span className="count">{home.members.length}</span>
      </h2>
      <h3>Facilitators</h3>
      <ul className="plain-list people-list">
        {home.facilitators.map((f) => (
          <li key={f.accountId} className="person">
            <span>{f.name}</span>
            {home.viewer.kind === 'facilitator' && f.accountId !== home.viewer.accountId && home.facilitators.length > 1 && (
              <ConfirmAction
                action="Remove"
                actionLabel={`Remove facilitator ${f.name}`}
                question={`Remove ${f.name} as a facilitator?`}
                explanation="They can no longer open this community’s facilitator pages. You can invite them again later."
                keepLabel="Keep them"
                confirm="Remove the facilitator"
                onConfirm={async () => {
                  await communityApi.removeFacilitator(props.caller, home.community.id, f.accountId);
                  await props.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <h3>Members</h3>
      {home.members.length === 0 && <p className="muted">No one has joined yet. Share the member invite link.</p>}
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
            action="Re-issue link"
            actionLabel={`Re-issue link for ${member.name}`}
            question={`Make a new personal link for ${member.name}?`}
            explanation="Use this when they lost their device or cleared their browser. The key they had stops working at once; the new link lets them back in."
            keepLabel="Not now"
            confirm="Make the link"
            onConfirm={async () => setLink((await communityApi.reissue(caller, home.community.id, member.id)).url)}
          />
          <ConfirmAction
            action="Remove"
            actionLabel={`Remove ${member.name}`}
            question={`Remove ${member.name} from the community?`}
            explanation="Their key stops working and they leave their working groups. Their words in the documents stay."
            keepLabel="Keep them"
            confirm="Remove the member"
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
          <CopyField label={`Personal link for ${member.name}`} value={link} hint="Send it to them privately. It opens once, within 7 days: if it does not work for them, someone else opened it, so make them a new one." />
        </div>
      )}
    </li>
  );
}
