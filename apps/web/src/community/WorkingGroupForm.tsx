import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityHome, WorkingGroupBody, WorkingGroupView } from '@brave/protocol';
import { Field, useRequired } from '../account/Field.tsx';
import { FormFrame } from './FormFrame.tsx';
import { nameWithPronouns } from './words.ts';
import { useSending } from './useSending.ts';

/** Name a working group, the drafts it edits and who is in it. */
export function WorkingGroupForm({
  home,
  initial,
  onSubmit,
  onCancel,
}: {
  home: CommunityHome;
  initial: WorkingGroupView | null;
  onSubmit: (body: WorkingGroupBody) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [channels, setChannels] = useState<string[]>(initial?.channels ?? []);
  const [members, setMembers] = useState<string[]>(initial?.members ?? []);
  const { busy, problem, send } = useSending();
  const { t } = useTranslation('community');
  const nameRequired = useRequired(`${id}-name`, t('groupForm.nameMissing'));
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

  const submit = async () => {
    if (!nameRequired.check(name)) return;
    // Keep only what still exists: a channel or member may have gone since the form opened.
    const known = new Set(home.members.map((m) => m.id));
    const kept = new Set(home.community.channels.map((c) => c.id));
    await send(() => onSubmit({ name: name.trim(), channels: channels.filter((c) => kept.has(c)), members: members.filter((m) => known.has(m)) }));
  };

  return (
    <FormFrame className="group-form" onSubmit={submit} problem={problem} busy={busy} submitLabel={t('groupForm.save')} onCancel={onCancel}>
      <Field
        id={`${id}-name`}
        label={t('groupForm.name')}
        value={name}
        maxLength={80}
        aria-required
        problem={nameRequired.problem}
        onChange={(e) => {
          setName(e.target.value);
          nameRequired.changed(e.target.value);
        }}
      />
      <fieldset className="fieldset">
        <legend>{t('groupForm.drafts')}</legend>
        {home.community.channels.map((c) => (
          <label className="check" key={c.id}>
            <input type="checkbox" checked={channels.includes(c.id)} onChange={(e) => setChannels(toggle(channels, c.id, e.target.checked))} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('groupForm.people')}</legend>
        {home.members.length === 0 && <p className="muted">{t('groupForm.noMembers')}</p>}
        <div className="check-columns">
          {home.members.map((m) => (
            <label className="check" key={m.id}>
              <input type="checkbox" checked={members.includes(m.id)} onChange={(e) => setMembers(toggle(members, m.id, e.target.checked))} />
              {nameWithPronouns(m.name, m.pronouns)}
            </label>
          ))}
        </div>
      </fieldset>
    </FormFrame>
  );
}
