import { useEffect, useId, useState } from 'react';
import { countOf } from '@brave/core';
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
  if (session.phase !== 'ready') return <AccountPending state={session} title="We could not reach Brave Space" loadingLabel="Checking who is signed in…" retry={retry} />;
  if (!session.account) {
    return (
      <Message title="Communities are for signed-in facilitators">
        <p>Facilitators keep their communities in an account. Members do not need one: they join through the invite link a facilitator shares.</p>
        <p>
          <Link className="button primary" href="/account">
            Sign in or create an account
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
          <p className="eyebrow">Signed in as {name}</p>
          <PageHeading title="Your communities">Your communities</PageHeading>
          <p className="muted">A community keeps its members, channels, working groups and toolkit across many convenings.</p>
        </div>
        <Link className="button quiet small" href="/account">
          Your account
        </Link>
      </header>
      <main>
        {pending && (
          <p className="card sent-note" role="status">
            You have a co-facilitator invitation waiting. <Link href={pending}>Accept it now</Link>
          </p>
        )}
        <section className="card" aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>Communities you facilitate</h2>
          <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
          {!list && !problem && (
            <p className="loading" role="status">
              Finding your communities…
            </p>
          )}
          {list && list.length === 0 && <p className="muted">None yet. Create your first one below.</p>}
          {list && list.length > 0 && (
            <ul className="plain-list community-list">
              {list.map((c) => (
                <li key={c.id} className="community-item">
                  <Link href={homeHref(c.id)} className="community-link">
                    {c.name}
                  </Link>
                  <span className="tag">{countOf(c.members, 'member')}</span>
                  {c.description && <p className="hint">{c.description}</p>}
                  <p className="hint">{c.next ? `Next: ${c.next.title}, ${whenText(c.next.startsAt)}` : 'No convening scheduled.'}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>Create a community</h2>
          <CommunityForm initial={null} submitLabel="Create the community" onSubmit={create} />
        </section>
      </main>
    </div>
  );
}
