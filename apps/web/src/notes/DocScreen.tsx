import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { ApiRequestError } from '@brave/client';
import type { Publication } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { RoundStatusStrip } from '../breakouts/participant/RoundStatus.tsx';
import { isFacilitatorRole } from '../breakouts/words.ts';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useConvening } from '../live/context.ts';
import type { DocDetail, DocsApi } from './api.ts';
import { CollabStatus } from './CollabStatus.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { docsHref } from './paths.ts';
import { colourFor, type PresenceUser } from './presence.ts';
import { PublishPanel } from './PublishPanel.tsx';
import { ShareBack } from './ShareBack.tsx';
import { Shortcuts } from './Shortcuts.tsx';
import { sessionKey, type LocalPlace } from './localIndex.ts';
import { useCollab } from './useCollab.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import { WhoIsHere } from './WhoIsHere.tsx';
import { KIND_HINT } from './words.ts';

/**
 * Where a document is opened from, when that is not a live convening (a community's
 * toolkit draft between convenings): who is writing, and the way back.
 */
export interface DocPlace {
  user: { id: string; name: string };
  /** Shown above the title, linking back (e.g. the community's name and home). */
  backLabel: string;
  backHref: string;
}

/**
 * /notes/:id/:docName: one document, what may be done with it decided by the server.
 * Without `place` it belongs to the live convening in context; `token` null connects
 * with the account's session cookie instead of a credential.
 */
export function DocScreen({ api, name, token, place }: { api: DocsApi; name: string; token: string | null; place?: DocPlace }) {
  const [detail, setDetail] = useState<DocDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation('notes');

  useEffect(() => {
    let live = true;
    api.detail(name).then(
      (d) => live && setDetail(d),
      (err: unknown) => live && setProblem(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [api, name]);

  if (problem) {
    return (
      <Message title={t('doc.cannotOpen')}>
        <p>{problem}</p>
        <p>
          <Link href={place?.backHref ?? docsHref(api.conveningId)}>{place ? t('doc.backTo', { place: place.backLabel }) : t('doc.seeDocs')}</Link>
        </p>
      </Message>
    );
  }
  if (!detail) return <Loading label={t('screen.opening')} />;
  return place ? <DocView api={api} detail={detail} token={token} place={place} /> : <ConveningDocView api={api} detail={detail} token={token} />;
}

/** A convening's document: the writer and the way back come from the live convening. */
function ConveningDocView({ api, detail, token }: { api: DocsApi; detail: DocDetail; token: string | null }) {
  const { state, self, me } = useConvening();
  const { t } = useTranslation('notes');
  const someone = t('doc.someone');
  const place = useMemo<DocPlace>(
    () => ({ user: { id: self.participantId, name: me?.name ?? someone }, backLabel: state.title, backHref: docsHref(state.id) }),
    [self.participantId, me?.name, someone, state.title, state.id],
  );
  // People in the rooms write here during a round: the round comes with them (facilitators have the console).
  const round = isFacilitatorRole(me) ? null : <RoundStatusStrip mainRoomHref={`/c/${state.id}`} />;
  return <DocView api={api} detail={detail} token={token} place={place} shareTo={state.id} round={round} />;
}

function DocView({
  api,
  detail,
  token,
  place,
  shareTo,
  round,
}: {
  api: DocsApi;
  detail: DocDetail;
  token: string | null;
  place: DocPlace;
  shareTo?: string;
  /** The breakout round's status, on a convening's documents. */
  round?: ReactNode;
}) {
  const { name, title, kind } = detail.doc;
  const { write, publish, shareFrom } = detail.abilities;
  const [editor, setEditor] = useState<Editor | null>(null);
  const [publication, setPublication] = useState<Publication | null>(detail.publication);
  const { t } = useTranslation('notes');

  // Browsers hide why a websocket was refused; the same question over HTTP tells us.
  const checkAccess = useCallback(async (): Promise<string | null> => {
    try {
      await api.detail(name);
      return null;
    } catch (err) {
      return err instanceof ApiRequestError && [401, 403, 404].includes(err.status) ? err.error.message : null;
    }
  }, [api, name]);
  // Kept on this device per person; caucus and confidential notes per session too (and
  // wiped after a day, not a month), so nobody else here opens them.
  const closeKept = kind === 'caucus' || detail.abilities.export === false;
  const local = useMemo<LocalPlace>(
    () => ({ doc: name, person: place.user.id, session: closeKept ? sessionKey(token ?? 'account') : null }),
    [name, place.user.id, closeKept, token],
  );
  const { conn, snapshot } = useCollab(name, token, checkAccess, local);
  const user = useMemo<PresenceUser>(
    () => ({ id: place.user.id, name: place.user.name, color: colourFor(place.user.id) }),
    [place.user.id, place.user.name],
  );

  // Readers are present too, even though they never get an editor toolbar.
  useEffect(() => conn?.provider.awareness.setLocalStateField('user', user), [conn, user]);

  // Edits not yet shared and not kept on this device live only in this tab: ask before it closes.
  const onlyHere = snapshot.unsent && !snapshot.kept;
  useEffect(() => {
    if (!onlyHere) return undefined;
    const hold = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, [onlyHere]);

  return (
    <div className="page notes-page">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            {shareTo ? (
              <>
                <Link href={place.backHref}>{t('doc.notesAndDrafts')}</Link> · {place.backLabel}
              </>
            ) : (
              <Link href={place.backHref}>{place.backLabel}</Link>
            )}
          </p>
          <PageHeading title={title}>{title}</PageHeading>
          <p className="muted">{KIND_HINT[kind]}</p>
        </div>
        <CollabStatus snapshot={snapshot} onRetry={() => conn?.retry()} />
      </header>
      {round}
      <main className="notes-grid">
        <div className="notes-main">
          <section className="card notes-card" aria-label={t('doc.textLabel', { title })}>
            {!write && (
              <p className="gentle-note">{t('doc.readOnly')}</p>
            )}
            {conn && snapshot.loaded ? (
              <NotesEditor conn={conn} user={user} editable={write} label={title} onEditor={setEditor} />
            ) : (
              <p className="loading" role="status">
                {snapshot.state.kind === 'refused' ? snapshot.state.message : t('doc.loading')}
              </p>
            )}
          </section>
          {write && <Shortcuts />}
        </div>
        <aside className="notes-side" aria-label={t('doc.about')}>
          {conn && <WhoIsHere awareness={conn.provider.awareness} connected={snapshot.state.kind === 'connected'} />}
          {shareFrom && editor && shareTo && <ShareBack api={api} name={name} conveningId={shareTo} editor={editor} />}
          <VersionsPanel
            api={api}
            name={name}
            canWrite={write}
            canPublish={publish}
            publishedVersionId={publication?.versionId ?? null}
            onPublished={setPublication}
          />
          <PublishPanel publication={publication} canPublish={publish} />
          {detail.abilities.export === false ? (
            <p className="muted small-print">{t('doc.confidential')}</p>
          ) : (
            <ExportPanel api={api} name={name} title={title} />
          )}
        </aside>
      </main>
    </div>
  );
}
