import { Trans, useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import { api } from '@brave/client';
import {
  DEFAULT_SIGNAL_POLICY,
  LIMITS,
  type AgreementSetId,
  type AgreementSetInfo,
  type CreateConveningBody,
  type Visibility,
} from '@brave/protocol';
import { Field, FormProblem, useRequired } from '../account/Field.tsx';
import { describeError } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { saveSeat } from '../app/storage.ts';
import { blankDraft, fromDrafts, toDrafts, type DraftAgreement } from '../components/AgreementsEditor.tsx';
import { JoinCodeForm } from '../components/JoinCodeForm.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AgreementSetPicker, CUSTOM } from '../components/start/AgreementSetPicker.tsx';
import { VisibilityPolicyField } from '../components/start/VisibilityPolicyField.tsx';
import '../styles/start.css';

/** `/`: open a new convening (or hop to joining one with a code). */
export function StartScreen() {
  const id = useId();
  const [sets, setSets] = useState<AgreementSetInfo[] | null>(null);
  const [title, setTitle] = useState('');
  const [hostName, setHostName] = useState('');
  const [setId, setSetId] = useState<AgreementSetId>('touchstones');
  const [drafts, setDrafts] = useState<DraftAgreement[] | null>(null);
  const [allowed, setAllowed] = useState<Visibility[]>([...DEFAULT_SIGNAL_POLICY.allowed]);
  const [preferred, setPreferred] = useState<Visibility>(DEFAULT_SIGNAL_POLICY.default);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation(['start', 'live']);
  const titleRequired = useRequired(`${id}-title`, t('titleRequired'));

  useEffect(() => {
    api.agreementSets(window.location.origin).then(setSets, (err: unknown) => setProblem(describeError(err)));
  }, []);

  const choose = (next: AgreementSetId) => {
    setSetId(next);
    setDrafts(next === CUSTOM ? [blankDraft()] : null);
  };
  const editChosen = () => setDrafts(toDrafts(sets?.find((s) => s.id === setId)?.agreements ?? []));

  const submit = async () => {
    if (!titleRequired.check(title)) return;
    const agreements = drafts ? fromDrafts(drafts) : undefined;
    if (agreements && agreements.length === 0) {
      setProblem(t('needAgreement'));
      return;
    }
    const body: CreateConveningBody = {
      title: title.trim(),
      agreementSetId: setId,
      ...(agreements ? { agreements } : {}),
      signalVisibility: { allowed, default: preferred },
      ...(hostName.trim() ? { hostName: hostName.trim() } : {}),
    };
    setBusy(true);
    setProblem(null);
    try {
      const made = await api.createConvening(window.location.origin, body);
      saveSeat(made.id, { token: made.facilitatorToken, role: 'facilitator', name: body.hostName ?? t('hostFallback'), cohostCode: made.cohostCode });
      navigate(`/host/${made.id}`);
    } catch (err) {
      setProblem(describeError(err));
      setBusy(false);
    }
  };

  return (
    <main className="page start">
      <header className="start-header">
        <p className="eyebrow">{t('live:brand')}</p>
        <PageHeading title={t('heading')}>{t('heading')}</PageHeading>
        <p className="lede">{t('lede')}</p>
        <p className="muted">
          <Trans t={t} i18nKey="communities" components={{ go: <Link href="/communities" /> }} />
        </p>
      </header>

      <section className="card join-aside" aria-labelledby={`${id}-join`}>
        <h2 id={`${id}-join`}>{t('joining')}</h2>
        <JoinCodeForm />
      </section>

      <form
        className="card start-form"
        aria-labelledby={`${id}-form`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-form`}>{t('yours')}</h2>
        <Field
          id={`${id}-title`}
          label={t('title')}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            titleRequired.changed(e.target.value);
          }}
          problem={titleRequired.problem}
          aria-required
          maxLength={LIMITS.titleMax}
        />
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('yourName')}</label>
          <input id={`${id}-name`} value={hostName} onChange={(e) => setHostName(e.target.value)} maxLength={LIMITS.nameMax} autoComplete="name" />
          <p className="hint">{t('nameHint')}</p>
        </div>
        {sets ? (
          <AgreementSetPicker sets={sets} chosen={setId} onChoose={choose} drafts={drafts} onDrafts={setDrafts} onEdit={editChosen} />
        ) : (
          <p className="loading" role="status">
            {t('loadingSets')}
          </p>
        )}
        <VisibilityPolicyField allowed={allowed} onAllowed={setAllowed} preferred={preferred} onPreferred={setPreferred} />
        <FormProblem message={problem} />
        <button type="submit" className="button primary wide" disabled={busy}>
          {t('open')}
        </button>
      </form>
    </main>
  );
}
