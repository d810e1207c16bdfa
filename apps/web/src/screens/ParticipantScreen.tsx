import { useMemo } from 'react';
import { loadSeat } from '../app/storage.ts';
import { AffirmGate } from '../components/AffirmGate.tsx';
import { AgreementsPanel } from '../components/AgreementsPanel.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { Link } from '../components/Link.tsx';
import { LiveGate } from '../components/LiveGate.tsx';
import { Message } from '../components/Message.tsx';
import { MySignals } from '../components/MySignals.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RoomNotices } from '../components/RoomNotices.tsx';
import { SignalPanel } from '../components/SignalPanel.tsx';
import { SpotlightBanner } from '../components/SpotlightBanner.tsx';
import { YourDetails } from '../breakouts/participant/AboutYou.tsx';
import { ParticipantBreakouts } from '../breakouts/participant/ParticipantBreakouts.tsx';
import { useConvening } from '../live/context.ts';
import { HandPanel } from '../floor/HandPanel.tsx';
import { SilenceBanner } from '../floor/SilenceBanner.tsx';
import { ShowNow } from '../show/ShowNow.tsx';
import { ParticipantPulses } from '../show/pulse/PulseCard.tsx';
import '../styles/participant.css';

/** /c/:id: a participant's place in a live convening, phone first. */
export function ParticipantScreen({ id }: { id: string }) {
  const seat = useMemo(() => loadSeat(id), [id]);
  if (!seat) {
    return (
      <Message title="Let’s get you in">
        <p>This device does not hold a place in this convening yet. Use the link or code your facilitator shared.</p>
        <p>
          <Link href="/j">Enter a join code</Link>
        </p>
      </Message>
    );
  }
  if (seat.role === 'facilitator' || seat.role === 'cofacilitator') {
    return (
      <Message title="You are facilitating this one">
        <p>
          <Link href={`/host/${id}`}>Open the facilitator console</Link>
        </p>
      </Message>
    );
  }
  return (
    <LiveGate token={seat.token}>
      <Room />
    </LiveGate>
  );
}

function Room() {
  const { state, me } = useConvening();
  const affirmed = me?.affirmedAt != null;
  return (
    <div className="page participant">
      <header className="page-header">
        <div>
          <p className="eyebrow">Brave Space</p>
          <PageHeading title={state.title}>{state.title}</PageHeading>
          {me && (
            <p className="muted">
              Here as {me.name}
              {me.pronouns ? ` (${me.pronouns})` : ''}
            </p>
          )}
          <p className="muted">
            <Link href={`/notes/${state.id}`}>Notes and toolkit drafts</Link>
            {state.communityId !== state.id && (
              <>
                {' · '}
                <Link href={`/c/${state.communityId}`}>Community page</Link>
              </>
            )}
          </p>
        </div>
        <ConnectionStatus />
      </header>
      <SpotlightBanner />
      <SilenceBanner />
      <main className="room-main">
        {state.status === 'closed' ? (
          <>
            <section className="card closed-note" aria-labelledby="closed-h">
              <h2 id="closed-h">This convening has ended</h2>
              <p>Thank you for being here and for the care you brought.</p>
            </section>
            <AgreementsPanel />
          </>
        ) : !affirmed ? (
          <AffirmGate />
        ) : (
          <>
            <ShowNow />
            <ParticipantPulses />
            <ParticipantBreakouts />
            <div className="room-grid">
              <div className="room-col">
                <SignalPanel />
                <HandPanel />
                <MySignals />
              </div>
              <div className="room-col">
                <RoomNotices />
                <AgreementsPanel />
                <YourDetails />
              </div>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
