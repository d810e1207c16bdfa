import { useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CommunitySummary } from '@brave/protocol';
import { AccountPending } from '../account/AccountPending.tsx';
import { describeError } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { communityApi, type Caller } from './api.ts';
import { CommunityForm } from './CommunityForm.tsx';
import { homeHref } from './routes.ts';
import { pendingReturn, useSession } from './session.ts';
import { whenText } from './time.ts';
import '../styles/community.css';

/** /communities: the signed-in facilitator's communities, and a new one. */
export function CommunitiesScreen() {
  const { session, retry } = useSession();
  const { t } = useTranslation('community');
  if (session.phase !== 'ready') return <AccountPending state={session} title={t('list.unreachable')} loadingLabel={t('list.checking')} retry={retry} />;
  if (!session.account) {
    return (
      <Message title={t('list.signedOut')}>
        <p>{t('list.signedOutHint')}</p>
        <p>
          <Link className="button primary" href="/account">
            {t('list.signIn')}
          </Link>
        </p>
      </Message>
    );
  }
  return <Communities caller={session.caller} name={session.account.name} />;
}

function Communities({ caller, name }: { caller: Caller; name: string }) {
  const id = useId();
  const [list, setList] = useState<CommunitySummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending] = useState(pendingReturn);
  const { t } = useTranslation('community');

  useEffect(() => {
    let live = true;
    communityApi.list(caller).then(
      (r) => live && setList(r.communities),
      (err: unknown) => live && setProblem(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [caller]);

  const create = async (body: Parameters<typeof communityApi.create>[1]) => {
    const made = await communityApi.create(caller, body);
    navigate(homeHref(made.id));
  };

  return (
    <div className="page community">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t('list.signedInAs', { name })}</p>
          <PageHeading title={t('list.title')}>{t('list.title')}</PageHeading>
          <p className="muted">{t('list.intro')}</p>
        </div>
        <Link className="button quiet small" href="/account">
          {t('list.account')}
        </Link>
      </header>
      <main>
        {pending && (
          <p className="card sent-note" role="status">
            <Trans t={t} i18nKey="list.pending" components={{ go: <Link href={pending} /> }} />
          </p>
        )}
        <section className="card" aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>{t('list.facilitate')}</h2>
          <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
          {!list && !problem && (
            <p className="loading" role="status">
              {t('list.finding')}
            </p>
          )}
          {list && list.length === 0 && <p className="muted">{t('list.none')}</p>}
          {list && list.length > 0 && (
            <ul className="plain-list community-list">
              {list.map((c) => (
                <li key={c.id} className="community-item">
                  <Link href={homeHref(c.id)} className="community-link">
                    {c.name}
                  </Link>
                  <span className="tag">{t('list.members', { count: c.members })}</span>
                  {c.description && <p className="hint">{c.description}</p>}
                  <p className="hint">{c.next ? t('list.next', { title: c.next.title, when: whenText(c.next.startsAt) }) : t('list.noNext')}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>{t('list.create')}</h2>
          <CommunityForm initial={null} submitLabel={t('list.createSubmit')} onSubmit={create} />
        </section>
      </main>
    </div>
  );
}
