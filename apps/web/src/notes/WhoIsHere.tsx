import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { usePresence } from './presence.ts';

/** Who has this document open right now, each with the colour of their caret. */
export function WhoIsHere({ awareness, connected }: { awareness: Awareness; connected: boolean }) {
  const people = usePresence(awareness);
  const others = people.filter((p) => !p.isSelf).length;
  const { t } = useTranslation('notes');
  return (
    <section className="card who-is-here" aria-labelledby="here-h">
      <h2 id="here-h">
        {t('here.heading')} <span className="count">{people.length}</span>
      </h2>
      <ul className="plain-list presence-list">
        {people.map((p) => (
          <li key={p.id}>
            <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
            <span>
              {p.name}
              {p.isSelf && <span className="muted"> {t('here.you')}</span>}
              {p.windows > 1 && <span className="muted"> · {t('here.windows', { count: p.windows })}</span>}
            </span>
          </li>
        ))}
      </ul>
      {!connected && <p className="hint">{t('here.offline')}</p>}
      {connected && others === 0 && <p className="hint">{t('here.alone')}</p>}
    </section>
  );
}
