import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('community');

  if (!code) {
    return (
      <Message title={t('cohost.incomplete')}>
        <p>{t('cohost.incompleteHint')}</p>
      </Message>
    );
  }
  if (session.phase !== 'ready') return <AccountPending state={session} title={t('list.unreachable')} loadingLabel={t('list.checking')} retry={retry} />;
  if (!session.account) {
    const back = window.location.pathname + window.location.hash;
    return (
      <Message title={t('cohost.invited')}>
        <p>{t('cohost.signInFirst')}</p>
        <p>
          <Link className="button primary" href={signInHref()} onClick={() => rememberReturn(back)}>
            {t('list.signIn')}
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
    <Message title={t('cohost.invited')}>
      <p>
        <Trans t={t} i18nKey="cohost.acceptAs" values={{ name: session.account.name, email: session.account.email }} components={{ strong: <strong /> }} />
      </p>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
      <button type="button" className="button primary wide" disabled={busy} onClick={() => void accept()}>
        {t('cohost.accept')}
      </button>
    </Message>
  );
}
