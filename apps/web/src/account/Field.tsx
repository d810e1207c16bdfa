import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A labelled input whose problem, when there is one, is announced and tied to it. Used by
 * every form that checks its own fields (with noValidate), not only the account pages.
 */
export function Field({
  id,
  label,
  hint,
  problem,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; problem?: string | undefined }) {
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={problem ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * A field that must not be left empty: `check` says so next to it (and moves there) when
 * the form is sent without it; typing something clears the problem.
 */
export function useRequired(id: string, message: string) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return {
    problem,
    check(value: string): boolean {
      if (value.trim()) return true;
      setProblem(message);
      document.getElementById(id)?.focus();
      return false;
    },
    changed(value: string) {
      if (value.trim()) setProblem(undefined);
    },
  };
}

/**
 * A card form of the account pages. It checks its own fields and says what to fix
 * (noValidate), and is named by its visible `title`, or by `label` when it has none.
 */
export function AccountForm({ title, label, onSubmit, children }: { title?: string; label?: string; onSubmit: () => Promise<void>; children: ReactNode }) {
  const id = useId();
  return (
    <form
      className="card account-form"
      {...(title ? { 'aria-labelledby': `${id}-title` } : { 'aria-label': label })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {title && <h2 id={`${id}-title`}>{title}</h2>}
      {children}
    </form>
  );
}

/** A problem with the whole form (not one field), read out as soon as it appears. */
export function FormProblem({ message }: { message: string | null }) {
  return (
    <div aria-live="assertive">
      {message && (
        <p className="gentle-note" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

/** First problem per field from a zod failure, for showing next to each input. */
export function problemsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], words: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= words[key] ?? issue.message;
  }
  return out;
}
