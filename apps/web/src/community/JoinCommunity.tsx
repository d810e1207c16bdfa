import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '@brave/client';
import type { InviteInfo } from '@brave/protocol';
import { FormProblem } from '../account/Field.tsx';
import { describeError, fieldOf } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { communityApi } from './api.ts';
import { forgetMember, fragmentValue, loadMember, saveMember } from './credentials.ts';
import { EMPTY_PROFILE, ProfileFields, profileOf, type ProfileDraft } from './ProfileFields.tsx';
import { homeHref } from './routes.ts';
import { currentLanguage } from '../app/i18n.ts';

type Lookup = { phase: 'loading' } | { phase: 'found'; info: InviteInfo } | { phase: 'failed'; message: string };

/**
 * /c/:id/join#code=…: the public invite page. The code stays in the fragment (it never
 * reaches a server log), so a reload still works; a device that already holds a
 * credential for this community goes straight home.
 */
export function JoinCommunity({ id }: { id: string }) {
  const [code] = useState(() => fragmentValue(window.location.hash, 'code'));
  const [already, setAlready] = useState(() => loadMember(id) !== null);
  const [lookup, setLookup] = useState<Lookup>({ phase: 'loading' });
  const { t } = useTranslation('community');

  // A key that still works goes home; one that no longer does (removed, re-issued
  // elsewhere) is forgotten, so the invite can make this device a member again.
  useEffect(() => {
    const seat = loadMember(id);
    if (!seat) return undefined;
    let live = true;
    communityApi.home({ kind: 'member', token: seat.token }, id).then(
      () => live && navigate(homeHref(id), { replace: true }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiRequestError && (err.status === 401 || err.status === 403)) {
          forgetMember(id);
          setAlready(false);
        } else navigate(homeHref(id), { replace: true });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (already || !code) return undefined;
    let live = true;
    communityApi.invite(code).then(
      (info) => live && setLookup({ phase: 'found', info }),
      (err: unknown) => live && setLookup({ phase: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [already, code]);

  if (already) return <Loading label={t('join.checking')} />;
  if (!code) {
    return (
      <Message title={t('join.incomplete')}>
        <p>{t('join.incompleteHint')}</p>
      </Message>
    );
  }
  if (lookup.phase === 'loading') return <Loading label={t('join.lookingUp')} />;
  if (lookup.phase === 'failed') {
    return (
      <Message title={t('join.broken')}>
        <p>{lookup.message}</p>
        <p>{t('join.brokenHint')}</p>
      </Message>
    );
  }
  return <JoinForm code={code} info={lookup.info} />;
}

function JoinForm({ code, info }: { code: string; info: InviteInfo }) {
  const id = useId();
  // The language the page is in now is the one they read, until they say otherwise.
  const [profile, setProfile] = useState<ProfileDraft>(() => ({ ...EMPTY_PROFILE, language: currentLanguage() }));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field: string | undefined } | null>(null);
  const { t } = useTranslation('community');

  const submit = async () => {
    if (!profile.name.trim()) return setProblem({ message: t('join.nameMissing'), field: 'name' });
    setBusy(true);
    setProblem(null);
    try {
      const body = profileOf(profile);
      const cred = await communityApi.join(info.communityId, { code, ...body });
      if (!saveMember(cred.communityId, { token: cred.token, memberId: cred.memberId, name: body.name })) {
        setProblem({ message: t('join.notKept'), field: undefined });
        setBusy(false);
        return;
      }
      navigate(homeHref(cred.communityId), { replace: true });
    } catch (err) {
      setProblem({ message: describeError(err), field: fieldOf(err) });
      setBusy(false);
    }
  };

  return (
    <main className="page page-narrow community">
      <div className="card">
        <p className="eyebrow">{t('join.invited')}</p>
        <PageHeading title={info.name}>{info.name}</PageHeading>
        {info.description && <p className="community-description">{info.description}</p>}
        <section aria-labelledby={`${id}-agreements`}>
          <h2 id={`${id}-agreements`}>{t('join.agreements')}</h2>
          <p className="hint">{t('join.agreementsHint')}</p>
          <ol className="agreement-list">
            {info.agreements.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ol>
        </section>
        <form
          aria-labelledby={`${id}-about`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2 id={`${id}-about`}>{t('join.about')}</h2>
          <p className="hint">{t('join.aboutHint')}</p>
          <ProfileFields
            value={profile}
            onChange={setProfile}
            channels={info.channels}
            invalid={problem?.field}
            nameProblem={problem?.field === 'name' ? problem.message : undefined}
          />
          <FormProblem message={problem && problem.field !== 'name' ? problem.message : null} />
          <button type="submit" className="button primary wide" disabled={busy}>
            {t('join.submit')}
          </button>
        </form>
        <p className="muted small-print">{t('join.noAccount')}</p>
      </div>
    </main>
  );
}
