import type { InputHTMLAttributes } from 'react';

/** A labelled input whose problem, when there is one, is announced and tied to it. */
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
