import { useId, useState } from 'react';
import { accounts } from '@brave/client';
import { LIMITS, PASSWORD_MIN, SignInBody, SignUpBody, type AccountView } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { AccountForm, Field, FormProblem, problemsOf } from './Field.tsx';
import { origin } from './useAccount.ts';

type Mode = 'signin' | 'signup';

const WORDS: Record<string, string> = {
  email: 'Please enter an email address, like name@example.org.',
  password: `Your password needs at least ${PASSWORD_MIN} characters.`,
  name: 'Please tell us what to call you.',
};

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

  const submit = async () => {
    const parsed = signingUp ? SignUpBody.safeParse({ email, password, name }) : SignInBody.safeParse({ email, password });
    setProblem(null);
    if (!parsed.success) {
      setProblems(problemsOf(parsed.error.issues, WORDS));
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
    <AccountForm title={signingUp ? 'Create your facilitator account' : 'Sign in'} onSubmit={submit}>
      {signingUp && (
        <Field
          id={`${id}-name`}
          label="Your name"
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
        label="Email"
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
        label="Password"
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        required
        {...(signingUp ? { hint: `At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.` } : {})}
        problem={problems.password}
      />
      <FormProblem message={problem} />
      <button type="submit" className="button primary wide" disabled={busy}>
        {signingUp ? 'Create account' : 'Sign in'}
      </button>
      <p className="account-switch">
        {signingUp ? 'Already have an account?' : 'New to Brave Space?'}{' '}
        <button type="button" className="link-button" onClick={() => switchTo(signingUp ? 'signin' : 'signup')}>
          {signingUp ? 'Sign in instead' : 'Create an account'}
        </button>
      </p>
      {!signingUp && <p className="hint">Forgot your password? The admin of this Brave Space can give you a link to set a new one.</p>}
    </AccountForm>
  );
}
