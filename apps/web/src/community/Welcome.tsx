import { useEffect, useState } from 'react';
import { navigate } from '../app/router.ts';
import { Loading, Message } from '../components/Message.tsx';
import { loadMember, saveMember, takeFromFragment } from './credentials.ts';
import { homeHref } from './routes.ts';

/** /c/:id/welcome#member=<token>: a re-issued key lands, is kept, and the address is cleaned. */
export function Welcome({ id }: { id: string }) {
  // Taking it strips the fragment; a second run (StrictMode) finds the key already kept.
  const [outcome] = useState<'saved' | 'missing' | 'unsaved'>(() => {
    const token = takeFromFragment('member');
    if (token) return saveMember(id, { token }) ? 'saved' : 'unsaved';
    return loadMember(id) ? 'saved' : 'missing';
  });

  useEffect(() => {
    if (outcome === 'saved') navigate(homeHref(id), { replace: true });
  }, [outcome, id]);

  if (outcome === 'saved') return <Loading label="Welcome back: opening the community…" />;
  if (outcome === 'unsaved') {
    return (
      <Message title="This browser would not keep your key">
        <p>Private browsing or full storage can prevent it. Open the same link in a regular window.</p>
      </Message>
    );
  }
  return (
    <Message title="This link is incomplete">
      <p>A personal link ends with “#member=” and a long key. Copy the whole link your facilitator sent, or ask them to make a new one.</p>
    </Message>
  );
}
