import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { JoinCode } from '@brave/protocol';
import { navigate } from '../app/router.ts';

/** Typing a code someone read out: forgiving about case, spaces and dashes. */
export function JoinCodeForm({ initial = '' }: { initial?: string }) {
  const id = useId();
  const [code, setCode] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation('live');

  return (
    <form
      className="join-code-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = JoinCode.safeParse(code);
        if (!parsed.success) {
          setProblem(t('code.invalid'));
          return;
        }
        navigate(`/j/${parsed.data}`);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('code.label')}</label>
        <div className="inline-field">
          <input
            id={id}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setProblem(null);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            className="code-input"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <button type="submit" className="button primary">
            {t('code.continue')}
          </button>
        </div>
        {problem && (
          <p className="field-problem" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
