import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CommunityHome } from '@brave/protocol';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AgreementsCard } from './AgreementsCard.tsx';
import { ConveningsPanel } from './ConveningsPanel.tsx';
import { InvitesPanel } from './InvitesPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { homeNews } from './news.ts';
import { HUB } from '../hub/words.ts';
import { hubHref, myDataHref } from './routes.ts';
import { signInHref } from './session.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import { ToolkitPanel } from './ToolkitPanel.tsx';
import type { HomeProps } from './types.ts';
import { useCommunity } from './useCommunity.ts';
import { useDoorbell } from './useDoorbell.ts';
import { WorkingGroupsPanel } from './WorkingGroupsPanel.tsx';

const REFRESH_MS = 30_000;

/** /c/:id: the community home, as a facilitator or as a member sees it. */
export function CommunityHomeScreen({ id }: { id: string }) {
  const { load, reload } = useCommunity(id);
  const ready = load.phase === 'ready';
  // The doorbell brings changes at once; the slow poll stays for when it cannot connect.
  const { live } = useDoorbell(id, ready ? load.caller : null, reload);
  useRefresh(ready ? reload : null, !live);
  const news = useNews(ready ? load.home : null);
  const { t } = useTranslation('community');

  if (load.phase === 'loading') return <Loading label={t('home.opening')} />;
  if (load.phase === 'failed') {
    return (
      <Message title={t('home.failed')}>
        <p>{load.message}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('home.retry')}
        </button>
      </Message>
    );
  }
  if (load.phase === 'outside') {
    return (
      <Message title={t('home.outside')}>
        {load.memberRefused ? (
          <p>{t('home.refused')}</p>
        ) : (
          <p>{t('home.howToJoin')}</p>
        )}
        {load.account ? (
          <p>
            <Trans t={t} i18nKey="home.notFacilitator" values={{ name: load.account.name }} components={{ go: <Link href="/communities" /> }} />
          </p>
        ) : (
          <p>
            <Trans t={t} i18nKey="home.signIn" components={{ go: <Link href={signInHref()} /> }} />
          </p>
        )}
      </Message>
    );
  }
  const props: HomeProps = { home: load.home, caller: load.caller, reload };
  return (
    <>
      {load.home.viewer.kind === 'facilitator' ? <FacilitatorHome {...props} /> : <MemberHome {...props} />}
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {news}
      </p>
    </>
  );
}

/** The newest change to the home's convenings, in a sentence (news.ts); empty on first load. */
function useNews(home: CommunityHome | null): string {
  const previous = useRef<CommunityHome | null>(null);
  const [news, setNews] = useState('');
  useEffect(() => {
    if (!home) return;
    const said = previous.current && previous.current.community.id === home.community.id ? homeNews(previous.current, home) : null;
    previous.current = home;
    if (said) setNews(said);
  }, [home]);
  return news;
}

/**
 * Keep the page current when the doorbell cannot (`poll`): fetch every 30 s while the page
 * is shown, and whenever it is shown again.
 */
function useRefresh(reload: (() => Promise<void>) | null, poll: boolean): void {
  useEffect(() => {
    if (!reload) return undefined;
    const visible = () => document.visibilityState === 'visible';
    const timer = poll ? setInterval(() => visible() && void reload(), REFRESH_MS) : undefined;
    const onShow = () => visible() && void reload();
    document.addEventListener('visibilitychange', onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [reload, poll]);
}

/** The home's page: the community's name and description, a link aside, two columns of panels. */
function HomePage({ home, eyebrow, side, columns }: { home: HomeProps['home']; eyebrow: string; side: ReactNode; columns: [ReactNode, ReactNode] }) {
  return (
    <div className="page community">
      <header className="page-header">
        <div>
          <p className="eyebrow">{eyebrow}</p>
          <PageHeading title={home.community.name}>{home.community.name}</PageHeading>
          {home.community.description && <p className="muted community-description">{home.community.description}</p>}
        </div>
        <div className="community-header-side">{side}</div>
      </header>
      <main className="community-grid">
        <div className="community-col">{columns[0]}</div>
        <div className="community-col">{columns[1]}</div>
      </main>
    </div>
  );
}

function FacilitatorHome(props: HomeProps) {
  const { home } = props;
  const { t } = useTranslation('community');
  return (
    <HomePage
      home={home}
      eyebrow={t('home.facilitatorEyebrow', { name: home.viewer.name })}
      side={
        <>
          <HubLink id={home.community.id} />
          <Link className="button quiet small" href="/communities">
            {t('home.allCommunities')}
          </Link>
        </>
      }
      columns={[
        <>
          <ConveningsPanel {...props} />
          <ToolkitPanel {...props} />
          <WorkingGroupsPanel {...props} />
        </>,
        <>
          <InvitesPanel {...props} />
          <MembersPanel {...props} />
          <AgreementsCard agreements={home.community.agreements} />
          <SettingsPanel {...props} />
        </>,
      ]}
    />
  );
}

function MemberHome(props: HomeProps) {
  const { home } = props;
  const { t } = useTranslation('community');
  return (
    <HomePage
      home={home}
      eyebrow={t('home.memberEyebrow', { name: home.viewer.name })}
      side={
        <>
          <HubLink id={home.community.id} />
          <Link className="button quiet small" href={myDataHref(home.community.id)}>
            {t('home.myData')}
          </Link>
        </>
      }
      columns={[
        <>
          <ConveningsPanel {...props} />
          <ToolkitPanel {...props} />
        </>,
        <>
          <AgreementsCard agreements={home.community.agreements} />
          <MembersPanel {...props} />
          <WorkingGroupsPanel {...props} />
        </>,
      ]}
    />
  );
}

/** The way into the hub between convenings (apps/web/src/hub). */
function HubLink({ id }: { id: string }) {
  return (
    <Link className="button primary small" href={hubHref(id)} title={HUB.homeLinkHint}>
      {HUB.homeLink}
    </Link>
  );
}
