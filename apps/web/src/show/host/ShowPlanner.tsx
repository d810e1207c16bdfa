import { useEffect, useId, useRef, useState } from 'react';
import type { ShowItem, ShowItemKind } from '@brave/protocol';
import { SHOW_LIMITS, ShowItemKind as Kinds } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { loadTemplate, saveTemplate, type ShowTemplate } from '../template.ts';
import { KIND_LABEL, KIND_START, newItemId } from '../words.ts';
import { ItemFields } from './ItemFields.tsx';
import { PlanSourceContext, type PlanSource } from './plan-source.ts';
import { Refusal } from '../Refusal.tsx';

/** What is sent: trimmed texts, choices without blank lines. */
function cleaned(items: ShowItem[]): ShowItem[] {
  return items.map((item) => {
    if (!item.pulse?.options) return item;
    return { ...item, pulse: { ...item.pulse, options: item.pulse.options.map((o) => o.trim()).filter(Boolean) } };
  });
}

/** The live convening's run of show, saved by command. */
export function ShowPlanner({ onSaved }: { onSaved?: () => void }) {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const source: PlanSource = {
    items: state.show.items,
    autoAdvance: state.show.autoAdvance,
    currentId: state.show.currentId,
    agreements: state.agreements,
    agenda: state.agenda,
    // A quick convening's community is itself: its template stays on this device.
    communityId: state.communityId !== state.id ? state.communityId : null,
    save: async (plan) => {
      const result = await send({ type: 'show.plan', ...plan });
      if (result.ok) onSaved?.();
      return result.ok;
    },
  };
  return <PlanEditor source={source} pending={pending} error={error} />;
}

/**
 * Plan the run of show: add items, put them in order (buttons for keyboard and pointer,
 * or drag a card), give each its minutes and what it does, save. The plan can be kept
 * as the community's template for its next convening. Used live (ShowPlanner) and on a
 * scheduled convening's form, where every change goes back to the form.
 */
