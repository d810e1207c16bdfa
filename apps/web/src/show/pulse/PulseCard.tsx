import { useId, useState } from 'react';
import type { PulseView } from '@brave/protocol';
import { SHOW_LIMITS } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { SCALE_WORDS } from '../words.ts';
import { PulseChart } from './PulseChart.tsx';
import { Refusal } from '../Refusal.tsx';

/** The open checks (and closed ones whose results are shared), newest first. */
export function ParticipantPulses() {
  const { state } = useConvening();
  const shown = Object.values(state.pulses)
    .filter((p) => p.status === 'open' || p.tally !== null)
    .sort((a, b) => b.openedAt - a.openedAt)
    .slice(0, 2);
  const newest = shown.find((p) => p.status === 'open');
  return (
    <>
      <p className="visually-hidden" role="status">
        {newest ? `A pulse check is open: ${newest.question}` : ''}
      </p>
      {shown.map((p) => (
        <PulseCard key={p.id} pulse={p} />
      ))}
    </>
  );
}

/** One check as a participant meets it: the question, a way to answer (and change it), and results when shared. */
export function PulseCard({ pulse }: { pulse: PulseView }) {
  const { self } = useConvening();
  const id = useId();
  const mine = pulse.answers[self.participantId] ?? null;
  const { send, pending, error } = useCommand();
  const answer = (value: string) => void send({ type: 'pulse.answer', pulseId: pulse.id, answer: value });
  const open = pulse.status === 'open';
  return (
    <section className="card pulse-card" aria-labelledby={`${id}-h`}>
      <p className="eyebrow">Pulse check{pulse.anonymous ? ' · anonymous' : ''}</p>
      <h2 id={`${id}-h`}>{pulse.question}</h2>
      {open && (
        <p className="muted small-print">
          {pulse.anonymous ? 'Nobody sees who answered what, facilitators included.' : 'Your facilitators will see your answer.'}{' '}
          {mine ? 'You can change your answer while the check is open.' : ''}
        </p>
      )}
      {open && pulse.kind === 'scale' && (
        <div className="pulse-scale" role="group" aria-label="Pick a number from 1 (running low) to 5 (full)">
          {['1', '2', '3', '4', '5'].map((n) => (
            <button key={n} type="button" className="button" aria-pressed={mine === n} disabled={pending} onClick={() => answer(n)} aria-label={`${n}, ${SCALE_WORDS[n]}`}>
              {n}
            </button>
          ))}
        </div>
      )}
      {open && pulse.kind === 'choice' && (
        <div className="pulse-options" role="group" aria-label="Pick one">
          {pulse.options.map((o) => (
            <button key={o} type="button" className="button" aria-pressed={mine === o} disabled={pending} onClick={() => answer(o)}>
              {o}
            </button>
          ))}
        </div>
      )}
      {open && pulse.kind === 'word' && <WordAnswer mine={mine} pending={pending} onAnswer={answer} />}
      {mine && <p className="sent-note" role="status">Your answer: {mine}. Thank you.</p>}
      <Refusal error={error} />
      {pulse.tally ? <PulseChart pulse={pulse} tally={pulse.tally} /> : open ? <p className="muted small-print">Your facilitators may share the results.</p> : null}
    </section>
  );
}

function WordAnswer({ mine, pending, onAnswer }: { mine: string | null; pending: boolean; onAnswer: (w: string) => void }) {
  const id = useId();
  const [word, setWord] = useState('');
  return (
    <form
      className="inline-field"
      onSubmit={(e) => {
        e.preventDefault();
        if (word.trim()) onAnswer(word.trim());
      }}
    >
      <label htmlFor={`${id}-w`}>{mine ? 'Another word' : 'Your word'}</label>
      <input id={`${id}-w`} value={word} maxLength={SHOW_LIMITS.wordMax} autoComplete="off" onChange={(e) => setWord(e.target.value)} />
      <button type="submit" className="button primary" disabled={pending || !word.trim()}>
        Send
      </button>
    </form>
  );
}
