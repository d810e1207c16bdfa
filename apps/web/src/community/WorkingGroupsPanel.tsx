import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('community');
  const memberName = (mid: string) => home.members.find((m) => m.id === mid)?.name ?? t('groups.formerMember');
  const channelName = (ch: string) => channelNameIn(home.community.channels, ch);

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('groups.title')}</h2>
      <p className="hint">{t('groups.intro')}</p>
      {home.workingGroups.length === 0 && <p className="muted">{t('groups.none')}</p>}
      <ul className="plain-list group-list">
        {home.workingGroups.map((g) =>
          editing !== 'new' && editing?.id === g.id ? (
            <li key={g.id} className="group-item">
              <h3>{t('groups.change', { name: g.name })}</h3>
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
                {g.channels.length > 0 ? t('groups.edits', { channels: listOf(g.channels.map(channelName)) }) : t('groups.editsNone')}{' '}
                {g.members.length > 0 ? t('groups.people', { names: listOf(g.members.map(memberName)) }) : t('groups.nobody')}
              </p>
              {facilitator && (
                <div className="actions start">
                  <button type="button" className="button quiet small" onClick={() => setEditing(g)} aria-label={t('groups.editLabel', { name: g.name })}>
                    {t('groups.edit')}
                  </button>
                  <ConfirmAction
                    action={t('groups.delete')}
                    actionLabel={t('groups.deleteLabel', { name: g.name })}
                    question={t('groups.deleteQuestion', { name: g.name })}
                    explanation={t('groups.deleteExplanation')}
                    keepLabel={t('groups.keep')}
                    confirm={t('groups.deleteConfirm')}
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
            <h3 id={`${id}-new`}>{t('groups.new')}</h3>
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
            {t('groups.create')}
          </button>
        ))}
    </section>
  );
}
