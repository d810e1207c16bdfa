import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduledConvening } from '@brave/protocol';
import { describeSpec } from '../breakouts/host/words.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { communityApi } from './api.ts';
import { saveBlob } from '../app/save-file.ts';
import { enterConvening, fileNameOf } from './browser.ts';
import { ScheduleForm } from './ScheduleForm.tsx';
import { durationText, whenText } from './time.ts';
import { isFacilitator, type HomeProps } from './types.ts';
import { useSending } from './useSending.ts';

/** Upcoming and past convenings; facilitators also schedule, start and host them here. */
export function ConveningsPanel(props: HomeProps) {
  const id = useId();
  const { home, caller, reload } = props;
  const [scheduling, setScheduling] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const facilitator = isFacilitator(home);
  const { t } = useTranslation('community');

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('convenings.title')}</h2>
      <h3>{t('convenings.upcoming')}</h3>
      <ConveningList items={home.upcoming} empty={t('convenings.noneUpcoming')} {...props} />
      <div role="status">{note && <p className="sent-note">{note}</p>}</div>
      {facilitator &&
        (scheduling ? (
          <section className="schedule" aria-labelledby={`${id}-new`}>
            <h3 id={`${id}-new`}>{t('convenings.schedule')}</h3>
            <ScheduleForm
              initial={null}
              communityId={home.community.id}
              agreements={home.community.agreements}
              submitLabel={t('convenings.scheduleSubmit')}
              onCancel={() => setScheduling(false)}
              onSubmit={async (body) => {
                const made = await communityApi.schedule(caller, home.community.id, body);
                setScheduling(false);
                setNote(t('convenings.scheduled', { title: made.title, when: whenText(made.startsAt) }));
                await reload();
              }}
            />
          </section>
        ) : (
          <button type="button" className="button primary" onClick={() => (setScheduling(true), setNote(null))}>
            {t('convenings.schedule')}
          </button>
        ))}
      <h3 className="past-heading">{t('convenings.past')}</h3>
      <ConveningList items={home.past} empty={t('convenings.nonePast')} {...props} />
    </section>
  );
}

function ConveningList({ items, empty, ...props }: HomeProps & { items: readonly ScheduledConvening[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list convening-list">
      {items.map((c) => (
        <ConveningItem key={c.id} item={c} {...props} />
      ))}
    </ul>
  );
}

function ConveningItem({ item, home, caller, reload }: HomeProps & { item: ScheduledConvening }) {
  const [editing, setEditing] = useState(false);
  const { busy, problem, send: act } = useSending();
  const facilitator = isFacilitator(home);
  const cid = home.community.id;
  const { t } = useTranslation('community');

  const enter = (how: 'start' | 'host' | 'join') => act(async () => enterConvening(await communityApi.enter(caller, cid, item.id, how), home.viewer.name));
  const calendar = () => act(async () => saveBlob(await communityApi.calendar(caller, cid, item.id), `${fileNameOf(item.title, 'convening')}.ics`));

  if (editing) {
    return (
      <li className="convening-item">
        <h4>{t('convenings.change', { title: item.title })}</h4>
        <ScheduleForm
          initial={item}
          communityId={cid}
          agreements={home.community.agreements}
          submitLabel={t('convenings.saveChanges')}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await communityApi.reschedule(caller, cid, item.id, body);
            setEditing(false);
            await reload();
          }}
        />
      </li>
    );
  }

  return (
    <li className="convening-item">
      <h4>
        {item.title} <span className={`tag status-${item.status}`}>{t(`convenings.status.${item.status}`)}</span>
      </h4>
      <p className="muted">
        {whenText(item.startsAt)} · {durationText(item.durationMinutes)}
      </p>
      {item.outline.length > 0 && (
        <ol className="outline" aria-label={t('convenings.agendaOf', { title: item.title })}>
          {item.outline.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
      {item.rounds.length > 0 && (
        <p className="hint">{t('convenings.plannedRounds', { rounds: item.rounds.map((r) => `${r.name} (${describeSpec(r)})`).join('; ') })}</p>
      )}
      <div className="actions start">
        {facilitator && item.status === 'scheduled' && (
          <>
            <button type="button" className="button primary small" disabled={busy} onClick={() => void enter('start')} aria-label={t('convenings.startLabel', { title: item.title })}>
              {t('convenings.start')}
            </button>
            <button type="button" className="button quiet small" onClick={() => setEditing(true)} aria-label={t('convenings.editLabel', { title: item.title })}>
              {t('convenings.edit')}
            </button>
            <ConfirmAction
              action={t('convenings.delete')}
              actionLabel={t('convenings.deleteLabel', { title: item.title })}
              question={t('convenings.deleteQuestion', { title: item.title })}
              explanation={t('convenings.deleteExplanation')}
              keepLabel={t('convenings.keep')}
              confirm={t('convenings.deleteConfirm')}
              onConfirm={async () => {
                await communityApi.unschedule(caller, cid, item.id);
                await reload();
              }}
            />
          </>
        )}
        {facilitator && item.status !== 'scheduled' && item.conveningId && (
          <button type="button" className={`button small ${item.status === 'live' ? 'primary' : 'quiet'}`} disabled={busy} onClick={() => void enter('host')} aria-label={t('convenings.hostLabel', { title: item.title })}>
            {t('convenings.host')}
          </button>
        )}
        {!facilitator && item.status === 'live' && (
          <button type="button" className="button primary small" disabled={busy} onClick={() => void enter('join')} aria-label={t('convenings.joinLabel', { title: item.title })}>
            {t('convenings.join')}
          </button>
        )}
        {item.status !== 'ended' && (
          <button type="button" className="button quiet small" disabled={busy} onClick={() => void calendar()} aria-label={t('convenings.calendarLabel', { title: item.title })}>
            {t('convenings.calendar')}
          </button>
        )}
      </div>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
    </li>
  );
}
