import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CommunityHome } from '@brave/protocol';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { docsApiAt } from '../notes/api.ts';
import { DocScreen, type DocPlace } from '../notes/DocScreen.tsx';
import { LoadFailure } from '../notes/LoadFailure.tsx';
import type { Caller } from './api.ts';
import { homeHref } from './routes.ts';
import { signInHref } from './session.ts';
import { useCommunity } from './useCommunity.ts';
import '../styles/notes.css';

/**
 * /c/:id/doc/:channel: a community's toolkit draft in the same editor as during a
 * convening. Members connect with their credential; facilitators with their session
 * cookie and no token. The server decides who writes (working groups) and who reads.
 */
export function CommunityDoc({ id, channel }: { id: string; channel: string }) {
  const { load } = useCommunity(id);
  const { t } = useTranslation('community');
  if (load.phase === 'loading') return <Loading label={t('screen.openingDraft')} />;
  if (load.phase === 'failed') {
    return (
      <Message title={t('doc.failed')}>
        <p>{load.message}</p>
      </Message>
    );
  }
  if (load.phase === 'outside') {
    return (
      <Message title={t('doc.outside')}>
        <p>{t('doc.noKey')}</p>
        {!load.account && (
          <p>
            <Trans t={t} i18nKey="home.signIn" components={{ go: <Link href={signInHref()} /> }} />
          </p>
        )}
      </Message>
    );
  }
  const draft = load.home.toolkit.find((d) => d.channel.id === channel);
  if (!draft) {
    return (
      <Message title={t('doc.missing')}>
        <p>{t('doc.missingHint', { channel })}</p>
        <p>
          <Link href={homeHref(id)}>{t('doc.back', { name: load.home.community.name })}</Link>
        </p>
      </Message>
    );
  }
  return <Draft home={load.home} caller={load.caller} name={draft.doc} />;
}

function Draft({ home, caller, name }: { home: CommunityHome; caller: Caller; name: string }) {
  const cid = home.community.id;
  const token = caller.kind === 'member' ? caller.token : null;
  const csrf = caller.kind === 'account' ? caller.csrf : null;
  const api = useMemo(
    () => docsApiAt(`/api/communities/${encodeURIComponent(cid)}/docs`, cid, token ? { token, omitCookies: true } : { token: null, csrf }),
    [cid, token, csrf],
  );
  const v = home.viewer;
  const place = useMemo<DocPlace>(
    () => ({ user: { id: v.kind === 'member' ? v.memberId : v.accountId, name: v.name }, backLabel: home.community.name, backHref: homeHref(cid) }),
    [v, home.community.name, cid],
  );
  return (
    <LoadFailure key={name}>
      <DocScreen api={api} name={name} token={token} place={place} />
    </LoadFailure>
  );
}
