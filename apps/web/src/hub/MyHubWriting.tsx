import { useId } from 'react';
import type { MyData } from '@brave/protocol';
import { Link } from '../components/Link.tsx';
import { hubHref } from '../community/routes.ts';
import { dayText } from '../community/time.ts';
import { HUB } from './words.ts';

/** My data's part on the hub: every post and reply of this member (hidden ones say so). */
export function MyHubWriting({ communityId, hub }: { communityId: string; hub: MyData['hub'] }) {
  const id = useId();
  const hidden = (h: boolean) => (h ? ` ${HUB.myHidden}` : '');
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{HUB.myHeading}</h2>
      {hub.posts.length === 0 && hub.replies.length === 0 && <p className="muted">{HUB.myNone}</p>}
      {hub.posts.length > 0 && (
        <>
          <h3>{HUB.myPosts}</h3>
          <ul>
            {hub.posts.map((p) => (
              <li key={p.id}>
                <Link href={hubHref(communityId, p.id)}>{p.title}</Link> <span className="muted">· {dayText(p.createdAt)}{hidden(p.hidden)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {hub.replies.length > 0 && (
        <>
          <h3>{HUB.myReplies}</h3>
          <ul>
            {hub.replies.map((r) => (
              <li key={r.id}>
                “{r.body}” <span className="muted">{HUB.myReplyTo(r.postTitle)} · {dayText(r.createdAt)}{hidden(r.hidden)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{HUB.myHint}</p>
    </section>
  );
}
