import { useTranslation } from 'react-i18next';
import { Loading, Message } from '../components/Message.tsx';

type Pending = { phase: 'loading' } | { phase: 'failed'; message: string };

/**
 * What a page for signed-in people shows while it asks who is signed in, and when it
 * could not find out (with a way to ask again, when the page offers one).
 */
export function AccountPending({ state, title, loadingLabel, retry }: { state: Pending; title: string; loadingLabel?: string; retry?: () => void }) {
  const { t } = useTranslation('account');
  if (state.phase === 'loading') return <Loading label={loadingLabel} />;
  return (
    <Message title={title}>
      <p>{state.message}</p>
      {retry && (
        <button type="button" className="button primary" onClick={retry}>
          {t('retry')}
        </button>
      )}
    </Message>
  );
}
