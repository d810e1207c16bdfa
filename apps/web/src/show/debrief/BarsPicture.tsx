import { Picture } from './Picture.tsx';

const W = 640;
const LEFT = 180;
const ROW = 30;
const BAR = '#2d6a65';
const INK = '#23262f';

export interface Bar {
  label: string;
  value: number;
}

/** Counts as horizontal bars, each with its number beside it; the table says the same. */
export function BarsPicture({ title, filename, bars, unit }: { title: string; filename: string; bars: Bar[]; unit: string }) {
  const most = Math.max(1, ...bars.map((b) => b.value));
  const width = (v: number) => (v / most) * (W - LEFT - 60);
  const height = 16 + bars.length * ROW;
  return (
    <Picture
      title={title}
      summary={bars.map((b) => `${b.label}: ${b.value}`).join('; ')}
      filename={filename}
      width={W}
      height={height}
      table={
        <table className="show-debrief">
          <thead>
            <tr>
              <th scope="col">{unit}</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b, k) => (
              <tr key={`${k}-${b.label}`}>
                <th scope="row">{b.label}</th>
                <td>{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {bars.map((b, k) => {
        const y = 8 + k * ROW;
        return (
          <g key={`${k}-${b.label}`}>
            <text x={LEFT - 8} y={y + 16} textAnchor="end" fill={INK}>
              {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
            </text>
            <rect x={LEFT} y={y + 4} width={Math.max(b.value > 0 ? 2 : 0, width(b.value))} height={16} fill={BAR} />
            <text x={LEFT + width(b.value) + 6} y={y + 16} fill={INK}>
              {b.value}
            </text>
          </g>
        );
      })}
    </Picture>
  );
}
