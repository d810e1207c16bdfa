import { useCallback, useEffect, useId, useState } from 'react';
import type { CommunityInfo, MyData } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { peopleCount } from '../breakouts/words.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { communityApi, type Caller } from './api.ts';
import { channelNameIn } from './channels.ts';
import { adoptProfileLanguage } from '../app/i18n.ts';
import { forgetMember, loadMember } from './credentials.ts';
import { FormFrame } from './FormFrame.tsx';
import { MailCard } from './MailCard.tsx';
import { draftOf, ProfileFields, profileOf } from './ProfileFields.tsx';
import { ReplaceNameChoice } from './ReplaceNameChoice.tsx';
import { homeHref } from './routes.ts';
import { dayText } from './time.ts';
import { nameWithPronouns } from './words.ts';
import { wipeLocal } from '../notes/localIndex.ts';
import { MyHubWriting } from '../hub/MyHubWriting.tsx';

type Load = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; data: MyData; community: CommunityInfo };

/** /c/:id/me: everything the community holds about this member; edit it, or leave. */
export function MyDataScreen({ id }: { id: string }) {
  // The key this device holds, read once: leaving forgets it, and the page then says so.
  const [caller] = useState<Caller | null>(() => {
    const seat = loadMember(id);
    return seat ? { kind: 'member', token: seat.token } : null;
  });
  const [left, setLeft] = useState(false);
  const [load, setLoad] = useState<Load>({ phase: 'loading' });

  const fetchAll = useCallback(async () => {
    if (!caller) return;
    try {
      const [data, home] = await Promise.all([communityApi.me(caller, id), communityApi.home(caller, id)]);
      setLoad({ phase: 'ready', data, community: home.community });
      // Second in the detection order, after a choice made on this device.
      adoptProfileLanguage(data.member.language);
    } catch (err) {
      setLoad({ phase: 'failed', message: describeError(err) });
    }
  }, [id, caller]);

  useEffect(() => {
    void fetchAll();
  }, [fetchAll]);

  if (left) {
    return (
      <Message title="You have left the community">
        <p>Your key on this device no longer works, and you are out of your working groups. Thank you for the work you shared.</p>
        <p>
          <Link href="/">Go to Brave Space</Link>
        </p>
      </Message>
    );
  }
  if (!caller) {
    return (
      <Message title="My data is for members">
        <p>This device does not hold a membership key for this community.</p>
        <p>
          <Link href={homeHref(id)}>Go to the community page</Link>
        </p>
      </Message>
    );
  }
  if (load.phase === 'loading') return <Loading label="Gathering what the community holds about you…" />;
  if (load.phase === 'failed') {
    return (
      <Message title="We could not show your data">
        <p>{load.message}</p>
        <p>
          <Link href={homeHref(id)}>Back to the community</Link>
        </p>
      </Message>
    );
  }
  return (
    <MyDataView
      data={load.data}
      community={load.community}
      caller={caller}
      onSaved={fetchAll}
      onLeft={() => {
        forgetMember(id);
        setLeft(true);
      }}
    />
  );
}

