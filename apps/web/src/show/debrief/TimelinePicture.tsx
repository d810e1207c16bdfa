import type { ReportItem } from '@brave/protocol';
import { formatLeft } from '../../breakouts/clock.ts';
import { Picture } from './Picture.tsx';

const W = 640;
const LEFT = 180;
const RIGHT = 24;
const ROW = 40;
const TOP = 40;
const PLANNED = '#c9dcd9';
const ACTUAL = '#22524e';
const INK = '#23262f';

const took = (i: ReportItem) => (i.actualStartMs === null ? 'not reached' : i.actualMs === null ? 'still going' : formatLeft(i.actualMs));

/** The run of show as planned (light) and as it went (dark), item by item, on one clock. */
export function TimelinePicture({ items }: { items: ReportItem[] }) {
  const end = Math.max(60_000, ...items.map((i) => Math.max(i.plannedStartMs + i.plannedMs, (i.actualStartMs ?? 0) + (i.actualMs ?? 0))));
  const x = (ms: number) => LEFT + (ms / end) * (W - LEFT - RIGHT);
  const height = TOP + items.length * ROW + 30;
  const stepMin = Math.max(1, Math.ceil(end / 60_000 / 6));
  const ticks = Array.from({ length: Math.floor(end / 60_000 / stepMin) + 1 }, (_, k) => k * stepMin);
  const summary = items.map((i) => `${i.title}: planned ${formatLeft(i.plannedMs)}, took ${took(i)}`).join('; ');
  return (
    <Picture
      title="Run of show: planned and actual"
      summary={summary}
      filename="run-of-show"
      width={W}
      height={height}
      table={
        <table className="show-debrief">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Planned</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i, k) => (
              <tr key={`${k}-${i.title}`}>
                <th scope="row">{i.title}</th>
                <td>{formatLeft(i.plannedMs)}</td>
                <td>{took(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <rect x={LEFT} y={10} width={12} height={10} fill={PLANNED} />
      <text x={LEFT + 18} y={19} fill={INK}>planned</text>
      <rect x={LEFT + 90} y={10} width={12} height={10} fill={ACTUAL} />
      <text x={LEFT + 108} y={19} fill={INK}>as it went</text>
      {items.map((i, k) => {
        const y = TOP + k * ROW;
        return (
          <g key={`${k}-${i.title}`}>
            <text x={LEFT - 8} y={y + 18} textAnchor="end" fill={INK}>
              {i.title.length > 24 ? `${i.title.slice(0, 23)}…` : i.title}
            </text>
            <rect x={x(i.plannedStartMs)} y={y + 4} width={Math.max(2, x(i.plannedStartMs + i.plannedMs) - x(i.plannedStartMs))} height={12} fill={PLANNED} />
            {i.actualStartMs !== null && i.actualMs !== null && (
              <rect x={x(i.actualStartMs)} y={y + 18} width={Math.max(2, x(i.actualStartMs + i.actualMs) - x(i.actualStartMs))} height={12} fill={ACTUAL} />
            )}
          </g>
        );
      })}
      {ticks.map((m) => (
        <text key={m} x={x(m * 60_000)} y={height - 8} textAnchor="middle" fill={INK} fontSize="11">
          {m} min
        </text>
      ))}
    </Picture>
  );
}
