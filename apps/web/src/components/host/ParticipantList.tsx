import { useTranslation } from 'react-i18next';
import { isFacilitatorRole } from '../../breakouts/words.ts';
import { useConvening } from '../../live/context.ts';

const LABELLED_ROLES = ['facilitator', 'cofacilitator', 'observer'] as const;
const labelled = (role: string): role is (typeof LABELLED_ROLES)[number] => (LABELLED_ROLES as readonly string[]).includes(role);

/** Who is here and whether they have taken on the agreements yet. */
export function ParticipantList() {
  const { state } = useConvening();
  const people = Object.values(state.participants).sort((a, b) => a.joinedAt - b.joinedAt);
  const { t } = useTranslation('host');
  return (
    <section className="card people" aria-labelledby="people-h">
      <h2 id="people-h">
        {t('people.heading')} <span className="count">{people.length}</span>
      </h2>
      <ul className="plain-list people-list">
        {people.map((p) => (
          <li key={p.id}>
            <span className="person-name">
              {p.name}
              {p.pronouns && <span className="muted"> ({p.pronouns})</span>}
            </span>
            {labelled(p.role) && <span className="tag">{t(`people.role.${p.role}`)}</span>}
            {/* Facilitators hold the agreements by their role: never shown as still reading. */}
            {!isFacilitatorRole(p) && (
              <span className={p.affirmedAt ? 'affirmed' : 'muted'}>{p.affirmedAt ? t('people.keeping') : t('people.reading')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
