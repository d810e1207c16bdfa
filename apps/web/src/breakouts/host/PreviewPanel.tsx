import { useId } from 'react';
import type { AloneChoice } from '@brave/protocol';
import { peopleCount } from '../words.ts';
import { AloneNotice } from './AloneNotice.tsx';
import { RoomBoard, type BoardRoom } from './RoomBoard.tsx';
import { planKey, toSpec, type BuilderForm } from './specForm.ts';
import type { Plan, usePlanner } from './usePlanner.ts';

/**
 * The previewed rooms, before anyone goes anywhere: sizes, repeat pairings, the engine's
 * explanation, people to move around, video links, then "Open rooms". Caucus rooms show
 * sizes only, and so does the main room in a caucus round: who stays out of the
 * caucuses would say something about their private answer.
 */
export function PreviewPanel({
  plan,
  form,
  change,
  stale,
  running,
  planner,
}: {
  plan: Plan;
  form: BuilderForm;
  change: (patch: Partial<BuilderForm>) => void;
  stale: boolean;
  running: boolean;
  planner: ReturnType<typeof usePlanner>;
}) {
  const id = useId();
  const { preview } = plan;
  const caucusRound = plan.spec.strategy.kind === 'affinity';
  const rooms: BoardRoom[] = preview.rooms.map((r) => ({ ...r }));
  const moved = plan.moves.length;

  const built = toSpec(form);
  const open = async () => {
    if (!built.ok || planKey(built.spec) !== plan.key) return;
    await planner.open(built.spec);
  };
  const setVideo = (key: string, url: string) => change({ videoUrls: { ...form.videoUrls, [key]: url } });
  /** A choice for a room of one is part of the spec: keep it in the form and plan again. */
  const chooseAlone = (room: string, choice: AloneChoice) => {
    const alone = { ...form.alone, [room]: choice };
    change({ alone });
    const next = toSpec({ ...form, alone });
    if (next.ok) void planner.replan(next.spec);
  };

  return (
    <section className="preview" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Preview: {plan.spec.name}</h3>
      <ul className="explain-lines">
        {preview.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <AloneNotice cases={preview.alone} onChoose={chooseAlone} busy={planner.pending} />
      <p className="tags">
        <span className="tag">{preview.rooms.length === 1 ? '1 room' : `${preview.rooms.length} rooms`}</span>
        {!caucusRound && <span className="tag">{preview.repeatPairs === 1 ? '1 pair meets again' : `${preview.repeatPairs} pairs meet again`}</span>}
        {moved > 0 && <span className="tag">{moved === 1 ? '1 move by hand' : `${moved} moves by hand`}</span>}
      </p>
      {stale && (
        <p className="gentle-note" role="status">
          The settings changed since this preview. Preview again before opening.
        </p>
      )}
      <RoomBoard
        key={`${plan.key}:${plan.seed}`}
        label="Rooms in this preview"
        rooms={rooms}
        plenary={caucusRound ? null : preview.plenary}
        plenaryNote={caucusRound ? `${peopleCount(preview.plenarySize)} ${preview.plenarySize === 1 ? 'stays' : 'stay'} here.` : undefined}
        onMove={planner.move}
        busy={planner.pending}
        {...(plan.spec.strategy.kind === 'selfSelect' ? { emptyNote: 'Empty until people choose, once the round opens.' } : {})}
        extras={(room) => (
          <div className="field video-field">
            <label htmlFor={`${id}-v-${room.key}`}>Video link for {room.name} (optional)</label>
            <input
              id={`${id}-v-${room.key}`}
              type="url"
              inputMode="url"
              placeholder="https://"
              maxLength={500}
              value={form.videoUrls[room.key] ?? ''}
              onChange={(e) => setVideo(room.key, e.target.value)}
            />
          </div>
        )}
      />
      {!built.ok && (
        <p className="gentle-note" role="alert">
          {built.problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button quiet" disabled={planner.pending} onClick={planner.discard}>
          Discard preview
        </button>
        <button type="button" className="button" disabled={planner.pending} onClick={() => void planner.shuffle()} aria-describedby={`${id}-shuffle`}>
          Shuffle
        </button>
        <button type="button" className="button primary" disabled={planner.pending || stale || running || !built.ok} onClick={() => void open()}>
          Open rooms
        </button>
      </div>
      <p className="hint" id={`${id}-shuffle`}>
        Shuffle tries another arrangement and starts your moves afresh.
        {running ? ' A round is running: close it before opening this one.' : ''}
      </p>
    </section>
  );
}
