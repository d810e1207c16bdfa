import { PASSWORD_MAX, PASSWORD_MIN } from '@brave/protocol';
import { useTranslation } from 'react-i18next';
import { i18n } from '../app/i18n.ts';
import { Field } from './Field.tsx';

export interface NewPasswordProblems {
  password?: string;
  again?: string;
}

/** The rules the server applies to a new password, said before sending it. */
export function newPasswordProblems(password: string, again: string, mismatch: string): NewPasswordProblems {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return { password: i18n.t('account:newPassword.length', { min: PASSWORD_MIN, max: PASSWORD_MAX }) };
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
  const { t } = useTranslation('account');
  return (
    <>
      <Field
        id={`${id}-password`}
        label={t('newPassword.label')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={t('newPassword.hint', { min: PASSWORD_MIN })}
        problem={problems.password}
      />
      <Field id={`${id}-again`} label={t('newPassword.again')} type="password" autoComplete="new-password" value={again} onChange={(e) => onAgain(e.target.value)} problem={problems.again} />
    </>
  );
}
