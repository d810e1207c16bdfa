import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accounts } from '@brave/client';
import { LIMITS, PASSWORD_MIN, SignInBody, SignUpBody, type AccountView } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { AccountForm, Field, FormProblem, problemsOf } from './Field.tsx';
import { origin } from './useAccount.ts';

type Mode = 'signin' | 'signup';


/** Sign in or create an account: one form, one switch between the two. */
export function AuthForm({ onDone, firstMode = 'signin' }: { onDone: (account: AccountView) => void; firstMode?: Mode }) {
  const id = useId();
  const [mode, setMode] = useState<Mode>(firstMode);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === 'signup';
  const { t } = useTranslation('account');

  const submit = async () => {
    const parsed = signingUp ? SignUpBody.safeParse({ email, password, name }) : SignInBody.safeParse({ email, password });
    setProblem(null);
    if (!parsed.success) {
      setProblems(problemsOf(parsed.error.issues, { email: t('auth.badEmail'), password: t('auth.shortPassword', { min: PASSWORD_MIN }), name: t('auth.noName') }));
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const result = signingUp ? await accounts.signUp(origin(), { email, password, name }) : await accounts.signIn(origin(), { email, password });
      onDone(result.account);
    } catch (err) {
      const field = fieldOf(err);
      if (field === 'email' || field === 'password' || field === 'name') setProblems({ [field]: describeError(err) });
      else setProblem(describeError(err));
      setBusy(false);
    }
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setProblems({});
    setProblem(null);
  };

  return (
    <AccountForm title={signingUp ? t('auth.signUpTitle') : t('auth.signIn')} onSubmit={submit}>
      {signingUp && (
        <Field
          id={`${id}-name`}
          label={t('auth.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          maxLength={LIMITS.nameMax}
          required
          problem={problems.name}
        />
      )}
      <Field
        id={`${id}-email`}
        label={t('auth.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        problem={problems.email}
      />
      <Field
        id={`${id}-password`}
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        required
        {...(signingUp ? { hint: t('auth.passwordHint', { min: PASSWORD_MIN }) } : {})}
        problem={problems.password}
      />
      <FormProblem message={problem} />
      <button type="submit" className="button primary wide" disabled={busy}>
        {signingUp ? t('auth.signUp') : t('auth.signIn')}
      </button>
      <p className="account-switch">
        {signingUp ? t('auth.haveAccount') : t('auth.new')}{' '}
        <button type="button" className="link-button" onClick={() => switchTo(signingUp ? 'signin' : 'signup')}>
          {signingUp ? t('auth.signInInstead') : t('auth.createAccount')}
        </button>
      </p>
      {!signingUp && <p className="hint">{t('auth.forgot')}</p>}
    </AccountForm>
  );
}
