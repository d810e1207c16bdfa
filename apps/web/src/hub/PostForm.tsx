import { useId, useState } from 'react';
import { HUB_KINDS, HUB_LIMITS, type HubKind, type HubList, type HubPostBody } from '@brave/protocol';
import { Field, useRequired } from '../account/Field.tsx';
import { FormFrame } from '../community/FormFrame.tsx';
import { useSending } from '../community/useSending.ts';
import { HUB, KIND_WORDS } from './words.ts';

const isWebLink = (s: string) => /^https?:\/\/[^\s/]+/i.test(s);

/** A new post: what kind, a title, words, up to three links, tags, and who may read it. */
export function PostForm({ list, onSubmit, onCancel }: { list: HubList; onSubmit: (body: HubPostBody) => Promise<void>; onCancel: () => void }) {
  const id = useId();
  const [kind, setKind] = useState<HubKind>('question');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [links, setLinks] = useState(['', '', '']);
  const [tags, setTags] = useState<string[]>([]);
  const [group, setGroup] = useState('');
  const [linkProblem, setLinkProblem] = useState<string | undefined>(undefined);
  const { busy, problem, setProblem, send } = useSending();
  const titleRequired = useRequired(`${id}-title`, HUB.titleMissing);

  const submit = async () => {
    if (!titleRequired.check(title)) return;
    const given = links.map((l) => l.trim()).filter(Boolean);
    if (given.some((l) => !isWebLink(l))) {
      setLinkProblem(HUB.linkBad);
      document.getElementById(`${id}-link-0`)?.focus();
      return;
    }
    if (tags.length > HUB_LIMITS.tagsMax) return setProblem(HUB.tooManyTags);
    await send(() => onSubmit({ kind, title: title.trim(), body: body.trim(), links: given, tags, workingGroupId: group || null }));
  };
  const toggle = (tag: string, on: boolean) => setTags((t) => (on ? [...t.filter((x) => x !== tag), tag] : t.filter((x) => x !== tag)));
  const channelTags = list.tags.filter((t) => t.tag.startsWith('channel:'));
  const roleTags = list.tags.filter((t) => t.tag.startsWith('role:'));

  return (
    <FormFrame className="hub-form" onSubmit={submit} problem={problem} busy={busy} submitLabel={HUB.submitPost} onCancel={onCancel}>
      <fieldset className="fieldset">
        <legend>{HUB.kindLegend}</legend>
        {HUB_KINDS.map((k) => (
          <label className="check" key={k}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {KIND_WORDS[k].label}
            <span className="hint"> · {KIND_WORDS[k].hint}</span>
          </label>
        ))}
      </fieldset>
      <Field
        id={`${id}-title`}
        label={HUB.titleLabel}
        hint={HUB.titleHint}
        value={title}
        maxLength={HUB_LIMITS.titleMax}
        aria-required
        problem={titleRequired.problem}
        onChange={(e) => {
          setTitle(e.target.value);
          titleRequired.changed(e.target.value);
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>{HUB.bodyLabel}</label>
        <textarea id={`${id}-body`} rows={5} maxLength={HUB_LIMITS.bodyMax} value={body} aria-describedby={`${id}-body-hint`} onChange={(e) => setBody(e.target.value)} />
        <p className="hint" id={`${id}-body-hint`}>
          {HUB.bodyHint}
        </p>
      </div>
      <fieldset className="fieldset">
        <legend>{HUB.linksLabel}</legend>
        {links.map((l, i) => (
          <Field
            key={i}
            id={`${id}-link-${i}`}
            type="url"
            inputMode="url"
            label={HUB.linkLabel(i + 1)}
            {...(i === 0 ? { hint: HUB.linkHint } : {})}
            problem={i === 0 ? linkProblem : undefined}
            value={l}
            maxLength={HUB_LIMITS.linkMax}
            onChange={(e) => {
              setLinks(links.map((x, j) => (j === i ? e.target.value : x)));
              setLinkProblem(undefined);
            }}
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{HUB.tagsLegend}</legend>
        {[
          { label: HUB.channelTags, options: channelTags },
          { label: HUB.roleTags, options: roleTags },
        ].map(({ label, options }) => (
          <div key={label} className="hub-tag-group">
            <p className="hint">{label}</p>
            {options.map((t) => (
              <label className="check" key={t.tag}>
                <input type="checkbox" checked={tags.includes(t.tag)} disabled={!tags.includes(t.tag) && tags.length >= HUB_LIMITS.tagsMax} onChange={(e) => toggle(t.tag, e.target.checked)} />
                {t.name}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      {list.groups.length > 0 && (
        <fieldset className="fieldset">
          <legend>{HUB.privacyLegend}</legend>
          <label className="check">
            <input type="radio" name={`${id}-who`} checked={group === ''} onChange={() => setGroup('')} />
            {HUB.everyone}
          </label>
          {list.groups.map((g) => (
            <label className="check" key={g.id}>
              <input type="radio" name={`${id}-who`} checked={group === g.id} onChange={() => setGroup(g.id)} />
              {HUB.onlyGroup(g.name)}
            </label>
          ))}
        </fieldset>
      )}
    </FormFrame>
  );
}
