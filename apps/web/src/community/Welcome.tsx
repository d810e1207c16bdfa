import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCredential } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { Loading, Message } from '../components/Message.tsx';
import { communityApi } from './api.ts';
import { fragmentValue, loadMember, saveMember, takeFromFragment } from './credentials.ts';
import { homeHref } from './routes.ts';

type Outcome = { phase: 'claiming' } | { phase: 'saved' } | { phase: 'missing' } | { phase: 'unsaved' } | { phase: 'failed'; message: string };

/**
 * A claim code opens once: StrictMode mounts twice and a second claim would find it used,
 * so each code is sent once per page load and every mount waits for that one answer.
 */
const claims = new Map<string, Promise<MemberCredential>>();
function claimOnce(id: string, code: string): Promise<MemberCredential> {
  let pending = claims.get(code);
  if (!pending) {
    pending = communityApi.claim(id, code);
    claims.set(code, pending);
  }
  return pending;
}

/**
 * /c/:id/welcome#claim=<code>: a re-issued link lands; its one-time code is exchanged for
 * the member's key, which is kept, and the address is cleaned. An older `#member=<key>`
 * link still lands as before.
 */
export function Welcome({ id }: { id: string }) {
  const { t } = useTranslation('community');
  const [code] = useState(() => fragmentValue(window.location.hash, 'claim'));
  const [outcome, setOutcome] = useState<Outcome>(() => {
    if (code) return { phase: 'claiming' };
    // Taking it strips the fragment; a second run (StrictMode) finds the key already kept.
    const token = takeFromFragment('member');
    if (token) return { phase: saveMember(id, { token }) ? 'saved' : 'unsaved' };
    return { phase: loadMember(id) ? 'saved' : 'missing' };
  });

  useEffect(() => {
    if (!code) return undefined;
    takeFromFragment('claim');
    let live = true;
    claimOnce(id, code).then(
      (cred) => live && setOutcome({ phase: saveMember(cred.communityId, { token: cred.token, memberId: cred.memberId }) ? 'saved' : 'unsaved' }),
      (err: unknown) => live && setOutcome({ phase: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, code]);

  useEffect(() => {
    if (outcome.phase === 'saved') navigate(homeHref(id), { replace: true });
  }, [outcome, id]);

  if (outcome.phase === 'claiming') return <Loading label={t('welcome.claiming')} />;
  if (outcome.phase === 'saved') return <Loading label={t('welcome.saved')} />;
  if (outcome.phase === 'failed') {
    return (
      <Message title={t('welcome.failed')}>
        <p>{outcome.message}</p>
      </Message>
    );
  }
  if (outcome.phase === 'unsaved') {
    return (
      <Message title={t('welcome.unsaved')}>
        <p>{t('welcome.unsavedHint')}</p>
      </Message>
    );
  }
  return (
    <Message title={t('welcome.incomplete')}>
      <p>{t('welcome.incompleteHint')}</p>
    </Message>
  );
}
