import { useId, useState } from 'react';
import { accounts } from '@brave/client';
import { PASSWORD_MAX, PASSWORD_MIN } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { Field, FormProblem } from './Field.tsx';
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

  const submit = async () => {
    setDone(false);
    setProblem(null);
    const found: Record<string, string> = {};
    if (!current) found.current = 'Please enter your current password.';
    if (next.length < PASSWORD_MIN || next.length > PASSWORD_MAX) found.next = `Your new password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
    else if (next !== again) found.again = 'The two new passwords are not the same.';
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
    <form
      className="card account-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`}>Change your password</h2>
      <Field id={`${id}-current`} label="Current password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} problem={problems.current} />
      <Field
        id={`${id}-next`}
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        hint={`At least ${PASSWORD_MIN} characters.`}
        problem={problems.next}
      />
      <Field id={`${id}-again`} label="New password, once more" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} problem={problems.again} />
      <FormProblem message={problem} />
      <div role="status">{done && <p className="sent-note">Your password is changed. Any other device signed in to this account has been signed out.</p>}</div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
