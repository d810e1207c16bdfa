import { useId } from 'react';
import type { RoundSpec } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { describeSpec } from './words.ts';

/**
 * Rounds prepared ahead (for example pairs → caucus → cohorts), each started with one
 * click: the server plans it as a preview would and opens exactly that plan.
 */
export function Agenda({ running, onEdit }: { running: boolean; onEdit: (spec: RoundSpec, item: number) => void }) {
  const { state } = useConvening();
  const id = useId();
  const { send, pending, error } = useCommand();
  const agenda = state.agenda;

  const save = (next: RoundSpec[]) => send({ type: 'agenda.set', agenda: next });
  const swap = (i: number, j: number) => {
    const next = [...agenda];
    [next[i], next[j]] = [next[j]!, next[i]!];
    void save(next);
  };
  // Naming the item lets the server plan the agenda's later mix rounds for the same people with it.
  const start = async (spec: RoundSpec, agendaItem: number) => {
    const planned = await send({ type: 'round.preview', spec, agendaItem });
    if (!planned.ok || !planned.preview) return;
    await send({ type: 'round.open', spec, seed: planned.preview.seed, agendaItem });
  };

  return (
    <section className="agenda" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        Agenda {agenda.length > 0 && <span className="count">{agenda.length}</span>}
      </h3>
      {agenda.length === 0 ? (
        <p className="muted">No rounds prepared yet. Plan one and choose “Save to agenda” to start it later with one click.</p>
      ) : (
        <ol className="plain-list agenda-list">
          {agenda.map((spec, i) => (
            <li key={`${i}-${spec.name}`}>
              <p className="agenda-name">
                <span className="agenda-number">{i + 1}.</span> {spec.name}
              </p>
              <p className="muted small-print">{describeSpec(spec)}</p>
              <div className="actions">
                <button type="button" className="button small primary" disabled={pending || running} onClick={() => void start(spec, i)} aria-label={`Start ${spec.name}`}>
                  Start
                </button>
                <button type="button" className="button small quiet" onClick={() => onEdit(spec, i)} aria-label={`Preview and edit ${spec.name}`}>
                  Preview first
                </button>
                <button type="button" className="button small quiet" disabled={pending || i === 0} onClick={() => swap(i, i - 1)} aria-label={`Move ${spec.name} earlier`}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button small quiet"
                  disabled={pending || i === agenda.length - 1}
                  onClick={() => swap(i, i + 1)}
                  aria-label={`Move ${spec.name} later`}
                >
                  ↓
                </button>
                <button type="button" className="button small quiet" disabled={pending} onClick={() => void save(agenda.filter((_, j) => j !== i))} aria-label={`Remove ${spec.name} from the agenda`}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {running && agenda.length > 0 && <p className="hint">A round is running. The next one can start once it is closed.</p>}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
