import { PASSWORD_MAX, PASSWORD_MIN } from '@brave/protocol';
import { Field } from './Field.tsx';

export interface NewPasswordProblems {
  password?: string;
  again?: string;
}

/** The rules the server applies to a new password, said before sending it. */
export function newPasswordProblems(password: string, again: string, mismatch: string): NewPasswordProblems {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return { password: `Your new password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` };
  return password === again ? {} : { again: mismatch };
}

/** A new password, typed twice so a slip of the finger does not lock the person out. */
export function NewPasswordFields({
  id,
  password,
  again,
  onPassword,
  onAgain,
  problems,
}: {
  id: string;
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
  problems: NewPasswordProblems;
}) {
  return (
    <>
      <Field
        id={`${id}-password`}
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={`At least ${PASSWORD_MIN} characters.`}
        problem={problems.password}
      />
      <Field id={`${id}-again`} label="New password, once more" type="password" autoComplete="new-password" value={again} onChange={(e) => onAgain(e.target.value)} problem={problems.again} />
    </>
  );
}
