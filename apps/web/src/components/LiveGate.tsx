import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('live');
  const value = useMemo<Convening | null>(() => {
    const { state, self, client } = live;
    if (!state || !self || !client) return null;
    return { state, self, client, me: state.participants[self.participantId], status: live.status, version: live.version, problem: live.problem };
  }, [live]);

  if (!value) {
    // A refused handshake, or a server that no longer knows this credential.
    if (live.status === 'refused' || live.problem?.code === 'unauthorized') {
      return (
        <Message title={t('gate.refusedTitle')}>
          <p>{live.problem?.message ?? t('gate.refused')}</p>
          <p>
            <Link href="/j">{t('gate.joinWithCode')}</Link>
          </p>
        </Message>
      );
    }
    return <Loading label={t('gate.connecting')} />;
  }
  return <ConveningContext value={value}>{children}</ConveningContext>;
}
