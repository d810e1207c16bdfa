import { useMemo, useSyncExternalStore } from 'react';
import { DocName } from '@brave/protocol';
import { communityRoute, type CommunityRoute } from '../community/routes.ts';

/**
 * A tiny router on the History API: four screens do not need a library. Paths are
 * parsed into a typed Route; anything unexpected becomes `missing`.
 */
export type Route =
  | { name: 'start' }
  | { name: 'join'; code: string | null; cohost: string | null }
  | { name: 'participant'; id: string }
  | { name: 'host'; id: string }
  | { name: 'notes'; id: string; doc: string | null }
  | CommunityRoute
  | { name: 'account'; next: string | null }
  | { name: 'account-reset' }
  | { name: 'admin' }
  | { name: 'missing' };

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  const [head, arg, ...rest] = parts;
  if (head === 'notes' && arg && SEGMENT.test(arg) && rest.length <= 1) return notesRoute(arg, rest[0]);
  const community = communityRoute(parts);
  if (community) return community === 'missing' ? { name: 'missing' } : community;
  if (rest.length > 0 || (arg !== undefined && !SEGMENT.test(arg))) return { name: 'missing' };
  if (head === undefined) return { name: 'start' };
  if (head === 'account' && arg === undefined) return { name: 'account', next: new URLSearchParams(search).get('next') };
  if (head === 'account' && arg === 'reset') return { name: 'account-reset' };
  if (head === 'admin' && arg === undefined) return { name: 'admin' };
  if (head === 'j') {
    const cohost = new URLSearchParams(search).get('cohost');
    return { name: 'join', code: arg ?? null, cohost: cohost && SEGMENT.test(cohost) ? cohost : null };
  }
  if (head === 'c' && arg) return { name: 'participant', id: arg };
  if (head === 'host' && arg) return { name: 'host', id: arg };
  return { name: 'missing' };
}

/** /notes/:id (documents list) and /notes/:id/:docName (one document, name URL-encoded). */
function notesRoute(id: string, raw: string | undefined): Route {
  if (raw === undefined) return { name: 'notes', id, doc: null };
  let doc: string;
  try {
    doc = decodeURIComponent(raw);
  } catch {
    return { name: 'missing' };
  }
  return DocName.safeParse(doc).success ? { name: 'notes', id, doc } : { name: 'missing' };
}

const listeners = new Set<() => void>();
let navigations = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const locationKey = () => window.location.pathname + window.location.search;

/** The current route; re-renders on navigate() and on the back/forward buttons. */
export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, locationKey);
  return useMemo(() => {
    const url = new URL(key, window.location.origin);
    return parseRoute(url.pathname, url.search);
  }, [key]);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigations += 1;
  for (const listener of listeners) listener();
  window.scrollTo({ top: 0 });
}

/** True once the person has moved between screens (then headings take focus). */
export const hasNavigated = (): boolean => navigations > 0;
