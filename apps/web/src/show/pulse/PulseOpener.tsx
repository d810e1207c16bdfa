import { useId, useState } from 'react';
import { PulseSpec } from '@brave/protocol';
import { useCommand } from '../../live/useCommand.ts';
import { Refusal } from '../Refusal.tsx';
import { PulseSpecFields } from './PulseSpecFields.tsx';

const START: PulseSpec = { question: '', kind: 'scale' };

/**
 * A pulse check opened on the spot, outside the run of show: when the room feels heavy or
 * a decision needs a quick reading. Anonymous and for facilitators' eyes unless changed.
 */
export function PulseOpener() {
  const id = useId();
  const { send, pending, error } = useCommand();
  const [spec, setSpec] = useState<PulseSpec>(START);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const open = async () => {
    const parsed = PulseSpec.safeParse({ ...spec, question: spec.question.trim() });
    if (!parsed.success) {
      setProblem(spec.question.trim() === '' ? 'Please write the question first.' : 'Please check the answers to choose from: two to six, each once.');
      return;
    }
    setProblem(null);
    const result = await send({ type: 'pulse.open', pulse: parsed.data });
    if (result.ok) {
      setSaid(`“${parsed.data.question}” is open on every screen.`);
      setSpec(START);
    }
  };

  return (
    <details className="pulse-opener">
      <summary>Ask the room a quick question</summary>
      <form
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <p id={`${id}-h`} className="muted">
          A pulse check outside the run of show. It opens on every screen at once and stays open until you close it.
        </p>
        <PulseSpecFields pulse={spec} onChange={setSpec} />
        <button type="submit" className="button" disabled={pending}>
          Open this check
        </button>
        {problem && (
          <p className="gentle-note" role="alert">
            {problem}
          </p>
        )}
        <Refusal error={error} />
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </details>
  );
}
