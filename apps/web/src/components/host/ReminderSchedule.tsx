import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { LIMITS } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';

/** Rotate the spotlight through the agreements every N minutes, or stop. */
export function ReminderSchedule() {
  const { state } = useConvening();
  const id = useId();
  const [minutes, setMinutes] = useState('10');
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('host');
  const every = Number(minutes);
  const valid = Number.isFinite(every) && every >= LIMITS.reminderMinutesMin && every <= LIMITS.reminderMinutesMax;

  if (state.status === 'closed') return null;
  return (
    <div className="reminder-schedule">
      <h3>{t('schedule.heading')}</h3>
      {state.reminders ? (
        <div className="inline-field">
          <p>{t('schedule.running', { count: state.reminders.everyMinutes })}</p>
          <button type="button" className="button quiet" disabled={pending} onClick={() => void send({ type: 'reminders.stop' })}>
            {t('schedule.stop')}
          </button>
        </div>
      ) : (
        <form
          className="inline-field"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void send({ type: 'reminders.schedule', everyMinutes: every });
          }}
        >
          <label htmlFor={id}>{t('schedule.every')}</label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            className="minutes"
            min={LIMITS.reminderMinutesMin}
            max={LIMITS.reminderMinutesMax}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-describedby={`${id}-unit`}
          />
          <span id={`${id}-unit`}>{t('schedule.minutes')}</span>
          <button type="submit" className="button" disabled={pending || !valid}>
            {t('schedule.start')}
          </button>
        </form>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
