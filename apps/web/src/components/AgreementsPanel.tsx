import { useState } from 'react';
import { useConvening } from '../live/context.ts';
import { ReminderRequestDialog } from './ReminderRequestDialog.tsx';

/** The group's agreements, pinned for everyone, with the current spotlight marked. */
export function AgreementsPanel() {
  const { state, self } = useConvening();
  const [asked, setAsked] = useState(false);
  const textOf = (id: string) => state.agreements.find((a) => a.id === id)?.text ?? 'an agreement that has since changed';
  const mine = Object.values(state.reminderRequests).filter((r) => r.by === self.participantId);

  return (
    <section className="card agreements-panel" aria-labelledby="agreements-h">
      <h2 id="agreements-h">Our agreements</h2>
      <ol className="agreement-list">
        {state.agreements.map((a) => {
          const lit = state.spotlight?.agreementId === a.id;
          return (
            <li key={a.id} className={lit ? 'is-spotlit' : undefined}>
              {a.text}
              {lit && <span className="tag">In the spotlight</span>}
            </li>
          );
        })}
      </ol>
      {state.status === 'open' && <ReminderRequestDialog onSent={() => setAsked(true)} />}
      <div role="status">{asked && <p className="sent-note">Your request went quietly to the facilitators.</p>}</div>
      {mine.length > 0 && (
        <ul className="plain-list my-requests" aria-label="Your reminder requests">
          {mine.map((r) => (
            <li key={r.id}>
              You asked for “{textOf(r.agreementId)}”. {r.resolved ? 'A facilitator took care of it.' : 'Waiting for a facilitator.'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
