import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Message.tsx';
import { CohostAccept } from './CohostAccept.tsx';
import { CommunityHomeScreen } from './CommunityHomeScreen.tsx';
import { JoinCommunity } from './JoinCommunity.tsx';
import { MyDataScreen } from './MyDataScreen.tsx';
import type { CommunityPage } from './routes.ts';
import { Welcome } from './Welcome.tsx';
import '../styles/community.css';

// The draft editor brings Tiptap and Yjs: only for those who open a draft.
// The hub between convenings: its own screens and styles.
const HubScreen = lazy(() => import('../hub/HubScreen.tsx').then((m) => ({ default: m.HubScreen })));
const ThreadScreen = lazy(() => import('../hub/ThreadScreen.tsx').then((m) => ({ default: m.ThreadScreen })));
const CommunityDoc = lazy(() => import('./CommunityDoc.tsx').then((m) => ({ default: m.CommunityDoc })));

/** Every page under /c/<communityId>/. */
export function CommunityScreen({ id, page }: { id: string; page: CommunityPage }) {
  const { t } = useTranslation('community');
  switch (page.kind) {
    case 'home':
      return <CommunityHomeScreen id={id} />;
    case 'join':
      return <JoinCommunity id={id} />;
    case 'welcome':
      return <Welcome id={id} />;
    case 'cohost':
      return <CohostAccept id={id} />;
    case 'me':
      return <MyDataScreen id={id} />;
    case 'hub':
      return (
        <Suspense fallback={<Loading label={t('screen.openingHub')} />}>
          {page.postId ? <ThreadScreen key={page.postId} id={id} postId={page.postId} /> : <HubScreen id={id} />}
        </Suspense>
      );
    case 'doc':
      return (
        <Suspense fallback={<Loading label={t('screen.openingDraft')} />}>
          <CommunityDoc key={page.channel} id={id} channel={page.channel} />
        </Suspense>
      );
  }
}
