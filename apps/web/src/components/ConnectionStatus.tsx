import type { ConnectionStatus as Status } from '@brave/client';
import { useConvening } from '../live/context.ts';
import { Link } from './Link.tsx';

const TEXT: Record<Status, string> = {
  connecting: 'Connecting…',
  live: 'Connected',
  reconnecting: 'Reconnecting… your place is kept',
  refused: 'Not connected',
  closed: 'Disconnected',
};

/** A quiet pill that says whether we are live; a polite status so changes are announced. */
export function ConnectionStatus() {
  const { status, problem, state } = useConvening();
  return (
    <p className={`connection connection-${status}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {status === 'refused' && problem ? problem.message : TEXT[status]}
      {status === 'refused' && <Link href={`/j/${state.joinCode}`}>Join again</Link>}
    </p>
  );
}
