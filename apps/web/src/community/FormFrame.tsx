import type { ReactNode } from 'react';

/**
 * The frame of a community form: its fields, then what went wrong (announced), then
 * Cancel (when the form can be put away) and the submit button. Pairs with useSending.
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
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
      <div className="actions">
        {onCancel && (
          <button type="button" className="button quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
