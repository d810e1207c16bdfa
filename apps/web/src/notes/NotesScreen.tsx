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
  if (!seat || !api) {
    return (
      <Message title="These notes need your place in the convening">
        <p>This device does not hold a place in this convening yet. Use the link or code your facilitator shared, then come back.</p>
        <p>
          <Link href="/j">Enter a join code</Link>
        </p>
      </Message>
    );
  }
  return (
    <LiveGate token={seat.token}>
      {doc ? (
        <LoadFailure key={doc}>
          <Suspense fallback={<Loading label="Opening the document…" />}>
            <DocScreen api={api} name={doc} token={seat.token} />
          </Suspense>
        </LoadFailure>
      ) : (
        <DocsList api={api} />
      )}
    </LiveGate>
  );
}

