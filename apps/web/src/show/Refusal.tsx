import type { ApiError } from '@brave/protocol';

/** The server's refusal of the last command, said once and kept in view until the next try. */
export function Refusal({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="gentle-note" role="alert">
      {error.message}
    </p>
  );
}
