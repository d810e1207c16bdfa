import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useState } from 'react';
import { loadSeat, takeTokenFromFragment } from '../app/storage.ts';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { CloseConvening } from '../components/host/CloseConvening.tsx';
import { HostAgreements } from '../components/host/HostAgreements.tsx';
import { InvitePanel } from '../components/host/InvitePanel.tsx';
import { ParticipantList } from '../components/host/ParticipantList.tsx';
import { ReminderQueue } from '../components/host/ReminderQueue.tsx';
import { SignalQueue } from '../components/host/SignalQueue.tsx';
import { Link } from '../components/Link.tsx';
import { LiveGate } from '../components/LiveGate.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useConvening } from '../live/context.ts';
import { HostFloor } from '../floor/HostFloor.tsx';
import '../styles/host.css';

// Breakout tools are a large part of the console: their own chunk, fetched with it.
const RoundStrip = lazy(() => import('../breakouts/host/index.ts').then((m) => ({ default: m.RoundStrip })));
const ShowConsole = lazy(() => import('../show/host/ShowConsole.tsx').then((m) => ({ default: m.ShowConsole })));
const ConveningDebrief = lazy(() => import('../show/debrief/ConveningDebrief.tsx').then((m) => ({ default: m.ConveningDebrief })));
const BreakoutConsole = lazy(() => import('../breakouts/host/index.ts').then((m) => ({ default: m.BreakoutConsole })));

/** /host/:id: the facilitator console (lead and co-facilitators alike). */
export function HostScreen({ id }: { id: string }) {
  // Taking the token from the fragment is idempotent, so it is safe in an initialiser.
  const [seat] = useState(() => {
    takeTokenFromFragment(id);
    return loadSeat(id);
  });

  const { t } = useTranslation('host');
  if (!seat) {
    return (
      <Message title={t('screen.noSeatTitle')}>
        <p>{t('screen.noSeat')}</p>
      </Message>
    );
  }
  if (seat.role === 'participant' || seat.role === 'observer') {
    return (
      <Message title={t('screen.notHostTitle')}>
        <p>
          <Link href={`/c/${id}`}>{t('screen.goToPlace')}</Link>
        </p>
      </Message>
    );
  }
  return (
    <LiveGate token={seat.token}>
      <Console cohostCode={seat.cohostCode} token={seat.token} />
    </LiveGate>
  );
}

function Console({ cohostCode, token }: { cohostCode: string | undefined; token: string }) {
  const { state, me } = useConvening();
  const { t } = useTranslation('host');
  return (
    <div className="page host">
      <header className="page-header">
        <div>
          <p className="eyebrow">{me ? t('screen.consoleOf', { name: me.name }) : t('screen.console')}</p>
          <PageHeading title={state.title}>{state.title}</PageHeading>
        </div>
        <div className="host-header-side">
          <ConnectionStatus />
          <Link className="button quiet" href={`/notes/${state.id}`}>
            {t('screen.notes')}
          </Link>
          {state.communityId !== state.id && (
            <Link className="button quiet" href={`/c/${state.communityId}`}>
              {t('screen.community')}
            </Link>
          )}
          <CloseConvening />
        </div>
      </header>
      {state.status === 'closed' && (
        <p className="card closed-note" role="status">
          {t('screen.ended')}
        </p>
      )}
      {(state.status === 'closed' || state.show.status === 'done') && (
        <Suspense fallback={null}>
          <ConveningDebrief token={token} />
        </Suspense>
      )}
      <Suspense fallback={null}>
        <RoundStrip />
      </Suspense>
      <InvitePanel cohostCode={cohostCode} />
      <main className="host-grid">
        <div className="host-col host-col-queue">
          <SignalQueue />
          <HostFloor />
          <ReminderQueue />
          <Suspense fallback={null}>
            <BreakoutConsole />
          </Suspense>
        </div>
        <div className="host-col">
          {/* Now and next sit beside the signal queue, never above it: signals come first. */}
          <Suspense fallback={null}>
            <ShowConsole />
          </Suspense>
          <HostAgreements />
        </div>
        <div className="host-col">
          <ParticipantList />
        </div>
      </main>
    </div>
  );
}