export function PlanEditor({ source, pending = false, error = null }: { source: PlanSource; pending?: boolean; error?: Parameters<typeof Refusal>[0]['error'] }) {
  // The body reads the plan's context as it reads a convening's state.
  const state = { show: { currentId: source.currentId }, agreements: source.agreements, agenda: source.agenda };
  const id = useId();
  const [items, setItems] = useState<ShowItem[]>(() => structuredClone([...source.items]));
  const [autoAdvance, setAutoAdvance] = useState(source.autoAdvance);
  const [kind, setKind] = useState<ShowItemKind>('welcome');
  const [said, setSaid] = useState('');
  const dragged = useRef<number | null>(null);
  const [template, setTemplate] = useState<ShowTemplate | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const { communityId, onChange } = source;

  useEffect(() => {
    let live = true;
    void loadTemplate(communityId).then((t) => live && setTemplate(t));
    return () => {
      live = false;
    };
  }, [communityId]);
  // On a form, the plan is the form's: hand back every change.
  useEffect(() => onChange?.({ items: cleaned(items), autoAdvance }), [items, autoAdvance, onChange]);

  const focusItem = (i: number, what: string) => {
    // After a move the same card is elsewhere: keep focus on the button that moved it.
    window.requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>(`[data-act="${what}"]`)[i]?.focus());
  };
  const move = (from: number, to: number, how?: string) => {
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [taken] = next.splice(from, 1);
    next.splice(to, 0, taken!);
    setItems(next);
    setSaid(`${taken!.title} is now number ${to + 1} of ${next.length}.`);
    if (how) focusItem(to, how);
  };
  const add = () => {
    const start = KIND_START[kind];
    const item: ShowItem = { id: newItemId(items.map((i) => i.id)), kind, title: start.title, minutes: start.minutes };
    if (kind === 'pulse') item.pulse = { question: 'How are you arriving today?', kind: 'scale' };
    setItems([...items, item]);
    setSaid(`Added ${KIND_LABEL[kind]} as number ${items.length + 1}.`);
  };
  const save = async () => {
    if (await source.save?.({ items: cleaned(items), autoAdvance })) setSaid('The run of show is saved.');
  };
  const applyTemplate = (t: NonNullable<typeof template>) => {
    // Another convening's agreements and agenda rounds may not be here: those links are left open.
    const fitted = t.items.map((item) => {
      const next = { ...item };
      if (next.agreementId && !state.agreements.some((a) => a.id === next.agreementId)) delete next.agreementId;
      if (next.round !== undefined && !state.agenda[next.round]) delete next.round;
      return next;
    });
    setItems(fitted);
    setAutoAdvance(t.autoAdvance);
    setSaid(source.save ? 'The kept template is in the plan. Save to use it.' : 'The kept template is in the plan.');
  };
  const keep = async () => {
    const kept = await saveTemplate(communityId, { items: cleaned(items), autoAdvance });
    if (kept) setTemplate(kept);
    if (communityId === null) setSaid(kept ? 'Kept on this device for your next convening.' : 'This browser would not keep it. Private windows often forget.');
    else setSaid(kept ? 'Kept for the community’s next convening, for all its facilitators.' : 'It could not be kept just now. Try again in a moment.');
  };

  return (
    <PlanSourceContext.Provider value={source}>
    <div className="show-planner">
      <ol className="show-plan-list" ref={list} aria-label="Items, in order">
        {items.map((item, i) => (
          <li
            key={item.id}
            className={item.id === state.show.currentId ? 'is-now' : undefined}
            draggable
            onDragStart={() => (dragged.current = i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragged.current !== null) move(dragged.current, i);
              dragged.current = null;
            }}
          >
            <div className="show-item-head">
              <span className="tag">
                {i + 1}. {KIND_LABEL[item.kind]}
              </span>
              {item.id === state.show.currentId && <strong>Happening now</strong>}
            </div>
            <div className="show-item-fields">
              <div className="field">
                <label htmlFor={`${id}-${item.id}-t`}>Title</label>
                <input id={`${id}-${item.id}-t`} maxLength={80} value={item.title} onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-${item.id}-m`}>Minutes</label>
                <input
                  id={`${id}-${item.id}-m`}
                  type="number"
                  min={1}
                  max={SHOW_LIMITS.minutesMax}
                  value={item.minutes}
                  onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, minutes: Math.max(1, Math.min(SHOW_LIMITS.minutesMax, Number(e.target.value) || 1)) } : x)))}
                />
              </div>
              <ItemFields item={item} onChange={(next) => setItems(items.map((x, j) => (j === i ? next : x)))} />
            </div>
            <div className="actions">
              <button type="button" className="button small quiet" data-act="up" disabled={i === 0} onClick={() => move(i, i - 1, 'up')} aria-label={`Move ${item.title} earlier`}>
                Earlier
              </button>
              <button type="button" className="button small quiet" data-act="down" disabled={i === items.length - 1} onClick={() => move(i, i + 1, 'down')} aria-label={`Move ${item.title} later`}>
                Later
              </button>
              <button type="button" className="button small quiet" disabled={item.id === state.show.currentId} onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={`Take out ${item.title}`}>
                Take out
              </button>
            </div>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="muted">Nothing planned yet. Add the first item below, or start from a kept template.</p>}
      <div className="inline-field">
        <label htmlFor={`${id}-kind`}>Add an item</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(Kinds.parse(e.target.value))}>
          {Kinds.options.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={items.length >= SHOW_LIMITS.itemsMax} onClick={add}>
          Add
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance(e.target.checked)} />
        Move on by itself when an item’s time is up
      </label>
      <div className="actions">
        {source.save && (
          <button type="button" className="button primary" disabled={pending} onClick={() => void save()}>
            Save the run of show
          </button>
        )}
        <button type="button" className="button quiet" disabled={items.length === 0} onClick={() => void keep()}>
          Keep as a template
        </button>
        {template && (
          <button type="button" className="button quiet" onClick={() => applyTemplate(template)}>
            Use the kept template ({template.items.length})
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <Refusal error={error} />
    </div>
    </PlanSourceContext.Provider>
  );
}
