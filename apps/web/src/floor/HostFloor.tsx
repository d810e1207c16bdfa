import { Trans, useTranslation } from 'react-i18next';
import './floor.css';
import { useState } from 'react';
import type { FloorQueue } from '@brave/protocol';
import { formatList } from '@brave/i18n';
import { currentLanguage } from '../app/i18n.ts';
import { spokenLeft, useServerNow } from '../breakouts/clock.ts';
import { nameOf, useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';
import { scopeName, turnsWords } from './words.ts';

const MINUTES = [1, 2, 3, 5, 10] as const;

/**
 * The facilitator's floor: a quiet moment to begin or end, the progressive option, and
 * every line this facilitator may see (the main room and the rooms whose roster they see).
 * Every action is a button, so keyboard and pointer do the same things.
 */
export function HostFloor() {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('floor');
  const lines = Object.entries(state.floor.queues).sort(([a], [b]) => (a === 'plenary' ? -1 : b === 'plenary' ? 1 : a.localeCompare(b)));
  return (
    <section className="card host-floor" aria-labelledby="floor-h">
      <h2 id="floor-h">{t('host.heading')}</h2>
      <SilenceControl />
      <label className="check">
        <input
          type="checkbox"
          checked={state.floor.progressive}
          disabled={pending}
          onChange={(e) => void send({ type: 'floor.progressive', on: e.target.checked })}
        />{' '}
        {t('host.progressive')}
      </label>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      {lines.length === 0 && <p className="muted">{t('host.empty')}</p>}
      {lines.map(([scope, q]) => (
        <Line key={scope} scope={scope} queue={q} busy={pending} send={send} />
      ))}
    </section>
  );
}

type Send = ReturnType<typeof useCommand>['send'];

function Line({ scope, queue, busy, send }: { scope: string; queue: FloorQueue; busy: boolean; send: Send }) {
  const { state } = useConvening();
  const { t } = useTranslation('floor');
  const name = (id: string) => nameOf(state, id) ?? t('host.someoneWhoLeft');
  const title = scopeName(state, scope);
  const turns = (id: string) => turnsWords(queue.turns[id] ?? 0);
  return (
    <div className="floor-line" role="group" aria-label={title}>
      <h3>{title}</h3>
      <div aria-live="polite">
        {queue.speaking ? (
          <p>
            <Trans t={t} i18nKey="host.hasFloor" values={{ name: name(queue.speaking), turn: queue.turns[queue.speaking] ?? 1 }} components={{ strong: <strong />, muted: <span className="muted" /> }} />{' '}
            <button type="button" className="button small" disabled={busy} onClick={() => void send({ type: 'floor.done', scope })}>
              {t('host.done', { name: name(queue.speaking) })}
            </button>
          </p>
        ) : (
          <p className="muted">{t('host.nobody')}</p>
        )}
      </div>
      {queue.order.length > 0 && (
        <button type="button" className="button" disabled={busy} onClick={() => void send({ type: 'floor.call', scope })}>
          {t('host.callNext', { name: name(queue.order[0]!) })}
        </button>
      )}
      <ol className="hand-line">
        {queue.order.map((id, i) => (
          <li key={id}>
            <span>
              {name(id)} <span className="muted">({turns(id)})</span>
            </span>{' '}
            <span className="floor-actions">
              <button type="button" className="button small quiet" disabled={busy} onClick={() => void send({ type: 'floor.call', scope, participantId: id })}>
                {t('host.call', { name: name(id) })}
              </button>
              <button type="button" className="button small quiet" disabled={busy || i === 0} aria-label={t('host.moveUp', { name: name(id) })} onClick={() => void send({ type: 'floor.reorder', scope, participantId: id, toIndex: i - 1 })}>
                {t('host.up')}
              </button>
              <button type="button" className="button small quiet" disabled={busy || i === queue.order.length - 1} aria-label={t('host.moveDown', { name: name(id) })} onClick={() => void send({ type: 'floor.reorder', scope, participantId: id, toIndex: i + 1 })}>
                {t('host.down')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {queue.waiting.length > 0 && (
        <p className="muted">
          {t('host.waiting', { names: formatList(currentLanguage(), queue.waiting.map(name)) })}
        </p>
      )}
    </div>
  );
}

function SilenceControl() {
  const { state, client } = useConvening();
  const { send, pending } = useCommand();
  const [minutes, setMinutes] = useState<number>(2);
  const { t } = useTranslation('floor');
  const silence = state.floor.silence;
  const now = useServerNow(client, silence !== null);
  if (silence) {
    return (
      <p className="floor-silence">
        {t('host.quietOn', { time: spokenLeft(silence.endsAt - now) })}{' '}
        <button type="button" className="button small" disabled={pending} onClick={() => void send({ type: 'silence.end' })}>
          {t('host.endQuiet')}
        </button>
      </p>
    );
  }
  return (
    <p className="floor-silence">
      <label>
        {t('host.quietOf')}{' '}
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {MINUTES.map((m) => (
            <option key={m} value={m}>
              {t('host.minutes', { count: m })}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="button small" disabled={pending || state.status !== 'open'} onClick={() => void send({ type: 'silence.start', minutes })}>
        {t('host.beginQuiet')}
      </button>
    </p>
  );
}
