import { useId, useState } from 'react';
import type { ScheduledConvening } from '@brave/protocol';
import { describeSpec } from '../breakouts/host/words.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { communityApi } from './api.ts';
import { enterConvening, fileNameOf, saveBlob } from './browser.ts';
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

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Convenings</h2>
      <h3>Upcoming</h3>
      <ConveningList items={home.upcoming} empty="Nothing scheduled yet." {...props} />
      <div role="status">{note && <p className="sent-note">{note}</p>}</div>
      {facilitator &&
        (scheduling ? (
          <section className="schedule" aria-labelledby={`${id}-new`}>
            <h3 id={`${id}-new`}>Schedule a convening</h3>
            <ScheduleForm
              initial={null}
              communityId={home.community.id}
              agreements={home.community.agreements}
              submitLabel="Schedule the convening"
              onCancel={() => setScheduling(false)}
              onSubmit={async (body) => {
                const made = await communityApi.schedule(caller, home.community.id, body);
                setScheduling(false);
                setNote(`Scheduled “${made.title}” for ${whenText(made.startsAt)}.`);
                await reload();
              }}
            />
          </section>
        ) : (
          <button type="button" className="button primary" onClick={() => (setScheduling(true), setNote(null))}>
            Schedule a convening
          </button>
        ))}
      <h3 className="past-heading">Past</h3>
      <ConveningList items={home.past} empty="No convenings yet." {...props} />
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

const STATUS: Record<ScheduledConvening['status'], string> = { scheduled: 'Scheduled', live: 'Live now', ended: 'Ended' };

function ConveningItem({ item, home, caller, reload }: HomeProps & { item: ScheduledConvening }) {
  const [editing, setEditing] = useState(false);
  const { busy, problem, send: act } = useSending();
  const facilitator = isFacilitator(home);
  const cid = home.community.id;

  const enter = (how: 'start' | 'host' | 'join') => act(async () => enterConvening(await communityApi.enter(caller, cid, item.id, how), home.viewer.name));
  const calendar = () => act(async () => saveBlob(await communityApi.calendar(caller, cid, item.id), `${fileNameOf(item.title, 'convening')}.ics`));

  if (editing) {
    return (
      <li className="convening-item">
        <h4>Change “{item.title}”</h4>
        <ScheduleForm
          initial={item}
          communityId={cid}
          agreements={home.community.agreements}
          submitLabel="Save changes"
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
        {item.title} <span className={`tag status-${item.status}`}>{STATUS[item.status]}</span>
      </h4>
      <p className="muted">
        {whenText(item.startsAt)} · {durationText(item.durationMinutes)}
      </p>
      {item.outline.length > 0 && (
        <ol className="outline" aria-label={`Agenda of ${item.title}`}>
          {item.outline.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
      {item.rounds.length > 0 && (
        <p className="hint">Planned rounds: {item.rounds.map((r) => `${r.name} (${describeSpec(r)})`).join('; ')}</p>
      )}
      <div className="actions start">
        {facilitator && item.status === 'scheduled' && (
          <>
            <button type="button" className="button primary small" disabled={busy} onClick={() => void enter('start')} aria-label={`Start ${item.title}`}>
              Start
            </button>
            <button type="button" className="button quiet small" onClick={() => setEditing(true)} aria-label={`Edit ${item.title}`}>
              Edit
            </button>
            <ConfirmAction
              action="Delete"
              actionLabel={`Delete ${item.title}`}
              question={`Delete “${item.title}”?`}
              explanation="It disappears from everyone’s community page. Calendar entries members already saved stay in their calendars."
              keepLabel="Keep it"
              confirm="Delete the convening"
              onConfirm={async () => {
                await communityApi.unschedule(caller, cid, item.id);
                await reload();
              }}
            />
          </>
        )}
        {facilitator && item.status !== 'scheduled' && item.conveningId && (
          <button type="button" className={`button small ${item.status === 'live' ? 'primary' : 'quiet'}`} disabled={busy} onClick={() => void enter('host')} aria-label={`Open host screen for ${item.title}`}>
            Open host screen
          </button>
        )}
        {!facilitator && item.status === 'live' && (
          <button type="button" className="button primary small" disabled={busy} onClick={() => void enter('join')} aria-label={`Join ${item.title}`}>
            Join
          </button>
        )}
        {item.status !== 'ended' && (
          <button type="button" className="button quiet small" disabled={busy} onClick={() => void calendar()} aria-label={`Add to calendar: ${item.title}`}>
            Add to calendar
          </button>
        )}
      </div>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
    </li>
  );
}
