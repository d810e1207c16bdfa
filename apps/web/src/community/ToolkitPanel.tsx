import { useId } from 'react';
import type { ToolkitDraft } from '@brave/protocol';
import { Link } from '../components/Link.tsx';
import { draftHref } from './routes.ts';
import { listOf } from './words.ts';
import type { HomeProps } from './types.ts';

/** Whether this viewer writes in a channel's draft (facilitators write in all of them). */
function canEditDraft(home: HomeProps['home'], draft: ToolkitDraft): boolean {
  const v = home.viewer;
  return v.kind === 'facilitator' || v.canEdit.includes(draft.channel.id) || v.canEdit.includes(draft.doc);
}

/** One toolkit draft per channel, who works on it, and the way in. */
export function ToolkitPanel({ home }: HomeProps) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Toolkit drafts</h2>
      <p className="hint">One draft per channel, written together between convenings and during them.</p>
      <ul className="plain-list draft-list">
        {home.toolkit.map((d) => {
          const edit = canEditDraft(home, d);
          return (
            <li key={d.doc} className="draft-item">
              <h3>{d.channel.name}</h3>
              <p className="hint">
                {d.workingGroups.length > 0 ? `Working group: ${listOf(d.workingGroups.map((g) => g.name))}.` : 'No working group yet.'}{' '}
                {d.editors.length > 0 ? `Working on it: ${listOf(d.editors.map((e) => e.name))}.` : ''}
              </p>
              {d.publication && /^https?:\/\//i.test(d.publication.url) && (
                <p className="hint">
                  Published: <a href={d.publication.url}>{d.publication.label}</a>
                </p>
              )}
              <Link className={`button small ${edit ? 'primary' : 'quiet'}`} href={draftHref(home.community.id, d.channel.id)}>
                {edit ? `Edit the ${d.channel.name} draft` : `Read the ${d.channel.name} draft`}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
