import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../account/Field.tsx';

/**
 * The frame of a community form: its fields, then what went wrong (announced), then
 * Cancel (when the form can be put away) and the submit button. Pairs with useSending.
 * The form checks its own fields (noValidate) and says what to fix in our words.
 */
export function FormFrame({
  className,
  onSubmit,
  problem,
  busy,
  submitLabel,
  onCancel,
  children,
}: {
  className?: string;
  onSubmit: () => Promise<void>;
  problem: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation('community');
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <FormProblem message={problem} />
      <div className="actions">
        {onCancel && (
          <button type="button" className="button quiet" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
