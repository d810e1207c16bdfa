import type { HubPostView } from '@brave/protocol';
import { Link } from '../components/Link.tsx';
import { hubHref } from '../community/routes.ts';
import { dayText } from '../community/time.ts';
import { HUB, KIND_WORDS } from './words.ts';

/** The marks a post carries: its kind, pinned, private to a group, locked, hidden. */
export function PostMarks({ post }: { post: HubPostView }) {
  return (
    <p className="tags hub-marks">
      <span className={`tag hub-kind-${post.kind}`}>{KIND_WORDS[post.kind].label}</span>
      {post.pinned && <span className="tag hub-pinned">{HUB.pinned}</span>}
      {post.workingGroup && <span className="tag hub-private">{HUB.privateTo(post.workingGroup.name)}</span>}
      {post.locked && <span className="tag">{HUB.locked}</span>}
      {post.hidden && <span className="tag hub-hidden">{HUB.hidden}</span>}
    </p>
  );
}

export const authorText = (post: Pick<HubPostView, 'author' | 'mine'>) => `${HUB.by(post.author.name, post.author.kind === 'facilitator')}${post.mine ? ` (${HUB.you})` : ''}`;

/** One post in the hub's list: its marks, its title (the way into the thread), who and when, its tags. */
export function PostCard({ communityId, post, tagName }: { communityId: string; post: HubPostView; tagName: (tag: string) => string }) {
  return (
    <li className={`hub-post${post.pinned ? ' is-pinned' : ''}${post.workingGroup ? ' is-private' : ''}`}>
      <article aria-labelledby={`post-${post.id}`}>
        <PostMarks post={post} />
        <h3 id={`post-${post.id}`} className="hub-post-title">
          <Link href={hubHref(communityId, post.id)}>{post.title}</Link>
        </h3>
        <p className="hint">
          {authorText(post)} · {dayText(post.createdAt)} · {HUB.replies(post.replies)}
        </p>
        {post.tags.length > 0 && (
          <p className="tags">
            {post.tags.map((t) => (
              <span key={t} className="tag">
                {tagName(t)}
              </span>
            ))}
          </p>
        )}
      </article>
    </li>
  );
}
