import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accounts } from '@brave/client';
import { describeError, fieldOf } from '../app/errors.ts';
import { AccountForm, Field, FormProblem } from './Field.tsx';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields.tsx';
import { origin } from './useAccount.ts';

/** Change the password: the current one proves it is you; other devices are signed out. */
export function PasswordForm() {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('account');

  const submit = async () => {
    setDone(false);
    setProblem(null);
    const found: Record<string, string> = { ...newPasswordProblems(next, again, t('password.mismatch')) };
    if (!current) found.current = t('password.noCurrent');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await accounts.changePassword(origin(), { current, next });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (err) {
      if (fieldOf(err) === 'current') setProblems({ current: describeError(err) });
      else setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountForm title={t('password.title')} onSubmit={submit}>
      <Field id={`${id}-current`} label={t('password.current')} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} problem={problems.current} />
      <NewPasswordFields id={id} password={next} again={again} onPassword={setNext} onAgain={setAgain} problems={problems} />
      <FormProblem message={problem} />
      <div role="status">{done && <p className="sent-note">{t('password.done')}</p>}</div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </div>
    </AccountForm>
  );
}
