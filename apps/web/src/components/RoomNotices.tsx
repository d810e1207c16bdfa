import { KIND_LABEL, clockTime } from '../app/words.ts';
import { nameOf, useConvening } from '../live/context.ts';

const SHOWN = 8;

/**
 * Calm notices of other people's signals, newest first. Never a tally, never who sent
 * an anonymous one. The list is a polite live region: new notices are read out once.
 */
export function RoomNotices() {
  const { state } = useConvening();
  const notices = state.notices.slice(-SHOWN).reverse();
  return (
    <section className="card notices" aria-labelledby="notices-h">
      <h2 id="notices-h">In the room</h2>
      {notices.length === 0 && (
        <p className="muted">All quiet. When someone says ouch or whoops, a short note shows up here.</p>
      )}
      <ul className="plain-list notice-list" aria-live="polite" aria-relevant="additions text">
        {notices.map((n) => {
          const who = nameOf(state, n.by) ?? 'Someone';
          return (
            <li key={n.id} className={`notice kind-${n.kind}`}>
              <p>
                {who} said {KIND_LABEL[n.kind].toLowerCase()}.{' '}
                <span className="muted">
                  {n.kind === 'ouch' ? 'Let’s slow down together.' : 'Thank you for noticing.'}
                </span>{' '}
                <time className="muted" dateTime={new Date(n.at).toISOString()}>
                  {clockTime(n.at)}
                </time>
              </p>
              {n.explanation && <blockquote className="words">{n.explanation}</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
