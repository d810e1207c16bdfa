import { useEffect, useRef, useState } from 'react';
import type { RoundSpec } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { runningRound } from '../words.ts';
import { Agenda } from './Agenda.tsx';
import { CaucusOptions } from './CaucusOptions.tsx';
import { PastRounds } from './PastRounds.tsx';
import { RoundBuilder } from './RoundBuilder.tsx';
import { RunningRound } from './RunningRound.tsx';
import { DEFAULT_FORM, fromSpec, type BuilderForm } from './specForm.ts';
import '../../styles/breakouts.css';
import './console.css';

/**
 * The console's breakout section: the running round (or the round builder), the agenda
 * of prepared rounds, who was where, and the caucus question's options.
 */
export function BreakoutConsole() {
  const { state } = useConvening();
  const round = runningRound(state);
  const [form, setForm] = useState<BuilderForm>(DEFAULT_FORM);
  const [agendaItem, setAgendaItem] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const builder = useRef<HTMLDivElement>(null);
  const wasRunning = useRef(round !== null);

  useEffect(() => {
    // When a round ends, the controls that had focus are gone: continue from the heading.
    if (wasRunning.current && round === null && document.activeElement === document.body) heading.current?.focus();
    wasRunning.current = round !== null;
  }, [round]);

  const edit = (spec: RoundSpec, item: number) => {
    setForm(fromSpec(spec));
    setAgendaItem(item);
    builder.current?.querySelector('details.next-round')?.setAttribute('open', '');
    builder.current?.scrollIntoView({ block: 'start' });
    builder.current?.querySelector('input')?.focus();
  };

  if (state.status === 'closed') {
    return (
      <section className="card breakouts" id="breakouts" aria-labelledby="breakouts-h">
        <h2 id="breakouts-h">Breakouts</h2>
        <PastRounds />
      </section>
    );
  }
  return (
    <section className="card breakouts" id="breakouts" aria-labelledby="breakouts-h">
      <h2 id="breakouts-h" ref={heading} tabIndex={-1}>
        Breakouts
      </h2>
      <div className="breakouts-grid">
        <div className="breakouts-main" ref={builder}>
          {round ? (
            <>
              <RunningRound key={round.id} round={round} />
              <details className="next-round">
                <summary>Plan the next round</summary>
                <RoundBuilder form={form} setForm={setForm} running agendaItem={agendaItem} onOpened={() => setAgendaItem(null)} />
              </details>
            </>
          ) : (
            <RoundBuilder form={form} setForm={setForm} running={false} agendaItem={agendaItem} onOpened={() => setAgendaItem(null)} />
          )}
        </div>
        <div className="breakouts-side">
          <Agenda running={round !== null} onEdit={edit} />
          <PastRounds />
          <CaucusOptions />
        </div>
      </div>
    </section>
  );
}
