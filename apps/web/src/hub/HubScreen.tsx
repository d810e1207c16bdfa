import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { HubList } from '@brave/protocol';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import type { Caller } from '../community/api.ts';
import { homeHref, hubHref } from '../community/routes.ts';
import { navigate } from '../app/router.ts';
import { hubApi } from './api.ts';
import { PostCard } from './PostCard.tsx';
import { PostForm } from './PostForm.tsx';
import { useHubData, type HubLoad } from './useHubCaller.ts';
import { HUB } from './words.ts';
import '../styles/hub.css';

/** /c/:id/hub: the hub's posts (pinned first), a filter by tag, and the form for a new one. */
export function HubScreen({ id }: { id: string }) {
  const [tag, setTag] = useState<string | null>(null);
  const fetch = useCallback((caller: Caller) => hubApi.list(caller, id, tag), [id, tag]);
  const { load } = useHubData(id, fetch);
  const news = useListNews(load);
  return (
    <>
      <HubFrame id={id} load={load}>
        {(list, caller) => <HubPage id={id} list={list} caller={caller} tag={tag} setTag={setTag} />}
      </HubFrame>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {news}
      </p>
    </>
  );
}

/** The hub's loading, refusal and failure screens, else its page. */
export function HubFrame<T>({ id, load, loading = HUB.loading, children }: { id: string; load: HubLoad<T>; loading?: string; children: (data: T, caller: Caller, communityName: string) => ReactNode }) {
  if (load.phase === 'loading') return <Loading label={loading} />;
  if (load.phase === 'outside') {
    return (
      <Message title={HUB.outside}>
        <p>{HUB.outsideHint}</p>
        <p>
          <Link href={homeHref(id)}>{HUB.backToCommunity}</Link>
        </p>
      </Message>
    );
  }
  if (load.phase === 'failed') {
    return (
      <Message title={HUB.failed}>
        <p>{load.message}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {HUB.tryAgain}
        </button>
      </Message>
    );
  }
  return <>{children(load.data, load.caller, load.communityName)}</>;
}

/** A polite sentence when a refetch brings a post that was not there before (not on the first load). */
function useListNews(load: HubLoad<HubList>): string {
  const seen = useRef<Set<string> | null>(null);
  const [news, setNews] = useState('');
  useEffect(() => {
    if (load.phase !== 'ready') return;
    const ids = new Set(load.data.posts.map((p) => p.id));
    if (seen.current && [...ids].some((x) => !seen.current!.has(x))) setNews(HUB.listNews);
    seen.current = ids;
  }, [load]);
  return news;
}

function HubPage({ id, list, caller, tag, setTag }: { id: string; list: HubList; caller: Caller; tag: string | null; setTag: (t: string | null) => void }) {
  const ids = useId();
  const [writing, setWriting] = useState(false);
  const tagName = (t: string) => list.tags.find((x) => x.tag === t)?.name ?? t;
  return (
    <div className="page community page-medium hub">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link href={homeHref(id)}>{HUB.backToCommunity}</Link>
          </p>
          <PageHeading title={HUB.title}>{HUB.title}</PageHeading>
          <p className="muted">{HUB.intro}</p>
        </div>
      </header>
      <main>
        <section className="card" aria-labelledby={`${ids}-new`}>
          <h2 id={`${ids}-new`}>{writing ? HUB.formHeading : HUB.newPost}</h2>
          {writing ? (
            <PostForm
              list={list}
              onCancel={() => setWriting(false)}
              onSubmit={async (body) => {
                const made = await hubApi.create(caller, id, body);
                setWriting(false);
                navigate(hubHref(id, made.id));
              }}
            />
          ) : (
            <button type="button" className="button primary" onClick={() => setWriting(true)}>
              {HUB.newPost}
            </button>
          )}
        </section>
        <section className="card" aria-labelledby={`${ids}-list`}>
          <div className="hub-list-head">
            <h2 id={`${ids}-list`}>{HUB.listHeading}</h2>
            <div className="field hub-filter">
              <label htmlFor={`${ids}-tag`}>{HUB.filterLabel}</label>
              <select id={`${ids}-tag`} value={tag ?? ''} onChange={(e) => setTag(e.target.value || null)}>
                <option value="">{HUB.filterAll}</option>
                {list.tags.map((t) => (
                  <option key={t.tag} value={t.tag}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {list.posts.length === 0 ? (
            <p className="muted">{tag ? HUB.emptyFiltered : HUB.empty}</p>
          ) : (
            <ul className="plain-list hub-list">
              {list.posts.map((p) => (
                <PostCard key={p.id} communityId={id} post={p} tagName={tagName} />
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
