import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState } from 'react';
import type { DocSummary } from '@brave/protocol';
import { docName } from '@brave/core';
import { describeError } from '../app/errors.ts';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useConvening } from '../live/context.ts';
import type { DocsApi } from './api.ts';
import { docHref, homeOf } from './paths.ts';
import { ACCESS_LABEL, KIND_HINT } from './words.ts';

/** The documents this person may open: their room's notes first, then drafts and notes. */
export function DocsList({ api }: { api: DocsApi }) {
  const { state, self } = useConvening();
  const [docs, setDocs] = useState<DocSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation('notes');

  // Rooms come and go with rounds: list again when they do, not on every signal.
  const roomsKey = Object.values(state.rounds)
    .map((r) => `${r.id}:${r.status}:${Object.values(r.rooms).map((room) => `${room.id}=${room.members.length}`).join(',')}`)
    .join('|');

  useEffect(() => {
    let live = true;
    api.list().then(
      (r) => live && (setDocs(r.docs), setProblem(null)),
      (err: unknown) => live && setProblem(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [api, roomsKey]);

  const mine = useMemo(() => {
    const round = state.activeRoundId ? state.rounds[state.activeRoundId] : undefined;
    const room = round && Object.values(round.rooms).find((r) => r.members.includes(self.participantId));
    return round && room ? docName({ kind: 'room', conveningId: state.id, roundId: round.id, roomId: room.id }) : null;
  }, [state, self.participantId]);

  const yours = docs?.filter((d) => d.name === mine) ?? [];
  const drafts = docs?.filter((d) => d.kind === 'toolkit') ?? [];
  const notes = docs?.filter((d) => d.kind !== 'toolkit' && d.name !== mine) ?? [];

  return (
    <div className="page notes-page">
      <header className="page-header">
        <div>
          <p className="eyebrow">{state.title}</p>
          <PageHeading title={t('list.heading')}>{t('list.heading')}</PageHeading>
        </div>
        <Link className="button quiet small" href={homeOf(state.id, self.role)}>
          {t('list.back')}
        </Link>
      </header>
      <main>
        {problem && (
          <p className="gentle-note" role="alert">
            {problem}
          </p>
        )}
        {!docs && !problem && (
          <p className="loading" role="status">
            {t('list.finding')}
          </p>
        )}
        {yours.length > 0 && <DocSection id="docs-your-room" title={t('list.yourRoom')} docs={yours} conveningId={state.id} />}
        {drafts.length > 0 && <DocSection id="docs-drafts" title={t('list.drafts')} docs={drafts} conveningId={state.id} />}
        {docs && <DocSection id="docs-notes" title={t('list.notes')} docs={notes} conveningId={state.id} empty={t('list.empty')} />}
      </main>
    </div>
  );
}

function DocSection({ id, title, docs, conveningId, empty }: { id: string; title: string; docs: DocSummary[]; conveningId: string; empty?: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {docs.length === 0 && empty && <p className="muted">{empty}</p>}
      <ul className="plain-list doc-list">
        {docs.map((d) => (
          <li key={d.name} className="doc-item">
            <Link href={docHref(conveningId, d.name)} className="doc-link">
              {d.title}
            </Link>
            <span className={`tag access-${d.access}`}>{ACCESS_LABEL[d.access]}</span>
            <p className="hint">{KIND_HINT[d.kind]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
