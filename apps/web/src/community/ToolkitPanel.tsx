import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('community');
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('toolkit.title')}</h2>
      <p className="hint">{t('toolkit.intro')}</p>
      <ul className="plain-list draft-list">
        {home.toolkit.map((d) => {
          const edit = canEditDraft(home, d);
          return (
            <li key={d.doc} className="draft-item">
              <h3>{d.channel.name}</h3>
              <p className="hint">
                {d.workingGroups.length > 0 ? t('toolkit.groups', { count: d.workingGroups.length, names: listOf(d.workingGroups.map((g) => g.name)) }) : t('toolkit.noGroup')}{' '}
                {d.editors.length > 0 ? t('toolkit.editors', { names: listOf(d.editors.map((e) => e.name)) }) : ''}
              </p>
              {d.publication && /^https?:\/\//i.test(d.publication.url) && (
                <p className="hint">
                  <Trans t={t} i18nKey="toolkit.published" values={{ label: d.publication.label }} components={{ go: <a href={d.publication.url} /> }} />
                </p>
              )}
              <Link className={`button small ${edit ? 'primary' : 'quiet'}`} href={draftHref(home.community.id, d.channel.id)}>
                {edit ? t('toolkit.edit', { channel: d.channel.name }) : t('toolkit.read', { channel: d.channel.name })}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
