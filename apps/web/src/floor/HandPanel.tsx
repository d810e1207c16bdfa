import './floor.css';
import { useEffect, useRef } from 'react';
import { PLENARY, scopeOfPerson } from '@brave/core';
import { nameOf, useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';
import { myPlace, placeWords, scopeName } from './words.ts';

/**
 * A participant's hand: raise or lower it (the button, or Alt+H from anywhere), see the
 * line of the room they are in, and hear "you are next" and "it is your turn" as they happen.
 */
export function HandPanel() {
  const { state, self } = useConvening();
  const { send, pending, error } = useCommand();
  const me = self.participantId;
  const scope = scopeOfPerson(state, me);
  const place = myPlace(state, scope, me);
  const up = place.kind === 'next' || place.kind === 'waiting' || place.kind === 'held';
  const line = state.floor.queues[scope]?.order ?? [];
  const speaking = state.floor.queues[scope]?.speaking ?? null;
  const toggle = useRef<() => void>(() => undefined);
  toggle.current = () => {
    if (!pending) void send({ type: up ? 'hand.lower' : 'hand.raise' });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.repeat || e.code !== 'KeyH') return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      e.preventDefault();
      toggle.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="card hand-panel" aria-labelledby="hand-h">
      <h2 id="hand-h">Speaking{scope === PLENARY ? '' : ` in ${scopeName(state, scope)}`}</h2>
      <button type="button" className={up ? 'button quiet' : 'button'} aria-pressed={up} aria-keyshortcuts="Alt+H" onClick={() => toggle.current()} disabled={pending || state.status !== 'open'}>
        {up ? 'Lower my hand' : 'Raise my hand'}
      </button>
      <p className="small-print muted">Shortcut: Alt+H</p>
      <p className={`hand-place place-${place.kind}`} role="status" aria-live={place.kind === 'speaking' ? 'assertive' : 'polite'}>
        {placeWords(place)}
      </p>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      {speaking && speaking !== me && <p>{nameOf(state, speaking) ?? 'Someone'} has the floor.</p>}
      {line.length > 0 && (
        <>
          <h3 className="small-print">In line</h3>
          <ol className="hand-line">
            {line.map((id) => (
              <li key={id}>{id === me ? 'You' : (nameOf(state, id) ?? 'Someone')}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
