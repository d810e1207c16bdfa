import { useMemo, type ReactNode } from 'react';
import { ConveningContext, type Convening } from '../live/context.ts';
import { useLive } from '../live/useLive.ts';
import { Link } from './Link.tsx';
import { Loading, Message } from './Message.tsx';

/**
 * Connects with a credential and renders its children once the first snapshot is in,
 * with the convening available through context. A refused credential gets a way back.
 */
export function LiveGate({ token, children }: { token: string; children: ReactNode }) {
  const live = useLive(token);
  const value = useMemo<Convening | null>(() => {
    const { state, self, client } = live;
    if (!state || !self || !client) return null;
    return { state, self, client, me: state.participants[self.participantId], status: live.status, version: live.version, problem: live.problem };
  }, [live]);

  if (!value) {
    // A refused handshake, or a server that no longer knows this credential.
    if (live.status === 'refused' || live.problem?.code === 'unauthorized') {
      return (
        <Message title="We could not let you back in">
          <p>{live.problem?.message ?? 'The server did not accept this device’s place in the convening.'}</p>
          <p>
            <Link href="/j">Join with a code</Link>
          </p>
        </Message>
      );
    }
    return <Loading label="Connecting to the convening…" />;
  }
  return <ConveningContext value={value}>{children}</ConveningContext>;
}
