import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useMemo } from 'react';
import { loadSeat } from '../app/storage.ts';
import { Link } from '../components/Link.tsx';
import { LiveGate } from '../components/LiveGate.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { docsApi } from './api.ts';
import { DocsList } from './DocsList.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import '../styles/notes.css';

// The list is light; the editor brings Tiptap and Yjs, so it loads once a document is opened.
const DocScreen = lazy(() => import('./DocScreen.tsx').then((m) => ({ default: m.DocScreen })));

/** /notes/:id and /notes/:id/:docName: the convening's documents, and one of them open. */
export function NotesScreen({ id, doc }: { id: string; doc: string | null }) {
  const seat = useMemo(() => loadSeat(id), [id]);
  const api = useMemo(() => (seat ? docsApi(id, seat.token) : null), [id, seat]);
  const { t } = useTranslation('notes');
  if (!seat || !api) {
    return (
      <Message title={t('screen.noSeatTitle')}>
        <p>{t('screen.noSeat')}</p>
        <p>
          <Link href="/j">{t('screen.enterCode')}</Link>
        </p>
      </Message>
    );
  }
  return (
    <LiveGate token={seat.token}>
      {doc ? (
        <LoadFailure key={doc}>
          <Suspense fallback={<Loading label={t('screen.opening')} />}>
            <DocScreen api={api} name={doc} token={seat.token} />
          </Suspense>
        </LoadFailure>
      ) : (
        <DocsList api={api} />
      )}
    </LiveGate>
  );
}

