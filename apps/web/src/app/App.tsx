import { lazy, Suspense } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { JoinScreen } from '../screens/JoinScreen.tsx';
import { ParticipantScreen } from '../screens/ParticipantScreen.tsx';
import { useRoute, type Route } from './router.ts';

// The facilitator's screens are bigger (QR code, editors) and most visitors are
// participants on phones: load them only when someone goes there.
const StartScreen = lazy(() => import('../screens/StartScreen.tsx').then((m) => ({ default: m.StartScreen })));
const HostScreen = lazy(() => import('../screens/HostScreen.tsx').then((m) => ({ default: m.HostScreen })));
// Notes and toolkit drafts bring a rich-text editor and Yjs: only for those who open them.
const NotesScreen = lazy(() => import('../notes/NotesScreen.tsx').then((m) => ({ default: m.NotesScreen })));
// Communities are for facilitators and members between convenings: their own chunk.
const CommunitiesScreen = lazy(() => import('../community/CommunitiesScreen.tsx').then((m) => ({ default: m.CommunitiesScreen })));
const CommunityScreen = lazy(() => import('../community/CommunityScreen.tsx').then((m) => ({ default: m.CommunityScreen })));
// Facilitator accounts: sign in, settings, reset links, the admin's list.
const AccountScreen = lazy(() => import('../account/AccountScreen.tsx').then((m) => ({ default: m.AccountScreen })));
const ResetScreen = lazy(() => import('../account/ResetScreen.tsx').then((m) => ({ default: m.ResetScreen })));
const AdminScreen = lazy(() => import('../account/AdminScreen.tsx').then((m) => ({ default: m.AdminScreen })));

export function App() {
  const route = useRoute();
  // Subscribes the whole tree to language changes: labels read in .ts helpers follow too.
  useTranslation();
  return (
    <>
      <Suspense fallback={<Loading />}>{screen(route)}</Suspense>
      <footer className="app-footer">
        <LanguagePicker />
      </footer>
    </>
  );
}

function Missing() {
  const { t } = useTranslation('app');
  return (
    <Message title={t('missing.title')}>
      <p>{t('missing.body')}</p>
      <p>
        <Trans t={t} i18nKey="missing.next" components={{ start: <Link href="/" />, join: <Link href="/j" /> }} />
      </p>
    </Message>
  );
}

function screen(route: Route) {
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'join':
      return <JoinScreen code={route.code} cohost={route.cohost} />;
    case 'participant':
      return <ParticipantScreen key={route.id} id={route.id} />;
    case 'host':
      return <HostScreen key={route.id} id={route.id} />;
    case 'notes':
      return <NotesScreen key={route.id} id={route.id} doc={route.doc} />;
    case 'account':
      return <AccountScreen next={route.next} />;
    case 'account-reset':
      return <ResetScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'communities':
      return <CommunitiesScreen />;
    case 'community':
      return <CommunityScreen key={route.id} id={route.id} page={route.page} />;
    case 'missing':
      return <Missing />;
  }
}
