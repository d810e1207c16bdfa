import { useConvening } from '../../live/context.ts';
import { useServerNow } from '../clock.ts';
import { RoundClock } from '../RoundClock.tsx';
import { runningRound } from '../words.ts';
import { HelpAnswer } from './HelpAnswer.tsx';
import '../../styles/breakouts.css';
import './console.css';

/**
 * Always at the top of the console while a round runs: its time, and every room that
 * asks for help, by name. The region is assertive and always present, so a call for
 * help is read out at once, wherever the facilitator is on the page.
 */
export function RoundStrip() {
  const { state, client } = useConvening();
  const round = runningRound(state);
  const now = useServerNow(client, round !== null);
  const asking = round ? Object.values(round.rooms).filter((r) => r.helpRequestedAt !== null) : [];
  return (
    <section className={round ? 'round-strip' : 'round-strip-empty'} aria-label="Breakouts now">
      {!round && state.status === 'open' && (
        <p className="strip-idle muted">
          <a href="#breakouts">Breakouts and caucuses</a>: no round running
          {state.agenda.length > 0 ? `, ${state.agenda.length} prepared on the agenda` : ''}.
        </p>
      )}
      {round && (
        <div className="strip-line">
          <p className="strip-title">
            <span className="eyebrow">Breakouts running</span> {round.name}
          </p>
          <RoundClock round={round} now={now} compact />
          <a className="button quiet small" href="#breakouts">
            Go to the rooms
          </a>
        </div>
      )}
      <div role="log" aria-live="assertive" className="help-alerts" aria-label="Calls for help">
        {asking.map((room) => (
          <HelpAnswer key={room.id} room={room} />
        ))}
      </div>
    </section>
  );
}
