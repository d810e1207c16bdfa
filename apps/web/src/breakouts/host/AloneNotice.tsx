import { useId } from 'react';
import type { AloneCase, AloneChoice } from '@brave/protocol';
import { RadioList } from '../../components/RadioList.tsx';

const CHOICES: Record<AloneChoice, { label: string; hint?: string }> = {
  keep: { label: 'Keep the room for them' },
  merge: { label: 'Join the nearest room', hint: 'The smallest other room.' },
  'open-room': { label: 'Join the open room', hint: 'With the people who did not say.' },
  plenary: { label: 'Wait in the main room' },
};
const CAUCUS_KEEP = { label: 'Keep the caucus room', hint: 'They can invite a facilitator to join them.' };

/**
 * Rooms that would hold one person, each with the choices that fit it. For a caucus we
 * never say who: the person sees in their own view why they are on their own.
 */
export function AloneNotice({ cases, onChoose, busy }: { cases: readonly AloneCase[]; onChoose: (room: string, choice: AloneChoice) => void; busy: boolean }) {
  const id = useId();
  if (cases.length === 0) return null;
  const caucus = cases.some((c) => c.kind === 'caucus');
  return (
    <section className="alone-notice" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Someone would be on their own</h4>
      <p role="status" className="gentle-note">
        {cases.length === 1 ? 'One room would hold a single person.' : `${cases.length} rooms would each hold a single person.`}
        {caucus && ' For a caucus we never show who it is; they will see why in their own view.'}
      </p>
      {cases.map((c) =>
        c.options.length < 2 ? (
          <p key={c.room} className="muted">
            {c.name}: one person. Move someone by hand if they should not be alone.
          </p>
        ) : (
          <RadioList
            key={c.room}
            legend={c.kind === 'caucus' ? `${c.name}: a caucus with a single member` : `${c.name}: one person on their own`}
            value={c.choice}
            onChange={(choice: AloneChoice) => !busy && onChoose(c.room, choice)}
            options={c.options.map((o) => ({ value: o, ...(o === 'keep' && c.kind === 'caucus' ? CAUCUS_KEEP : CHOICES[o]) }))}
            className="alone-choice"
          />
        ),
      )}
    </section>
  );
}
