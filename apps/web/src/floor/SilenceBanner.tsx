import './floor.css';
import { useConvening } from '../live/context.ts';
import { spokenLeft, useServerNow } from '../breakouts/clock.ts';

/**
 * The calm "quiet moment" state everyone sees while a silence lasts: what it means and
 * the time left. A status region, so it is announced once as it begins, not every second.
 */
export function SilenceBanner() {
  const { state, client } = useConvening();
  const silence = state.floor.silence;
  const now = useServerNow(client, silence !== null);
  return (
    <div role="status" aria-live="polite">
      {silence && (
        <section className="silence-banner" aria-labelledby="silence-h">
          <h2 id="silence-h">A quiet moment</h2>
          <p>
            We are respecting silence together. Raised hands and room notes wait quietly and appear when it ends.
          </p>
          <p className="muted">
            About <span className="silence-left">{spokenLeft(silence.endsAt - now)}</span> left.
          </p>
        </section>
      )}
    </div>
  );
}
