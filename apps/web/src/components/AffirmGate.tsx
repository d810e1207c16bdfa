import { useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';

/** Everyone reads the agreements and takes them on before entering the room. */
export function AffirmGate() {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  return (
    <section className="card affirm" aria-labelledby="affirm-heading">
      <h2 id="affirm-heading">Before you come in</h2>
      <p>
        These are the agreements this group keeps together. Take a moment with them. When you are ready to keep them
        with everyone else, step in.
      </p>
      <ol className="agreement-list">
        {state.agreements.map((a) => (
          <li key={a.id}>{a.text}</li>
        ))}
      </ol>
      <button
        type="button"
        className="button primary wide"
        disabled={pending}
        onClick={() => void send({ type: 'agreements.affirm' })}
      >
        I’ll keep these with you
      </button>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
