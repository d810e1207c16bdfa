import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Agreement, type RoundSpec, type ScheduleBody, type ScheduledConvening, type ShowPlan } from '@brave/protocol';
import { Field, useRequired } from '../account/Field.tsx';
import { linesOf } from './channels.ts';
import { FormFrame } from './FormFrame.tsx';
import { PlannedRounds } from './PlannedRounds.tsx';
import { PlanEditor } from '../show/host/ShowPlanner.tsx';
import { fromLocalParts, nextWeek, toLocalParts } from './time.ts';
import { useSending } from './useSending.ts';

const zone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return null;
  }
})();

/** Plan a convening ahead, or change one that has not started (`initial`). */
export function ScheduleForm({
  initial,
  communityId,
  agreements,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ScheduledConvening | null;
  communityId: string;
  /** The community's agreements, which an item of the run of show may spotlight. */
  agreements: readonly Agreement[];
  submitLabel: string;
  onSubmit: (body: ScheduleBody) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const start = toLocalParts(initial?.startsAt ?? nextWeek(Date.now()));
  const [title, setTitle] = useState(initial?.title ?? '');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [minutes, setMinutes] = useState(String(initial?.durationMinutes ?? 90));
  const [outline, setOutline] = useState((initial?.outline ?? []).join('\n'));
  const [rounds, setRounds] = useState<RoundSpec[]>(initial?.rounds ?? []);
  const [show, setShow] = useState<ShowPlan>(initial?.show ?? { items: [], autoAdvance: false });
  const { busy, problem, setProblem, send } = useSending();
  const { t } = useTranslation('community');
  const titleRequired = useRequired(`${id}-title`, t('schedule.titleMissing'));

  const submit = async () => {
    if (!titleRequired.check(title)) return;
    const startsAt = fromLocalParts({ date, time });
    if (startsAt === null) return setProblem(t('schedule.badDate'));
    const duration = Number(minutes);
    if (!Number.isInteger(duration) || duration < 5 || duration > 24 * 60) return setProblem(t('schedule.badLength'));
    await send(() => onSubmit({ title: title.trim(), startsAt, durationMinutes: duration, outline: linesOf(outline, 30, 200), rounds, show: show.items.length ? show : null }));
  };

  return (
    <FormFrame className="schedule-form" onSubmit={submit} problem={problem} busy={busy} submitLabel={submitLabel} onCancel={onCancel}>
      <Field
        id={`${id}-title`}
        label={t('schedule.title')}
        value={title}
        maxLength={LIMITS.titleMax}
        aria-required
        problem={titleRequired.problem}
        onChange={(e) => {
          setTitle(e.target.value);
          titleRequired.changed(e.target.value);
        }}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('schedule.date')}</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('schedule.time')}</label>
          <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} required aria-describedby={`${id}-zone`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-len`}>{t('schedule.length')}</label>
          <input id={`${id}-len`} type="number" inputMode="numeric" className="number-input" min={5} max={1440} step={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
        </div>
      </div>
      <p className="hint" id={`${id}-zone`}>
        {zone ? t('schedule.zoneNamed', { zone }) : t('schedule.zone')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-outline`}>{t('schedule.outline')}</label>
        <textarea id={`${id}-outline`} rows={4} value={outline} onChange={(e) => setOutline(e.target.value)} placeholder={t('schedule.outlinePlaceholder')} />
      </div>
      <PlannedRounds rounds={rounds} onChange={setRounds} />
      <details className="schedule-show" open={Boolean(initial?.show)}>
        <summary>{t('schedule.show')}</summary>
        <p className="hint">{t('schedule.showHint')}</p>
        <PlanEditor source={{ items: show.items, autoAdvance: show.autoAdvance, currentId: null, agreements, agenda: rounds, communityId, onChange: setShow }} />
      </details>
    </FormFrame>
  );
}