function MyDataView({ data, community, caller, onSaved, onLeft }: { data: MyData; community: CommunityInfo; caller: Caller; onSaved: () => Promise<void>; onLeft: () => void }) {
  const id = useId();
  const m = data.member;
  const channelName = (c: string) => channelNameIn(community.channels, c);
  const [replaceName, setReplaceName] = useState(false);
  return (
    <div className="page community page-medium">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link href={homeHref(community.id)}>{community.name}</Link>
          </p>
          <PageHeading title="My data">My data</PageHeading>
          <p className="muted">Everything this community holds about you. Other members see your name, pronouns, channel, team and organisation; your role and region only the facilitators.</p>
        </div>
      </header>
      <main>
        <section className="card" aria-labelledby={`${id}-profile`}>
          <h2 id={`${id}-profile`}>Your profile</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{nameWithPronouns(m.name, m.pronouns)}</dd>
            <dt>Channel</dt>
            <dd>{m.channel ? channelName(m.channel) : 'Not chosen'}</dd>
            <dt>Role</dt>
            <dd>{m.role ?? '—'}</dd>
            <dt>Team</dt>
            <dd>{m.team ?? '—'}</dd>
            <dt>Organisation</dt>
            <dd>{m.organisation ?? '—'}</dd>
            <dt>Region</dt>
            <dd>{m.region ?? '—'}</dd>
            <dt>Joined</dt>
            <dd>{dayText(m.joinedAt)}</dd>
          </dl>
          <EditProfile data={data} community={community} caller={caller} onSaved={onSaved} />
        </section>
        <MailCard caller={caller} communityId={community.id} />
        <section className="card" aria-labelledby={`${id}-groups`}>
          <h2 id={`${id}-groups`}>Working groups</h2>
          {data.workingGroups.length === 0 ? (
            <p className="muted">You are in no working group.</p>
          ) : (
            <ul>
              {data.workingGroups.map((g) => (
                <li key={g.id}>
                  {g.name}
                  {g.channels.length > 0 && <span className="muted"> · edits {g.channels.map(channelName).join(', ')}</span>}
                </li>
              ))}
            </ul>
          )}
          <h3>Caucus answer</h3>
          {data.keptCaucusAnswer ? (
            <>
              <p>You chose to keep your answer for later convenings: “{data.keptCaucusAnswer}”. Only you see it.</p>
              <ConfirmAction
                action="Forget my caucus answer"
                triggerClass="button quiet"
                question="Forget your caucus answer?"
                explanation="We erase it here and in past convenings. The next caucus round asks you again."
                keepLabel="Keep it"
                onConfirm={async () => {
                  await communityApi.forgetCaucusAnswer(caller, community.id);
                  await onSaved();
                }}
              />
            </>
          ) : (
            <p>No caucus answer is kept: you answer afresh in each convening.</p>
          )}
          <h3>People you met</h3>
          <p>You shared a breakout room with {peopleCount(data.metWith)}. Mixing rounds use this so you keep meeting new people.</p>
        </section>
        <ConveningsHeld data={data} />
        <MyHubWriting communityId={community.id} hub={data.hub} />
        <section className="card" aria-labelledby={`${id}-leave`}>
          <h2 id={`${id}-leave`}>Leave the community</h2>
          <p className="hint">Your key stops working and you leave your working groups. Your words in the documents stay: they are part of the group’s work.</p>
          <ConfirmAction
            action="Leave the community"
            triggerClass="button quiet"
            question="Leave the community?"
            explanation="You can only come back through an invite link, as a new member."
            keepLabel="Stay"
            onConfirm={async () => {
              await communityApi.leave(caller, community.id, { replaceName });
              // Their copies of the community's documents (and caucus notes) leave this device with them.
              await wipeLocal((copy) => copy.person === data.member.id);
              onLeft();
            }}
          >
            <ReplaceNameChoice whose="my" checked={replaceName} onChange={setReplaceName} />
          </ConfirmAction>
        </section>
      </main>
    </div>
  );
}

function ConveningsHeld({ data }: { data: MyData }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Convenings you took part in</h2>
      {data.convenings.length === 0 && <p className="muted">None yet.</p>}
      {data.convenings.map((c) => (
        <article key={c.id} className="held">
          <h3>
            {c.title} <span className="muted">· {dayText(c.startedAt)}</span>
          </h3>
          <p>{c.rooms.length === 0 ? 'No breakout rooms.' : `Rooms: ${c.rooms.map((r) => `${r.room} (${r.round}${r.kind === 'caucus' ? ', caucus' : ''})`).join('; ')}.`}</p>
          <p>
            {c.signals.length === 0
              ? 'No signals sent.'
              : `Signals you sent: ${c.signals.map((s) => `${s.kind === 'ouch' ? 'Ouch' : 'Whoops'} at ${new Date(s.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}${s.explanation ? ` (“${s.explanation}”)` : ''}`).join('; ')}.`}
          </p>
        </article>
      ))}
    </section>
  );
}

function EditProfile({ data, community, caller, onSaved }: { data: MyData; community: CommunityInfo; caller: Caller; onSaved: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(data.member));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field: string | undefined } | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await communityApi.updateMe(caller, community.id, profileOf(draft));
      setOpen(false);
      setSaved(true);
      await onSaved();
    } catch (err) {
      setProblem({ message: describeError(err), field: fieldOf(err) });
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <>
        <div role="status">{saved && <p className="sent-note">Your profile is saved. Open convenings you are in, and those you join later, use it.</p>}</div>
        <button type="button" className="button" onClick={() => (setDraft(draftOf(data.member)), setOpen(true), setSaved(false))}>
          Edit my profile
        </button>
      </>
    );
  }
  return (
    <FormFrame onSubmit={save} problem={problem?.message ?? null} busy={busy} submitLabel="Save my profile" onCancel={() => setOpen(false)}>
      <ProfileFields value={draft} onChange={setDraft} channels={community.channels} invalid={problem?.field} />
    </FormFrame>
  );
}
