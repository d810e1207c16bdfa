import { useId, useState } from 'react';
import { RadioList } from '../../components/RadioList.tsx';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { ConfidentialFields } from './ConfidentialFields.tsx';
import { ConstraintFields } from './ConstraintFields.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { planKey, toSpec, type BuilderForm, type StrategyKind } from './specForm.ts';
import { StrategyFields } from './StrategyFields.tsx';
import { usePlanner } from './usePlanner.ts';
import { STRATEGIES, suggestedName } from './words.ts';

/**
 * Plan a round: name, way of grouping, time and constraints; then preview, shuffle,
 * edit and open. The same settings can be kept on the agenda for later.
 */
export function RoundBuilder({
  form,
  setForm,
  running,
  agendaItem = null,
  onOpened,
}: {
  form: BuilderForm;
  setForm: (f: BuilderForm) => void;
  running: boolean;
  /** Set when the form holds an agenda item ("Preview first"): later agenda rounds are planned with it. */
  agendaItem?: number | null;
  onOpened?: () => void;
}) {
  const { state } = useConvening();
  const id = useId();
  const planner = usePlanner(agendaItem, onOpened);
  const agenda = useCommand();
  const [problem, setProblem] = useState<string | null>(null);
  const [savedToAgenda, setSavedToAgenda] = useState(false);
  const change = (patch: Partial<BuilderForm>) => {
    setProblem(null);
    setSavedToAgenda(false);
    setForm({ ...form, ...patch });
  };
  const built = toSpec(form);
  const stale = planner.plan !== null && built.ok && planKey(built.spec) !== planner.plan.key;
  // Rooms to tick as confidential: the ones the form names, else the preview's.
  const named = form.kind === 'manual' || form.kind === 'selfSelect';
  const roomChoices = named ? form.rooms.map((r) => ({ key: r.id, name: r.name.trim() || r.id })) : (planner.plan?.preview.rooms.map((r) => ({ key: r.key, name: r.name })) ?? []);
  /** Ticking a confidential room changes the plan (its roster leaves the preview): plan again, same arrangement. */
  const changeConfidential = (patch: Partial<BuilderForm>) => {
    change(patch);
    const next = toSpec({ ...form, ...patch });
    if (planner.plan && next.ok) void planner.replan(next.spec);
  };

  const preview = async () => {
    if (!built.ok) return setProblem(built.problem);
    await planner.preview(built.spec);
  };
  const keep = async () => {
    if (!built.ok) return setProblem(built.problem);
    if (state.agenda.length >= 20) return setProblem('The agenda holds up to 20 rounds.');
    const result = await agenda.send({ type: 'agenda.set', agenda: [...state.agenda, built.spec] });
    setSavedToAgenda(result.ok);
  };

  return (
    <section className="builder" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Plan a round</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void preview();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Round name</label>
          <input id={`${id}-name`} value={form.name} maxLength={80} onChange={(e) => change({ name: e.target.value })} />
        </div>
        <RadioList
          legend="How to group people"
          value={form.kind}
          onChange={(kind: StrategyKind) => change({ kind, name: suggestedName(form.name, kind) })}
          options={STRATEGIES.map((s) => ({ value: s.kind, label: s.label, hint: s.hint }))}
          className="strategy-choice"
        />
        <StrategyFields form={form} change={change} />
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-min`}>Minutes</label>
            <input
              id={`${id}-min`}
              type="number"
              inputMode="decimal"
              className="number-input"
              min={0.5}
              max={240}
              step={0.5}
              value={form.minutes}
              onChange={(e) => change({ minutes: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-grace`}>Wrap-up after time is up (seconds)</label>
            <input
              id={`${id}-grace`}
              type="number"
              inputMode="numeric"
              className="number-input"
              min={0}
              max={300}
              value={form.graceSeconds}
              onChange={(e) => change({ graceSeconds: e.target.value })}
            />
          </div>
        </div>
        <ConstraintFields form={form} change={change} />
        <ConfidentialFields form={form} change={changeConfidential} rooms={roomChoices} />
        <div role="alert">{(problem ?? planner.error?.message ?? agenda.error?.message) && <p className="gentle-note">{problem ?? planner.error?.message ?? agenda.error?.message}</p>}</div>
        <div role="status">{savedToAgenda && <p className="sent-note">Added to the agenda as round {state.agenda.length}.</p>}</div>
        <div className="actions">
          <button type="button" className="button quiet" disabled={agenda.pending} onClick={() => void keep()}>
            Save to agenda
          </button>
          <button type="submit" className="button primary" disabled={planner.pending}>
            Preview
          </button>
        </div>
      </form>
      {planner.plan && (
        <PreviewPanel
          plan={planner.plan}
          form={form}
          change={change}
          stale={stale}
          running={running}
          planner={planner}
        />
      )}
    </section>
  );
}
