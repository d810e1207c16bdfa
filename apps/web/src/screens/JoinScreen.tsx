import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import { api } from '@brave/client';
import { LIMITS, type JoinInfo } from '@brave/protocol';
import { Field, FormProblem, useRequired } from '../account/Field.tsx';
import { describeError, fieldOf } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { loadSeat, saveSeat } from '../app/storage.ts';
import { JoinCodeForm } from '../components/JoinCodeForm.tsx';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

type Lookup = { phase: 'loading' } | { phase: 'found'; info: JoinInfo } | { phase: 'failed'; message: string };

/** /j and /j/:code: find the convening by its code, then come in with a name. */
export function JoinScreen({ code, cohost }: { code: string | null; cohost: string | null }) {
  const { t } = useTranslation('live');
  if (!code) {
    return (
      <Message title={t('join.title')}>
        <p>{t('join.intro')}</p>
        <JoinCodeForm />
      </Message>
    );
  }
  return <JoinWithCode key={code} code={code} cohost={cohost} />;
}

function JoinWithCode({ code, cohost }: { code: string; cohost: string | null }) {
  const [lookup, setLookup] = useState<Lookup>({ phase: 'loading' });
  const { t } = useTranslation('live');
  useEffect(() => {
    let live = true;
    api.joinInfo(window.location.origin, code).then(
      (info) => live && setLookup({ phase: 'found', info }),
      (err: unknown) => live && setLookup({ phase: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [code]);

  if (lookup.phase === 'loading') return <Loading label={t('join.lookingUp')} />;
  if (lookup.phase === 'failed') {
    return (
      <Message title={t('join.notFound')}>
        <p>{lookup.message}</p>
        <JoinCodeForm initial={code} />
      </Message>
    );
  }
  const { info } = lookup;
  if (info.status === 'closed') {
    return (
      <Message title={info.title}>
        <p>{t('join.ended')}</p>
      </Message>
    );
  }
  return <JoinForm code={code} cohost={cohost} info={info} />;
}

function JoinForm({ code, cohost, info }: { code: string; cohost: string | null; info: JoinInfo }) {
  const id = useId();
  const [name, setName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field: string | undefined } | null>(null);
  const seat = loadSeat(info.conveningId);
  const hosting = cohost !== null;
  const { t } = useTranslation('live');
  const nameRequired = useRequired(`${id}-name`, t('join.nameRequired'));

  const submit = async () => {
    if (!nameRequired.check(name)) return;
    setBusy(true);
    setProblem(null);
    try {
      const p = pronouns.trim();
      const joined = await api.join(window.location.origin, {
        joinCode: code,
        name: name.trim(),
        ...(p ? { pronouns: p } : {}),
        ...(cohost ? { cohostCode: cohost } : {}),
      });
      saveSeat(joined.conveningId, { token: joined.token, role: joined.role, name: name.trim() });
      navigate(joined.role === 'participant' ? `/c/${joined.conveningId}` : `/host/${joined.conveningId}`, { replace: true });
    } catch (err) {
      setProblem({ message: describeError(err), field: fieldOf(err) });
      setBusy(false);
    }
  };

  return (
    <main className="page page-narrow">
      <div className="card">
        <p className="eyebrow">{hosting ? t('join.asCohost') : t('join.invited')}</p>
        <PageHeading title={info.title}>{info.title}</PageHeading>
        {seat && (
          <p className="welcome-back">
            {seat.name ? t('join.alreadyInAs', { name: seat.name }) : t('join.alreadyIn')}{' '}
            <Link href={seat.role === 'participant' ? `/c/${info.conveningId}` : `/host/${info.conveningId}`}>{t('join.goBack')}</Link>
          </p>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field
            id={`${id}-name`}
            label={t('join.name')}
            hint={t('join.nameHint')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              nameRequired.changed(e.target.value);
            }}
            problem={nameRequired.problem ?? (problem?.field === 'name' ? problem.message : undefined)}
            aria-required
            maxLength={LIMITS.nameMax}
            autoComplete="name"
          />
          <div className="field">
            <label htmlFor={`${id}-pronouns`}>{t('join.pronouns')}</label>
            <input
              id={`${id}-pronouns`}
              value={pronouns}
              onChange={(e) => setPronouns(e.target.value)}
              maxLength={LIMITS.pronounsMax}
              placeholder={t('join.pronounsExample')}
              aria-invalid={problem?.field === 'pronouns' ? true : undefined}
            />
          </div>
          <FormProblem message={problem && problem.field !== 'name' ? problem.message : null} />
          <button type="submit" className="button primary wide" disabled={busy}>
            {hosting ? t('join.joinTeam') : t('join.join')}
          </button>
        </form>
        <p className="muted small-print">{t('join.next')}</p>
      </div>
    </main>
  );
}
