import { useId, useState } from 'react';
import type { WorkingGroupView } from '@brave/protocol';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { communityApi } from './api.ts';
import { channelNameIn } from './channels.ts';
import { WorkingGroupForm } from './WorkingGroupForm.tsx';
import { listOf } from './words.ts';
import { isFacilitator, type HomeProps } from './types.ts';

/** Named sets of members who edit the drafts of chosen channels. */
export function WorkingGroupsPanel(props: HomeProps) {
  const id = useId();
  const { home, caller, reload } = props;
  const [editing, setEditing] = useState<WorkingGroupView | 'new' | null>(null);
  const facilitator = isFacilitator(home);
  const cid = home.community.id;
  const memberName = (mid: string) => home.members.find((m) => m.id === mid)?.name ?? 'a former member';
  const channelName = (ch: string) => channelNameIn(home.community.channels, ch);

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Working groups</h2>
      <p className="hint">Members of a working group edit their channels’ drafts at any time; everyone else in the community reads them.</p>
      {home.workingGroups.length === 0 && <p className="muted">No working groups yet.</p>}
      <ul className="plain-list group-list">
        {home.workingGroups.map((g) =>
          editing !== 'new' && editing?.id === g.id ? (
            <li key={g.id} className="group-item">
              <h3>Change “{g.name}”</h3>
              <WorkingGroupForm
                home={home}
                initial={g}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  await communityApi.updateGroup(caller, cid, g.id, body);
                  setEditing(null);
                  await reload();
                }}
              />
            </li>
          ) : (
            <li key={g.id} className="group-item">
              <h3>{g.name}</h3>
              <p className="hint">
                {g.channels.length > 0 ? `Edits: ${listOf(g.channels.map(channelName))}.` : 'Edits no draft yet.'}{' '}
                {g.members.length > 0 ? `People: ${listOf(g.members.map(memberName))}.` : 'No one in it yet.'}
              </p>
              {facilitator && (
                <div className="actions start">
                  <button type="button" className="button quiet small" onClick={() => setEditing(g)} aria-label={`Edit working group ${g.name}`}>
                    Edit
                  </button>
                  <ConfirmAction
                    action="Delete"
                    actionLabel={`Delete working group ${g.name}`}
                    question={`Delete the working group “${g.name}”?`}
                    explanation="Its people keep reading the drafts; they no longer edit them. What they wrote stays."
                    keepLabel="Keep it"
                    confirm="Delete the working group"
                    onConfirm={async () => {
                      await communityApi.removeGroup(caller, cid, g.id);
                      await reload();
                    }}
                  />
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {facilitator &&
        (editing === 'new' ? (
          <section aria-labelledby={`${id}-new`}>
            <h3 id={`${id}-new`}>New working group</h3>
            <WorkingGroupForm
              home={home}
              initial={null}
              onCancel={() => setEditing(null)}
              onSubmit={async (body) => {
                await communityApi.createGroup(caller, cid, body);
                setEditing(null);
                await reload();
              }}
            />
          </section>
        ) : (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            Create a working group
          </button>
        ))}
    </section>
  );
}
