import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('show');
  return (
    <>
      <p className="visually-hidden" role="status">
        {newest ? t('pulse.open', { question: newest.question }) : ''}
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
  const { t } = useTranslation('show');
  return (
    <section className="card pulse-card" aria-labelledby={`${id}-h`}>
      <p className="eyebrow">{pulse.anonymous ? t('pulse.eyebrowAnonymous') : t('pulse.eyebrow')}</p>
      <h2 id={`${id}-h`}>{pulse.question}</h2>
      {open && (
        <p className="muted small-print">
          {pulse.anonymous ? t('pulse.anonymous') : t('pulse.named')} {mine && t('pulse.canChange')}
        </p>
      )}
      {open && pulse.kind === 'scale' && (
        <div className="pulse-scale" role="group" aria-label={t('pulse.pickNumber')}>
          {['1', '2', '3', '4', '5'].map((n) => (
            <button key={n} type="button" className="button" aria-pressed={mine === n} disabled={pending} onClick={() => answer(n)} aria-label={t('pulse.numberLabel', { n, words: SCALE_WORDS[n] })}>
              {n}
            </button>
          ))}
        </div>
      )}
      {open && pulse.kind === 'choice' && (
        <div className="pulse-options" role="group" aria-label={t('pulse.pickOne')}>
          {pulse.options.map((o) => (
            <button key={o} type="button" className="button" aria-pressed={mine === o} disabled={pending} onClick={() => answer(o)}>
              {o}
            </button>
          ))}
        </div>
      )}
      {open && pulse.kind === 'word' && <WordAnswer mine={mine} pending={pending} onAnswer={answer} />}
      {mine && <p className="sent-note" role="status">{t('pulse.yours', { answer: mine })}</p>}
      <Refusal error={error} />
      {pulse.tally ? <PulseChart pulse={pulse} tally={pulse.tally} /> : open ? <p className="muted small-print">{t('pulse.mayShare')}</p> : null}
    </section>
  );
}

function WordAnswer({ mine, pending, onAnswer }: { mine: string | null; pending: boolean; onAnswer: (w: string) => void }) {
  const id = useId();
  const [word, setWord] = useState('');
  const { t } = useTranslation('show');
  return (
    <form
      className="inline-field"
      onSubmit={(e) => {
        e.preventDefault();
        if (word.trim()) onAnswer(word.trim());
      }}
    >
      <label htmlFor={`${id}-w`}>{mine ? t('pulse.anotherWord') : t('pulse.yourWord')}</label>
      <input id={`${id}-w`} value={word} maxLength={SHOW_LIMITS.wordMax} autoComplete="off" onChange={(e) => setWord(e.target.value)} />
      <button type="submit" className="button primary" disabled={pending || !word.trim()}>
        {t('pulse.send')}
      </button>
    </form>
  );
}
