import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatList } from '@brave/i18n';
import type { CommunityInfo, MyData } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { currentLanguage } from '../app/i18n.ts';
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
  const { t } = useTranslation('community');

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
      <Message title={t('me.left')}>
        <p>{t('me.leftHint')}</p>
        <p>
          <Link href="/">{t('me.goHome')}</Link>
        </p>
      </Message>
    );
  }
  if (!caller) {
    return (
      <Message title={t('me.membersOnly')}>
        <p>{t('me.noKey')}</p>
        <p>
          <Link href={homeHref(id)}>{t('me.goCommunity')}</Link>
        </p>
      </Message>
    );
  }
  if (load.phase === 'loading') return <Loading label={t('me.loading')} />;
  if (load.phase === 'failed') {
    return (
      <Message title={t('me.failed')}>
        <p>{load.message}</p>
        <p>
          <Link href={homeHref(id)}>{t('me.back')}</Link>
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
  const { t } = useTranslation('community');
  return (
    <div className="page community page-medium">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link href={homeHref(community.id)}>{community.name}</Link>
          </p>
          <PageHeading title={t('me.title')}>{t('me.title')}</PageHeading>
          <p className="muted">{t('me.intro')}</p>
        </div>
      </header>
      <main>
        <section className="card" aria-labelledby={`${id}-profile`}>
          <h2 id={`${id}-profile`}>{t('me.profile')}</h2>
          <dl className="facts">
            <dt>{t('me.name')}</dt>
            <dd>{nameWithPronouns(m.name, m.pronouns)}</dd>
            <dt>{t('me.channel')}</dt>
            <dd>{m.channel ? channelName(m.channel) : t('me.noChannel')}</dd>
            <dt>{t('me.role')}</dt>
            <dd>{m.role ?? '—'}</dd>
            <dt>{t('me.team')}</dt>
            <dd>{m.team ?? '—'}</dd>
            <dt>{t('me.organisation')}</dt>
            <dd>{m.organisation ?? '—'}</dd>
            <dt>{t('me.region')}</dt>
            <dd>{m.region ?? '—'}</dd>
            <dt>{t('me.joined')}</dt>
            <dd>{dayText(m.joinedAt)}</dd>
          </dl>
          <EditProfile data={data} community={community} caller={caller} onSaved={onSaved} />
        </section>
        <MailCard caller={caller} communityId={community.id} />
        <section className="card" aria-labelledby={`${id}-groups`}>
          <h2 id={`${id}-groups`}>{t('me.groups')}</h2>
          {data.workingGroups.length === 0 ? (
            <p className="muted">{t('me.noGroups')}</p>
          ) : (
            <ul>
              {data.workingGroups.map((g) => (
                <li key={g.id}>
                  {g.name}
                  {g.channels.length > 0 && <span className="muted"> · {t('me.edits', { channels: formatList(currentLanguage(), g.channels.map(channelName)) })}</span>}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('me.caucus')}</h3>
          {data.keptCaucusAnswer ? (
            <>
              <p>{t('me.caucusKept', { answer: data.keptCaucusAnswer })}</p>
              <ConfirmAction
                action={t('me.forget')}
                triggerClass="button quiet"
                question={t('me.forgetQuestion')}
                explanation={t('me.forgetExplanation')}
                keepLabel={t('me.forgetKeep')}
                onConfirm={async () => {
                  await communityApi.forgetCaucusAnswer(caller, community.id);
                  await onSaved();
                }}
              />
            </>
          ) : (
            <p>{t('me.caucusNone')}</p>
          )}
          <h3>{t('me.met')}</h3>
          <p>{t('me.metWith', { count: data.metWith })}</p>
        </section>
        <ConveningsHeld data={data} />
        <MyHubWriting communityId={community.id} hub={data.hub} />
        <section className="card" aria-labelledby={`${id}-leave`}>
          <h2 id={`${id}-leave`}>{t('me.leave')}</h2>
          <p className="hint">{t('me.leaveHint')}</p>
          <ConfirmAction
            action={t('me.leave')}
            triggerClass="button quiet"
            question={t('me.leaveQuestion')}
            explanation={t('me.leaveExplanation')}
            keepLabel={t('me.stay')}
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
  const { t } = useTranslation('community');
  const time = (at: number) => formatDate(currentLanguage(), at, 'time');
  const room = (r: MyData['convenings'][number]['rooms'][number]) => t(r.kind === 'caucus' ? 'held.caucusRoom' : 'held.room', { room: r.room, round: r.round });
  const signal = ({ kind, at, explanation }: MyData['convenings'][number]['signals'][number]) =>
    explanation ? t(kind === 'ouch' ? 'held.ouchWhy' : 'held.whoopsWhy', { time: time(at), why: explanation }) : t(kind === 'ouch' ? 'held.ouch' : 'held.whoops', { time: time(at) });
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('held.title')}</h2>
      {data.convenings.length === 0 && <p className="muted">{t('held.none')}</p>}
      {data.convenings.map((c) => (
        <article key={c.id} className="held">
          <h3>
            {c.title} <span className="muted">· {dayText(c.startedAt)}</span>
          </h3>
          <p>{c.rooms.length === 0 ? t('held.noRooms') : t('held.rooms', { rooms: c.rooms.map(room).join('; ') })}</p>
          <p>{c.signals.length === 0 ? t('held.noSignals') : t('held.signals', { signals: c.signals.map(signal).join('; ') })}</p>
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
  const { t } = useTranslation('community');

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
        <div role="status">{saved && <p className="sent-note">{t('me.saved')}</p>}</div>
        <button type="button" className="button" onClick={() => (setDraft(draftOf(data.member)), setOpen(true), setSaved(false))}>
          {t('me.edit')}
        </button>
      </>
    );
  }
  return (
    <FormFrame onSubmit={save} problem={problem?.message ?? null} busy={busy} submitLabel={t('me.save')} onCancel={() => setOpen(false)}>
      <ProfileFields value={draft} onChange={setDraft} channels={community.channels} invalid={problem?.field} />
    </FormFrame>
  );
}
