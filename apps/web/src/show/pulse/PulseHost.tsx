import type { PulseView } from '@brave/protocol';
import { useCommand } from '../../live/useCommand.ts';
import { PulseChart } from './PulseChart.tsx';
import { Refusal } from '../Refusal.tsx';

/** A check as facilitators hold it: live results, sharing them with everyone (or not), closing it. */
export function PulseHost({ pulse }: { pulse: PulseView }) {
  const { send, pending, error } = useCommand();
  const shared = pulse.results === 'everyone';
  return (
    <div className="pulse-host">
      <p>
        <strong>{pulse.question}</strong> <span className="tag">{pulse.status === 'open' ? 'open' : 'closed'}</span>{' '}
        <span className="muted small-print">{pulse.anonymous ? 'Anonymous' : 'Named'} · {shared ? 'results shown to everyone' : 'results for facilitators only'}</span>
      </p>
      {pulse.tally && <PulseChart pulse={pulse} tally={pulse.tally} />}
      <div className="actions">
        <button type="button" className="button small" disabled={pending} onClick={() => void send({ type: 'pulse.share', pulseId: pulse.id, results: shared ? 'facilitators' : 'everyone' })}>
          {shared ? 'Keep results for facilitators' : 'Show results to everyone'}
        </button>
        {pulse.status === 'open' && (
          <button type="button" className="button small quiet" disabled={pending} onClick={() => void send({ type: 'pulse.close', pulseId: pulse.id })}>
            Close the check
          </button>
        )}
      </div>
      <Refusal error={error} />
    </div>
  );
}
