import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('live');
  if (!seat) {
    return (
      <Message title={t('room.noSeatTitle')}>
        <p>{t('room.noSeat')}</p>
        <p>
          <Link href="/j">{t('room.enterCode')}</Link>
        </p>
      </Message>
    );
  }
  if (seat.role === 'facilitator' || seat.role === 'cofacilitator') {
    return (
      <Message title={t('room.hostingTitle')}>
        <p>
          <Link href={`/host/${id}`}>{t('room.openConsole')}</Link>
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
  const { t } = useTranslation('live');
  return (
    <div className="page participant">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t('brand')}</p>
          <PageHeading title={state.title}>{state.title}</PageHeading>
          {me && (
            <p className="muted">
              {me.pronouns ? t('room.hereAsWithPronouns', { name: me.name, pronouns: me.pronouns }) : t('room.hereAs', { name: me.name })}
            </p>
          )}
          <p className="muted">
            <Link href={`/notes/${state.id}`}>{t('room.notes')}</Link>
            {state.communityId !== state.id && (
              <>
                {' · '}
                <Link href={`/c/${state.communityId}`}>{t('room.community')}</Link>
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
              <h2 id="closed-h">{t('room.endedTitle')}</h2>
              <p>{t('room.ended')}</p>
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
