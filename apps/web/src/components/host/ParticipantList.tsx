import { isFacilitatorRole } from '../../breakouts/words.ts';
import { useConvening } from '../../live/context.ts';

const ROLE: Record<string, string> = { facilitator: 'Facilitator', cofacilitator: 'Co-facilitator', observer: 'Observer' };

/** Who is here and whether they have taken on the agreements yet. */
export function ParticipantList() {
  const { state } = useConvening();
  const people = Object.values(state.participants).sort((a, b) => a.joinedAt - b.joinedAt);
  return (
    <section className="card people" aria-labelledby="people-h">
      <h2 id="people-h">
        People <span className="count">{people.length}</span>
      </h2>
      <ul className="plain-list people-list">
        {people.map((p) => (
          <li key={p.id}>
            <span className="person-name">
              {p.name}
              {p.pronouns && <span className="muted"> ({p.pronouns})</span>}
            </span>
            {ROLE[p.role] && <span className="tag">{ROLE[p.role]}</span>}
            {/* Facilitators hold the agreements by their role: never shown as still reading. */}
            {!isFacilitatorRole(p) && (
              <span className={p.affirmedAt ? 'affirmed' : 'muted'}>{p.affirmedAt ? 'Keeping the agreements' : 'Reading the agreements'}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
