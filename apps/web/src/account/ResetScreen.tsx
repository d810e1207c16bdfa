import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accounts } from '@brave/client';
import { ResetToken } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AccountForm, FormProblem } from './Field.tsx';
import { NewPasswordFields, newPasswordProblems, type NewPasswordProblems } from './NewPasswordFields.tsx';
import { origin } from './useAccount.ts';
import '../styles/account.css';

/** The link's token rides in the fragment, which browsers never send to any server. */
function takeToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && ResetToken.safeParse(token).success ? token : null;
}

/** `/account/reset#token=…`: set a new password with the one-time link an admin handed over. */
export function ResetScreen() {
  const id = useId();
  const [token] = useState(takeToken);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('account');

  if (!token) {
    return (
      <Message title={t('reset.link')}>
        <p>{t('reset.missing')}</p>
        <p>
          <Link href="/account">{t('reset.goSignIn')}</Link>
        </p>
      </Message>
    );
  }

  const submit = async () => {
    setProblem(null);
    const found = newPasswordProblems(password, again, t('reset.mismatch'));
    setProblems(found);
    if (found.password || found.again) return;
    setBusy(true);
    try {
      await accounts.reset(origin(), { token, password });
      navigate('/communities', { replace: true });
    } catch (err) {
      if (fieldOf(err) === 'password') setProblems({ password: describeError(err) });
      else setProblem(describeError(err));
      setBusy(false);
    }
  };

  return (
    <main className="page page-narrow account">
      <p className="eyebrow">{t('brand')}</p>
      <PageHeading title={t('reset.title')}>{t('reset.title')}</PageHeading>
      <AccountForm label={t('reset.title')} onSubmit={submit}>
        <p className="hint">{t('reset.hint')}</p>
        <NewPasswordFields id={id} password={password} again={again} onPassword={setPassword} onAgain={setAgain} problems={problems} />
        <FormProblem message={problem} />
        <button type="submit" className="button primary wide" disabled={busy}>
          {t('reset.submit')}
        </button>
      </AccountForm>
    </main>
  );
}
