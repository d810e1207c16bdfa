import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { canMove } from '@brave/core';
import { LIMITS, type SignalStatus, type SignalView } from '@brave/protocol';
import { i18n } from '../../app/i18n.ts';
import { STATUS_LABEL, VISIBILITY_FOR_HOSTS, clockTime } from '../../app/words.ts';
import { nameOf, useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';

type Move = Exclude<SignalStatus, 'raised'>;
const MOVES: readonly Move[] = ['acknowledged', 'addressed', 'parked'];

/** Title of a signal as facilitators see it: a name only where the sender allowed one. */
export function signalTitle(signal: SignalView, name: string | null): string {
  return signal.by ? i18n.t(`host:card.from.${signal.kind}`, { name: name ?? i18n.t('host:card.someoneWhoLeft') }) : i18n.t(`host:card.anonymous.${signal.kind}`);
}

/**
 * A moved card is rendered afresh in its new group, so the button that was pressed is
 * gone. Remember which card moved and give its heading focus when it appears again.
 */
let focusAfterMove: string | null = null;

/** One signal in the shared queue, with its history and the moves it allows next. */
export function SignalCard({ signal }: { signal: SignalView }) {
  const { state } = useConvening();
  const id = useId();
  const [note, setNote] = useState('');
  const { send, pending, error } = useCommand();
  const title = signalTitle(signal, nameOf(state, signal.by));
  const moves = MOVES.filter((to) => canMove(signal.status, to));
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation('host');

  // On mount only: the card that was clicked re-renders (pending) before it moves.
  useEffect(() => {
    if (focusAfterMove !== signal.id) return;
    focusAfterMove = null;
    const el = heading.current;
    // Inside the closed "addressed" group the card is hidden: fall back to the queue heading.
    if (el && el.offsetParent !== null) el.focus();
    else document.getElementById('queue-h')?.focus();
  }, [signal.id]);

  const move = async (status: Move) => {
    const trimmed = note.trim();
    // Set before sending: the moved card is re-rendered by the event, which arrives before the ack.
    focusAfterMove = signal.id;
    const result = await send({ type: 'signal.triage', signalId: signal.id, status, ...(trimmed ? { note: trimmed } : {}) });
    if (result.ok) setNote('');
    else focusAfterMove = null;
  };

  return (
    <li>
      <article className={`signal-card kind-${signal.kind} status-${signal.status}`} aria-labelledby={`${id}-t`}>
        <header className="signal-card-head">
          <h4 id={`${id}-t`} ref={heading} tabIndex={-1}>
            {title}
          </h4>
          <time dateTime={new Date(signal.raisedAt).toISOString()}>{clockTime(signal.raisedAt)}</time>
        </header>
        <p className="tags">
          <span className="tag">{VISIBILITY_FOR_HOSTS[signal.visibility]}</span>
          <span className={`tag status-tag status-${signal.status}`}>{STATUS_LABEL[signal.status]}</span>
          {signal.visibility === 'named' && signal.privateExplanation && signal.explanation && (
            <span className="tag">{t('card.privateWords')}</span>
          )}
        </p>
        {signal.explanation ? (
          <blockquote className="words">{signal.explanation}</blockquote>
        ) : (
          <p className="muted">{t('card.noWords')}</p>
        )}
        {signal.history.length > 0 && (
          <ol className="history" aria-label={t('card.history')}>
            {signal.history.map((h, i) => (
              <li key={i}>
                {t(h.note ? 'card.historyItemNote' : 'card.historyItem', { status: STATUS_LABEL[h.status], name: nameOf(state, h.by) ?? t('card.aFacilitator'), time: clockTime(h.at), note: h.note })}
              </li>
            ))}
          </ol>
        )}
        {state.status === 'open' && (
          <div className="triage">
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('card.note')}</label>
              <textarea id={`${id}-note`} rows={1} maxLength={LIMITS.noteMax} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="actions">
              {moves.map((to) => (
                <button key={to} type="button" className="button small" disabled={pending} onClick={() => void move(to)}>
                  {signal.status === 'addressed' ? t('card.reopen') : t(`card.move.${to}`)}
                </button>
              ))}
            </div>
            {error && (
              <p className="gentle-note" role="alert">
                {error.message}
              </p>
            )}
          </div>
        )}
      </article>
    </li>
  );
}
