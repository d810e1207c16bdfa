import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { HUB_LIMITS, type HubModerateBody, type HubPostView, type HubThread } from '@brave/protocol';
import { ApiRequestError } from '@brave/client';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import type { Caller } from '../community/api.ts';
import { FormFrame } from '../community/FormFrame.tsx';
import { hubHref } from '../community/routes.ts';
import { whenText } from '../community/time.ts';
import { useSending } from '../community/useSending.ts';
import { hubApi } from './api.ts';
import { HubFrame } from './HubScreen.tsx';
import { authorText, PostMarks } from './PostCard.tsx';
import { useHubData } from './useHubCaller.ts';
import { HUB } from './words.ts';
import '../styles/hub.css';

/** What a thread fetch found: the thread, or that it is not there for this reader. */
type Found = { thread: HubThread } | { missing: true };

/** /c/:id/hub/:postId: one post, its replies, a reply form, and the facilitators' moderation. */
export function ThreadScreen({ id, postId }: { id: string; postId: string }) {
  const fetch = useCallback(
    async (caller: Caller): Promise<Found> => {
      try {
        return { thread: await hubApi.thread(caller, id, postId) };
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 404) return { missing: true };
        throw err;
      }
    },
    [id, postId],
  );
  const { load, reload } = useHubData(id, fetch);
  const [said, setSaid] = useState('');
  const news = useReplyNews(load.phase === 'ready' && 'thread' in load.data ? load.data.thread : null);
  return (
    <>
      <HubFrame id={id} load={load} loading={HUB.loadingThread}>
        {(found, caller) =>
          'missing' in found ? (
            <Message title={HUB.missingThread}>
              <p>{HUB.missingThreadHint}</p>
              <p>
                <Link href={hubHref(id)}>{HUB.backToHub}</Link>
              </p>
            </Message>
          ) : (
            <ThreadPage id={id} thread={found.thread} caller={caller} reload={reload} say={setSaid} />
          )
        }
      </HubFrame>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {said || news}
      </p>
    </>
  );
}

/** "A new reply arrived." when a refetch brings replies someone else wrote (not on the first load, not one's own). */
function useReplyNews(thread: HubThread | null): string {
  const seen = useRef<Set<string> | null>(null);
  const [news, setNews] = useState('');
  useEffect(() => {
    if (!thread) return;
    const fresh = seen.current ? thread.replies.filter((r) => !seen.current!.has(r.id) && !r.mine) : [];
    if (fresh.length > 0) setNews(HUB.newReplies(fresh.length));
    seen.current = new Set(thread.replies.map((r) => r.id));
  }, [thread]);
  return news;
}

