import { useState } from 'react';
import { AccountPending } from '../account/AccountPending.tsx';
import { navigate } from '../app/router.ts';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { communityApi } from './api.ts';
import { fragmentValue } from './credentials.ts';
import { homeHref } from './routes.ts';
import { clearReturn, rememberReturn, signInHref, useSession } from './session.ts';
import { useSending } from './useSending.ts';

/** /c/:id/cohost#code=…: a signed-in facilitator accepts a co-facilitator invitation. */
export function CohostAccept({ id }: { id: string }) {
  const [code] = useState(() => fragmentValue(window.location.hash, 'code'));
  const { session, retry } = useSession();
  const { busy, problem, send } = useSending();

  if (!code) {
    return (
      <Message title="This invitation link is incomplete">
        <p>The link should end with “#code=” and a code. Copy the whole link, or ask for a new one.</p>
      </Message>
    );
  }
  if (session.phase !== 'ready') return <AccountPending state={session} title="We could not reach Brave Space" loadingLabel="Checking who is signed in…" retry={retry} />;
  if (!session.account) {
    const back = window.location.pathname + window.location.hash;
    return (
      <Message title="You are invited to co-facilitate">
        <p>Facilitators have an account. Sign in (or create an account), then come back to this link to accept.</p>
        <p>
          <Link className="button primary" href={signInHref()} onClick={() => rememberReturn(back)}>
            Sign in or create an account
          </Link>
        </p>
      </Message>
    );
  }

  const accept = () =>
    send(async () => {
      await communityApi.acceptFacilitator(session.caller, id, code);
      clearReturn();
      navigate(homeHref(id), { replace: true });
    });

  return (
    <Message title="You are invited to co-facilitate">
      <p>
        Accept as <strong>{session.account.name}</strong> ({session.account.email}) to plan, run and look after this community with its other facilitators.
      </p>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
      <button type="button" className="button primary wide" disabled={busy} onClick={() => void accept()}>
        Become a co-facilitator
      </button>
    </Message>
  );
}
