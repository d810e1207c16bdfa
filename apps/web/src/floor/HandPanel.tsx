import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('floor');
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
      <h2 id="hand-h">{scope === PLENARY ? t('hand.heading') : t('hand.headingIn', { room: scopeName(state, scope) })}</h2>
      <button type="button" className={up ? 'button quiet' : 'button'} aria-pressed={up} aria-keyshortcuts="Alt+H" onClick={() => toggle.current()} disabled={pending || state.status !== 'open'}>
        {up ? t('hand.lower') : t('hand.raise')}
      </button>
      <p className="small-print muted">{t('hand.shortcut')}</p>
      <p className={`hand-place place-${place.kind}`} role="status" aria-live={place.kind === 'speaking' ? 'assertive' : 'polite'}>
        {placeWords(place)}
      </p>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      {speaking && speaking !== me && <p>{nameOf(state, speaking) ? t('hand.hasFloor', { name: nameOf(state, speaking) }) : t('hand.someoneHasFloor')}</p>}
      {line.length > 0 && (
        <>
          <h3 className="small-print">{t('hand.inLine')}</h3>
          <ol className="hand-line">
            {line.map((id) => (
              <li key={id}>{id === me ? t('hand.you') : (nameOf(state, id) ?? t('hand.someone'))}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