function ThreadPage({ id, thread, caller, reload, say }: { id: string; thread: HubThread; caller: Caller; reload: () => Promise<void>; say: (s: string) => void }) {
  const ids = useId();
  const { post, replies } = thread;
  const moderator = caller.kind === 'account';
  return (
    <div className="page community page-medium hub">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link href={hubHref(id)}>{HUB.backToHub}</Link>
          </p>
          <PostMarks post={post} />
          <PageHeading title={post.title}>{post.title}</PageHeading>
          <p className="hint">
            {authorText(post)} · {whenText(post.createdAt)}
          </p>
        </div>
      </header>
      <main>
        <section className="card" aria-label={post.title}>
          {post.body && <p className="hub-body">{post.body}</p>}
          {post.links.length > 0 && (
            <>
              <h2 className="hub-small-heading">{HUB.linksHeading}</h2>
              <ul>
                {post.links.map((l) => (
                  <li key={l}>
                    {/* http(s) only: checked by the server's schema, and again here before it becomes a link. */}
                    {/^https?:\/\//i.test(l) ? (
                      <a href={l} rel="noopener noreferrer nofollow" target="_blank">
                        {l}
                      </a>
                    ) : (
                      l
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {moderator && <Moderation id={id} post={post} caller={caller} reload={reload} say={say} />}
        </section>
        <section className="card" aria-labelledby={`${ids}-replies`}>
          <h2 id={`${ids}-replies`}>
            {HUB.repliesHeading} <span className="count">{replies.length}</span>
          </h2>
          {replies.length === 0 ? (
            <p className="muted">{HUB.noReplies}</p>
          ) : (
            <ol className="plain-list hub-replies">
              {replies.map((r) => (
                <li key={r.id} className={`hub-reply${r.hidden ? ' is-hidden' : ''}`}>
                  <p className="hint">
                    {authorText(r)} · {whenText(r.createdAt)}
                    {r.hidden && <span className="tag hub-hidden">{HUB.hidden}</span>}
                  </p>
                  <p className="hub-body">{r.body}</p>
                  {moderator && (
                    <button
                      type="button"
                      className="button quiet small"
                      onClick={() => void hubApi.hideReply(caller, id, post.id, r.id, !r.hidden).then(reload, () => undefined)}
                    >
                      {r.hidden ? HUB.unhideReply : HUB.hideReply}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
          {post.hidden ? <p className="muted">{HUB.hiddenNote}</p> : post.locked ? <p className="muted">{HUB.lockedNote}</p> : <ReplyForm id={id} postId={post.id} caller={caller} reload={reload} say={say} />}
        </section>
      </main>
    </div>
  );
}

function ReplyForm({ id, postId, caller, reload, say }: { id: string; postId: string; caller: Caller; reload: () => Promise<void>; say: (s: string) => void }) {
  const ids = useId();
  const [body, setBody] = useState('');
  const { busy, problem, setProblem, send } = useSending();
  return (
    <FormFrame
      className="hub-reply-form"
      problem={problem}
      busy={busy}
      submitLabel={HUB.submitReply}
      onSubmit={async () => {
        if (!body.trim()) {
          setProblem(HUB.replyMissing);
          document.getElementById(`${ids}-reply`)?.focus();
          return;
        }
        await send(async () => {
          await hubApi.reply(caller, id, postId, body.trim());
          setBody('');
          say(HUB.replySent);
          await reload();
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${ids}-reply`}>{HUB.replyLabel}</label>
        <textarea id={`${ids}-reply`} rows={3} maxLength={HUB_LIMITS.replyMax} value={body} aria-describedby={`${ids}-reply-hint`} onChange={(e) => setBody(e.target.value)} />
        <p className="hint" id={`${ids}-reply-hint`}>
          {HUB.replyHint}
        </p>
      </div>
    </FormFrame>
  );
}

/** Pin, hide and lock (and undo them), for the community's facilitators. */
function Moderation({ id, post, caller, reload, say }: { id: string; post: HubPostView; caller: Caller; reload: () => Promise<void>; say: (s: string) => void }) {
  const ids = useId();
  const { busy, problem, send } = useSending();
  const act = (body: HubModerateBody, done: string) =>
    void send(async () => {
      await hubApi.moderate(caller, id, post.id, body);
      say(done);
      await reload();
    });
  return (
    <div className="hub-moderation" role="group" aria-labelledby={`${ids}-mod`}>
      <h2 id={`${ids}-mod`} className="hub-small-heading">
        {HUB.moderation}
      </h2>
      <div className="actions">
        <button type="button" className="button quiet small" disabled={busy} onClick={() => act({ pinned: !post.pinned }, post.pinned ? HUB.unpinnedNow : HUB.pinnedNow)}>
          {post.pinned ? HUB.unpin : HUB.pin}
        </button>
        <button type="button" className="button quiet small" disabled={busy} onClick={() => act({ locked: !post.locked }, post.locked ? HUB.unlockedNow : HUB.lockedNow)}>
          {post.locked ? HUB.unlock : HUB.lock}
        </button>
        <button type="button" className="button quiet small" disabled={busy} onClick={() => act({ hidden: !post.hidden }, post.hidden ? HUB.shownNow : HUB.hiddenNow)}>
          {post.hidden ? HUB.unhide : HUB.hide}
        </button>
      </div>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
