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

  if (!seat) {
    return (
      <Message title="This console needs its link">
        <p>
          This device does not hold the facilitator link for this convening. Open the link you were given when the convening
          was created, or ask the lead facilitator for a co-facilitator link.
        </p>
      </Message>
    );
  }
  if (seat.role === 'participant' || seat.role === 'observer') {
    return (
      <Message title="This page is for facilitators">
        <p>
          <Link href={`/c/${id}`}>Go to your place in the convening</Link>
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
  return (
    <div className="page host">
      <header className="page-header">
        <div>
          <p className="eyebrow">Facilitator console{me ? ` · ${me.name}` : ''}</p>
          <PageHeading title={state.title}>{state.title}</PageHeading>
        </div>
        <div className="host-header-side">
          <ConnectionStatus />
          <Link className="button quiet" href={`/notes/${state.id}`}>
            Notes and toolkit
          </Link>
          {state.communityId !== state.id && (
            <Link className="button quiet" href={`/c/${state.communityId}`}>
              Community page
            </Link>
          )}
          <CloseConvening />
        </div>
      </header>
      {state.status === 'closed' && (
        <p className="card closed-note" role="status">
          This convening has ended. Everything below stays here to look back on.
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
