import { useId, type ReactNode } from 'react';
import { useConvening } from '../../live/context.ts';
import { nextRoomId, type BuilderForm } from './specForm.ts';

type Change = (patch: Partial<BuilderForm>) => void;

function Field({ label, hint, children, id }: { label: string; hint?: string; children: ReactNode; id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

function NumberInput({ id, value, onChange, min, max, hint }: { id: string; value: string; onChange: (v: string) => void; min: number; max: number; hint?: boolean }) {
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      className="number-input"
      min={min}
      max={max}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={hint ? `${id}-hint` : undefined}
    />
  );
}

/** The engine's sizing rule (core/breakouts/sizes.ts), in the facilitator's words. */
const SIZE_RULE = 'Rooms come as close to this as the head count allows: a few may have one more or one fewer, never more than one apart, and nobody is left alone.';
const LARGEST_RULE = 'Bigger groups are split into even rooms; with 2, an odd group gets one room of 3 so nobody is left alone.';

const UNANSWERED = (
  <>
    <option value="open-room">Meet in an open room</option>
    <option value="plenary">Stay in the main room</option>
  </>
);

/** The settings that belong to the chosen way of grouping people. */
export function StrategyFields({ form, change }: { form: BuilderForm; change: Change }) {
  const id = useId();
  const { state } = useConvening();
  switch (form.kind) {
    case 'random':
    case 'mix':
      return (
        <div className="field-row">
          <Field label="Make rooms" id={`${id}-by`}>
            <select id={`${id}-by`} value={form.roomsBy} onChange={(e) => change({ roomsBy: e.target.value as BuilderForm['roomsBy'] })}>
              <option value="size">of a size</option>
              <option value="count">by number of rooms</option>
            </select>
          </Field>
          {form.roomsBy === 'size' ? (
            <Field label="People per room" id={`${id}-size`} hint={SIZE_RULE}>
              <NumberInput id={`${id}-size`} value={form.roomSize} onChange={(v) => change({ roomSize: v })} min={2} max={100} hint />
            </Field>
          ) : (
            <Field label="Number of rooms" id={`${id}-count`}>
              <NumberInput id={`${id}-count`} value={form.roomCount} onChange={(v) => change({ roomCount: v })} min={1} max={1000} />
            </Field>
          )}
          {form.kind === 'mix' && (
            <label className="check">
              <input type="checkbox" checked={form.avoidSameTeam} onChange={(e) => change({ avoidSameTeam: e.target.checked })} />
              Also keep teammates apart
            </label>
          )}
        </div>
      );
    case 'byChoice':
      return (
        <div className="field-row">
          <Field label="Group by" id={`${id}-field`} hint="Each person’s own answer in their details.">
            <select id={`${id}-field`} value={form.choiceField} onChange={(e) => change({ choiceField: e.target.value as 'channel' | 'role' })} aria-describedby={`${id}-field-hint`}>
              <option value="channel">Channel (Money, Narrative, Policy)</option>
              <option value="role">Role</option>
            </select>
          </Field>
          <Field label="Largest room" id={`${id}-max`} hint={LARGEST_RULE}>
            <NumberInput id={`${id}-max`} value={form.maxRoomSize} onChange={(v) => change({ maxRoomSize: v })} min={2} max={500} hint />
          </Field>
          <Field label="People who did not say" id={`${id}-un`}>
            <select id={`${id}-un`} value={form.unanswered} onChange={(e) => change({ unanswered: e.target.value as BuilderForm['unanswered'] })}>
              {UNANSWERED}
            </select>
          </Field>
        </div>
      );
    case 'affinity':
      return (
        <>
          <p className="muted">
            Caucuses: {state.caucusOptions.join(', ')}. Each person is placed only by their own private answer; you will see
            how many are in each caucus, never who.
          </p>
          <div className="field-row">
            <Field label="Those who prefer not to say or skipped" id={`${id}-undecided`}>
              <select id={`${id}-undecided`} value={form.undecided} onChange={(e) => change({ undecided: e.target.value as BuilderForm['undecided'] })}>
                {UNANSWERED}
              </select>
            </Field>
            <Field label="Largest caucus room (optional)" id={`${id}-cmax`} hint={`Empty: one room per caucus. ${LARGEST_RULE}`}>
              <NumberInput id={`${id}-cmax`} value={form.caucusMaxSize} onChange={(v) => change({ caucusMaxSize: v })} min={2} max={500} hint />
            </Field>
          </div>
        </>
      );
    case 'cohorts':
      return (
        <div className="field-row">
          <Field label="Fewest teams per cohort" id={`${id}-tmin`}>
            <NumberInput id={`${id}-tmin`} value={form.teamsMin} onChange={(v) => change({ teamsMin: v })} min={1} max={20} />
          </Field>
          <Field label="Most teams per cohort" id={`${id}-tmax`}>
            <NumberInput id={`${id}-tmax`} value={form.teamsMax} onChange={(v) => change({ teamsMax: v })} min={1} max={20} />
          </Field>
          <Field label="Balance" id={`${id}-bal`} hint="Teams of one organisation always go to different cohorts.">
            <select id={`${id}-bal`} value={form.balance} onChange={(e) => change({ balance: e.target.value as 'mix' | 'similar' })} aria-describedby={`${id}-bal-hint`}>
              <option value="mix">Mix regions and kinds of organisation</option>
              <option value="similar">Peers together (similar region and kind)</option>
            </select>
          </Field>
        </div>
      );
    case 'selfSelect':
    case 'manual':
      return <NamedRooms form={form} change={change} withCap={form.kind === 'selfSelect'} />;
  }
}

/** The rooms a facilitator names for self-select (with caps) and manual rounds. */
function NamedRooms({ form, change, withCap }: { form: BuilderForm; change: Change; withCap: boolean }) {
  const id = useId();
  const update = (i: number, patch: Partial<BuilderForm['rooms'][number]>) =>
    change({ rooms: form.rooms.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="fieldset named-rooms">
      <legend className="field-label">Rooms</legend>
      {withCap ? <p className="hint">People pick one of these once the round opens.</p> : <p className="hint">You place people on the preview.</p>}
      <ol className="plain-list">
        {form.rooms.map((room, i) => (
          <li key={room.id} className="named-room">
            <label className="visually-hidden" htmlFor={`${id}-${room.id}-name`}>
              Name of room {i + 1}
            </label>
            <input id={`${id}-${room.id}-name`} value={room.name} maxLength={60} onChange={(e) => update(i, { name: e.target.value })} />
            {withCap && (
              <>
                <label htmlFor={`${id}-${room.id}-cap`}>Cap</label>
                <input
                  id={`${id}-${room.id}-cap`}
                  type="number"
                  inputMode="numeric"
                  className="number-input"
                  min={1}
                  value={room.cap}
                  onChange={(e) => update(i, { cap: e.target.value })}
                />
              </>
            )}
            <button
              type="button"
              className="button quiet small"
              aria-label={`Remove room ${i + 1}`}
              disabled={form.rooms.length <= 1}
              onClick={() => change({ rooms: form.rooms.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button small"
        onClick={() => change({ rooms: [...form.rooms, { id: nextRoomId(form.rooms), name: `Room ${form.rooms.length + 1}`, cap: '6' }] })}
      >
        Add a room
      </button>
    </fieldset>
  );
}
