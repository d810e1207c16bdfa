import { useId, useState } from 'react';
import { accounts } from '@brave/client';
import { PASSWORD_MAX, PASSWORD_MIN, ResetToken } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Field, FormProblem } from './Field.tsx';
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
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!token) {
    return (
      <Message title="Reset link">
        <p>This address is missing its reset code. Open the whole link your admin gave you, or ask them for a new one.</p>
        <p>
          <Link href="/account">Go to sign in</Link>
        </p>
      </Message>
    );
  }

  const submit = async () => {
    setProblem(null);
    const found: Record<string, string> = {};
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) found.password = `Your new password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
    else if (password !== again) found.again = 'The two passwords are not the same.';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
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
      <p className="eyebrow">Brave Space</p>
      <PageHeading title="Set a new password">Set a new password</PageHeading>
      <form
        className="card account-form"
        aria-label="Set a new password"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="hint">This link works once. Setting the password signs you out on every other device and signs you in here.</p>
        <Field
          id={`${id}-password`}
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={`At least ${PASSWORD_MIN} characters.`}
          problem={problems.password}
        />
        <Field id={`${id}-again`} label="New password, once more" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} problem={problems.again} />
        <FormProblem message={problem} />
        <button type="submit" className="button primary wide" disabled={busy}>
          Set password and sign in
        </button>
      </form>
    </main>
  );
}
